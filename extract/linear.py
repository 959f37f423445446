"""A surface fallback for sentences GiNZA misparses: case particles right after each mention, within the clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.actors import Found
from extract.frames import LIST_JOINERS, Arg, role_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CLAUSE_END_POS = frozenset({"VERB", "ADJ", "AUX"})
_QUOTE_VERBS = frozenset({"発表", "明らか", "述べる", "表明", "公表", "語る", "示す", "伝える", "報じる", "説明"})


def surface_marker(doc: "Doc", f: Found) -> str:
    """The particles written right after a mention (G42へ -> へ, 米商務省によって -> によって)."""
    parts = []
    end = max(f.j, f.head + 1)  # after a person's title (フアンCEOは)
    while end < len(doc) and doc[end].text in ("」", "』", "）", ")", "”"):
        end += 1
    for tok in doc[end : end + 4]:
        if tok.pos_ in ("ADP", "SCONJ") or tok.dep_ == "fixed" or tok.text in ("など", "ら", "等"):
            parts.append(tok.text)
        else:
            break
    return "".join(parts)


def _clause_start(doc: "Doc", t: "Token") -> int:
    """The first token of the clause that holds t: just after the last 、 that closes an earlier predicate."""
    for k in range(t.i - 1, 0, -1):
        if doc[k].text == "、" and doc[k - 1].pos_ in _CLAUSE_END_POS | {"SCONJ"} and doc[k - 1].dep_ != "case":
            return k + 1
    return 0


def linear_args(doc: "Doc", t: "Token", frame: "Token", predicate: str, word: str, mentions: list[Found],
                passive: bool, receive: bool) -> list[Arg]:
    """Roles from surface particles for the mentions of t's clause; a topic before the clause is shared."""
    start = _clause_start(doc, t)
    end = max(frame.i, t.i)
    out: list[Arg] = []
    for f in mentions:
        if f.j > end or f.i == t.i:
            continue
        marker = surface_marker(doc, f)
        if f.i < start and marker not in ("は", "では"):
            continue
        if marker in ("は", "では") and any(surface_marker(doc, g) in ("が", "などが") and start <= g.i < end
                                         for g in mentions):
            continue  # with a が-subject in the clause, a topic is not an argument here
        role = role_of(predicate, marker, passive, receive, word)
        if role is not None:
            out.append(Arg(f, role, "linear:" + marker, 0.6))
    if not any(a.role == "subject" for a in out):
        out.extend(_quoted_subject(doc, end, mentions, predicate))
    return out + _listed_before(doc, out, mentions)


def _listed_before(doc: "Doc", args: list[Arg], mentions: list[Found]) -> list[Arg]:
    """Mentions listed right before an argument (A、B及びCと) share its role."""
    by_end = {m.j - 1: m for m in mentions}
    extra = []
    for a in args:
        k = a.found.i - 1
        while k >= 1 and doc[k].text in LIST_JOINERS and (k - 1) in by_end:
            left = by_end[k - 1]
            extra.append(Arg(left, a.role, a.rule + "+list", a.confidence))
            k = left.i - 1
    return extra


def _quoted_subject(doc: "Doc", end: int, mentions: list[Found], predicate: str) -> list[Arg]:
    """〜と、Xが発表した: the reporter of a quoted clause is its subject."""
    tail = doc[end + 1 :]
    if not any(tok.text == "と" and tok.dep_ in ("case", "mark") for tok in tail[:6]):
        return []
    if not any(tok.lemma_ in _QUOTE_VERBS for tok in tail):
        return []
    return [Arg(f, "subject", "linear:quoted", 0.6) for f in mentions
            if f.i > end and surface_marker(doc, f) in ("が", "は") and f.type != "Technology"]
