"""The SPARQL endpoint: protocol, content negotiation, read-only, timeout with worker replacement."""

from __future__ import annotations

import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "PREFIX sy: <https://w3id.org/seiryoku/ns#>\n"


def write_graph(path: Path) -> None:
    lines = ["@prefix sy: <https://w3id.org/seiryoku/ns#> .", "@prefix actor: <https://w3id.org/seiryoku/id/actor/> .",
             "@prefix skos: <http://www.w3.org/2004/02/skos/core#> ."]
    for i in range(1000):  # ~3000 triples
        lines.append(f'actor:a{i} a sy:Company ; sy:actorId "a{i}" ; skos:prefLabel "企業{i}"@ja .')
    lines.append("actor:a1 sy:supplies actor:a2 . actor:a2 sy:supplies actor:a3 .")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    path = tmp_path_factory.mktemp("endpoint") / "graph.ttl"
    write_graph(path)
    script = ("import sys; from graph.endpoint import serve;"
              "serve(sys.argv[1], port=0, timeout=1.0, max_rows=50, workers=1,"
              " on_ready=lambda url: print(url, flush=True))")
    process = subprocess.Popen([sys.executable, "-c", script, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        yield url
    finally:
        process.kill()
        process.wait(10)


def wrapper(url: str, query: str, fmt) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def test_binds_loopback(endpoint):
    assert endpoint.startswith("http://127.0.0.1:") and endpoint.endswith("/sparql")


def test_select_json(endpoint):
    query = PREFIX + 'SELECT ?id WHERE { ?a sy:supplies ?b . ?a sy:actorId ?id } ORDER BY ?id'
    data = wrapper(endpoint, query, JSON).query().convert()
    assert [b["id"]["value"] for b in data["results"]["bindings"]] == ["a1", "a2"]


def test_select_csv(endpoint):
    query = PREFIX + 'SELECT ?id ?label WHERE { ?a sy:actorId "a7" ; sy:actorId ?id ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }'
    text = wrapper(endpoint, query, CSV).query().convert().decode("utf-8")
    assert text.splitlines() == ["id,label", "a7,企業7"]


def test_construct_turtle(endpoint):
    query = PREFIX + "CONSTRUCT { ?b sy:suppliedBy ?a } WHERE { ?a sy:supplies ?b }"
    body = wrapper(endpoint, query, TURTLE).query().convert()
    graph = Graph().parse(data=body, format="turtle")
    assert len(graph) == 2


def test_rows_are_capped(endpoint):
    query = PREFIX + "SELECT ?a WHERE { ?a sy:actorId ?id }"
    response = wrapper(endpoint, query, JSON).query()
    assert len(response.convert()["results"]["bindings"]) == 50
    assert response.info()["x-seiryoku-truncated"] == "max_rows=50"


def test_update_is_refused(endpoint):
    sparql = SPARQLWrapper(endpoint)
    sparql.setMethod(POST)
    sparql.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(Exception) as info:
        sparql.query()
    assert "403" in str(info.value) or "Forbidden" in str(info.value)
    # a disguised update through the query parameter is a bad request
    request = urllib.request.Request(endpoint, data=b"DROP ALL", headers={"Content-Type": "application/sparql-query"})
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=10)
    assert error.value.code == 400
    count = wrapper(endpoint, PREFIX + "SELECT (COUNT(*) AS ?n) WHERE { ?a sy:actorId ?id }", JSON).query().convert()
    assert count["results"]["bindings"][0]["n"]["value"] == "1000"


def test_runaway_query_times_out_and_the_worker_is_replaced(endpoint):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    request = urllib.request.Request(endpoint + "?query=" + urllib.parse.quote(runaway))
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=60)
    assert error.value.code == 503
    assert b"timeout" in error.value.read()
    data = wrapper(endpoint, PREFIX + "ASK { ?a sy:supplies ?b }", JSON).query().convert()
    assert data["boolean"] is True


def test_query_page(endpoint):
    page = urllib.request.urlopen(endpoint.removesuffix("sparql"), timeout=10).read().decode("utf-8")
    assert "<textarea" in page and "fetch(" in page
    assert "<script src" not in page and "<link" not in page  # nothing loaded from elsewhere
