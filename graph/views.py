"""The assertion MultiDiGraph read from RDF and the derived views of spec/analytics.md."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

import networkx as nx
import rdflib
from rdflib import Literal, URIRef

from graph import _data
from graph.vocab import ACTOR, ACTOR_CLASSES, RDF, SKOS, SY, local_name

PLANNED_FACTOR = 0.5
_JA_SCRIPT = ("\u3040", "\u30ff", "\u3400", "\u9fff", "\uff66", "\uff9f")


def _literal(g: rdflib.Graph, s: URIRef, p: URIRef) -> Any:
    """The smallest (sorted) literal value of s p, as a Python value, or None."""
    values = sorted((o for o in g.objects(s, p)), key=str)
    if not values:
        return None
    o = values[0]
    return o.toPython() if isinstance(o, Literal) else o


def _actor_id(g: rdflib.Graph, iri: URIRef) -> str:
    """The contract id of an actor IRI (sy:actorId, else the IRI's local part)."""
    aid = _literal(g, iri, SY.actorId)
    return str(aid) if aid is not None else local_name(iri, str(ACTOR))


def _has_japanese(text: str) -> bool:
    return any(_JA_SCRIPT[i] <= ch <= _JA_SCRIPT[i + 1] for ch in text for i in (0, 2, 4))


def _actor_attrs(g: rdflib.Graph, iri: URIRef) -> dict[str, Any]:
    """The node attributes of one actor."""
    aid = _actor_id(g, iri)
    labels_ja, labels_en, aliases = [], [], set()
    for pred in (SKOS.prefLabel, SKOS.altLabel):
        for o in g.objects(iri, pred):
            if not isinstance(o, Literal):
                continue
            aliases.add(str(o))
            if pred == SKOS.prefLabel:
                (labels_ja if (o.language or "").startswith("ja") else labels_en).append(str(o))
    label_ja = sorted(labels_ja)[0] if labels_ja else None
    label_en = sorted(labels_en)[0] if labels_en else None
    types = sorted(local_name(t, str(SY)) for t in g.objects(iri, RDF.type)
                   if str(t).startswith(str(SY)) and local_name(t, str(SY)) in ACTOR_CLASSES)
    country = _literal(g, iri, SY.country)
    return {
        "id": aid,
        "label_ja": label_ja,
        "label_en": label_en,
        "label": label_ja or label_en or aid,
        "type": types[0] if types else None,
        "country": _actor_id(g, country) if isinstance(country, URIRef) else None,
        "aliases": sorted(aliases),
    }


def _actor_iris(g: rdflib.Graph) -> set[URIRef]:
    iris: set[URIRef] = set()
    for cls in ACTOR_CLASSES + ("Actor",):
        iris.update(s for s in g.subjects(RDF.type, SY[cls]) if isinstance(s, URIRef))
    iris.update(s for s in g.subjects(SY.actorId, None) if isinstance(s, URIRef))
    return iris


def _doc_name(g: rdflib.Graph, doc: Any) -> str | None:
    if not isinstance(doc, URIRef):
        return None if doc is None else str(doc)
    name = _literal(g, doc, SY.docName) or _literal(g, doc, SY.docId)
    return str(name) if name is not None else local_name(doc, "")


def assertion_graph(g: rdflib.Graph) -> nx.MultiDiGraph:
    """One node per actor and one edge per sy:Assertion (key = relation id) of an RDF build."""
    mdg = nx.MultiDiGraph()
    actors = _actor_iris(g)
    records = []
    for rel in g.subjects(RDF.type, SY.Assertion):
        s, p, o = (_literal(g, rel, x) for x in (SY.subject, SY.predicate, SY.object))
        if not (isinstance(s, URIRef) and isinstance(o, URIRef) and p is not None):
            continue
        actors.update((s, o))
        records.append((rel, s, p, o))
    attrs = {iri: _actor_attrs(g, iri) for iri in actors}
    for iri in sorted(actors, key=lambda i: attrs[i]["id"]):
        mdg.add_node(attrs[iri]["id"], **attrs[iri])
    edges = []
    for rel, s, p, o in records:
        predicate = local_name(p, str(SY))
        rid = _literal(g, rel, SY.relationId)
        modality = _literal(g, rel, SY.modality)
        date = _literal(g, rel, SY.date)
        confidence = _literal(g, rel, SY.confidence)
        start, end = _literal(g, rel, SY.start), _literal(g, rel, SY.end)
        edges.append((attrs[s]["id"], attrs[o]["id"], str(rid) if rid is not None else local_name(rel, ""), {
            "predicate": predicate,
            "family": _data.family_of(predicate),
            "modality": local_name(modality, str(SY)) if modality is not None else "actual",
            "negated": bool(_literal(g, rel, SY.negated) or False),
            "date": str(date) if date is not None else None,
            "date_precision": _literal(g, rel, SY.datePrecision),
            "confidence": float(confidence) if confidence is not None else None,
            "doc": _doc_name(g, _literal(g, rel, SY.document)),
            "sentence": _literal(g, rel, SY.sentence),
            "trigger": _literal(g, rel, SY.trigger),
            "start": int(start) if start is not None else None,
            "end": int(end) if end is not None else None,
        }))
    for u, v, key, data in sorted(edges, key=lambda e: (e[2], e[0], e[1])):
        mdg.add_edge(u, v, key=key, **data)
    return mdg


def edge_weights(mdg: nx.MultiDiGraph, include_planned: bool = False) -> dict[tuple[str, str, str], float]:
    """Weight of each (subject, predicate, object): distinct documents, planned/hypothetical x0.5 when included."""
    actual: dict[tuple[str, str, str], set] = defaultdict(set)
    planned: dict[tuple[str, str, str], set] = defaultdict(set)
    for u, v, data in mdg.edges(data=True):
        if data.get("negated") or data.get("rejected"):
            continue
        triple = (u, data["predicate"], v)
        if data.get("modality", "actual") == "actual":
            actual[triple].add(data.get("doc"))
        elif include_planned:
            planned[triple].add(data.get("doc"))
    weights: dict[tuple[str, str, str], float] = {}
    for triple in sorted(set(actual) | set(planned)):
        docs = actual.get(triple, set())
        weights[triple] = len(docs) + PLANNED_FACTOR * len(planned.get(triple, set()) - docs)
    return weights


def _new_digraph(mdg: nx.MultiDiGraph, directed: bool = True) -> nx.Graph:
    out = nx.DiGraph() if directed else nx.Graph()
    out.add_nodes_from(sorted(mdg.nodes(data=True), key=lambda n: n[0]))
    return out


def _add(out: nx.Graph, u: str, v: str, weight: float, family: str, predicate: str) -> None:
    if u == v:
        return
    if out.has_edge(u, v):
        data = out[u][v]
        data["weight"] += weight
    else:
        out.add_edge(u, v, weight=weight, families={}, predicates={})
        data = out[u][v]
    data["families"][family] = data["families"].get(family, 0.0) + weight
    data["predicates"][predicate] = data["predicates"].get(predicate, 0.0) + weight


def _directed_view(mdg: nx.MultiDiGraph, include_planned: bool, key: str) -> nx.DiGraph:
    table = _data.families()["predicates"]
    out = _new_digraph(mdg)
    for (s, p, o), w in edge_weights(mdg, include_planned).items():
        spec = table.get(p, {"family": "other", "influence": "reverse", "dependency": None, "symmetric": False})
        direction = spec.get(key) if key != "action" else ("both" if spec.get("symmetric") else "forward")
        pairs: Iterable[tuple[str, str]] = {
            "forward": [(s, o)], "reverse": [(o, s)], "both": [(s, o), (o, s)],
        }.get(direction or "none", [])
        for u, v in pairs:
            _add(out, u, v, w, spec["family"], p)
    return out


def action_graph(mdg: nx.MultiDiGraph, include_planned: bool = False) -> nx.DiGraph:
    """Edges subject -> object as asserted (symmetric predicates both ways), weight = distinct documents."""
    return _directed_view(mdg, include_planned, "action")


def influence_graph(mdg: nx.MultiDiGraph, include_planned: bool = False) -> nx.DiGraph:
    """Edges pointing towards the actor that holds power in the relation (spec table)."""
    return _directed_view(mdg, include_planned, "influence")


def dependency_graph(mdg: nx.MultiDiGraph, include_planned: bool = False) -> nx.DiGraph:
    """Edges dependent -> provider from dependsOn, supplies, funds and investsIn."""
    return _directed_view(mdg, include_planned, "dependency")


def signed_graph(mdg: nx.MultiDiGraph, include_planned: bool = False) -> nx.Graph:
    """Undirected pairs with sign = sum of family sign x weight; attrs positive and negative too."""
    table = _data.families()
    out = _new_digraph(mdg, directed=False)
    for (s, p, o), w in edge_weights(mdg, include_planned).items():
        sign = table["signs"].get(_data.family_of(p), 0)
        if sign == 0 or s == o:
            continue
        if not out.has_edge(s, o):
            out.add_edge(s, o, sign=0.0, positive=0.0, negative=0.0)
        data = out[s][o]
        data["sign"] += sign * w
        data["positive" if sign > 0 else "negative"] += w
    return out


def country_graph(mdg: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Every actor folded into its country (countries and country-less actors stay); self-loops dropped."""
    fold = {n: (d.get("country") or n) if d.get("type") != "Country" else n for n, d in mdg.nodes(data=True)}
    out = nx.MultiDiGraph()
    for n in sorted(set(fold.values())):
        data = dict(mdg.nodes[n]) if n in mdg else {
            "id": n, "label_ja": None, "label_en": None, "label": n, "type": "Country",
            "country": None, "aliases": []}
        data["country"] = data.get("country") if data.get("type") not in ("Country",) else n
        out.add_node(n, **data)
    for u, v, key, data in sorted(mdg.edges(keys=True, data=True), key=lambda e: e[2]):
        fu, fv = fold[u], fold[v]
        if fu != fv:
            out.add_edge(fu, fv, key=key, **dict(data, orig_subject=u, orig_object=v))
    return out


_MONTH_END = {"02": "29", "04": "30", "06": "30", "09": "30", "11": "30"}


def _date_bounds(date: str) -> tuple[str, str]:
    """The first and last ISO day covered by a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD)."""
    date = date[:10]
    if len(date) == 4:
        return date + "-01-01", date + "-12-31"
    if len(date) == 7:
        return date + "-01", date + "-" + _MONTH_END.get(date[5:7], "31")
    return date, date


def time_slice(mdg: nx.MultiDiGraph, since: str | None = None, until: str | None = None,
               keep_undated: bool = True) -> nx.MultiDiGraph:
    """The assertion graph restricted to edges whose date overlaps [since, until] (partial ISO dates)."""
    low = _date_bounds(since)[0] if since else "0000-01-01"
    high = _date_bounds(until)[1] if until else "9999-12-31"
    out = nx.MultiDiGraph()
    out.add_nodes_from(mdg.nodes(data=True))
    for u, v, key, data in mdg.edges(keys=True, data=True):
        date = data.get("date")
        if not date:
            if keep_undated:
                out.add_edge(u, v, key=key, **dict(data, undated=True))
            continue
        first, last = _date_bounds(str(date))
        if first <= high and last >= low:
            out.add_edge(u, v, key=key, **data)
    return out
