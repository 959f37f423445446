"""Each named query on a small hand-built graph, on both engines; parameters are bound, never pasted."""

from __future__ import annotations

import pytest
from rdflib import Graph

from graph.sparql import (
    ENGINES,
    check_read_only,
    format_result,
    list_named_queries,
    load_named_query,
    load_store,
    run_named,
    run_query,
    store_from_graph,
)
from seiryoku.errors import QueryError

TTL = """
@prefix sy: <https://w3id.org/seiryoku/ns#> .
@prefix actor: <https://w3id.org/seiryoku/id/actor/> .
@prefix rel: <https://w3id.org/seiryoku/id/relation/> .
@prefix doc: <https://w3id.org/seiryoku/id/doc/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

doc:d1 a sy:Document ; sy:docId "d1" ; sy:docName "a.txt" ; dcterms:title "記事A"@ja ;
    dcterms:date "2024-04-01"^^xsd:date ; sy:chars 100 .
doc:d2 a sy:Document ; sy:docId "d2" ; sy:docName "b.txt" ; sy:chars 50 .

actor:japan a sy:Country ; sy:actorId "japan" ; skos:prefLabel "日本"@ja, "Japan"@en ; sy:mentionCount 9 .
actor:us a sy:Country ; sy:actorId "us" ; skos:prefLabel "米国"@ja ; sy:mentionCount 7 .
actor:meti a sy:GovernmentBody ; sy:actorId "meti" ; skos:prefLabel "経済産業省"@ja ; sy:country actor:japan ;
    sy:mentionCount 5 ; sy:pagerank 0.3 .
actor:geniac a sy:Program ; sy:actorId "geniac" ; skos:prefLabel "GENIAC"@en ; sy:country actor:japan ;
    sy:mentionCount 4 ; sy:pagerank 0.5 .
actor:nvidia a sy:Company ; sy:actorId "nvidia" ; skos:prefLabel "エヌビディア"@ja ; sy:country actor:us ;
    sy:mentionCount 3 ; sy:pagerank 0.1 .
actor:tsmc a sy:Company ; sy:actorId "tsmc" ; skos:prefLabel "TSMC"@en ; sy:mentionCount 2 .
actor:sakura a sy:Company ; sy:actorId "sakura" ; skos:prefLabel "さくらインターネット"@ja ; sy:country actor:japan ;
    sy:mentionCount 1 .
actor:h100 a sy:Technology ; sy:actorId "h100" ; skos:prefLabel "H100"@en .
actor:oecd a sy:InternationalOrganization ; sy:actorId "oecd" ; skos:prefLabel "OECD"@en .

rel:r1 a sy:Assertion ; sy:relationId "r1" ; sy:subject actor:nvidia ; sy:predicate sy:supplies ; sy:object actor:sakura ;
    sy:document doc:d1 ; sy:start 0 ; sy:end 10 ; sy:sentence "NVIDIAはさくらにH100を供給した。" ; sy:item actor:h100 ;
    sy:modality sy:actual ; sy:negated false ; sy:confidence 0.8e0 ; sy:date "2024-04-01"^^xsd:date .
rel:r2 a sy:Assertion ; sy:relationId "r2" ; sy:subject actor:nvidia ; sy:predicate sy:supplies ; sy:object actor:sakura ;
    sy:document doc:d2 ; sy:start 5 ; sy:end 20 ; sy:sentence "供給した。" ;
    sy:modality sy:actual ; sy:negated false ; sy:confidence 0.7e0 .
rel:r3 a sy:Assertion ; sy:relationId "r3" ; sy:subject actor:tsmc ; sy:predicate sy:supplies ; sy:object actor:nvidia ;
    sy:document doc:d1 ; sy:start 10 ; sy:end 20 ; sy:sentence "TSMCが供給。" ;
    sy:modality sy:actual ; sy:negated false ; sy:confidence 0.9e0 .
rel:r4 a sy:Assertion ; sy:relationId "r4" ; sy:subject actor:meti ; sy:predicate sy:leads ; sy:object actor:geniac ;
    sy:document doc:d1 ; sy:start 20 ; sy:end 30 ; sy:sentence "経産省がGENIACを主導。" ;
    sy:modality sy:actual ; sy:negated false ; sy:confidence 0.9e0 .
rel:r5 a sy:Assertion ; sy:relationId "r5" ; sy:subject actor:geniac ; sy:predicate sy:dependsOn ; sy:object actor:sakura ;
    sy:document doc:d1 ; sy:start 30 ; sy:end 40 ; sy:sentence "GENIACはさくらに依存。" ;
    sy:modality sy:actual ; sy:negated false ; sy:confidence 0.6e0 .
rel:r6 a sy:Assertion ; sy:relationId "r6" ; sy:subject actor:us ; sy:predicate sy:restricts ; sy:object actor:h100 ;
    sy:document doc:d2 ; sy:start 0 ; sy:end 5 ; sy:sentence "米国はH100を規制。" ;
    sy:modality sy:actual ; sy:negated false ; sy:confidence 0.9e0 ; sy:date "2023-10-17"^^xsd:date .
rel:r7 a sy:Assertion ; sy:relationId "r7" ; sy:subject actor:us ; sy:predicate sy:restricts ; sy:object actor:tsmc ;
    sy:document doc:d2 ; sy:start 20 ; sy:end 30 ; sy:sentence "米国はTSMCを規制する方針。" ;
    sy:modality sy:planned ; sy:negated false ; sy:confidence 0.5e0 .
rel:r8 a sy:Assertion ; sy:relationId "r8" ; sy:subject actor:japan ; sy:predicate sy:investsIn ; sy:object actor:sakura ;
    sy:document doc:d1 ; sy:start 40 ; sy:end 50 ; sy:sentence "日本がさくらに出資。" ; sy:amount 1.0e8 ; sy:currency "JPY" ;
    sy:modality sy:actual ; sy:negated false ; sy:confidence 0.9e0 ; sy:date "2024-04-01"^^xsd:date .
rel:r9 a sy:Assertion ; sy:relationId "r9" ; sy:subject actor:japan ; sy:predicate sy:cooperatesWith ; sy:object actor:us ;
    sy:document doc:d1 ; sy:start 50 ; sy:end 60 ; sy:sentence "日米が協力。" ;
    sy:modality sy:actual ; sy:negated false ; sy:confidence 0.9e0 .
rel:r10 a sy:Assertion ; sy:relationId "r10" ; sy:subject actor:japan ; sy:predicate sy:investsIn ; sy:object actor:tsmc ;
    sy:document doc:d2 ; sy:start 30 ; sy:end 40 ; sy:sentence "日本はTSMCに出資しない。" ;
    sy:modality sy:actual ; sy:negated true ; sy:confidence 0.7e0 .

actor:nvidia sy:supplies actor:sakura .
actor:tsmc sy:supplies actor:nvidia .
actor:meti sy:leads actor:geniac .
actor:geniac sy:dependsOn actor:sakura .
actor:us sy:restricts actor:h100 .
actor:japan sy:investsIn actor:sakura .
actor:japan sy:cooperatesWith actor:us .
"""


@pytest.fixture(scope="module")
def store():
    return store_from_graph(Graph().parse(data=TTL, format="turtle"), "oxigraph")


@pytest.fixture(scope="module")
def memory_store():
    return store_from_graph(Graph().parse(data=TTL, format="turtle"), "memory")


def rows(result) -> list[tuple]:
    """Result rows as tuples of Python values (None when unbound)."""
    out = []
    for row in result.bindings:
        out.append(tuple(None if row.get(v) is None else row.get(v).toPython() for v in result.vars))
    return [tuple(str(x) if hasattr(x, "isoformat") else x for x in r) for r in out]


def columns(result) -> list[str]:
    return [str(v) for v in result.vars]


def test_every_named_query_documents_itself():
    names = [q.name for q in list_named_queries()]
    assert names == sorted(names) and len(names) >= 11
    for query in list_named_queries():
        assert query.summary, query.name
        check_read_only(query.text)


def test_suppliers(store):
    result = run_named(store, "suppliers", {"actor": "sakura"})
    assert columns(result) == ["supplier", "label", "documents", "items"]
    assert rows(result) == [("nvidia", "エヌビディア", 2, "h100")]


def test_investors(store):
    result = run_named(store, "investors", {"actor": "sakura"})
    assert rows(result) == [("japan", "日本", 1, 1.0e8, "JPY", "2024-04-01")]
    assert rows(run_named(store, "investors", {"actor": "tsmc"})) == []  # negated


def test_restricted_by(store):
    result = run_named(store, "restricted-by", {"actor": "us"})
    assert rows(result) == [("h100", "Technology", 1, "2023-10-17")]  # tsmc is only planned


def test_programs_led_by(store):
    assert rows(run_named(store, "programs-led-by", {"actor": "meti"})) == [("geniac", "GENIAC", 1)]
    assert rows(run_named(store, "programs-led-by", {"actor": "nvidia"})) == []


def test_actors_by_country_and_type(store):
    everyone = [r[0] for r in rows(run_named(store, "actors"))]
    assert everyone[:7] == ["japan", "us", "meti", "geniac", "nvidia", "tsmc", "sakura"]
    assert sorted(everyone) == ["geniac", "h100", "japan", "meti", "nvidia", "oecd", "sakura", "tsmc", "us"]
    japanese = rows(run_named(store, "actors", {"country": "japan"}))
    assert [r[0] for r in japanese] == ["meti", "geniac", "sakura"]
    assert all(r[4] == "japan" for r in japanese)
    companies = rows(run_named(store, "actors", {"type": "Company"}))
    assert [r[0] for r in companies] == ["nvidia", "tsmc", "sakura"]
    both = rows(run_named(store, "actors", {"country": "japan", "type": "Company"}))
    assert both == [("sakura", "Company", "さくらインターネット", None, "japan", 1)]


def test_evidence(store):
    result = run_named(store, "evidence", {"subject": "nvidia", "predicate": "supplies", "object": "sakura"})
    assert columns(result)[:4] == ["relation", "doc", "start", "end"]
    assert [r[:4] for r in rows(result)] == [("r1", "a.txt", 0, 10), ("r2", "b.txt", 5, 20)]
    # symmetric predicates are found in either direction
    reverse = run_named(store, "evidence", {"subject": "us", "predicate": "cooperatesWith", "object": "japan"})
    assert [r[0] for r in rows(reverse)] == ["r9"]
    assert rows(run_named(store, "evidence", {"subject": "sakura", "predicate": "supplies", "object": "nvidia"})) == []


def test_planned_vs_actual(store):
    result = run_named(store, "planned-vs-actual", {"actor": "us"})
    assert rows(result) == [("us", "restricts", "h100", 1, 0, 0), ("us", "restricts", "tsmc", 0, 1, 0)]
    assert len(rows(run_named(store, "planned-vs-actual"))) == 8  # r10 is negated


def test_dependents_direct_and_transitive(store):
    result = run_named(store, "dependents", {"actor": "tsmc"})
    assert rows(result) == [("nvidia", "エヌビディア", True), ("geniac", "GENIAC", False), ("sakura", "さくらインターネット", False)]


def test_top_actors_default_metric_is_pagerank(store):
    assert [r[0] for r in rows(run_named(store, "top-actors"))] == ["geniac", "meti", "nvidia"]
    assert rows(run_named(store, "top-actors", {"metric": "mentionCount"}))[0][:3] == ("japan", "日本", "Country")


def test_documents(store):
    assert rows(run_named(store, "documents")) == [("a.txt", "d1", "記事A", "2024-04-01", 100, 6),
                                                   ("b.txt", "d2", None, None, 50, 4)]


def test_relation_counts(store):
    assert rows(run_named(store, "relation-counts")) == [
        ("supplies", 3, 3, 2), ("investsIn", 2, 1, 2), ("restricts", 2, 1, 1),
        ("cooperatesWith", 1, 1, 1), ("dependsOn", 1, 1, 1), ("leads", 1, 1, 1)]


@pytest.mark.parametrize("value", ['sakura" } UNION { ?s ?p ?o } #', "sakura> ?p ?o } #", "x' . DROP ALL"])
def test_hostile_parameter_is_bound_not_pasted(store, value):
    assert rows(run_named(store, "suppliers", {"actor": value})) == []
    result = run_query(store, "SELECT ?id WHERE { ?a <https://w3id.org/seiryoku/ns#actorId> ?id }", {"id": value})
    assert rows(result) == []


def test_missing_or_unknown_parameters_are_refused(store):
    with pytest.raises(QueryError):
        run_named(store, "suppliers")
    with pytest.raises(QueryError):
        run_named(store, "suppliers", {"actor": "sakura", "colour": "red"})
    with pytest.raises(QueryError):
        run_named(store, "evidence", {"subject": "a", "predicate": "likes", "object": "b"})
    with pytest.raises(QueryError):
        load_named_query("../etc/passwd")


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX x: <urn:x#>\ndelete where { ?s ?p ?o }",
    "CLEAR ALL", "DROP GRAPH <urn:g>", "LOAD <http://example.org/x.ttl>", "CREATE GRAPH <urn:g>",
])
def test_updates_are_refused(store, update):
    with pytest.raises(QueryError):
        run_query(store, update)


def test_keywords_inside_strings_iris_and_names_are_not_updates(store):
    query = 'SELECT ?delete WHERE { ?s <urn:insert> "DROP ALL" . ?s ?load ?x } # CLEAR'
    check_read_only(query)
    assert rows(run_query(store, query)) == []


def test_format_result_table_aligns_wide_characters(store):
    text = format_result(run_named(store, "suppliers", {"actor": "sakura"}), "table")
    header, rule, line = text.splitlines()
    assert header.startswith("supplier  label         documents")
    assert line.startswith("nvidia    エヌビディア  2")


def test_format_result_csv_tsv_json(store):
    result = run_named(store, "programs-led-by", {"actor": "meti"})
    assert format_result(result, "csv") == "program,label,documents\r\ngeniac,GENIAC,1\r\n"
    assert format_result(result, "tsv").splitlines() == [
        "?program\t?label\t?documents", '"geniac"\t"GENIAC"@en\t1']
    import json

    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["program", "label", "documents"]
    assert data["results"]["bindings"][0]["program"]["value"] == "geniac"


def test_load_store_reads_a_turtle_file(tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text(TTL, encoding="utf-8")
    for engine in ENGINES:
        store = load_store(path, engine)
        assert rows(run_named(store, "relation-counts"))[0] == ("supplies", 3, 3, 2)


@pytest.mark.parametrize("name", ["relation-counts", "documents", "actors", "planned-vs-actual", "top-actors"])
def test_memory_engine_agrees_on_queries_without_bound_subqueries(store, memory_store, name):
    assert rows(run_named(memory_store, name)) == rows(run_named(store, name))


def test_memory_engine_refuses_bindings_it_would_ignore(memory_store):
    with pytest.raises(QueryError):
        run_named(memory_store, "suppliers", {"actor": "sakura"})
    assert rows(run_named(memory_store, "planned-vs-actual", {"actor": "us"}))[0][:2] == ("us", "restricts")
