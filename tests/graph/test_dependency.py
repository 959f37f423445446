"""Exposure, chokepoints and what-if on a hand-built supply chain with one chokepoint.

Dependency edges (dependent -> provider) of conftest.supply_chain():
    sakura -> nvidia, sakura -> amd, nvidia -> tsmc, amd -> tsmc, tsmc -> asml
so every supply path of sakura, nvidia and amd passes through tsmc and then asml.
"""

from __future__ import annotations

import pytest

from graph.dependency import (chokepoint_scores, chokepoints, direct_exposure, exposure_by_country,
                              format_whatif, transitive_exposure, whatif)
from graph.views import assertion_graph, dependency_graph
from seiryoku.errors import GraphError


@pytest.fixture
def mdg(supply_chain):
    return assertion_graph(supply_chain().g)


@pytest.fixture
def dep(mdg):
    return dependency_graph(mdg)


def test_direct_and_transitive_exposure(dep):
    assert direct_exposure(dep, "sakura") == {"amd": 1.0, "nvidia": 2.0}
    assert transitive_exposure(dep, "sakura") == {"amd": 1, "asml": 3, "nvidia": 1, "tsmc": 2}
    assert transitive_exposure(dep, "asml") == {}
    assert direct_exposure(dep, "unknown") == {}


def test_exposure_by_country(dep):
    assert exposure_by_country(dep, "sakura") == {"netherlands": 0.25, "taiwan": 0.25, "us": 0.5}
    assert exposure_by_country(dep, "tsmc") == {"netherlands": 1.0}


def test_chokepoints_nearest_first(dep):
    assert chokepoints(dep, "sakura") == ["tsmc", "asml"]
    assert chokepoints(dep, "nvidia") == ["tsmc", "asml"]
    assert chokepoints(dep, "tsmc") == ["asml"]
    assert chokepoints(dep, "asml") == []


def test_chokepoint_scores(dep):
    scores = chokepoint_scores(dep)
    assert scores["tsmc"] == 3 and scores["asml"] == 4
    assert scores["nvidia"] == 0 and scores["amd"] == 0 and scores["sakura"] == 0


def test_redundant_ends_have_no_chokepoint(rdf_builder):
    b = rdf_builder()
    for aid in ("a", "p", "q"):
        b.actor(aid, "Company", en=aid)
    b.rel("a", "dependsOn", "p", doc="1")
    b.rel("a", "dependsOn", "q", doc="1")
    assert chokepoints(dependency_graph(assertion_graph(b.g)), "a") == []


def test_cycle_of_providers_is_handled(rdf_builder):
    b = rdf_builder()
    for aid in ("a", "m", "x", "y"):
        b.actor(aid, "Company", en=aid)
    b.rel("a", "dependsOn", "m", doc="1")
    b.rel("m", "dependsOn", "x", doc="1")
    b.rel("m", "dependsOn", "y", doc="1")
    b.rel("x", "dependsOn", "y", doc="1")
    b.rel("y", "dependsOn", "x", doc="1")
    assert chokepoints(dependency_graph(assertion_graph(b.g)), "a") == ["m"]


def test_whatif_remove_the_chokepoint(mdg):
    report = whatif(mdg, ["tsmc"])
    assert report.removed == ("tsmc",)
    assert report.lose_all == (("amd", 2), ("nvidia", 2))
    assert report.lose_some == (("sakura", 4, 2),)
    assert ("sakura", "taiwan") in report.lose_country and ("sakura", "us") not in report.lose_country
    assert ("sakura", ("tsmc", "asml"), ()) in report.chokepoints_moved
    assert ("sakura", "asml") in report.paths_lost and ("sakura", "nvidia") not in report.paths_lost


def test_whatif_remove_a_redundant_provider(mdg):
    report = whatif(mdg, ["nvidia"])
    assert report.lose_all == ()
    assert report.lose_some == (("sakura", 4, 3),)
    assert report.lose_country == ()   # amd is still a US provider
    assert report.chokepoints_moved == (("sakura", ("tsmc", "asml"), ("amd", "tsmc", "asml")),)
    assert report.paths_lost == (("sakura", "nvidia"),)


def test_whatif_unknown_actor(mdg):
    with pytest.raises(GraphError):
        whatif(mdg, ["nobody"])


def test_format_whatif_uses_labels(mdg):
    text = format_whatif(whatif(mdg, ["tsmc"]))
    assert "台湾積体電路製造 (tsmc)" in text
    assert "エヌビディア (nvidia): 2 -> 0" in text
    assert "さくらインターネット (sakura): 4 -> 2" in text
