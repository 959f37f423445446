"""Hand-built RDF graphs following docs/rdf-model.md, for the graph-stage tests."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib import namespace as ns

SY = Namespace("https://w3id.org/seiryoku/ns#")
ACTOR = Namespace("https://w3id.org/seiryoku/id/actor/")
REL = Namespace("https://w3id.org/seiryoku/id/relation/")
DOC = Namespace("https://w3id.org/seiryoku/id/doc/")


@dataclass
class RdfBuilder:
    """Adds actors, documents and assertions to an rdflib Graph the way the ontology stage does."""

    g: Graph = field(default_factory=Graph)

    def actor(self, aid: str, type_: str, ja: str | None = None, en: str | None = None,
              country: str | None = None, aliases: tuple[str, ...] = ()) -> "RdfBuilder":
        s = ACTOR[aid]
        self.g.add((s, ns.RDF.type, SY[type_]))
        self.g.add((s, SY.actorId, Literal(aid)))
        if ja:
            self.g.add((s, ns.SKOS.prefLabel, Literal(ja, lang="ja")))
        if en:
            self.g.add((s, ns.SKOS.prefLabel, Literal(en, lang="en")))
        for a in aliases:
            lang = "ja" if any(ord(c) > 0x3000 for c in a) else "en"
            self.g.add((s, ns.SKOS.altLabel, Literal(a, lang=lang)))
        if country:
            self.g.add((s, SY.country, ACTOR[country]))
        return self

    def rel(self, subject: str, predicate: str, obj: str, doc: str = "a.txt", sentence: str | None = None,
            modality: str = "actual", negated: bool = False, date: str | None = None, start: int = 0,
            confidence: float = 0.9) -> str:
        doc_id = "d_" + hashlib.sha256(doc.encode()).hexdigest()[:12]
        d = DOC[doc_id]
        self.g.add((d, ns.RDF.type, SY.Document))
        self.g.add((d, SY.docId, Literal(doc_id)))
        self.g.add((d, SY.docName, Literal(doc)))
        sentence = sentence or f"{subject}が{obj}に{predicate}。"
        end = start + len(sentence)
        rid = "r_" + hashlib.sha256(f"{doc_id}|{start}|{end}|{subject}|{predicate}|{obj}".encode()).hexdigest()[:16]
        r = REL[rid]
        g = self.g
        g.add((r, ns.RDF.type, SY.Assertion))
        g.add((r, SY.subject, ACTOR[subject]))
        g.add((r, SY.predicate, SY[predicate]))
        g.add((r, SY.object, ACTOR[obj]))
        g.add((r, SY.document, d))
        g.add((r, SY.sentence, Literal(sentence)))
        g.add((r, SY.start, Literal(start, datatype=ns.XSD.integer)))
        g.add((r, SY.end, Literal(end, datatype=ns.XSD.integer)))
        g.add((r, SY.trigger, Literal(predicate)))
        g.add((r, SY.modality, SY[modality]))
        g.add((r, SY.negated, Literal(negated)))
        g.add((r, SY.confidence, Literal(confidence, datatype=ns.XSD.double)))
        g.add((r, SY.relationId, Literal(rid)))
        if date:
            dtype = ns.XSD.date if len(date) == 10 else ns.XSD.gYearMonth if len(date) == 7 else ns.XSD.gYear
            g.add((r, SY.date, Literal(date, datatype=dtype)))
            g.add((r, SY.datePrecision, Literal({10: "day", 7: "month", 4: "year"}[len(date)])))
        if modality == "actual" and not negated:
            g.add((ACTOR[subject], SY[predicate], ACTOR[obj]))
        return rid




def supply_chain() -> RdfBuilder:
    """A supply chain with one chokepoint (tsmc) and a redundant branch.

    Dependency edges (dependent -> provider):
        sakura -> nvidia (nvidia supplies sakura), sakura -> amd (amd supplies sakura),
        nvidia -> tsmc, amd -> tsmc (both depend on tsmc), tsmc -> asml (asml supplies tsmc);
        softbank's investsIn sakura is planned (sakura -> softbank only with include_planned).
    """
    b = RdfBuilder()
    b.actor("japan", "Country", "日本", "Japan")
    b.actor("us", "Country", "米国", "United States", aliases=("米", "アメリカ"))
    b.actor("taiwan", "Country", "台湾", "Taiwan")
    b.actor("netherlands", "Country", "オランダ", "Netherlands")
    b.actor("sakura", "Company", "さくらインターネット", "Sakura Internet", country="japan")
    b.actor("softbank", "Company", "ソフトバンク", "SoftBank", country="japan")
    b.actor("nvidia", "Company", "エヌビディア", "NVIDIA", country="us", aliases=("Nvidia", "米エヌビディア"))
    b.actor("amd", "Company", None, "AMD", country="us")
    b.actor("tsmc", "Company", "台湾積体電路製造", "TSMC", country="taiwan")
    b.actor("asml", "Company", None, "ASML", country="netherlands")
    b.rel("nvidia", "supplies", "sakura", doc="d1.txt", date="2024-04")
    b.rel("nvidia", "supplies", "sakura", doc="d2.txt", date="2024-05-01", start=10)
    b.rel("amd", "supplies", "sakura", doc="d1.txt", start=20)
    b.rel("nvidia", "dependsOn", "tsmc", doc="d2.txt", start=30)
    b.rel("amd", "dependsOn", "tsmc", doc="d3.txt")
    b.rel("asml", "supplies", "tsmc", doc="d3.txt", start=40, date="2023")
    b.rel("softbank", "investsIn", "sakura", doc="d4.txt", modality="planned")
    b.rel("us", "restricts", "nvidia", doc="d4.txt", start=50)
    b.rel("japan", "cooperatesWith", "us", doc="d5.txt")
    b.rel("sakura", "cooperatesWith", "softbank", doc="d5.txt", start=60, negated=True)
    return b


def _shared_dir() -> Path | None:
    """../shared relative to the repository, or None when absent."""
    repo = Path(__file__).resolve().parents[2]
    cand = repo.parent / "shared"
    return cand if cand.is_dir() else None


# Tests run with --import-mode=importlib, so test modules cannot import this file: they get its helpers as fixtures.

@pytest.fixture(name="rdf_builder")
def rdf_builder_fixture() -> type[RdfBuilder]:
    """The RdfBuilder class (call it for a fresh, empty builder)."""
    return RdfBuilder


@pytest.fixture(name="supply_chain")
def supply_chain_fixture():
    """The supply_chain() function (call it for a fresh builder holding the chain)."""
    return supply_chain


@pytest.fixture(name="shared_dir")
def shared_dir_fixture() -> Path | None:
    """../shared or None."""
    return _shared_dir()
