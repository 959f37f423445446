"""Table-driven relation tests: sentences we wrote (tests/extract/data/relation_cases.jsonl) and their triples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dataclasses import replace

from extract.gazetteer import load_gazetteer, norm_key
from extract.pipeline import extract_document
from extract.types import Document, text_hash

DATA = Path(__file__).parent / "data"
CASES = [json.loads(line) for line in (DATA / "relation_cases.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]
KNOWN_GAPS = json.loads((DATA / "known_gaps.json").read_text(encoding="utf-8")) if (DATA / "known_gaps.json").exists() else {}
SYMMETRIC = {"cooperatesWith", "competesWith"}


CASE_ACTORS = [json.loads(line) for line in (DATA / "relation_case_actors.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
ALIASES = {norm_key(alias): a["id"] for a in CASE_ACTORS for alias in [a["id"], *a.get("aliases", [])]}


def _case_id(actor_id: str, surface: str) -> str:
    """The table's id for an extracted actor: its own id, or the table actor its gazetteer names or surface name."""
    if actor_id in ALIASES.values():
        return actor_id
    entry = load_gazetteer().entries.get(actor_id)
    stripped = surface[1:] if surface[:1] in "米中日英仏独韓台印豪加露伊蘭" else surface
    for name in [surface, stripped, *(entry.aliases if entry else ())]:
        if norm_key(name) in ALIASES:
            return ALIASES[norm_key(name)]
    return actor_id


def _run(nlp, text: str, date: str | None = "2025-06-15"):
    doc = Document(text_hash(text), "case.txt", text, "case.txt", date=date)
    out = []
    for a in extract_document(doc, nlp):
        subject = _case_id(a.subject, text[a.subject_span[0] : a.subject_span[1]])
        obj = _case_id(a.object, text[a.object_span[0] : a.object_span[1]])
        out.append(replace(a, subject=subject, object=obj))
    return out


def _key(r) -> tuple:
    s, p, o = (r["subject"], r["predicate"], r["object"]) if isinstance(r, dict) else (r.subject, r.predicate, r.object)
    return (p, *sorted((s, o))) if p in SYMMETRIC else (p, s, o)


def _matches(pattern: dict, a) -> bool:
    """A forbid pattern ("*" matches anything) against an assertion."""
    for field in ("subject", "predicate", "object", "negated", "modality"):
        want = pattern.get(field, "*")
        if want == "*":
            continue
        got = getattr(a, field)
        if field in ("subject", "object") and a.predicate in SYMMETRIC and pattern.get("predicate") == a.predicate:
            if want not in (a.subject, a.object):
                return False
            continue
        if got != want:
            return False
    return True


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(reason=KNOWN_GAPS[case["id"]], strict=True)] if case["id"] in KNOWN_GAPS else []
        yield pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_relation_case(nlp, case):
    got = {_key(a): a for a in _run(nlp, case["text"])}
    for exp in case["expect"]:
        key = _key(exp)
        assert key in got, f"missing {key}; got {sorted(got)}"
        a = got[key]
        assert a.negated == exp.get("negated", False), key
        assert a.modality == exp.get("modality", "actual"), key
        if exp.get("date"):
            assert a.date == exp["date"], key
        if exp.get("amount"):
            assert a.amount == pytest.approx(exp["amount"]) and a.currency == exp.get("currency"), key
    for bad in case.get("forbid", []):
        hits = [k for k, a in got.items() if _matches(bad, a)]
        assert not hits, f"forbidden {bad}: {hits}"


def test_the_table_covers_every_predicate():
    predicates = {e["predicate"] for c in CASES for e in c["expect"]}
    assert len(predicates) == 16
    assert len(CASES) >= 60


def test_evidence_offsets_point_into_the_text(nlp):
    text = "見出し\n米マイクロソフトは16日、G42への15億ドルの出資を発表した。\n続報を待つ。"
    found = _run(nlp, text, "2024-04-10")
    assert found
    for a in found:
        assert text[a.evidence.start : a.evidence.end] == a.evidence.sentence
        s0, s1 = a.subject_span
        assert text[s0:s1] in ("米マイクロソフト", "マイクロソフト")
    inv = [a for a in found if a.predicate == "investsIn"][0]
    assert inv.date == "2024-04-16" and inv.amount == 1.5e9 and inv.currency == "USD"


def test_dosha_prefers_the_company_the_text_is_about(nlp):
    text = ("エヌビディアは中国向けに半導体を販売してきた。中国の新興企業ディープシークの低価格モデルが広がった。"
            "同社のジェンスン・フアンCEOは北京で会談した。")
    leaders = [a for a in _run(nlp, text) if a.predicate == "leaderOf"]
    assert [(a.subject, a.object) for a in leaders] == [("jensen_huang", "nvidia")]
