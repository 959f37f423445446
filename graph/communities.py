"""Communities: Louvain on the undirected cooperation and material-support edges."""

from __future__ import annotations

import networkx as nx

from graph.views import edge_weights
from graph import _data

COMMUNITY_FAMILIES = ("cooperation", "material_support")


def cooperation_graph(mdg: nx.MultiDiGraph, include_planned: bool = False) -> nx.Graph:
    """Undirected graph of cooperation and material-support edges, weight = distinct documents."""
    und = nx.Graph()
    und.add_nodes_from(sorted(mdg.nodes))
    for (s, p, o), w in edge_weights(mdg, include_planned).items():
        if s == o or _data.family_of(p) not in COMMUNITY_FAMILIES:
            continue
        if und.has_edge(s, o):
            und[s][o]["weight"] += w
        else:
            und.add_edge(s, o, weight=w)
    return und


def communities(mdg: nx.MultiDiGraph, include_planned: bool = False) -> dict[str, int]:
    """Louvain community number per actor (seed 0); 0 is the largest, ties by smallest member id."""
    und = cooperation_graph(mdg, include_planned)
    if und.number_of_nodes() == 0:
        return {}
    parts = nx.community.louvain_communities(und, weight="weight", seed=0)
    ordered = sorted((sorted(p) for p in parts), key=lambda members: (-len(members), members[0]))
    return {n: i for i, members in enumerate(ordered) for n in members}
