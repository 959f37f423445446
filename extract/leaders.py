"""Persons with titles (赤澤亮正経済産業相, NVIDIAのジェンスン・フアンCEO, 石破首相): the title and the office it heads."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from extract.actors import Found
from extract.gazetteer import load_lexicon
from extract.lexical import country_prefixes, title_info

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ORG_TYPES = frozenset({"Company", "GovernmentBody", "ResearchInstitute", "InternationalOrganization", "Program"})


def _head_scope(title: str) -> str:
    """Whether a head title heads a country or an organization."""
    heads = load_lexicon("titles").get("head_titles", {})
    for key in sorted(heads, key=len, reverse=True):
        if key in title:
            info = heads[key]
            return info.get("of", "org") if isinstance(info, dict) else str(info)
    return "org"


def _title_country(title: str) -> str | None:
    for prefix in sorted(country_prefixes(), key=len, reverse=True):
        if title.startswith(prefix) and len(title) > len(prefix):
            return country_prefixes()[prefix]
    return None


def attach_titles(doc: "Doc", mentions: list[Found], default_country: str | None = "japan") -> list[Found]:
    """Persons followed by a head or office title get that title and the id of the actor it heads."""
    out = []
    by_end = {m.j: m for m in mentions if m.type != "Person"}
    for m in mentions:
        if m.type != "Person":
            out.append(m)
            continue
        honorific = m.j < len(doc) and doc[m.j].text in ("氏", "さん", "様")
        start = m.j + (1 if honorific else 0)
        info = title_info(doc, start)
        if info is None:
            out.append(replace(m, head=m.j) if honorific and doc[m.j].head.i != m.head else m)
            continue
        title, end, kind, office = info
        if kind in ("non_head", "planned"):
            out.append(replace(m, head=end - 1, title=title))
            continue
        if kind == "former" and office is None or kind == "head":
            office = _office_of(doc, m, title, by_end, default_country)
        confidence = m.confidence * (0.6 if kind == "former" else 1.0)
        out.append(replace(m, head=end - 1, title=title, office=office, confidence=confidence))
    return out


def _office_of(doc: "Doc", m: Found, title: str, by_end: dict[int, Found], default_country: str | None) -> str | None:
    """The actor a head title belongs to: a country prefix, an organization named just before, or the default."""
    scope = _head_scope(title)
    before = by_end.get(m.i)
    if before is None and m.i >= 1 and doc[m.i - 1].text == "の":
        before = by_end.get(m.i - 1)
    if scope == "country":
        country = _title_country(title)
        if country:
            return country
        if before is not None and before.type == "Country":
            return before.actor_id
        return m.country or default_country
    if before is not None and before.type in _ORG_TYPES:
        return before.actor_id
    return None
