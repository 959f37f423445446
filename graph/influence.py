"""Influence metrics: PageRank, betweenness, HITS and degree by predicate family."""

from __future__ import annotations

import networkx as nx

from graph import _data
from seiryoku.errors import GraphError

MAX_ITER = 1000
TOL = 1e-10


def pagerank(influence: nx.DiGraph, alpha: float = 0.85) -> dict[str, float]:
    """PageRank on the influence graph (weighted): the share of influence mass an actor collects."""
    if influence.number_of_nodes() == 0:
        return {}
    try:
        return nx.pagerank(influence, alpha=alpha, weight="weight", max_iter=MAX_ITER, tol=TOL)
    except nx.PowerIterationFailedConvergence as exc:
        raise GraphError(f"PageRank did not converge: {exc}") from exc


def betweenness(influence: nx.DiGraph) -> dict[str, float]:
    """Normalized betweenness on the undirected influence graph (distance 1/weight): brokerage between actors."""
    und = nx.Graph()
    und.add_nodes_from(sorted(influence.nodes))
    for u, v, w in sorted(influence.edges(data="weight")):
        if und.has_edge(u, v):
            und[u][v]["weight"] += w
        else:
            und.add_edge(u, v, weight=w)
    for _, _, data in und.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    return nx.betweenness_centrality(und, weight="distance", normalized=True)


def hits(action: nx.DiGraph) -> tuple[dict[str, float], dict[str, float]]:
    """HITS on the action graph: (hubs, authorities); hubs act on important targets, authorities are acted upon."""
    nodes = sorted(action.nodes)
    if action.number_of_edges() == 0:
        return {n: 0.0 for n in nodes}, {n: 0.0 for n in nodes}
    # Weighted power iteration from a uniform start: deterministic, and well defined when the top singular value
    # is repeated (a chain), where a sparse SVD returns an arbitrary vector of that space.
    out_edges = {n: sorted((v, float(w)) for v, w in action[n].items() for w in [w.get("weight", 1.0)])
                 for n in nodes}
    hubs = {n: 1.0 / len(nodes) for n in nodes}
    auths = {n: 0.0 for n in nodes}
    for _ in range(MAX_ITER):
        auths = {n: 0.0 for n in nodes}
        for u in nodes:
            for v, w in out_edges[u]:
                auths[v] += hubs[u] * w
        auths = _normalize(auths)
        new_hubs = {u: sum(auths[v] * w for v, w in out_edges[u]) for u in nodes}
        new_hubs = _normalize(new_hubs)
        delta = sum(abs(new_hubs[n] - hubs[n]) for n in nodes)
        hubs = new_hubs
        if delta < len(nodes) * TOL:
            break
    else:
        raise GraphError(f"HITS did not converge in {MAX_ITER} iterations")
    return {n: _clean(hubs[n]) for n in nodes}, {n: _clean(auths[n]) for n in nodes}


def _clean(x: float) -> float:
    """x with numerical noise (below 1e-12) set to 0."""
    return 0.0 if abs(x) < 1e-12 else x


def _normalize(values: dict[str, float]) -> dict[str, float]:
    total = sum(values.values())
    if total <= 0:
        return values
    return {n: v / total for n, v in values.items()}


def degree_by_family(action: nx.DiGraph) -> dict[str, dict[str, int]]:
    """Per actor, in_degree_<family> and out_degree_<family>: distinct counterparts linked by that family."""
    fams = _data.family_names()
    out = {n: {f"{d}_degree_{f}": 0 for f in fams for d in ("in", "out")} for n in sorted(action.nodes)}
    for u, v, data in action.edges(data=True):
        for fam in data.get("families", {}):
            out[u][f"out_degree_{fam}"] += 1
            out[v][f"in_degree_{fam}"] += 1
    return out
