"""Views of spec/analytics.md built from a hand-made RDF graph."""

from __future__ import annotations

import pytest

from graph.views import (action_graph, assertion_graph, country_graph, dependency_graph, influence_graph,
                         signed_graph, time_slice)


def test_assertion_graph_nodes_and_edges(supply_chain):
    b = supply_chain()
    mdg = assertion_graph(b.g)
    assert sorted(mdg.nodes) == ["amd", "asml", "japan", "netherlands", "nvidia", "sakura", "softbank",
                                 "taiwan", "tsmc", "us"]
    nv = mdg.nodes["nvidia"]
    assert (nv["label_ja"], nv["label_en"], nv["label"], nv["type"], nv["country"]) == (
        "エヌビディア", "NVIDIA", "エヌビディア", "Company", "us")
    assert nv["aliases"] == ["NVIDIA", "Nvidia", "エヌビディア", "米エヌビディア"]
    assert mdg.nodes["amd"]["label"] == "AMD"  # no Japanese label: English fallback
    assert mdg.nodes["japan"]["country"] is None
    assert mdg.number_of_edges() == 10
    (key, data), = [(k, d) for u, v, k, d in mdg.edges(keys=True, data=True)
                    if d["predicate"] == "supplies" and d["doc"] == "d1.txt" and u == "nvidia"]
    assert key.startswith("r_") and len(key) == 18
    assert data["family"] == "material_support"
    assert data["modality"] == "actual" and data["negated"] is False
    assert data["date"] == "2024-04" and data["date_precision"] == "month"
    assert data["confidence"] == pytest.approx(0.9)
    assert data["sentence"] == "nvidiaがsakuraにsupplies。" and data["end"] - data["start"] == len(data["sentence"])


def test_weight_counts_distinct_documents_not_sentences(rdf_builder):
    b = rdf_builder()
    for aid in ("a", "b"):
        b.actor(aid, "Company", en=aid.upper())
    b.rel("a", "supplies", "b", doc="x.txt", start=0)
    b.rel("a", "supplies", "b", doc="x.txt", start=100)   # same document repeated
    b.rel("a", "supplies", "b", doc="y.txt", start=0)
    act = action_graph(assertion_graph(b.g))
    assert act["a"]["b"]["weight"] == 2


def test_planned_only_with_option_and_negated_never(supply_chain):
    mdg = assertion_graph(supply_chain().g)
    act = action_graph(mdg)
    assert not act.has_edge("softbank", "sakura")          # planned investsIn
    assert not act.has_edge("sakura", "softbank")          # negated cooperatesWith
    planned = action_graph(mdg, include_planned=True)
    assert planned["softbank"]["sakura"]["weight"] == pytest.approx(0.5)
    assert not planned.has_edge("sakura", "softbank")


def test_action_symmetric_both_ways(supply_chain):
    act = action_graph(assertion_graph(supply_chain().g))
    assert act.has_edge("japan", "us") and act.has_edge("us", "japan")
    assert act.has_edge("us", "nvidia") and not act.has_edge("nvidia", "us")


def test_influence_directions(rdf_builder):
    b = rdf_builder()
    for aid in "abcdefgh":
        b.actor(aid, "Company", en=aid)
    b.rel("a", "restricts", "b", doc="1")
    b.rel("c", "dependsOn", "d", doc="1")
    b.rel("e", "divestsFrom", "f", doc="1")
    b.rel("g", "competesWith", "h", doc="1")
    inf = influence_graph(assertion_graph(b.g))
    assert sorted(inf.edges) == [("b", "a"), ("c", "d"), ("g", "h"), ("h", "g")]


def test_dependency_directions(supply_chain):
    dep = dependency_graph(assertion_graph(supply_chain().g))
    assert sorted(dep.edges) == [("amd", "tsmc"), ("nvidia", "tsmc"), ("sakura", "amd"), ("sakura", "nvidia"),
                                 ("tsmc", "asml")]
    assert dep["sakura"]["nvidia"]["weight"] == 2


def test_signed_graph_sums_signs(rdf_builder):
    b = rdf_builder()
    for aid in ("a", "b"):
        b.actor(aid, "Country", en=aid)
    b.rel("a", "cooperatesWith", "b", doc="1")
    b.rel("a", "restricts", "b", doc="2")
    b.rel("b", "opposes", "a", doc="3")
    b.rel("a", "enacts", "b", doc="4")   # family other: not signed
    sg = signed_graph(assertion_graph(b.g))
    assert sg["a"]["b"]["sign"] == -1 and sg["a"]["b"]["positive"] == 1 and sg["a"]["b"]["negative"] == 2


def test_country_graph_folds_and_drops_self_loops(supply_chain):
    b = supply_chain()
    b.actor("eu", "InternationalOrganization", "欧州連合", "EU")
    b.rel("eu", "regulates", "nvidia", doc="d9.txt")
    b.rel("nvidia", "cooperatesWith", "amd", doc="d9.txt", start=5)   # both US: becomes a self-loop
    cg = country_graph(assertion_graph(b.g))
    assert sorted(cg.nodes) == ["eu", "japan", "netherlands", "taiwan", "us"]
    assert cg.nodes["us"]["type"] == "Country"
    assert not any(u == v for u, v in cg.edges())
    assert {(u, v, d["predicate"]) for u, v, d in cg.edges(data=True)} >= {
        ("us", "japan", "supplies"), ("eu", "us", "regulates"), ("netherlands", "taiwan", "supplies")}


def test_time_slice_partial_dates(supply_chain):
    mdg = assertion_graph(supply_chain().g)
    dated = time_slice(mdg, "2024-04-15", "2024-12", keep_undated=False)
    assert sorted(d["date"] for *_, d in dated.edges(data=True)) == ["2024-04", "2024-05-01"]
    only_2023 = time_slice(mdg, "2023", "2023", keep_undated=False)
    assert [d["date"] for *_, d in only_2023.edges(data=True)] == ["2023"]
    with_undated = time_slice(mdg, "2023", "2023")
    assert with_undated.number_of_edges() == 1 + sum(1 for *_, d in mdg.edges(data=True) if not d["date"])
    assert set(with_undated.nodes) == set(mdg.nodes)
