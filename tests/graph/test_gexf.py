"""GEXF 1.3 export: RelaxNG validity (schema read from ../shared), attributes, spells, read-back."""

from __future__ import annotations

import networkx as nx
import pytest
from lxml import etree

from graph.gexf import GEXF_NS, VIZ_NS, write_gexf
from graph.metrics import compute_metrics
from graph.views import assertion_graph


def _schema(shared_dir) -> etree.RelaxNG:
    shared = shared_dir
    rng = shared / "schemas" / "gexf" / "1.3" / "gexf.rng" if shared else None
    if rng is None or not rng.is_file():
        pytest.skip("../shared/schemas/gexf/1.3 not available")
    return etree.RelaxNG(etree.parse(str(rng)))


@pytest.fixture
def written(tmp_path, supply_chain):
    mdg = assertion_graph(supply_chain().g)
    rows = compute_metrics(mdg)
    path = tmp_path / "g.gexf"
    write_gexf(mdg, rows, path)
    return mdg, rows, path


@pytest.mark.shared
def test_validates_against_relaxng(written, shared_dir):
    schema = _schema(shared_dir)
    _, _, path = written
    doc = etree.parse(str(path))
    assert schema.validate(doc), schema.error_log


@pytest.mark.shared
def test_static_graph_without_dates_validates(tmp_path, rdf_builder, shared_dir):
    schema = _schema(shared_dir)
    b = rdf_builder()
    b.actor("a", "Company", "株式会社  A\t", "A")
    b.actor("b", "Company", en="B")
    b.rel("a", "supplies", "b", doc="1")
    mdg = assertion_graph(b.g)
    write_gexf(mdg, compute_metrics(mdg), tmp_path / "s.gexf")
    doc = etree.parse(str(tmp_path / "s.gexf"))
    assert doc.getroot().find(f"{{{GEXF_NS}}}graph").get("mode") == "static"
    assert schema.validate(doc), schema.error_log


def test_content_and_spells(written):
    mdg, rows, path = written
    root = etree.parse(str(path)).getroot()
    assert root.get("version") == "1.3"
    graph = root.find(f"{{{GEXF_NS}}}graph")
    assert graph.get("name") is None
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("defaultedgetype")) == ("dynamic", "date", "directed")
    titles = {a.get("id") for a in graph.iter(f"{{{GEXF_NS}}}attribute")}
    assert {"type", "country", "label_ja", "label_en", "pagerank", "modularity_class", "chokepoint_score",
            "predicate", "family", "modality"} <= titles
    edge = graph.find(f".//{{{GEXF_NS}}}edge[@id='nvidia|supplies|sakura']")
    spells = [(s.get("start"), s.get("end")) for s in edge.iter(f"{{{GEXF_NS}}}spell")]
    assert spells == [("2024-04-01", "2024-04-30"), ("2024-05-01", "2024-05-01")]
    assert edge.get("weight") == "2.0"
    planned = graph.find(f".//{{{GEXF_NS}}}edge[@id='softbank|investsIn|sakura']")
    assert planned.get("weight") == "0.5" and planned.find(f"{{{VIZ_NS}}}shape").get("value") == "dashed"
    assert graph.find(f".//{{{GEXF_NS}}}edge[@id='sakura|cooperatesWith|softbank']") is None   # negated
    node = graph.find(f".//{{{GEXF_NS}}}node[@id='nvidia']")
    assert node.find(f"{{{VIZ_NS}}}color").get("r") is not None
    assert float(node.find(f"{{{VIZ_NS}}}size").get("value")) > 0


def test_read_back_with_networkx(written):
    mdg, rows, path = written
    g = nx.read_gexf(str(path))
    assert set(g.nodes) == set(mdg.nodes)
    assert g.nodes["nvidia"]["label_ja"] == "エヌビディア"
    assert g.nodes["tsmc"]["chokepoint_score"] == 3
    assert g.nodes["tsmc"]["modularity_class"] == next(r["community"] for r in rows if r["id"] == "tsmc")
    assert g.nodes["tsmc"]["pagerank"] == next(r["pagerank"] for r in rows if r["id"] == "tsmc")
    preds = {(u, v, d["predicate"]) for u, v, d in g.edges(data=True)}
    assert ("us", "nvidia", "restricts") in preds


def test_deterministic(written, tmp_path):
    mdg, rows, path = written
    write_gexf(mdg, rows, tmp_path / "again.gexf")
    assert (tmp_path / "again.gexf").read_bytes() == path.read_bytes()
