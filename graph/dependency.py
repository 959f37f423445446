"""Dependency analytics on the dependent -> provider graph: exposure, chokepoints, what-if removal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

import networkx as nx

from graph.views import dependency_graph
from seiryoku.errors import GraphError

NO_COUNTRY = "none"
_SINK = ("__virtual_sink__",)


def direct_exposure(dep: nx.DiGraph, actor: str) -> dict[str, float]:
    """Providers one step away from actor, with the edge weight (distinct documents)."""
    if actor not in dep:
        return {}
    return {p: float(dep[actor][p]["weight"]) for p in sorted(dep.successors(actor))}


def transitive_exposure(dep: nx.DiGraph, actor: str) -> dict[str, int]:
    """Every provider reachable from actor, with its shortest path length in steps."""
    if actor not in dep:
        return {}
    lengths = nx.single_source_shortest_path_length(dep, actor)
    return {p: lengths[p] for p in sorted(lengths) if p != actor}


def country_of(dep: nx.DiGraph, node: str) -> str:
    """The country an actor belongs to (a Country is its own; "none" when unknown or international)."""
    data = dep.nodes[node] if node in dep else {}
    if data.get("type") == "Country":
        return node
    return data.get("country") or NO_COUNTRY


def exposure_by_country(dep: nx.DiGraph, actor: str) -> dict[str, float]:
    """Share of actor's transitive providers per provider country (shares sum to 1)."""
    providers = transitive_exposure(dep, actor)
    if not providers:
        return {}
    counts: dict[str, int] = {}
    for p in providers:
        c = country_of(dep, p)
        counts[c] = counts.get(c, 0) + 1
    return {c: counts[c] / len(providers) for c in sorted(counts)}


def chokepoints(dep: nx.DiGraph, actor: str) -> list[str]:
    """Providers every supply path of actor passes through, nearest first (dominators of a virtual sink)."""
    if actor not in dep or dep.out_degree(actor) == 0:
        return []
    reach = nx.descendants(dep, actor) | {actor}
    sub = nx.DiGraph()
    sub.add_nodes_from(sorted(reach))
    sub.add_edges_from(sorted(dep.subgraph(reach).edges))
    # Ends of supply: providers without providers; in a cycle, the members of a terminal strongly connected component.
    cond = nx.condensation(sub)
    for comp in sorted(cond.nodes):
        members = cond.nodes[comp]["members"]
        if cond.out_degree(comp) == 0 and members != {actor}:
            for m in sorted(members):
                sub.add_edge(m, _SINK)
    if _SINK not in sub:
        return []
    idom = nx.immediate_dominators(sub, actor)
    chain, node = [], idom.get(_SINK)
    while node is not None and node != actor:
        chain.append(node)
        nxt = idom.get(node)
        node = None if nxt == node else nxt
    return chain[::-1]


def chokepoint_scores(dep: nx.DiGraph) -> dict[str, int]:
    """Per actor, the number of actors for which it is a chokepoint."""
    scores = {n: 0 for n in sorted(dep.nodes)}
    for a in sorted(dep.nodes):
        for c in chokepoints(dep, a):
            scores[c] += 1
    return scores


@dataclass(frozen=True)
class WhatIfReport:
    """What changes in the dependency graph when some actors are removed."""

    removed: tuple[str, ...]
    lose_all: tuple[tuple[str, int], ...] = ()                      # (actor, providers before)
    lose_some: tuple[tuple[str, int, int], ...] = ()                # (actor, before, after)
    lose_country: tuple[tuple[str, str], ...] = ()                  # (actor, country with no provider left)
    chokepoints_moved: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()  # (actor, before, after)
    paths_lost: tuple[tuple[str, str], ...] = ()                    # (dependent, provider no longer reachable)
    labels: Mapping[str, str] = field(default_factory=dict)


def whatif(mdg: nx.MultiDiGraph, remove: Sequence[str], include_planned: bool = False) -> WhatIfReport:
    """Recompute exposure and chokepoints without the actors in remove and report who loses what."""
    missing = sorted(set(remove) - set(mdg.nodes))
    if missing:
        raise GraphError(f"unknown actor id(s) for what-if: {', '.join(missing)}")
    removed = tuple(sorted(set(remove)))
    before = dependency_graph(mdg, include_planned)
    after = before.copy()
    after.remove_nodes_from(removed)
    lose_all, lose_some, lose_country, moved, lost = [], [], [], [], []
    for a in sorted(after.nodes):
        prov_b, prov_a = transitive_exposure(before, a), transitive_exposure(after, a)
        if not prov_b:
            continue
        if not prov_a:
            lose_all.append((a, len(prov_b)))
        elif len(prov_a) < len(prov_b):
            lose_some.append((a, len(prov_b), len(prov_a)))
        countries_b = {country_of(before, p) for p in prov_b} - {NO_COUNTRY}
        countries_a = {country_of(after, p) for p in prov_a}
        lose_country.extend((a, c) for c in sorted(countries_b - countries_a))
        cb, ca = tuple(chokepoints(before, a)), tuple(chokepoints(after, a))
        if cb != ca:
            moved.append((a, cb, ca))
        lost.extend((a, p) for p in sorted(set(prov_b) - set(prov_a)))
    labels = {n: str(d.get("label") or n) for n, d in sorted(mdg.nodes(data=True))}
    return WhatIfReport(removed, tuple(lose_all), tuple(lose_some), tuple(lose_country), tuple(moved),
                        tuple(lost), labels)


def format_whatif(report: WhatIfReport) -> str:
    """A human-readable (Japanese-labelled) text of a what-if report."""
    def name(n: str) -> str:
        label = report.labels.get(n, n)
        return f"{label} ({n})" if label != n else n

    lines = [f"除去 (removed): {', '.join(name(n) for n in report.removed)}", ""]
    lines.append(f"全供給元を失う (lose all providers): {len(report.lose_all)}")
    lines += [f"  - {name(a)}: {b} -> 0" for a, b in report.lose_all]
    lines.append(f"一部の供給元を失う (lose some providers): {len(report.lose_some)}")
    lines += [f"  - {name(a)}: {b} -> {c}" for a, b, c in report.lose_some]
    lines.append(f"ある国の供給元をすべて失う (lose all providers of a country): {len(report.lose_country)}")
    lines += [f"  - {name(a)}: {name(c)}" for a, c in report.lose_country]
    lines.append(f"チョークポイントの変化 (chokepoints that move): {len(report.chokepoints_moved)}")
    lines += [f"  - {name(a)}: [{', '.join(name(x) for x in b)}] -> [{', '.join(name(x) for x in c)}]"
              for a, b, c in report.chokepoints_moved]
    lines.append(f"失われる依存経路 (paths lost): {len(report.paths_lost)}")
    lines += [f"  - {name(a)} -> {name(p)}" for a, p in report.paths_lost]
    return "\n".join(lines) + "\n"
