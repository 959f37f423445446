"""The seed corpus in ../shared built end to end (skipped where ../shared is absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner

from graph.html import external_references
from seiryoku.cli import main

SIX = {"nvidia": ("Company", "us"), "huawei": ("Company", "china"), "geniac": ("Program", "japan"),
       "nsf": ("ResearchInstitute", "us"), "riken": ("ResearchInstitute", "japan"), "g42": ("Company", "uae")}


@pytest.fixture(scope="module")
def seed_build(shared: Path, tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    """The five seed documents built once for this module."""
    out = tmp_path_factory.mktemp("seeds") / "out"
    seeds = sorted(str(p) for p in (shared / "corpus" / "seeds").glob("*.txt"))
    result = CliRunner().invoke(main, ["build", *seeds, "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    return out


def _records(out: Path, kind: str) -> list[dict]:
    recs = (json.loads(line) for line in (out / "assertions.jsonl").open(encoding="utf-8"))
    return [r for r in recs if r["kind"] == kind]


def test_six_actors_are_one_node_each_with_type_and_country(seed_build):
    actors = _records(seed_build, "actor")
    for actor_id, (actor_type, country) in SIX.items():
        nodes = [a for a in actors if a["id"] == actor_id]
        assert len(nodes) == 1, actor_id
        assert (nodes[0]["type"], nodes[0]["country"]) == (actor_type, country)
        labels = {label.casefold() for label in nodes[0]["labels"]}
        others = [a["id"] for a in actors if a["id"] != actor_id and labels & {x.casefold() for x in a["labels"]}]
        assert not others, (actor_id, others)


def test_graph_query_html_and_gexf_of_the_seed_build(seed_build):
    g = rdflib.Graph()
    g.parse(seed_build / "graph.ttl")
    query = "PREFIX sy: <https://w3id.org/seiryoku/ns#> SELECT ?id WHERE { ?a sy:actorId ?id }"
    result = CliRunner().invoke(main, ["query", query, "--graph", str(seed_build / "graph.ttl"), "--format", "csv"])
    assert result.exit_code == 0 and set(SIX) <= set(result.output.split())
    assert external_references((seed_build / "graph.html").read_text(encoding="utf-8")) == []
    assert nx.read_gexf(seed_build / "graph.gexf").number_of_nodes() > 0


def test_no_relation_comes_from_excluded_text(seed_build):
    docs = {d["doc"]: d for d in map(json.loads, (seed_build / "documents.jsonl").open(encoding="utf-8"))}
    for r in _records(seed_build, "relation"):
        ranges = docs[r["doc"]]["excluded"]
        assert not any(lo <= r["start"] < hi or lo < r["end"] <= hi for lo, hi in ranges), r["sentence"]


def test_the_scorer_reads_the_contract_output(seed_build, shared):
    score = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(shared / "gold" / "seeds.jsonl"),
                            str(seed_build / "assertions.jsonl"), "--brief"], capture_output=True, text=True, check=True)
    assert "precision" in score.stdout and "recall" in score.stdout
