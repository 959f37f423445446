"""Gazetteer names found inside tokens the tokenizer cut badly (百|度（バイドゥ）): a character-level fallback."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from extract.gazetteer import Gazetteer, norm_key

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from extract.actors import Found

_PATTERNS: dict[int, tuple[re.Pattern[str], dict[str, str]]] = {}
_LATIN = re.compile(r"^[A-Za-z0-9 .&\-]+$")


def _distinctive(alias: str) -> bool:
    """Names long or specific enough to trust inside a longer token."""
    if _LATIN.match(alias):
        return len(alias) >= 3
    return len(alias) >= 3 or (len(alias) == 2 and all("一" <= ch <= "鿿" for ch in alias))


def _pattern(gaz: Gazetteer) -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of every distinctive alias (NFKC), longest first, with the actor each names."""
    key = id(gaz)
    if key not in _PATTERNS:
        surfaces: dict[str, str] = {}
        for entry in gaz.entries.values():
            if entry.type == "Country":
                continue
            for alias in entry.aliases:
                text = unicodedata.normalize("NFKC", alias)
                if _distinctive(text) and norm_key(text) not in entry.ambiguous:
                    surfaces.setdefault(text, entry.id)
        ordered = sorted(surfaces, key=len, reverse=True)
        _PATTERNS[key] = (re.compile("|".join(re.escape(s) for s in ordered)), surfaces)
    return _PATTERNS[key]


def inner_matches(doc: "Doc", gaz: Gazetteer, taken: set[int]) -> list["Found"]:
    """Gazetteer names inside tokens no token-level match covered, snapped to the tokens that hold them."""
    from extract.actors import Found, span_head

    pattern, surfaces = _pattern(gaz)
    text = unicodedata.normalize("NFKC", doc.text)
    if len(text) != len(doc.text):  # offsets would not line up; the token matcher has done what it can
        return []
    out: list[Found] = []
    for m in pattern.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or any(k in taken for k in range(span.start, span.end)):
            continue
        if _LATIN.match(m.group()) and (_alnum(text, m.start() - 1) or _alnum(text, m.end())):
            continue
        entry = gaz.entries[surfaces[m.group()]]
        out.append(Found(span.start, span.end, span_head(doc, span.start, span.end), entry.id, entry.type,
                         entry.country, entry.label, "inner", 0.75))
        taken.update(range(span.start, span.end))
    return out


def _alnum(text: str, k: int) -> bool:
    return 0 <= k < len(text) and text[k].isascii() and text[k].isalnum()


def near_latin(name: str, gaz: Gazetteer) -> str | None:
    """The actor a Latin-script name misspells by one letter (NVDIA -> nvidia), for names of five letters or more."""
    key = norm_key(name)
    if len(key) < 5 or not key.isascii():
        return None
    hits = {actor for alias, actor in gaz.index.items() if alias.isascii() and abs(len(alias) - len(key)) <= 1
            and _one_edit(alias, key)}
    return hits.pop() if len(hits) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by exactly one insertion, deletion or substitution."""
    if a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]
