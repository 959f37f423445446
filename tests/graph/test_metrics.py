"""Metrics rows: columns, known values on a chain and a star, determinism, CSV/JSON and RDF output."""

from __future__ import annotations

import csv
import json

import pytest
from rdflib import Literal, Namespace
from rdflib import namespace as ns

from graph.metrics import (add_metrics_to_rdf, compute_metrics, country_metrics, metric_columns,
                           write_metrics_csv, write_metrics_json)
from graph.views import assertion_graph

SY = Namespace("https://w3id.org/seiryoku/ns#")
ACTOR = Namespace("https://w3id.org/seiryoku/id/actor/")

SPEC_COLUMNS = ["id", "label_ja", "label_en", "type", "country", "pagerank", "betweenness", "hub", "authority",
                "community"]


def chain_builder(rdf_builder):
    b = rdf_builder()
    for aid in "abc":
        b.actor(aid, "Company", en=aid.upper())
    b.rel("a", "dependsOn", "b", doc="1")
    b.rel("b", "dependsOn", "c", doc="1")
    return b


def star_builder(rdf_builder):
    b = rdf_builder()
    b.actor("hub", "Country", "中心", "Hub")
    for i in range(4):
        b.actor(f"s{i}", "Company", en=f"S{i}", country="hub")
        b.rel("hub", "funds", f"s{i}", doc=f"d{i}")
    return b


def test_columns_exactly_as_spec(supply_chain):
    rows = compute_metrics(assertion_graph(supply_chain().g))
    cols = metric_columns()
    assert all(list(r) == cols for r in rows)
    assert cols[:10] == SPEC_COLUMNS
    assert cols[-4:] == ["providers_direct", "providers_transitive", "exposure_by_country", "chokepoint_score"]
    fams = ["cooperation", "material_support", "pressure", "competition", "other"]
    assert cols[10:-4] == [f"{d}_degree_{f}" for f in fams for d in ("in", "out")]


def test_chain_values(rdf_builder):
    rows = {r["id"]: r for r in compute_metrics(assertion_graph(chain_builder(rdf_builder).g))}
    assert rows["c"]["pagerank"] > rows["b"]["pagerank"] > rows["a"]["pagerank"]
    assert (rows["a"]["betweenness"], rows["b"]["betweenness"], rows["c"]["betweenness"]) == (0.0, 1.0, 0.0)
    assert rows["a"]["providers_direct"] == 1 and rows["a"]["providers_transitive"] == 2
    assert rows["b"]["chokepoint_score"] == 1 and rows["c"]["chokepoint_score"] == 2
    assert json.loads(rows["a"]["exposure_by_country"]) == {"none": 1.0}
    assert rows["a"]["label_en"] == "A" and rows["a"]["label_ja"] is None


def test_star_values(rdf_builder):
    rows = {r["id"]: r for r in compute_metrics(assertion_graph(star_builder(rdf_builder).g))}
    leaves = [rows[f"s{i}"] for i in range(4)]
    assert all(rows["hub"]["pagerank"] > r["pagerank"] for r in leaves)
    assert rows["hub"]["betweenness"] == 1.0 and all(r["betweenness"] == 0.0 for r in leaves)
    assert rows["hub"]["hub"] == 1.0 and all(r["authority"] == 0.25 for r in leaves)
    assert rows["hub"]["out_degree_material_support"] == 4
    assert {r["community"] for r in rows.values()} == {0}
    assert all(r["exposure_by_country"] == '{"hub": 1.0}' for r in leaves)


def test_six_significant_digits(supply_chain):
    rows = compute_metrics(assertion_graph(supply_chain().g))
    for r in rows:
        for c in ("pagerank", "betweenness", "hub", "authority"):
            assert float(f"{r[c]:.6g}") == r[c]


def test_rows_deterministic_whatever_the_insertion_order(rdf_builder, supply_chain):
    b1 = supply_chain()
    b2 = rdf_builder()
    for t in sorted(b1.g, key=lambda t: str(t), reverse=True):
        b2.g.add(t)
    r1 = compute_metrics(assertion_graph(b1.g))
    r2 = compute_metrics(assertion_graph(b2.g))
    assert r1 == r2
    assert [r["id"] for r in r1] == sorted(r["id"] for r in r1)


def test_include_planned_changes_exposure(supply_chain):
    mdg = assertion_graph(supply_chain().g)
    base = {r["id"]: r for r in compute_metrics(mdg)}
    planned = {r["id"]: r for r in compute_metrics(mdg, include_planned=True)}
    assert base["sakura"]["providers_direct"] == 2 and planned["sakura"]["providers_direct"] == 3


def test_write_csv_and_json(tmp_path, supply_chain):
    rows = compute_metrics(assertion_graph(supply_chain().g))
    write_metrics_csv(rows, tmp_path / "m.csv")
    write_metrics_json(rows, tmp_path / "m.json")
    raw = (tmp_path / "m.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "m.csv", encoding="utf-8-sig", newline="") as fh:
        back = list(csv.DictReader(fh))
    assert [r["id"] for r in back] == [r["id"] for r in rows]
    sakura = next(r for r in back if r["id"] == "sakura")
    assert sakura["label_ja"] == "さくらインターネット" and float(sakura["pagerank"]) == next(
        r["pagerank"] for r in rows if r["id"] == "sakura")
    data = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert data[0]["id"] == rows[0]["id"]
    assert next(r for r in data if r["id"] == "sakura")["exposure_by_country"]["us"] == 0.5
    write_metrics_csv(rows, tmp_path / "m2.csv")
    assert (tmp_path / "m2.csv").read_bytes() == raw
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_add_metrics_to_rdf_typed_literals(supply_chain):
    b = supply_chain()
    rows = compute_metrics(assertion_graph(b.g))
    g = add_metrics_to_rdf(b.g, rows)
    tsmc = ACTOR["tsmc"]
    pr = g.value(tsmc, SY.pagerank)
    assert pr.datatype == ns.XSD.double and float(pr) == next(r["pagerank"] for r in rows if r["id"] == "tsmc")
    score = g.value(tsmc, SY.chokepointScore)
    assert score.datatype == ns.XSD.integer and int(score) == 3
    assert g.value(tsmc, SY.inDegreeMaterialSupport) == Literal(3, datatype=ns.XSD.integer)
    assert g.value(ACTOR["sakura"], SY.providersTransitive) == Literal(4, datatype=ns.XSD.integer)
    assert g.value(tsmc, SY.community).datatype == ns.XSD.integer
    before = len(g)
    add_metrics_to_rdf(g, rows)   # idempotent: values replaced, not duplicated
    assert len(g) == before


def test_country_metrics(supply_chain):
    rows = {r["id"]: r for r in country_metrics(assertion_graph(supply_chain().g))}
    assert sorted(rows) == ["japan", "netherlands", "taiwan", "us"]
    # japan depends on us; us depends on taiwan (nvidia/amd -> tsmc); taiwan on netherlands (tsmc -> asml)
    assert rows["taiwan"]["chokepoint_score"] == 2 and rows["netherlands"]["chokepoint_score"] == 3
    assert rows["japan"]["providers_transitive"] == 3
    assert json.loads(rows["japan"]["exposure_by_country"]) == pytest.approx(
        {"netherlands": 1 / 3, "taiwan": 1 / 3, "us": 1 / 3}, rel=1e-5)
