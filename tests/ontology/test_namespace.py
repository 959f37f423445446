"""SY (ontology/namespace.py) and ontology/seiryoku.ttl define the same terms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, URIRef

from ontology.namespace import (
    ACTOR_CLASSES,
    PREDICATES,
    SY,
    SY_IRI,
    actor_id,
    actor_iri,
    class_iri,
    predicate_iri,
)
from seiryoku.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    return Graph().parse(ROOT / "ontology" / "seiryoku.ttl")


def turtle_terms(graph: Graph) -> set[str]:
    return {str(s)[len(SY_IRI):] for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(SY_IRI)}


def test_every_turtle_term_is_in_sy_and_back(vocabulary):
    namespace_terms = set(SY.__annotations__)
    assert turtle_terms(vocabulary) == namespace_terms


def test_every_term_has_japanese_and_english_label_and_comment(vocabulary):
    for name in turtle_terms(vocabulary):
        term = SY[name]
        assert {lit.language for lit in vocabulary.objects(term, RDFS.label)} == {"ja", "en"}, name
        assert {lit.language for lit in vocabulary.objects(term, RDFS.comment)} == {"ja", "en"}, name


def test_unknown_term_raises():
    with pytest.raises(AttributeError):
        SY.investedIn  # noqa: B018 - the access itself must fail
    assert SY.investsIn == URIRef(SY_IRI + "investsIn")


def test_predicates_and_classes_match_the_contract():
    lexicon = json.loads((ROOT / "extract" / "lexicon" / "predicates.json").read_text(encoding="utf-8"))
    assert [str(p)[len(SY_IRI):] for p in PREDICATES] == list(lexicon["predicates"])
    from extract.types import ACTOR_TYPES

    assert [str(c)[len(SY_IRI):] for c in ACTOR_CLASSES] == list(ACTOR_TYPES)


def test_iri_helpers_escape_and_round_trip():
    iri = actor_iri('x" } ; DROP ALL #')
    assert " " not in iri and '"' not in iri
    assert actor_id(iri) == 'x" } ; DROP ALL #'
    assert actor_id(actor_iri("日本")) == "日本"
    with pytest.raises(ConfigError):
        class_iri("Company2")
    with pytest.raises(ConfigError):
        predicate_iri("actual")
