"""GEXF 1.3 export for Gephi (validates against the GEXF 1.3 RelaxNG schema); edge dates become spells."""

from __future__ import annotations

import math
import os
from collections import defaultdict
from typing import Any, Sequence

import networkx as nx
from lxml import etree

from graph import _data
from graph._io import atomic_write_bytes
from graph.layout import layout
from graph.metrics import FLOAT_COLUMNS, integer_columns, metric_columns
from graph.views import PLANNED_FACTOR, _date_bounds

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
_NSMAP = {None: GEXF_NS, "viz": VIZ_NS}
_NODE_STRINGS = ("type", "country", "label_ja", "label_en")


def _g(tag: str) -> str:
    return f"{{{GEXF_NS}}}{tag}"


def _v(tag: str) -> str:
    return f"{{{VIZ_NS}}}{tag}"


def _token(text: Any) -> str:
    return " ".join(str(text).split())


def _rgb(hex_colour: str) -> dict[str, str]:
    h = hex_colour.lstrip("#")
    return {"r": str(int(h[0:2], 16)), "g": str(int(h[2:4], 16)), "b": str(int(h[4:6], 16))}


def _node_attributes() -> list[tuple[str, str, str]]:
    """(column, gexf id, gexf type) of every node attribute."""
    out = [(c, c, "string") for c in _NODE_STRINGS]
    ints = set(integer_columns())
    for c in metric_columns():
        if c in FLOAT_COLUMNS:
            out.append((c, c, "double"))
        elif c == "community":
            out.append((c, "modularity_class", "integer"))
        elif c in ints:
            out.append((c, c, "integer"))
        elif c == "exposure_by_country":
            out.append((c, c, "string"))
    return out


_EDGE_ATTRIBUTES = (("predicate", "string"), ("family", "string"), ("modality", "string"),
                    ("documents", "integer"), ("dates", "string"), ("relations", "string"))


def _fmt(value: Any, kind: str) -> str:
    if kind == "double":
        return repr(float(value))
    if kind == "integer":
        return str(int(value))
    return str(value)


def _edge_groups(mdg: nx.MultiDiGraph) -> list[tuple[str, str, str, list[dict[str, Any]]]]:
    """Non-negated assertions grouped by (subject, object, predicate), sorted."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for u, v, key, data in mdg.edges(keys=True, data=True):
        if not data.get("negated") and not data.get("rejected"):
            groups[(u, v, data["predicate"])].append(dict(data, key=key))
    return [(u, v, p, sorted(evs, key=lambda e: e["key"])) for (u, v, p), evs in sorted(groups.items())]


def _attvalues(parent: etree._Element, values: list[tuple[str, str]]) -> None:
    if values:
        box = etree.SubElement(parent, _g("attvalues"))
        for key, value in values:
            etree.SubElement(box, _g("attvalue"), {"for": key, "value": value})


def build_gexf(mdg: nx.MultiDiGraph, rows: Sequence[dict[str, Any]]) -> etree._Element:
    """The GEXF 1.3 document element of the assertion graph with metrics as node attributes."""
    st = _data.style()
    by_id = {r["id"]: r for r in rows}
    groups = _edge_groups(mdg)
    dynamic = any(e.get("date") for *_, evs in groups for e in evs)
    root = etree.Element(_g("gexf"), {"version": "1.3"}, nsmap=_NSMAP)
    meta = etree.SubElement(root, _g("meta"))
    etree.SubElement(meta, _g("creator")).text = "Seiryoku"
    etree.SubElement(meta, _g("description")).text = "AI-policy actors and their relations (勢力図)"
    gattrs = {"defaultedgetype": "directed", "mode": "dynamic" if dynamic else "static"}
    if dynamic:
        gattrs["timeformat"] = "date"
    graph = etree.SubElement(root, _g("graph"), gattrs)
    node_attrs = _node_attributes()
    box = etree.SubElement(graph, _g("attributes"), {"class": "node", "mode": "static"})
    for column, aid, kind in node_attrs:
        etree.SubElement(box, _g("attribute"), {"id": aid, "title": column if aid == column else aid, "type": kind})
    box = etree.SubElement(graph, _g("attributes"), {"class": "edge", "mode": "static"})
    for aid, kind in _EDGE_ATTRIBUTES:
        etree.SubElement(box, _g("attribute"), {"id": aid, "title": aid, "type": kind})

    pos = layout(mdg, **{k: st["layout"][k] for k in ("scale", "seed", "iterations")})
    size = st["gexf_node_size"]
    pr_max = max([r.get("pagerank") or 0.0 for r in rows] + [0.0])
    nodes = etree.SubElement(graph, _g("nodes"), {"count": str(mdg.number_of_nodes())})
    for n in sorted(mdg.nodes):
        data, row = mdg.nodes[n], by_id.get(n, {})
        el = etree.SubElement(nodes, _g("node"), {"id": n, "label": _token(data.get("label") or n)})
        values = []
        for column, aid, kind in node_attrs:
            value = data.get(column) if column in _NODE_STRINGS else row.get(column)
            if value is not None and value != "":
                values.append((aid, _fmt(value, kind)))
        _attvalues(el, values)
        colour = st["type_colors"].get(data.get("type") or "_default", st["type_colors"]["_default"])
        etree.SubElement(el, _v("color"), _rgb(colour))
        x, y = pos.get(n, (0.0, 0.0))
        etree.SubElement(el, _v("position"), {"x": repr(x), "y": repr(y), "z": "0.0"})
        pr = row.get("pagerank") or 0.0
        scaled = math.sqrt(pr / pr_max) if pr_max > 0 else 0.0
        etree.SubElement(el, _v("size"), {"value": repr(round(size["min"] + (size["max"] - size["min"]) * scaled, 3))})

    edges = etree.SubElement(graph, _g("edges"), {"count": str(len(groups))})
    for u, v, p, evs in groups:
        actual_docs = {e.get("doc") for e in evs if e.get("modality", "actual") == "actual"}
        other_docs = {e.get("doc") for e in evs} - actual_docs
        weight = len(actual_docs) + PLANNED_FACTOR * len(other_docs)
        modality = "actual" if actual_docs else sorted({e.get("modality") for e in evs})[0]
        family = _data.family_of(p)
        el = etree.SubElement(edges, _g("edge"), {"id": f"{u}|{p}|{v}", "source": u, "target": v,
                                                   "weight": repr(float(weight)), "label": p, "kind": p})
        dates = sorted({str(e["date"]) for e in evs if e.get("date")})
        values = [("predicate", p), ("family", family), ("modality", modality),
                  ("documents", str(len(actual_docs | other_docs))), ("dates", " ".join(dates)),
                  ("relations", " ".join(e["key"] for e in evs))]
        _attvalues(el, [(k, val) for k, val in values if val])
        if dates and all(e.get("date") for e in evs):
            spells = etree.SubElement(el, _g("spells"))
            for d in dates:
                start, end = _date_bounds(d)
                etree.SubElement(spells, _g("spell"), {"start": start, "end": end})
        etree.SubElement(el, _v("color"), _rgb(st["family_colors"].get(family, st["family_colors"]["other"])))
        if modality != "actual":
            etree.SubElement(el, _v("shape"), {"value": "dashed"})
    return root


def gexf_bytes(mdg: nx.MultiDiGraph, rows: Sequence[dict[str, Any]]) -> bytes:
    """The serialized GEXF 1.3 document (UTF-8, pretty-printed, deterministic)."""
    return etree.tostring(build_gexf(mdg, rows), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_gexf(mdg: nx.MultiDiGraph, rows: Sequence[dict[str, Any]], path: str | os.PathLike[str]) -> None:
    """Write a Gephi GEXF 1.3 file: node metrics (community as modularity_class), viz colours/sizes, dated edges."""
    atomic_write_bytes(path, gexf_bytes(mdg, rows))
