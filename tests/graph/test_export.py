"""GraphML read back by networkx; CSV tables for spreadsheets."""

from __future__ import annotations

import csv

import networkx as nx

from graph.export import EDGE_COLUMNS, write_csv, write_graphml
from graph.metrics import compute_metrics, metric_columns
from graph.views import assertion_graph


def test_graphml_round_trip(tmp_path, supply_chain):
    mdg = assertion_graph(supply_chain().g)
    rows = compute_metrics(mdg)
    write_graphml(mdg, rows, tmp_path / "g.graphml")
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert isinstance(g, nx.MultiDiGraph)
    assert set(g.nodes) == set(mdg.nodes)
    assert set(k for *_, k in g.edges(keys=True)) == set(k for *_, k in mdg.edges(keys=True))
    nv = g.nodes["nvidia"]
    assert nv["label_ja"] == "エヌビディア" and nv["aliases"] == "NVIDIA|Nvidia|エヌビディア|米エヌビディア"
    assert nv["pagerank"] == next(r["pagerank"] for r in rows if r["id"] == "nvidia")
    assert "label_ja" not in g.nodes["amd"]       # None is left out, not written as "None"
    u, v, key, data = next((u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True) if d["negated"])
    assert (u, v, data["predicate"]) == ("sakura", "softbank", "cooperatesWith")
    assert data["start"] == mdg.edges[u, v, key]["start"]
    write_graphml(mdg, rows, tmp_path / "again.graphml")
    assert (tmp_path / "again.graphml").read_bytes() == (tmp_path / "g.graphml").read_bytes()


def test_csv_tables(tmp_path, supply_chain):
    mdg = assertion_graph(supply_chain().g)
    rows = compute_metrics(mdg)
    write_csv(mdg, rows, tmp_path / "nodes.csv", tmp_path / "edges.csv")
    assert (tmp_path / "nodes.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "nodes.csv", encoding="utf-8-sig", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    assert list(nodes[0]) == [*metric_columns(), "label", "aliases"]
    assert sorted(n["id"] for n in nodes) == sorted(mdg.nodes)
    assert next(n for n in nodes if n["id"] == "tsmc")["chokepoint_score"] == "3"
    with open(tmp_path / "edges.csv", encoding="utf-8-sig", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert list(edges[0]) == list(EDGE_COLUMNS)
    assert len(edges) == mdg.number_of_edges()
    e = next(e for e in edges if e["predicate"] == "restricts")
    assert (e["source"], e["target"], e["source_label"], e["date"]) == ("us", "nvidia", "米国", "")
