"""The actor gazetteer and the actor-recognition lexicons: well-formed, consistent with each other, unambiguous."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

from extract.types import ACTOR_TYPES

ROOT = Path(__file__).resolve().parents[2]
GAZETTEER = ROOT / "ontology" / "gazetteer.jsonl"
LEXICON = ROOT / "extract" / "lexicon"
GOLD_DIR = ROOT.parent / "shared" / "gold"

SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
QID = re.compile(r"^Q[1-9][0-9]*$")
# the brief's key (NFKC, case-folded, spaces and ・ removed) plus the punctuation the recognizer also ignores
_IGNORED = re.compile(r"[\s・･\-‐‑–—_.,，、。'’\"()（）\[\]「」『』]")
REQUIRED_KEYS = ("id", "label_ja", "label_en", "type", "country", "aliases", "wikidata", "wikidata_checked")


def alias_key(text: str) -> str:
    """The key under which two aliases count as the same name."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text).casefold())


@lru_cache(maxsize=1)
def entries() -> tuple[dict, ...]:
    lines = GAZETTEER.read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip())


@lru_cache(maxsize=1)
def by_id() -> dict[str, dict]:
    return {e["id"]: e for e in entries()}


def lexicon(name: str) -> dict:
    return json.loads((LEXICON / f"{name}.json").read_text(encoding="utf-8"))


def test_alias_key_merges_script_and_spacing_variants() -> None:
    assert alias_key("ＮＶＩＤＩＡ") == alias_key("Nvidia") == alias_key("N VIDIA")
    assert alias_key("ジェンスン・フアン") == alias_key("ジェンスン フアン")
    assert alias_key("エヌビディア") != alias_key("NVIDIA")


def test_file_is_sorted_utf8_jsonl_with_required_keys() -> None:
    text = GAZETTEER.read_text(encoding="utf-8")
    assert "\\u" not in text, "write with ensure_ascii=False"
    ids = [e["id"] for e in entries()]
    assert ids == sorted(ids)
    for e in entries():
        missing = [k for k in REQUIRED_KEYS if k not in e]
        assert not missing, (e["id"], missing)
        assert isinstance(e["label_ja"], str) and e["label_ja"], e["id"]
        assert isinstance(e["label_en"], str) and e["label_en"], e["id"]
        assert isinstance(e["aliases"], list) and e["aliases"], e["id"]


def test_ids_unique_and_snake_case() -> None:
    ids = [e["id"] for e in entries()]
    assert len(ids) == len(set(ids))
    bad = [i for i in ids if not SNAKE.match(i)]
    assert not bad


def test_size_and_every_type_present() -> None:
    assert len(entries()) >= 300
    counts = defaultdict(int)
    for e in entries():
        assert e["type"] in ACTOR_TYPES, (e["id"], e["type"])
        counts[e["type"]] += 1
    assert set(counts) == set(ACTOR_TYPES)


def test_country_resolves_to_a_country_entry() -> None:
    table = by_id()
    for e in entries():
        country = e["country"]
        if e["type"] == "Country":
            assert country == e["id"], e["id"]
        elif country is not None:
            assert country in table and table[country]["type"] == "Country", (e["id"], country)


def test_no_alias_names_two_actors() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entries():
        for alias in e["aliases"]:
            owners[alias_key(alias)].add(e["id"])
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not shared


def test_aliases_are_strings_of_two_or_more_characters() -> None:
    # single letters (米, 日, 中) are country prefixes, in extract/lexicon/country_prefixes.json
    for e in entries():
        for alias in e["aliases"]:
            assert isinstance(alias, str) and alias == alias.strip(), (e["id"], alias)
            assert len(alias_key(alias)) >= 2, (e["id"], alias)


def test_ambiguous_aliases_are_aliases_of_the_same_entry() -> None:
    for e in entries():
        own = {alias_key(a) for a in e["aliases"]}
        for alias in e.get("ambiguous_aliases", []):
            assert alias_key(alias) in own, (e["id"], alias)


def test_wikidata_null_unless_checked() -> None:
    for e in entries():
        assert isinstance(e["wikidata_checked"], bool)
        if e["wikidata_checked"]:
            assert isinstance(e["wikidata"], str) and QID.match(e["wikidata"]), e["id"]
        else:
            assert e["wikidata"] is None, e["id"]


def test_generic_nouns_and_outlets_are_not_aliases() -> None:
    data = lexicon("generic_nouns")
    known = {alias_key(a): e["id"] for e in entries() for a in e["aliases"]}
    for word in [*data["generic"], *data["outlets"], *data["back_references"]]:
        assert alias_key(word) not in known, (word, known.get(alias_key(word)))


def test_generic_nouns_cue_types_are_actor_types() -> None:
    data = lexicon("generic_nouns")
    assert set(data["back_references"].values()) <= set(ACTOR_TYPES)
    assert set(data["suffix_cues"]) <= set(ACTOR_TYPES)
    for types in data["ambiguous_cues"].values():
        assert set(types) <= set(ACTOR_TYPES)
    for key in ("company_cues", "research_cues", "government_cues", "program_cues", "instrument_cues"):
        assert data[key] and all(isinstance(w, str) and w for w in data[key]), key


def test_title_offices_exist_and_title_lists_are_disjoint() -> None:
    data = lexicon("titles")
    table = by_id()
    for title, office in data["office_titles"].items():
        targets = office.values() if isinstance(office, dict) else [office]
        if isinstance(office, dict):
            assert "_default" in office, title
            assert set(office) - {"_default"} <= {i for i, e in table.items() if e["type"] == "Country"}, title
        for target in targets:
            assert target in table, (title, target)
            assert table[target]["type"] not in ("Person", "Technology", "PolicyInstrument"), (title, target)
    for title, info in data["head_titles"].items():
        assert info["of"] in ("country", "org"), title
        assert set(info.get("types", [])) <= set(ACTOR_TYPES), title
    heads, offices, others = set(data["head_titles"]), set(data["office_titles"]), set(data["non_head_titles"])
    assert not heads & offices and not heads & others and not offices & others


def test_country_prefixes_and_places_resolve() -> None:
    data = lexicon("country_prefixes")
    table = by_id()
    for prefix, info in data["prefixes"].items():
        assert table[info["country"]]["type"] in ("Country", "InternationalOrganization"), prefix
        assert isinstance(info["in_pairs"], bool) and isinstance(info["before_names"], bool), prefix
    letters = {p for p, info in data["prefixes"].items() if len(p) == 1 and info["in_pairs"]}
    for compound in data["not_pairs"]:
        assert set(compound) <= letters, compound
    for place, country in data["places"].items():
        assert country is None or table[country]["type"] == "Country", place


@pytest.mark.shared
def test_gold_actors_have_entries_of_the_same_type() -> None:
    if not GOLD_DIR.is_dir():
        pytest.skip("shared gold annotation not available")
    table = by_id()
    missing, retyped = [], []
    for path in sorted(GOLD_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec.get("kind") != "actor":
                continue
            entry = table.get(rec["id"])
            if entry is None:
                missing.append(rec["id"])
            elif entry["type"] != rec["type"] or entry["country"] != rec["country"]:
                retyped.append(rec["id"])
    assert not missing and not retyped


def _owner_by_key() -> dict[str, str]:
    return {alias_key(a): e["id"] for e in entries() for a in e["aliases"]}


@pytest.mark.parametrize(
    ("surface", "actor_id"),
    [
        ("コヒア", "cohere"),
        ("アンスロピック", "anthropic"),
        ("パランティア", "palantir"),
        ("エヌヴィディア", "nvidia"),
        ("コアウイーブ", "coreweave"),
        ("英国のAI安全研究所", "uk_aisi"),
        ("英AI安全研究所", "uk_aisi"),
        ("米AI安全研究所", "us_caisi"),
        ("米司法省", "us_doj"),
        ("資源エネルギー庁", "anre"),
        ("摩爾線程", "moore_threads"),
        ("Claude 3.5 Sonnet", "claude"),
    ],
)
def test_japanese_news_forms_name_their_actor(surface: str, actor_id: str) -> None:
    assert _owner_by_key().get(alias_key(surface)) == actor_id


def test_country_prefixed_aliases_belong_to_that_country() -> None:
    # 英AI安全研究所 must not be an alias of the US institute that the bare AI安全研究所 names
    prefixes = {p: info["country"] for p, info in lexicon("country_prefixes")["prefixes"].items() if info["before_names"]}
    table = by_id()
    for e in entries():
        if e["type"] == "Country":
            prefixes.update({a: e["id"] for a in e["aliases"] if alias_key(a) and not a.isascii()})
    owners = _owner_by_key()
    for e in entries():
        for alias in e["aliases"]:
            for prefix, country in prefixes.items():
                rest = alias[len(prefix):].removeprefix("の")
                if not alias.startswith(prefix) or len(alias_key(rest)) < 2:
                    continue
                other = owners.get(alias_key(rest))
                if other is not None and other != e["id"] and table[other]["type"] != "Country":
                    # EU-wide actors carry no country
                    assert e["country"] == (None if country == "eu" else country), (e["id"], alias, other)


def test_vu_and_bu_spellings_do_not_name_two_actors() -> None:
    owners = _owner_by_key()
    table = str.maketrans({"ヴ": "ブ"})
    for e in entries():
        for alias in e["aliases"]:
            if "ヴ" not in alias:
                continue
            plain = re.sub("ヴ([ァィェォ])", lambda m: {"ァ": "バ", "ィ": "ビ", "ェ": "ベ", "ォ": "ボ"}[m.group(1)], alias)
            other = owners.get(alias_key(plain.translate(table)))
            assert other in (None, e["id"]), (e["id"], alias, other)


def test_ambiguous_alias_lists_are_non_empty_and_unique() -> None:
    for e in entries():
        if "ambiguous_aliases" in e:
            amb = e["ambiguous_aliases"]
            assert amb and len({alias_key(a) for a in amb}) == len(amb), e["id"]
