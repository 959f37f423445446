"""The walking skeleton end to end: `seiryoku build` on the sample corpus, twice, and what its outputs hold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner

from seiryoku.cli import SAMPLE_CORPUS, main

SIX = {"nvidia": "Company", "huawei": "Company", "geniac": "Program", "nsf": "ResearchInstitute",
       "riken": "ResearchInstitute", "g42": "Company"}


def _build(corpus: list[Path], out: Path) -> str:
    result = CliRunner().invoke(main, ["build", *map(str, corpus), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory: pytest.TempPathFactory, nlp) -> tuple[Path, Path, str]:
    """The sample corpus built twice into two folders."""
    base = tmp_path_factory.mktemp("build")
    first = _build([SAMPLE_CORPUS], base / "a")
    _build([SAMPLE_CORPUS], base / "b")
    return base / "a", base / "b", first


def test_build_writes_every_output(sample_build):
    out, _, summary = sample_build
    for name in ("assertions.jsonl", "documents.jsonl", "graph.ttl", "metrics.csv", "graph.html", "graph.gexf"):
        assert (out / name).stat().st_size > 0, name
    assert re.search(r"documents \d+\s+actors \d+\s+relations \d+", summary)
    assert "top actors by PageRank" in summary


def test_two_builds_are_byte_identical(sample_build):
    a, b, _ = sample_build
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_six_actors_are_one_node_each_with_their_type(sample_build):
    out, _, _ = sample_build
    actors = [json.loads(line) for line in (out / "assertions.jsonl").open(encoding="utf-8")]
    actors = [r for r in actors if r["kind"] == "actor"]
    for actor_id, actor_type in SIX.items():
        nodes = [a for a in actors if a["id"] == actor_id]
        assert len(nodes) == 1 and nodes[0]["type"] == actor_type, actor_id
        assert sum(nodes[0]["mentions"].values()) > 0, actor_id


def test_relations_follow_the_contract(sample_build):
    out, _, _ = sample_build
    recs = [json.loads(line) for line in (out / "assertions.jsonl").open(encoding="utf-8")]
    texts = {r["doc"]: r["text"] for r in map(json.loads, (out / "documents.jsonl").open(encoding="utf-8"))}
    actor_ids = {r["id"] for r in recs if r["kind"] == "actor"}
    relations = [r for r in recs if r["kind"] == "relation"]
    assert relations
    for r in relations:
        assert texts[r["doc"]][r["start"] : r["end"]] == r["sentence"]
        assert r["subject"] in actor_ids and r["object"] in actor_ids
        assert r["id"].startswith("r_") and len(r["id"]) == 18
        assert r["modality"] in ("actual", "planned", "hypothetical")


def test_graph_parses_and_query_lists_the_six(sample_build):
    out, _, _ = sample_build
    g = rdflib.Graph()
    g.parse(out / "graph.ttl")
    assert len(g) > 100
    query = ("PREFIX sy: <https://w3id.org/seiryoku/ns#> SELECT ?id WHERE { ?a sy:actorId ?id } ORDER BY ?id")
    result = CliRunner().invoke(main, ["query", query, "--graph", str(out / "graph.ttl"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    listed = set(result.output.split())
    assert set(SIX) <= listed


def test_html_references_no_external_url(sample_build):
    out, _, _ = sample_build
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "vis-network" in html or "vis.Network" in html


def test_gexf_reads_back(sample_build):
    out, _, _ = sample_build
    g = nx.read_gexf(out / "graph.gexf")
    assert g.number_of_nodes() > 0 and g.number_of_edges() > 0


def test_bad_input_is_one_line_and_the_rest_builds(tmp_path, nlp):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("米エヌビディアは理化学研究所と協力覚書を締結した。", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-progress"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if "empty.txt" in line]
    assert len(errors) == 1 and "Traceback" not in result.output
    assert (tmp_path / "out" / "graph.ttl").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]


def test_unreadable_graph_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("not turtle {{{", encoding="utf-8")
    for args in (["validate", "--graph", str(bad)], ["whatif", "--remove", "x", "--graph", str(bad)],
                 ["query", "SELECT * WHERE {?s ?p ?o}", "--graph", str(tmp_path / "missing.ttl")]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1, result.output
