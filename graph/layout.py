"""Seeded, rounded node positions shared by the HTML view and the GEXF export."""

from __future__ import annotations

import networkx as nx


def layout(g: nx.Graph, scale: float = 1000.0, seed: int = 0, iterations: int = 100) -> dict[str, tuple[float, float]]:
    """Spring-layout positions (seed 0, rounded to 0.1) of g's nodes, stable across runs."""
    und = nx.Graph()
    und.add_nodes_from(sorted(g.nodes))
    und.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in g.edges() if u != v))
    if und.number_of_nodes() == 0:
        return {}
    pos = nx.spring_layout(und, seed=seed, scale=scale, iterations=iterations)
    return {n: (round(float(x), 1) + 0.0, round(float(y), 1) + 0.0) for n, (x, y) in sorted(pos.items())}
