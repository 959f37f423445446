"""The offline HTML view: no external request, escaping of document text, filters data, top-k, determinism."""

from __future__ import annotations

import json
import re

import pytest

from graph.html import external_references, render_html, write_html
from graph.metrics import compute_metrics
from graph.views import assertion_graph

EVIL = '<script>alert("x")</script> <a href="https://evil.example/">米国</a> & <img src=x onerror=alert(1)>'


def _dataset(page: str, which: str) -> list[dict]:
    m = re.search(which + r" = new vis\.DataSet\((\[.*?\])\);\n", page)
    assert m, which
    return json.loads(m.group(1))


@pytest.fixture
def page(supply_chain):
    b = supply_chain()
    b.rel("us", "regulates", "tsmc", doc="evil.txt", sentence=EVIL)
    mdg = assertion_graph(b.g)
    return render_html(mdg, compute_metrics(mdg))


def test_no_external_reference(page):
    assert external_references(page) == []
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.IGNORECASE)
    assert "//cdn" not in page and "bootstrap" not in page.lower()
    assert "vis.Network" in page and "DataSet" in page   # vis-network inlined
    assert "<script src" not in page and "<link" not in page


def test_external_reference_detector_finds_cdn_links():
    assert external_references('<html><head><link rel="stylesheet" href="https://cdn.x/a.css"></head>'
                               '<body><script src="//cdn.x/a.js"></script></body></html>') == [
        "<link href=https://cdn.x/a.css>", "<script src=//cdn.x/a.js>"]


def test_evidence_is_escaped(page, supply_chain):
    assert EVIL not in page
    mdg = assertion_graph(supply_chain().g)
    clean = render_html(mdg, compute_metrics(mdg))
    assert page.count("<script") == clean.count("<script")   # the sentence adds no element
    assert page.count("<a ") == clean.count("<a ") and page.count("<img") == clean.count("<img")
    edges = _dataset(page, "edges")
    tip = next(e for e in edges if e["predicate"] == "regulates")["tooltip"]
    assert "<script>" not in tip and "<a href" not in tip and "<img" not in tip
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in tip
    assert "&lt;a href=&quot;https://evil.example/&quot;&gt;" in tip
    assert "evil.txt" in tip and "regulates" in tip and "実際" in tip


def test_nodes_edges_styles(page):
    nodes = {n["id"]: n for n in _dataset(page, "nodes")}
    edges = _dataset(page, "edges")
    assert len(nodes) == 10
    assert nodes["nvidia"]["label"] == "エヌビディア" and nodes["amd"]["label"] == "AMD"
    assert nodes["us"]["color"] != nodes["nvidia"]["color"]      # colour by type
    assert nodes["us"]["size"] > nodes["softbank"]["size"]       # size by PageRank
    assert "米エヌビディア" in nodes["nvidia"]["aliases"]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes.values())
    planned = next(e for e in edges if e["predicate"] == "investsIn")
    assert planned["dashes"] is True
    actual = next(e for e in edges if e["predicate"] == "supplies")
    assert actual["dashes"] is False and actual["arrows"] == "to"
    assert not any(e["predicate"] == "cooperatesWith" and e["from"] == "sakura" for e in edges)   # negated
    config = json.loads(re.search(r'id="sy-config">(.*?)</script>', page).group(1))
    assert ["us", "米国"] in config["filters"]["countries"]
    assert [p for p, _ in config["filters"]["predicates"]] == sorted({e["predicate"] for e in edges})


def test_top_k_and_physics_threshold(supply_chain):
    mdg = assertion_graph(supply_chain().g)
    rows = compute_metrics(mdg)
    page = render_html(mdg, rows, top_k=3, physics_threshold=2)
    ids = {n["id"] for n in _dataset(page, "nodes")}
    best = sorted(rows, key=lambda r: (-r["pagerank"], r["id"]))[:3]
    assert ids == {r["id"] for r in best}
    assert all(e["from"] in ids and e["to"] in ids for e in _dataset(page, "edges"))
    assert '"physics": {"enabled": false' in page
    assert '"physics": {"enabled": true' in render_html(mdg, rows)


def test_deterministic_and_atomic(tmp_path, supply_chain):
    mdg = assertion_graph(supply_chain().g)
    rows = compute_metrics(mdg)
    write_html(mdg, rows, tmp_path / "a.html")
    write_html(mdg, rows, tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]


def test_empty_graph(rdf_builder):
    mdg = assertion_graph(rdf_builder().g)
    page = render_html(mdg, compute_metrics(mdg))
    assert _dataset(page, "nodes") == [] and external_references(page) == []
