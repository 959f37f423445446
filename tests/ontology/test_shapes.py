"""The SHACL shapes accept a built graph and reject each kind of broken graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, SKOS, XSD

from ontology.namespace import SY, actor_iri, relation_iri
from ontology.rdf import to_graph
from ontology.validate import SHAPES_PATH, validate
from tests.ontology.sample import ASSERTIONS, extraction

ROOT = Path(__file__).resolve().parents[2]
SH = Namespace("http://www.w3.org/ns/shacl#")
SYSH = Namespace("https://w3id.org/seiryoku/shapes#")
INVEST = relation_iri(ASSERTIONS[0].id)


@pytest.fixture
def graph() -> Graph:
    return to_graph(extraction())


def test_built_graph_conforms(graph):
    conforms, report = validate(graph)
    assert conforms, report


def _set(graph: Graph, node, prop, value) -> Graph:
    graph.set((node, prop, value))
    return graph


BROKEN = {
    "missing subject": lambda g: g.remove((INVEST, SY.subject, None)) or g,
    "start not before end": lambda g: _set(g, INVEST, SY.start, Literal(40, datatype=XSD.integer)),
    "confidence above one": lambda g: _set(g, INVEST, SY.confidence, Literal(1.5, datatype=XSD.double)),
    "bad modality": lambda g: _set(g, INVEST, SY.modality, SY.Company),
    "two predicates": lambda g: g.add((INVEST, SY.predicate, SY.funds)) or g,
    "bad date precision": lambda g: _set(g, INVEST, SY.datePrecision, Literal("week")),
    "sentence not at its offsets": lambda g: _set(g, INVEST, SY.sentence, Literal("別の文。")),
    "actor with two classes": lambda g: g.add((actor_iri("g42"), RDF.type, SY.Person)) or g,
    "actor without class": lambda g: g.remove((actor_iri("g42"), RDF.type, None)) or g,
    "actor without label": lambda g: g.remove((actor_iri("g42"), SKOS.prefLabel, None)) or g,
    "country that is not a Country": lambda g: _set(g, actor_iri("g42"), SY.country, actor_iri("meti")),
    "two countries": lambda g: g.add((actor_iri("g42"), SY.country, actor_iri("us"))) or g,
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_graph_does_not_conform(graph, case):
    conforms, report = validate(BROKEN[case](graph))
    assert not conforms, case
    assert "Constraint Violation" in report


def test_signature_violation_on_the_assertion_only(graph):
    # investsIn's object must be a Company, ResearchInstitute or Country: point the assertion at a Program
    graph.remove((actor_iri("microsoft"), SY.investsIn, actor_iri("g42")))
    graph.set((INVEST, SY.object, actor_iri("geniac")))
    conforms, report = validate(graph)
    assert not conforms
    assert "investsIn" in report


def test_signature_violation_on_the_plain_edge_only(graph):
    # leaderOf needs a Person subject: a plain edge from a company breaks it
    graph.add((actor_iri("nvidia"), SY.leaderOf, actor_iri("geniac")))
    conforms, report = validate(graph)
    assert not conforms
    assert "leaderOf" in report


def test_signature_shapes_follow_the_contract():
    shapes = Graph().parse(SHAPES_PATH)
    lexicon = json.loads((ROOT / "extract" / "lexicon" / "predicates.json").read_text(encoding="utf-8"))
    groups = lexicon["groups"]

    def classes_of(group_shape) -> set[str]:
        (members,) = list(shapes.objects(group_shape, SH["or"]))
        return {str(shapes.value(m, SH["class"])).split("#")[1] for m in shapes.items(members)}

    for name, sig in lexicon["predicates"].items():
        edge = SYSH[f"{name}Edge"]
        assert shapes.value(edge, SH.targetSubjectsOf) == SY[name]
        expected_subject = {c for g in sig["subject"] for c in groups.get(g, [g])}
        expected_object = {c for g in sig["object"] for c in groups.get(g, [g])}
        assert classes_of(shapes.value(edge, SH.node)) == expected_subject, name
        prop = shapes.value(edge, SH.property)
        assert classes_of(shapes.value(prop, SH.node)) == expected_object, name
        assert (SYSH[f"{name}Assertion"], SH.targetClass, SY.Assertion) in shapes
