"""to_graph follows docs/rdf-model.md; serialization is deterministic."""

from __future__ import annotations

import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import BNode, Literal
from rdflib.namespace import RDF, SKOS, XSD

from ontology.namespace import DOC, SY, actor_iri, relation_iri
from ontology.rdf import language_of, normalize_date, to_graph
from ontology.serialize import serialize, serialize_to_string
from tests.ontology.sample import ACTORS, ASSERTIONS, extraction
from tests.ontology.sample import DOC as SAMPLE_DOC

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def graph():
    return to_graph(extraction())


def test_no_blank_nodes(graph):
    assert not [t for t in graph if any(isinstance(x, BNode) for x in t)]


def test_actor_triples(graph):
    ms = actor_iri("microsoft")
    assert (ms, RDF.type, SY.Company) in graph
    assert set(graph.objects(ms, SKOS.prefLabel)) == {Literal("マイクロソフト", lang="ja"), Literal("Microsoft", lang="en")}
    assert set(graph.objects(ms, SKOS.altLabel)) == {Literal("MS", lang="en")}
    assert graph.value(ms, SY.country) == actor_iri("us")
    assert graph.value(ms, SY.mentionCount) == Literal(1, datatype=XSD.integer)
    assert graph.value(ms, SY.mentionedIn) == DOC[SAMPLE_DOC.doc_id]
    assert graph.value(ms, SKOS.exactMatch) is not None
    huawei = actor_iri("huawei")
    assert set(graph.objects(huawei, SKOS.altLabel)) == {Literal("華為技術", lang="ja")}
    assert graph.value(actor_iri("uae"), SY.country) is None


def test_assertion_triples(graph):
    a = ASSERTIONS[0]
    node = relation_iri(a.id)
    assert (node, RDF.type, SY.Assertion) in graph
    assert graph.value(node, SY.subject) == actor_iri("microsoft")
    assert graph.value(node, SY.predicate) == SY.investsIn
    assert graph.value(node, SY.start) == Literal(0, datatype=XSD.integer)
    assert graph.value(node, SY.end) == Literal(len(a.evidence.sentence), datatype=XSD.integer)
    assert graph.value(node, SY.date) == Literal("2024-04-01", datatype=XSD.date)
    assert graph.value(node, SY.datePrecision) == Literal("month")
    assert graph.value(node, SY.amount) == Literal(1.5e9, datatype=XSD.double)
    assert graph.value(node, SY.confidence).datatype == XSD.double
    assert graph.value(node, SY.negated) == Literal(False)
    assert graph.value(node, SY.modality) == SY.actual
    assert graph.value(node, SY.relationId) == Literal(a.id)


def test_plain_edge_only_for_actual_and_not_negated(graph):
    assert (actor_iri("microsoft"), SY.investsIn, actor_iri("g42")) in graph
    assert (actor_iri("meti"), SY.leads, actor_iri("geniac")) in graph
    assert (actor_iri("us"), SY.restricts, actor_iri("huawei")) not in graph  # planned
    assert (actor_iri("geniac"), SY.dependsOn, actor_iri("nvidia")) not in graph  # negated
    assert (actor_iri("riken"), SY.cooperatesWith, actor_iri("fujitsu")) in graph
    assert (actor_iri("fujitsu"), SY.cooperatesWith, actor_iri("riken")) not in graph  # written once
    from ontology.namespace import PREDICATES

    plain = sorted((s, p, o) for s, p, o in graph if p in PREDICATES)
    assert len(plain) == 4  # investsIn, leads, supplies, cooperatesWith


def test_dates_are_normalized_with_precision():
    assert normalize_date("2024-04") == (normalize_date("2024-04-01")[0], "month")
    assert normalize_date("2024")[1] == "year"
    assert normalize_date("2024-04-05")[0].isoformat() == "2024-04-05"
    assert normalize_date("2024年4月")[0].isoformat() == "2024-04-01"
    assert normalize_date("2024-04-05", "month") == (normalize_date("2024-04")[0], "month")
    assert normalize_date("2024-13") is None
    assert normalize_date("last spring") is None


def test_language_by_script():
    assert language_of("エヌビディア") == "ja"
    assert language_of("経産省") == "ja"
    assert language_of("NVIDIA") == "en"


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld", "trig", "nquads"])
def test_serialization_is_byte_identical_under_shuffled_input(fmt):
    first = serialize_to_string(to_graph(extraction()), fmt)
    rng = random.Random(7)
    actors, assertions = list(ACTORS), list(ASSERTIONS)
    rng.shuffle(actors)
    rng.shuffle(assertions)
    second = serialize_to_string(to_graph(extraction(tuple(assertions), tuple(actors))), fmt)
    assert first == second
    assert first == serialize_to_string(to_graph(extraction()), fmt)


def test_turtle_is_stable_across_processes(tmp_path):
    script = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "from sample import extraction; from ontology.rdf import to_graph; from ontology.serialize import serialize;"
        "serialize(to_graph(extraction()), sys.argv[1])"
    )
    outputs = []
    for seed in ("1", "2"):
        target = tmp_path / f"g{seed}.ttl"
        env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        subprocess.run([sys.executable, "-c", script, str(target), str(Path(__file__).parent)],
                       check=True, env=env, cwd=ROOT)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"_:" not in outputs[0]


def test_serialize_writes_atomically_and_reads_back(tmp_path):
    graph = to_graph(extraction())
    target = serialize(graph, tmp_path / "sub" / "graph.nt")
    assert target.read_text(encoding="utf-8").splitlines() == sorted(target.read_text(encoding="utf-8").splitlines())
    assert [p.name for p in target.parent.iterdir()] == ["graph.nt"]
    from rdflib import Graph

    assert len(Graph().parse(target)) == len(graph)


def test_nquads_puts_assertions_in_their_document_graph():
    text = serialize_to_string(to_graph(extraction()), "nquads")
    doc = f"<{DOC[SAMPLE_DOC.doc_id]}>"
    rel = f"<{relation_iri(ASSERTIONS[0].id)}>"
    assert any(line.startswith(rel) and line.endswith(f"{doc} .") for line in text.splitlines())
    edge = f"<{actor_iri('microsoft')}> <{SY.investsIn}> <{actor_iri('g42')}> ."
    assert edge in text.splitlines()


def test_unknown_modality_is_refused():
    from seiryoku.errors import InputError

    bad = replace(ASSERTIONS[0], modality="maybe")
    with pytest.raises(InputError):
        to_graph(extraction((bad,)))
