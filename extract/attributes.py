"""Attributes of a relation read around its trigger: modality, negation, date and money amount."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from extract.frames import is_verbal
from extract.gazetteer import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

_ERAS = {"令和": 2018, "平成": 1988}
_DATE = re.compile(
    r"(?:(?P<era>令和|平成)(?P<ey>\d{1,2}|元)年|(?P<y>(?:19|20)\d{2})年)(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?"
    r"|(?P<iy>(?:19|20)\d{2})[/-](?P<im>\d{1,2})(?:[/-](?P<id>\d{1,2}))?"
    r"|(?P<rel>昨年|今年|来年|本年|前年|先月|今月|来月)(?:(?P<rm>\d{1,2})月)?(?:(?P<rd>\d{1,2})日)?"
    r"|(?<![\d年])(?P<om>\d{1,2})月(?:(?P<od>\d{1,2})日)?"
    r"|(?<![\d月年.,])(?P<bd>\d{1,2})日(?![間前後以])"
)
_AMOUNT = re.compile(
    r"(?:約|およそ|総額|計|最大)?(?P<num>(?:\d+(?:[.,]\d+)*(?:兆|億|万|千)){0,3}\d*(?:[.,]\d+)*)"
    r"(?P<cur>米ドル|ドル|円|ユーロ|元|人民元|ウォン|ルピー|ポンド|USD|JPY|EUR)"
)
_DEADLINE = re.compile(r"\s*(?:まで|以降|以内|ごろ|頃)")
_PART = re.compile(r"(\d+(?:[.,]\d+)*)(兆|億|万|千)?")
_CURRENCY = {"米ドル": "USD", "ドル": "USD", "USD": "USD", "円": "JPY", "JPY": "JPY", "ユーロ": "EUR", "EUR": "EUR",
             "元": "CNY", "人民元": "CNY", "ウォン": "KRW", "ルピー": "INR", "ポンド": "GBP"}
_UNIT = {"兆": 10**12, "億": 10**8, "万": 10**4, "千": 10**3, None: 1}


def modality_of(trigger: "Token", frame: "Token") -> str:
    """actual, planned or hypothetical, from cue words after the trigger in its clause and its governors."""
    cues = load_lexicon("triggers")["modality"]
    planned, hypo = set(cues["planned"]), set(cues["hypothetical"])
    scope = _scope(trigger, frame)
    lemmas = {t.lemma_ for t in scope} | {t.text for t in scope}
    if lemmas & hypo:
        return "hypothetical"
    if lemmas & planned or frame.lemma_ in planned or _announced_future(frame) or _future_adverb(frame, cues):
        return "planned"
    last = [t for t in trigger.doc if not t.is_punct]
    if last and last[-1].text in cues["planned_headline_ending"] and last[-1].head.i in (trigger.i, frame.i):
        return "planned"
    return "actual"


def _announced_future(frame: "Token") -> bool:
    """〜すると発表した: a non-past predicate quoted by an announcement is a plan."""
    if frame.pos_ != "VERB" or any(c.dep_ == "aux" and c.lemma_ in ("た", "だ") for c in frame.children):
        return False
    quoted = any(c.text == "と" and c.dep_ in ("case", "mark") and c.i > frame.i for c in frame.children)
    speech = load_lexicon("triggers")["modality"].get("announce_verbs", [])
    return quoted and frame.head.i != frame.i and frame.head.lemma_ in speech


def _future_adverb(frame: "Token", cues: dict) -> bool:
    """今後 / 来年 / 年内 on a non-past predicate."""
    if any(c.dep_ == "aux" and c.lemma_ == "た" for c in frame.children):
        return False
    return any(c.text in cues.get("future_adverbs", []) for c in frame.children)


def _scope(trigger: "Token", frame: "Token") -> list["Token"]:
    """The frame's own function words and the chain of governors it hangs from, up to the clause's end: through
    nominalized or modal heads (〜する方針だ, 〜することを検討), not across an earlier clause (〜し、〜を目指す)."""
    out = [t for t in frame.children if t.i > frame.i and t.dep_ in ("aux", "mark", "cop", "fixed", "case")]
    lex = load_lexicon("triggers")
    modal_nouns = set(lex["modality"]["planned"]) | set(lex["modality"]["hypothetical"]) | set(lex["nominalizers"])
    nominal = frame.i == trigger.i and not is_verbal(trigger)
    node = frame
    hops = 0
    while node.head.i != node.i and hops < 3 and node.dep_ != "advcl" and (
            node.dep_ != "acl" or node.head.lemma_ in modal_nouns):
        parent = node.head
        if parent.i < node.i:
            break
        if nominal and hops == 0 and parent.lemma_ not in lex["negation"]["verbs"]:
            break  # 対中規制が作動していない: the governor's mood is not the measure's
        out.append(parent)
        out.extend(t for t in parent.children if t.dep_ in ("aux", "mark", "cop", "fixed") and t.i > parent.i)
        node, hops = parent, hops + 1
    if trigger.i != frame.i:
        out.extend(t for t in trigger.children if t.dep_ in ("aux", "cop"))
    return out


def negated_of(trigger: "Token", frame: "Token") -> bool:
    """True when the clause denies the relation (an odd number of negation cues: しない, 見送った, 否定しない)."""
    cues = load_lexicon("triggers")["negation"]
    aux, verbs, nouns = set(cues["aux"]), set(cues["verbs"]), set(cues["nouns"])
    count = 0
    for t in _scope(trigger, frame):
        if t.dep_ == "aux" and t.lemma_ in aux and t.pos_ == "AUX":
            count += 1
        elif t.lemma_ in verbs or t.text in nouns:
            count += 1
    if frame.i != trigger.i and frame.lemma_ in verbs:
        count += 1
    return count % 2 == 1


def find_dates(text: str, doc_date: str | None) -> list[tuple[int, str, str]]:
    """(offset, ISO date, precision) of each date expression in a sentence; relative ones need the document date."""
    text = unicodedata.normalize("NFKC", text)
    ref_y = int(doc_date[:4]) if doc_date else None
    ref_m = int(doc_date[5:7]) if doc_date and len(doc_date) >= 7 else None
    out = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        if g["era"]:
            y = _ERAS[g["era"]] + (1 if g["ey"] == "元" else int(g["ey"]))
            mo, d = g["m"], g["d"]
        elif g["y"]:
            y, mo, d = int(g["y"]), g["m"], g["d"]
        elif g["iy"]:
            y, mo, d = int(g["iy"]), g["im"], g["id"]
        elif g["rel"]:
            if ref_y is None:
                continue
            rel = g["rel"]
            mo, d = g["rm"], g["rd"]
            y = ref_y + {"昨年": -1, "前年": -1, "来年": 1}.get(rel, 0)
            if rel in ("先月", "今月", "来月"):
                if ref_m is None:
                    continue
                k = ref_y * 12 + ref_m - 1 + {"先月": -1, "今月": 0, "来月": 1}[rel]
                y, mo = divmod(k, 12)
                mo += 1
            elif mo is None:
                out.append((m.start(), f"{y:04d}", "year"))
                continue
        elif g["om"]:
            if ref_y is None:
                continue
            y, mo, d = ref_y, g["om"], g["od"]
        else:
            if ref_m is None:
                continue
            y, mo, d = ref_y, str(ref_m), g["bd"]
        iso, prec = _iso(y, mo, d)
        if iso and not _DEADLINE.match(text, m.end()):  # a deadline is not the event's date
            out.append((m.start(), iso, prec))
    return out


def _iso(y: int, mo: object, d: object) -> tuple[str | None, str | None]:
    if mo is None:
        return f"{y:04d}", "year"
    mo_i = int(mo)  # type: ignore[arg-type]
    if not 1 <= mo_i <= 12:
        return None, None
    if d is None:
        return f"{y:04d}-{mo_i:02d}", "month"
    d_i = int(d)  # type: ignore[arg-type]
    if not 1 <= d_i <= 31:
        return None, None
    return f"{y:04d}-{mo_i:02d}-{d_i:02d}", "day"


def find_amounts(text: str) -> list[tuple[int, float, str]]:
    """(offset, amount in the currency's unit, ISO 4217 code) of each money expression in a sentence."""
    text = unicodedata.normalize("NFKC", text)
    out = []
    for m in _AMOUNT.finditer(text):
        value = 0.0
        for num, unit in _PART.findall(m.group("num")):
            try:
                value += float(num.replace(",", "")) * _UNIT[unit or None]
            except ValueError:
                continue
        if value > 0 and not _converted(text, m.start()):
            out.append((m.start(), value, _CURRENCY[m.group("cur")]))
    return out


def _converted(text: str, start: int) -> bool:
    """True for an amount given in parentheses as a conversion of the one before it: 15億ドル（約2300億円）."""
    before = text[max(0, start - 6) : start]
    return bool(re.search(r"[ドル円ロ元ンー]\s*[（(]$", before))


def nearest(items: list, pos: int) -> object | None:
    """The item whose offset is nearest to pos (preferring ones before it on ties)."""
    if not items:
        return None
    return min(items, key=lambda it: (abs(it[0] - pos), it[0] > pos))
