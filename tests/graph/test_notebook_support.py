"""The notebook helpers: which build and corpus to read, SELECT rows as dicts, a Japanese font for matplotlib."""

from __future__ import annotations

import warnings
from pathlib import Path

import matplotlib
import pytest
from rdflib import Graph, Literal, Namespace

from graph.notebook_support import (
    build_from_env, corpus_dir, find_cjk_font, installed_fonts, load_assertion_graph, prefixed, result_rows,
    use_japanese_font,
)
from graph.sparql import run_query, store_from_graph
from seiryoku.errors import ConfigError, GraphError, InputError

SY = Namespace("https://w3id.org/seiryoku/ns#")
ACTOR = Namespace("https://w3id.org/seiryoku/id/actor/")


def _repo(tmp_path: Path, seeds: bool) -> Path:
    """A fake checkout: repo/examples/corpus, and ../shared/corpus/seeds when asked."""
    repo = tmp_path / "main"
    (repo / "examples" / "corpus").mkdir(parents=True)
    if seeds:
        (tmp_path / "shared" / "corpus" / "seeds").mkdir(parents=True)
    return repo


def test_build_from_env_unset_or_empty_is_none():
    assert build_from_env({}) is None
    assert build_from_env({"SEIRYOKU_BUILD": "  "}) is None


def test_build_from_env_needs_a_graph_file(tmp_path: Path):
    with pytest.raises(InputError, match="no build here"):
        build_from_env({"SEIRYOKU_BUILD": str(tmp_path)})
    (tmp_path / "graph.ttl").write_text("", encoding="utf-8")
    assert build_from_env({"SEIRYOKU_BUILD": str(tmp_path)}) == tmp_path


def test_corpus_dir_is_the_sample_by_default(tmp_path: Path):
    repo = _repo(tmp_path, seeds=True)
    assert corpus_dir(repo, {}) == (repo / "examples" / "corpus").resolve()
    assert corpus_dir(repo, {"SEIRYOKU_CORPUS": "sample"}) == (repo / "examples" / "corpus").resolve()


def test_corpus_dir_seeds_when_asked_and_present(tmp_path: Path):
    repo = _repo(tmp_path, seeds=True)
    assert corpus_dir(repo, {"SEIRYOKU_CORPUS": "seeds"}) == (tmp_path / "shared" / "corpus" / "seeds").resolve()


def test_corpus_dir_seeds_absent_warns_and_falls_back(tmp_path: Path):
    repo = _repo(tmp_path, seeds=False)
    with pytest.warns(UserWarning, match="seeds"):
        assert corpus_dir(repo, {"SEIRYOKU_CORPUS": "seeds"}) == (repo / "examples" / "corpus").resolve()


def test_corpus_dir_refuses_unknown_names_and_missing_sample(tmp_path: Path):
    repo = _repo(tmp_path, seeds=False)
    with pytest.raises(ConfigError, match="seeds"):
        corpus_dir(repo, {"SEIRYOKU_CORPUS": "everything"})
    with pytest.raises(InputError):
        corpus_dir(tmp_path / "nowhere", {})


def test_load_assertion_graph_reads_the_build(tmp_path: Path, supply_chain):
    supply_chain().g.serialize(tmp_path / "graph.ttl", format="turtle")
    rdf, mdg = load_assertion_graph(tmp_path)
    assert len(rdf) > 0
    assert mdg.has_edge("nvidia", "sakura") and mdg.number_of_edges("nvidia", "sakura") == 2
    assert mdg.nodes["tsmc"]["country"] == "taiwan"
    with pytest.raises(GraphError):
        load_assertion_graph(tmp_path / "missing")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "graph.ttl").write_text("this is not turtle <", encoding="utf-8")
    with pytest.raises(GraphError, match="cannot read"):
        load_assertion_graph(tmp_path / "bad")


def test_result_rows_converts_terms():
    g = Graph()
    g.add((ACTOR.nvidia, SY.mentionCount, Literal(15)))
    g.add((ACTOR.nvidia, SY.actorId, Literal("nvidia")))
    g.add((ACTOR.amd, SY.actorId, Literal("amd")))
    query = """PREFIX sy: <https://w3id.org/seiryoku/ns#>
        SELECT ?a ?id ?n WHERE { ?a sy:actorId ?id OPTIONAL { ?a sy:mentionCount ?n } } ORDER BY ?id"""
    rows = result_rows(run_query(store_from_graph(g), query))
    assert rows == [{"a": "actor:amd", "id": "amd", "n": None}, {"a": "actor:nvidia", "id": "nvidia", "n": 15}]


def test_result_rows_refuses_non_select():
    g = Graph()
    g.add((ACTOR.nvidia, SY.actorId, Literal("nvidia")))
    with pytest.raises(GraphError, match="SELECT"):
        result_rows(run_query(store_from_graph(g), "ASK { ?s ?p ?o }"))


def test_prefixed_keeps_unknown_iris_whole():
    assert prefixed(SY.investsIn) == "sy:investsIn"
    assert prefixed(Namespace("http://example.org/")["x"]) == "http://example.org/x"
    assert prefixed(Literal("テキスト")) == "テキスト"


def test_find_cjk_font_takes_the_first_installed_candidate():
    assert find_cjk_font(["A", "B", "C"], available=["C", "B"]) == "B"
    assert find_cjk_font(["A"], available=["B"]) is None
    assert find_cjk_font(available=["Noto Sans CJK JP", "IPAexGothic"]) == "Noto Sans CJK JP"


def test_use_japanese_font_sets_matplotlib_family():
    name = installed_fonts()[0]
    with matplotlib.rc_context():
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert use_japanese_font(["No Such Font 123", name]) == name
        assert matplotlib.rcParams["font.family"] == [name]


def test_use_japanese_font_warns_when_none_is_installed():
    with matplotlib.rc_context():
        before = list(matplotlib.rcParams["font.family"])
        with pytest.warns(UserWarning, match="CJK"):
            assert use_japanese_font(["No Such Font 123"]) is None
        assert matplotlib.rcParams["font.family"] == before
