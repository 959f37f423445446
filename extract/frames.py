"""The predicate-argument layer over GiNZA's parse: case markers, coordination chains and argument roles."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from extract.actors import Found
from extract.gazetteer import load_lexicon
from extract.signatures import symmetric_predicates

if TYPE_CHECKING:
    from spacy.tokens import Token

LIST_JOINERS = frozenset({"、", "と", "や", "及び", "および", "並びに", "，", ","})
EXAMPLE_MARKERS = frozenset({"という", "といった", "などの", "など", "のような", "をはじめ", "をはじめとする", "ら"})
COORD_CASES = frozenset({"と", "や", "、", "及び", "および", "並びに", "ならびに", "とも"})
CLASSIFIERS = frozenset({"社", "企業", "政府", "両国", "両政府", "各社", "陣営", "グループ", "機関", "当局", "国", "間",
                         "両社", "各国", "首脳", "政権"})


@dataclass(frozen=True)
class Arg:
    """An actor mention filling a role of a trigger, with the rule that put it there."""

    found: Found
    role: str
    rule: str
    confidence: float


def case_marker(tok: "Token") -> str:
    """The case particles after a nominal token, joined (に+よって -> によって, と+の -> との)."""
    parts = []
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("case", "fixed", "mark") and c.pos_ in ("ADP", "SCONJ", "VERB", "NOUN", "AUX"):
            parts.append(c)
            parts.extend(f for f in c.children if f.dep_ == "fixed")
    return "".join(t.text for t in sorted(set(parts), key=lambda t: t.i))


_CANONICAL = {"に対する": "に対し", "に対して": "に対し", "に対しての": "に対し", "に対しても": "に対し",
              "によっても": "によって", "からも": "から", "とともに": "と", "と共に": "と", "と共同で": "と",
              "と一緒に": "と", "向けに": "向け", "向けの": "向け"}
_FOCUS = re.compile(r"^(?:など|だけ|のみ|ばかり|ら|等)+")


def roles_for(marker: str) -> list[str]:
    """Markers to try in a frame, most specific first (への, then へ; には, then に; などに, then に)."""
    marker = _FOCUS.sub("", marker) or marker
    marker = _CANONICAL.get(marker, marker)
    out = [marker]
    if len(marker) > 1 and marker[-1] in "のはも":
        out.append(marker[:-1])
    return out


@lru_cache(maxsize=1)
def _frames() -> dict[str, dict[str, list[str]]]:
    return load_lexicon("triggers")["frames"]


def role_of(predicate: str, marker: str, passive: bool = False, receive: bool = False, word: str = "") -> str | None:
    """The role (subject, object, item) a case marker gives an argument of this predicate and trigger."""
    if not marker:
        return None
    lex = load_lexicon("triggers")
    frame = _frames().get(predicate, _frames()["default"])
    if word in lex["passive_frames"]["selection_verbs"] and passive:
        passive = False  # Xが採択された: the selected actor keeps the subject role of participatesIn
    elif word in lex["trigger_frames"] and lex["trigger_frames"][word].get("predicate", predicate) == predicate:
        frame = lex["trigger_frames"][word]
    if passive:
        pf = lex["passive_frames"]
        for m in roles_for(marker):
            if m in pf["agent"]:
                return "subject"
            if m in pf["patient"]:
                return "object"
    role = None
    for m in roles_for(marker):
        for r in ("subject", "object", "item"):
            if m in frame.get(r, []):
                role = r
                break
        if role:
            break
    if receive and role in ("subject", "object"):
        if _FOCUS.sub("", marker) in ("から", "より", "からの"):
            return "subject"
        return "object" if role == "subject" else "subject"
    return role


def conjuncts(tok: "Token") -> list["Token"]:
    """The token and every token coordinated with it through GiNZA's nmod chains (A と B、C)."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ != "nmod" or c.i > t.i:
                continue
            marks = {x.text for x in c.children if x.dep_ in ("case", "punct", "cc") and x.i > c.i}
            if marks & COORD_CASES:
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def mentions_at(tok: "Token", by_head: dict[int, list[Found]]) -> list[Found]:
    """Actor mentions standing at a token: its own, its coordinated ones, and those a classifier noun (3社) gathers."""
    out: list[Found] = []
    for t in conjuncts(tok):
        if t.i in by_head:
            out.extend(by_head[t.i])
        elif _quantity(t):  # Amazonから80億ドル、Googleから…: the actor hangs from the amount
            out.extend(f for c in t.children if c.dep_ == "nmod" and c.i < t.i for f in by_head.get(c.i, []))
        elif any(c.dep_ == "nmod" and c.i in by_head and case_marker(c) in EXAMPLE_MARKERS for c in t.children):
            for c in t.children:  # AmazonやGoogleといったビッグテック: the examples stand for the group
                if c.dep_ == "nmod" and case_marker(c) in EXAMPLE_MARKERS:
                    out.extend(f for x in conjuncts(c) for f in by_head.get(x.i, []))
        elif t.text in CLASSIFIERS or t.lemma_ in CLASSIFIERS or (t.text.endswith("社") and len(t.text) <= 3):
            for c in t.children:
                if c.dep_ in ("nmod", "compound") and c.i < t.i and (c.i in by_head or case_marker(c) == "の"):
                    out.extend(f for x in conjuncts(c) for f in by_head.get(x.i, []))
    seen: set[tuple[int, str]] = set()
    uniq = []
    for f in out:
        if (f.i, f.actor_id) not in seen:
            seen.add((f.i, f.actor_id))
            uniq.append(f)
    return uniq


_UNITS = frozenset({"ドル", "円", "ユーロ", "元", "ウォン", "ルピー", "ポンド", "億", "兆", "万"})


def _quantity(tok: "Token") -> bool:
    """A money or number token (ドル, 80億)."""
    return tok.text in _UNITS or tok.pos_ == "NUM" or tok.like_num


def is_verbal(t: "Token") -> bool:
    """True when a trigger is used as a verb (a VERB, or a サ変 noun carrying する)."""
    return t.pos_ == "VERB" or any(c.dep_ == "aux" and c.lemma_ == "する" for c in t.children)


def is_passive(frame: "Token") -> bool:
    """True when the predicate carries a passive auxiliary (れる / られる)."""
    aux = set(load_lexicon("triggers")["passive_aux"])
    return any(c.dep_ == "aux" and c.lemma_ in aux and c.i > frame.i for c in frame.children)


def children_with_markers(tokens: Iterable["Token"], skip: set[int]) -> list[tuple["Token", str]]:
    """The dependents of the given tokens with their case markers, excluding the tokens in skip."""
    out = []
    for head in tokens:
        for c in head.children:
            if c.i in skip or c.dep_ in ("case", "aux", "punct", "fixed", "mark", "cop"):
                continue
            out.append((c, case_marker(c)))
    return out


SYMMETRIC = symmetric_predicates()


@dataclass(frozen=True)
class Candidate:
    """A typed relation found in a sentence, before attributes and evidence are attached."""

    subject: Found
    predicate: str
    object: Found
    trigger: "Token"
    frame: "Token"
    rule: str
    confidence: float
    item: Found | None = None
