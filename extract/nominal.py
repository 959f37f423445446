"""Relations and argument sharing read from noun phrases: lists, descriptors, possessives and による agents."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.actors import Found
from extract.frames import LIST_JOINERS, Candidate, case_marker, mentions_at
from extract.gazetteer import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def chain_lists(doc: "Doc", mentions: list[Found], by_head: dict[int, list[Found]]) -> None:
    """Let each mention carry the mentions listed right before it (A、B、Cが…: A and B stand where C stands),
    where the parse lost the coordination chain."""
    by_end: dict[int, list[Found]] = {}
    for f in mentions:
        by_end.setdefault(f.j - 1, []).append(f)
    for head, found in list(by_head.items()):
        extra: list[Found] = []
        start = min(f.i for f in found)
        while start >= 2:
            width = _joiner_width(doc, start)
            if not width:
                break
            k = start - 1 - width
            if doc[k].text in ("）", ")"):  # X（PFN）、Y: step over the parenthesized alias
                opening = next((x for x in range(k - 1, max(k - 8, -1), -1) if doc[x].text in ("（", "(")), None)
                if opening is None:
                    break
                k = opening - 1
            if k not in by_end:
                break
            left = by_end[k]
            extra.extend(left)
            start = min(f.i for f in left)
        if extra:
            by_head[head] = found + [f for f in extra if f not in found]


_PHRASE_JOINERS = ("と並んで", "とともに", "と共に", "に加え", "に加えて", "のほか", "のほか、", "と並び")


def _joiner_width(doc: "Doc", start: int) -> int:
    """How many tokens before `start` join two listed actors (、 / と / と並んで / に加え …), or 0."""
    if doc[start - 1].text in LIST_JOINERS:
        return 1
    for width in (2, 3, 4):
        if start - width >= 1 and doc[start - width : start].text.replace(" ", "") in _PHRASE_JOINERS:
            return width
    return 0


def is_descriptor(doc: "Doc", f: Found, heads: set[int]) -> bool:
    """A country or place that only describes another actor (中国のバイトダンス, 米国のAI安全研究所)."""
    if f.type != "Country":
        return False
    tok = doc[f.head]
    collective = load_lexicon("generic_nouns").get("country_descriptor_heads", [])
    if tok.dep_ == "compound" and tok.head.i == f.j and tok.head.text in collective:
        return True  # 中国企業: Chinese companies in general, not China
    return tok.dep_ in ("nmod", "compound") and tok.head.i in heads and case_marker(tok) in ("の", "")


def possessions(doc: "Doc", mentions: list[Found], by_head: dict[int, list[Found]]) -> list[Candidate]:
    """XのY where Y is a named technology and X a company or lab (OpenAIのChatGPT): X develops Y."""
    out = []
    for m in mentions:
        if m.type != "Technology":
            continue
        for c in doc[m.head].children:
            if c.dep_ != "nmod" or c.i >= m.i or case_marker(c) != "の":
                continue
            for f in by_head.get(c.i, []):
                if f.type in ("Company", "ResearchInstitute"):
                    out.append(Candidate(f, "develops", m, doc[m.head], doc[m.head], "possessive:の", 0.6))
    return out


def made_by(doc: "Doc", mentions: list[Found], by_head: dict[int, list[Found]]) -> list[Candidate]:
    """AとBによる(プロジェクト)「GENIAC」: the agents lead a programme or enact an instrument."""
    out = []
    predicates = {"Program": "leads", "PolicyInstrument": "enacts"}
    for m in mentions:
        if m.type not in predicates:
            continue
        heads = [doc[m.head]]
        k = m.i - 1
        while k >= 0 and doc[k].is_punct and doc[k].text not in ("、", "。"):
            k -= 1
        if k >= 0 and k != m.head and doc[k].pos_ == "NOUN":
            heads.append(doc[k])  # the generic noun the name is apposed to
        for h in heads:
            for c in h.children:
                if c.i < h.i and case_marker(c) in ("による", "によって", "により"):
                    for f in mentions_at(c, by_head):
                        head = doc[m.head]
                        out.append(Candidate(f, predicates[m.type], m, head, head, "made-by:による", 0.65))
    return out


def apposed_mentions(tok: "Token", by_head: dict[int, list[Found]]) -> list[Found]:
    """The actor a generic noun is apposed to (計画「スターゲート」, 半導体「H20」, 企業G42)."""
    for other in list(tok.children) + [tok.head]:
        if other.i == tok.i or other.i not in by_head:
            continue
        for f in by_head[other.i]:
            lo, hi = (tok.i + 1, f.i) if f.i > tok.i else (f.j, tok.i)
            if 0 <= hi - lo <= 2 and all(x.is_punct and x.text not in ("、", "。") for x in tok.doc[lo:hi]):
                return mentions_at(other, by_head)
    return []
