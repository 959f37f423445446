"""One metrics row per actor (spec Outputs), written as CSV, JSON and typed RDF literals."""

from __future__ import annotations

import csv
import json
import os
from typing import Any, Sequence
from urllib.parse import quote

import networkx as nx
import rdflib
from rdflib import Literal, URIRef

from graph import _data
from graph.communities import communities
from graph.dependency import chokepoint_scores, direct_exposure, exposure_by_country, transitive_exposure
from graph.influence import betweenness, degree_by_family, hits, pagerank
from graph.views import action_graph, country_graph, dependency_graph, influence_graph
from graph._io import atomic_open
from graph.vocab import ACTOR, SY, XSD

IDENTITY_COLUMNS = ("id", "label_ja", "label_en", "type", "country")
FLOAT_COLUMNS = ("pagerank", "betweenness", "hub", "authority")


def degree_columns() -> list[str]:
    """in_degree_<family>, out_degree_<family> for every family, in table order."""
    return [f"{d}_degree_{f}" for f in _data.family_names() for d in ("in", "out")]


def metric_columns() -> list[str]:
    """Every column of a metrics row, in output order."""
    return [*IDENTITY_COLUMNS, *FLOAT_COLUMNS, "community", *degree_columns(),
            "providers_direct", "providers_transitive", "exposure_by_country", "chokepoint_score"]


def integer_columns() -> list[str]:
    """The integer-valued metric columns."""
    return ["community", *degree_columns(), "providers_direct", "providers_transitive", "chokepoint_score"]


def round6(x: float) -> float:
    """x rounded to 6 significant digits (and -0.0 made 0.0)."""
    return float(f"{x:.6g}") + 0.0


def compute_metrics(mdg: nx.MultiDiGraph, include_planned: bool = False) -> list[dict[str, Any]]:
    """One row per actor (sorted by id) with identity, influence, community, degree and dependency metrics."""
    act = action_graph(mdg, include_planned)
    inf = influence_graph(mdg, include_planned)
    dep = dependency_graph(mdg, include_planned)
    pr, bc = pagerank(inf), betweenness(inf)
    hub, auth = hits(act)
    comm = communities(mdg, include_planned)
    degrees = degree_by_family(act)
    chokes = chokepoint_scores(dep)
    rows = []
    for n in sorted(mdg.nodes):
        data = mdg.nodes[n]
        row: dict[str, Any] = {c: data.get(c) for c in IDENTITY_COLUMNS}
        row["id"] = n
        row.update({
            "pagerank": round6(pr.get(n, 0.0)),
            "betweenness": round6(bc.get(n, 0.0)),
            "hub": round6(hub.get(n, 0.0)),
            "authority": round6(auth.get(n, 0.0)),
            "community": comm.get(n),
        })
        row.update(degrees[n])
        exposure = {c: round6(s) for c, s in exposure_by_country(dep, n).items()}
        row.update({
            "providers_direct": len(direct_exposure(dep, n)),
            "providers_transitive": len(transitive_exposure(dep, n)),
            "exposure_by_country": json.dumps(exposure, ensure_ascii=False, sort_keys=True),
            "chokepoint_score": chokes.get(n, 0),
        })
        rows.append({c: row[c] for c in metric_columns()})
    return rows


def country_metrics(mdg: nx.MultiDiGraph, include_planned: bool = False) -> list[dict[str, Any]]:
    """The same metrics on the country-level graph (actors folded into their countries)."""
    return compute_metrics(country_graph(mdg), include_planned)


def write_metrics_csv(rows: Sequence[dict[str, Any]], path: str | os.PathLike[str]) -> None:
    """Write metrics rows as UTF-8 CSV (with BOM so spreadsheet programs read Japanese), empty cell for null."""
    with atomic_open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=metric_columns(), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})


def write_metrics_json(rows: Sequence[dict[str, Any]], path: str | os.PathLike[str]) -> None:
    """Write metrics rows as a JSON array (exposure_by_country as an object)."""
    out = [dict(r, exposure_by_country=json.loads(r["exposure_by_country"] or "{}")) for r in rows]
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def rdf_property(column: str) -> URIRef:
    """The sy: property of a metric column (snake_case -> camelCase)."""
    head, *rest = column.split("_")
    return SY[head + "".join(w.capitalize() for w in rest)]


def rdf_metric_columns() -> list[str]:
    """The metric columns written to RDF (every numeric metric)."""
    return [*FLOAT_COLUMNS, *integer_columns()]


def add_metrics_to_rdf(g: rdflib.Graph, rows: Sequence[dict[str, Any]]) -> rdflib.Graph:
    """Add one typed literal per metric to each actor (replacing earlier values) and return g."""
    by_id = {str(o): s for s, o in g.subject_objects(SY.actorId) if isinstance(s, URIRef)}
    floats = set(FLOAT_COLUMNS)
    for row in rows:
        subject = by_id.get(row["id"]) or ACTOR[quote(row["id"], safe="")]
        for column in rdf_metric_columns():
            prop = rdf_property(column)
            g.remove((subject, prop, None))
            value = row.get(column)
            if value is None:
                continue
            if column in floats:
                g.add((subject, prop, Literal(float(value), datatype=XSD.double)))
            else:
                g.add((subject, prop, Literal(int(value), datatype=XSD.integer)))
    return g
