"""PageRank, betweenness, HITS and degree by family on small graphs with known answers."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.influence import betweenness, degree_by_family, hits, pagerank
from graph.views import action_graph, assertion_graph, influence_graph


def star(rdf_builder, n_leaves: int = 4) -> nx.MultiDiGraph:
    b = rdf_builder()
    b.actor("center", "Company", en="Center")
    for i in range(n_leaves):
        b.actor(f"leaf{i}", "Company", en=f"Leaf {i}")
        b.rel(f"leaf{i}", "dependsOn", "center", doc=f"d{i}")
    return assertion_graph(b.g)


def chain(rdf_builder) -> nx.MultiDiGraph:
    b = rdf_builder()
    for aid in "abc":
        b.actor(aid, "Company", en=aid)
    b.rel("a", "dependsOn", "b", doc="1")
    b.rel("b", "dependsOn", "c", doc="1")
    return assertion_graph(b.g)


def test_pagerank_star_center_first(rdf_builder):
    pr = pagerank(influence_graph(star(rdf_builder)))
    assert max(pr, key=pr.get) == "center"
    leaves = {pr[f"leaf{i}"] for i in range(4)}
    assert max(leaves) - min(leaves) < 1e-12
    assert sum(pr.values()) == pytest.approx(1.0)


def test_pagerank_chain_ordering(rdf_builder):
    pr = pagerank(influence_graph(chain(rdf_builder)))
    assert pr["c"] > pr["b"] > pr["a"]


def test_betweenness_chain_and_star(rdf_builder):
    bc = betweenness(influence_graph(chain(rdf_builder)))
    assert bc == pytest.approx({"a": 0.0, "b": 1.0, "c": 0.0})
    bs = betweenness(influence_graph(star(rdf_builder)))
    assert bs["center"] == pytest.approx(1.0) and bs["leaf0"] == 0.0


def test_betweenness_prefers_strong_ties(rdf_builder):
    # a-b-d strong (3 documents each), a-c-d weak (1 document): the strong path is shorter (distance 1/weight)
    b = rdf_builder()
    for aid in "abcd":
        b.actor(aid, "Company", en=aid)
    for i in range(3):
        b.rel("a", "cooperatesWith", "b", doc=f"s{i}")
        b.rel("b", "cooperatesWith", "d", doc=f"s{i}")
    b.rel("a", "cooperatesWith", "c", doc="w")
    b.rel("c", "cooperatesWith", "d", doc="w")
    bc = betweenness(influence_graph(assertion_graph(b.g)))
    assert bc["b"] > bc["c"]


def test_hits_hub_and_authority(rdf_builder):
    b = rdf_builder()
    for aid in ("us", "x", "y", "z", "w"):
        b.actor(aid, "Country" if aid == "us" else "Company", en=aid)
    for t in ("x", "y", "z"):
        b.rel("us", "restricts", t, doc="1")
    b.rel("w", "restricts", "x", doc="1")
    hub, auth = hits(action_graph(assertion_graph(b.g)))
    assert max(hub, key=hub.get) == "us"
    assert max(auth, key=auth.get) == "x"
    assert sum(hub.values()) == pytest.approx(1.0) and sum(auth.values()) == pytest.approx(1.0)


def test_hits_degenerate_graphs_do_not_raise():
    assert hits(nx.DiGraph()) == ({}, {})
    g = nx.DiGraph()
    g.add_nodes_from(["a", "b"])
    assert hits(g) == ({"a": 0.0, "b": 0.0}, {"a": 0.0, "b": 0.0})
    g.add_edge("a", "b", weight=1.0)
    hub, auth = hits(g)
    assert hub["a"] == 1.0 and auth["b"] == 1.0 and hub["b"] == 0.0
    g.add_node("lonely")
    assert hits(g)[0]["lonely"] == 0.0


def test_degree_by_family_counts_counterparts(rdf_builder):
    b = rdf_builder()
    for aid in "abc":
        b.actor(aid, "Company", en=aid)
    b.rel("a", "supplies", "b", doc="1")
    b.rel("a", "supplies", "b", doc="2")
    b.rel("a", "funds", "c", doc="1")
    b.rel("a", "cooperatesWith", "b", doc="1")
    deg = degree_by_family(action_graph(assertion_graph(b.g)))
    assert deg["a"]["out_degree_material_support"] == 2
    assert deg["b"]["in_degree_material_support"] == 1
    assert deg["a"]["out_degree_cooperation"] == 1 and deg["a"]["in_degree_cooperation"] == 1
    assert deg["c"]["out_degree_pressure"] == 0


def test_hits_chain_with_repeated_singular_value():
    g = nx.DiGraph()
    g.add_edge("a", "b", weight=1.0)
    g.add_edge("b", "c", weight=1.0)
    hub, auth = hits(g)
    assert hub == pytest.approx({"a": 0.5, "b": 0.5, "c": 0.0})
    assert auth == pytest.approx({"a": 0.0, "b": 0.5, "c": 0.5})
