"""Typed views of the actor lexicons: country letters and places, generic nouns, outlets, NER labels, titles."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from extract.gazetteer import load_lexicon, norm_key

if TYPE_CHECKING:
    from spacy.tokens import Doc


@lru_cache(maxsize=1)
def country_letters() -> dict[str, str]:
    """Single-letter country abbreviations that combine in pairs (米 -> us, 中 -> china, 日 -> japan)."""
    data = load_lexicon("country_prefixes")
    out = {}
    for letter, info in data.get("prefixes", {}).items():
        country = info["country"] if isinstance(info, dict) else info
        if len(letter) == 1 and (not isinstance(info, dict) or info.get("in_pairs", True)):
            out[letter] = country
    return out


@lru_cache(maxsize=1)
def prefix_letters() -> dict[str, str]:
    """Single letters written directly before a foreign name (米テスラ, 英アーム) mapped to their country."""
    data = load_lexicon("country_prefixes")
    return {k: v["country"] for k, v in data.get("prefixes", {}).items()
            if isinstance(v, dict) and len(k) == 1 and v.get("before_names")}


@lru_cache(maxsize=1)
def country_prefixes() -> dict[str, str]:
    """Every country prefix written before a name (米, 中国, 韓国 ...) mapped to its country id."""
    data = load_lexicon("country_prefixes")
    return {k: (v["country"] if isinstance(v, dict) else v) for k, v in data.get("prefixes", {}).items()}


@lru_cache(maxsize=1)
def place_countries() -> dict[str, str]:
    """Place names that tell an actor's country (アブダビ -> uae)."""
    data = load_lexicon("country_prefixes")
    return {k: v for k, v in data.get("places", {}).items() if v}


@lru_cache(maxsize=1)
def generic_nouns() -> frozenset[str]:
    """Normalized nouns that are never actors (政府, 企業, ビッグテック ...)."""
    data = load_lexicon("generic_nouns")
    return frozenset(norm_key(w) for w in data.get("generic", []))


@lru_cache(maxsize=1)
def outlets() -> frozenset[str]:
    """News outlets and wire services: sources, not actors, when cited."""
    return frozenset(load_lexicon("generic_nouns").get("outlets", []))


@lru_cache(maxsize=1)
def ner_types() -> dict[str, str]:
    """GiNZA NER labels that mark an unknown actor, mapped to actor types."""
    return {k: v for k, v in load_lexicon("ner_types").items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _titles() -> dict:
    return load_lexicon("titles")


def _office(value: object, country: str | None) -> str | None:
    """An office title's body: an actor id, or a per-country table with a '_default'."""
    if isinstance(value, dict):
        return value.get(country or "_default") or value.get("_default")
    return value  # type: ignore[return-value]


def classify_title(text: str) -> tuple[str, str | None] | None:
    """(kind, office id) of a title written without spaces: kind is head, office, non_head, former or planned."""
    data = _titles()
    heads, offices = data.get("head_titles", {}), data.get("office_titles", {})
    non_heads = set(data.get("non_head_titles", []))
    prefixes = country_prefixes()
    country = None
    bare = text
    for p in sorted(prefixes, key=len, reverse=True):
        if text.startswith(p) and len(text) > len(p):
            country, bare = prefixes[p], text[len(p):]
            break
    modifier = None
    for key, kind in (("former_prefixes", "former"), ("future_prefixes", "planned")):
        for p in data.get(key, []):
            if bare.startswith(p) and len(bare) > len(p):
                bare, modifier = bare[len(p):], kind
    if bare in non_heads or any(bare.startswith(p) for p in data.get("deputy_prefixes", [])):
        return "non_head", None
    parts = bare.split("兼") if "兼" in bare else [bare]
    if not all(part in offices or part in heads or part in non_heads for part in parts):
        return None
    for part in parts:
        if part in offices:
            return modifier or "office", _office(offices[part], country)
    if any(part in heads for part in parts):
        return modifier or "head", None
    return "non_head", None


def split_title(text: str) -> tuple[str, str] | None:
    """A name and a head or office title written as one word (トランプ大統領 -> トランプ, 大統領)."""
    data = _titles()
    for title in sorted(list(data.get("head_titles", {})) + list(data.get("office_titles", {})), key=len, reverse=True):
        if text.endswith(title) and len(text) > len(title) + 1:
            return text[: -len(title)], title
    return None


def title_info(doc: "Doc", j: int) -> tuple[str, int, str, str | None] | None:
    """The title starting at token j: (title text, end token, kind, office id), longest first."""
    for end in range(min(len(doc), j + 6), j, -1):
        text = doc[j:end].text.replace(" ", "")
        kind = classify_title(text)
        if kind is not None:
            return text, end, kind[0], kind[1]
    return None
