"""Persons with titles (赤澤亮正経済産業相, NVIDIAのジェンスン・フアンCEO): the title and the office it heads."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from extract.actors import Found
from extract.gazetteer import load_lexicon
from extract.lexical import classify_title, country_prefixes, title_info

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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
        if info is None and m.title:  # トランプ大統領 as one token: the title was inside the name's token
            kind = classify_title(m.title)
            info = (m.title, m.j, kind[0], kind[1]) if kind else None
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
    k = m.i - 1
    if before is None and k >= 0 and doc[k].text == "の":
        if k >= 1 and doc[k - 1].text in ("）", ")"):  # 理研の…センター（R-CCS）の松岡聡センター長
            opening = next((x for x in range(k - 2, max(k - 10, -1), -1) if doc[x].text in ("（", "(")), None)
            k = opening if opening is not None else k
        before = by_end.get(k)
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


_TITLE_VERBS = frozenset({"務める", "就く", "就任", "兼ねる", "兼務", "担う", "なる", "率いる", "歴任"})


def _title_token(tok: "Token") -> tuple[str, str | None] | None:
    from extract.lexical import classify_title

    text = tok.text
    compounds = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ != "PROPN"]
    if compounds:
        text = tok.doc[compounds[0].i : tok.i + 1].text.replace(" ", "")
    kind = classify_title(text) or classify_title(tok.text)
    if kind is None or kind[0] in ("non_head", "planned"):
        return None
    return kind


def title_relations(doc: "Doc", mentions: list[Found]) -> list[tuple[Found, Found | str]]:
    """leaderOf pairs stated through a title noun: XのCEOはY氏 / Y氏がXの会長を務める / CEOにはY氏が就いた."""
    from extract.frames import case_marker

    by_head: dict[int, list[Found]] = {}
    for m in mentions:
        by_head.setdefault(m.head, []).append(m)
    titled = {m.head for m in mentions if m.type == "Person" and m.title}
    out: list[tuple[Found, Found | str]] = []
    last_org: Found | str | None = None
    for tok in doc:
        if tok.i in titled or tok.i in by_head:
            continue
        kind = _title_token(tok)
        if kind is None:
            continue
        org: Found | str | None = kind[1]
        for c in tok.children:
            if c.dep_ in ("nmod", "compound") and case_marker(c) in ("の", "") and c.i in by_head:
                org = next((f for f in by_head[c.i] if f.type in _ORG_TYPES), org)
        org = org or last_org
        person = None
        head = tok.head
        if head.i in by_head and case_marker(tok) in ("は", "が"):
            person = next((f for f in by_head[head.i] if f.type == "Person"), None)
        else:
            hops = 0
            while head.pos_ != "VERB" and head.head.i != head.i and hops < 3:
                head, hops = head.head, hops + 1
            if not (head.lemma_ in _TITLE_VERBS or head.text in _TITLE_VERBS):
                continue
            for c in head.children:
                if c.i != tok.i and case_marker(c) in ("が", "は", "も") and c.i in by_head:
                    person = next((f for f in by_head[c.i] if f.type == "Person"), person)
        if person is not None and org is not None:
            out.append((person, org))
            last_org = org
    return out


def parenthetical_heads(doc: "Doc", mentions: list[Found]) -> list[tuple[Found, Found]]:
    """Xの後の（議長：Y）/（本部長：高市早苗内閣総理大臣）: Y heads X."""
    from extract.lexical import classify_title

    out = []
    by_start = {m.i: m for m in mentions if m.type == "Person"}
    for m in mentions:
        if m.type == "Person" or m.j >= len(doc) or doc[m.j].text not in ("（", "("):
            continue
        k = m.j + 1
        while k < len(doc) and doc[k].text not in (":", "：", "）", ")") and k - m.j < 6:
            k += 1
        if k >= len(doc) or doc[k].text not in (":", "："):
            continue
        kind = classify_title(doc[m.j + 1 : k].text.replace(" ", ""))
        if kind is None or kind[0] not in ("head", "office"):
            continue
        person = next((by_start[x] for x in range(k + 1, min(len(doc), k + 4)) if x in by_start), None)
        if person is not None:
            out.append((person, m))
    return out
