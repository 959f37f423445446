"""Trigger detection: lexicon words, compounds, object- and complement-defined triggers, and their frame tokens."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from extract.attributes import find_amounts
from extract.frames import case_marker
from extract.gazetteer import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@lru_cache(maxsize=1)
def trigger_lexicon() -> dict:
    return load_lexicon("triggers")


def find_triggers(doc: "Doc") -> list[tuple["Token", str, str]]:
    """(token, predicate, trigger text) for each trigger; two-token compounds (輸出+規制) win over their parts."""
    triggers = trigger_lexicon()["triggers"]
    out: list[tuple[Token, str, str]] = []
    consumed: set[int] = set()
    for t in doc:
        if t.i in consumed:
            continue
        if t.i + 1 < len(doc) and t.head.i == t.i + 1 and t.dep_ == "compound":
            pair = t.text + doc[t.i + 1].text
            if pair in triggers:
                out.append((doc[t.i + 1], triggers[pair], pair))
                consumed.update({t.i, t.i + 1})
                continue
        by_object = _object_trigger(t) or _complement_trigger(t) or _money_trigger(t)
        if by_object is not None:
            out.append(by_object)
            consumed.update(c.i for c in t.children if c.dep_ in ("obj", "nsubj", "obl") and c.i < t.i)
            continue
        word = t.lemma_ if t.lemma_ in triggers else t.text if t.text in triggers else None
        if word is not None and _modifies_other_noun(t, triggers):
            continue
        if word is not None:
            out.append((t, triggers[word], word))
        typed = trigger_lexicon()["typed_triggers"]
        tword = t.lemma_ if t.lemma_ in typed else t.text if t.text in typed else None
        if tword is not None and not tword.startswith("_") and not _modifies_other_noun(t, triggers):
            out.extend((t, predicate, tword) for predicate in sorted(set(typed[tword].values())))
    return [x for x in out if x[0].i not in consumed or x[2] not in (x[0].text, x[0].lemma_)]


def _modifies_other_noun(t: "Token", triggers: dict[str, str]) -> bool:
    """True when a trigger noun only qualifies a head noun that names something else (制裁+法, 輸出+管理+規則)."""
    head = t
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    if head.i == t.i:
        return False
    keep = set(trigger_lexicon().get("compound_heads", []))
    return head.pos_ in ("NOUN", "PROPN") and head.lemma_ not in triggers and head.text not in triggers \
        and head.text not in keep


def _object_trigger(t: "Token") -> tuple["Token", str, str] | None:
    """A verb made a trigger by its object noun (輸出を規制 -> restricts, 使用を停止 -> divestsFrom)."""
    table = trigger_lexicon()["object_triggers"].get(t.lemma_) or trigger_lexicon()["object_triggers"].get(t.text)
    if not table:
        return None
    for c in t.children:
        if c.dep_ in ("obj", "nsubj", "obl") and c.i < t.i:
            words = [c.lemma_, c.text] + [x.text + c.text for x in c.children if x.dep_ == "compound"]
            for w in words:
                if w in table:
                    return t, table[w], w + t.text
    return None


def _money_trigger(t: "Token") -> tuple["Token", str, str] | None:
    """Raising money (Xから1億ドルを調達): an investsIn trigger read in the receiving voice."""
    lex = trigger_lexicon()["money_receive"]
    if t.lemma_ not in lex["words"] and t.text not in lex["words"]:
        return None
    for c in t.children:
        if c.dep_ in ("obj", "obl") and c.i < t.i and find_amounts(t.doc[c.left_edge.i : c.i + 1].text):
            return t, lex["predicate"], "資金" + t.text
    return None


def _complement_trigger(t: "Token") -> tuple["Token", str, str] | None:
    """A verb made a trigger by its に-complement (エンティティリストに追加 -> restricts)."""
    triggers = trigger_lexicon()["complement_triggers"]
    table = triggers.get(t.lemma_) or triggers.get(t.text)
    if not table:
        return None
    for c in t.children:
        if c.dep_ == "obl" and c.i < t.i and case_marker(c).startswith("に"):
            for suffix, predicate in table.items():
                if c.text.endswith(suffix):
                    return t, predicate, c.text + t.text
    return None


def _apposed(a: "Token", b: "Token") -> bool:
    """True when b names what a describes, with only quotes or brackets between (覚書「技術繁栄ディール」)."""
    between = a.doc[a.i + 1 : b.i]
    return all(t.is_punct and t.text not in ("、", "。") for t in between) and not any(
        c.dep_ == "case" for c in a.children)


def frame_of(t: "Token") -> tuple["Token", bool]:
    """The predicate token that carries a trigger's arguments, and whether it is a 'receive' light verb."""
    lv = trigger_lexicon()["light_verbs"]
    if _money_trigger(t) is not None:
        return t, True
    head = t
    while head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN") and (
        head.dep_ == "compound" or head.dep_ == "nmod" and _apposed(head, head.head)
    ):
        head = head.head
    if head.dep_ in ("obj", "nsubj", "obl") and head.head.i != head.i:
        gov = head.head
        if gov.lemma_ in lv["receive"] or gov.text in lv["receive"]:
            return gov, True
        if gov.lemma_ in lv["active"] or gov.text in lv["active"]:
            return gov, False
    return head, False


@lru_cache(maxsize=1)
def modal_nouns() -> frozenset[str]:
    cues = trigger_lexicon()["modality"]
    negation = trigger_lexicon()["negation"]["nouns"]
    return frozenset(cues["planned"]) | frozenset(cues["hypothetical"]) | frozenset(negation) \
        | frozenset(trigger_lexicon()["nominalizers"])


def is_relative(frame: "Token") -> bool:
    """True for a real relative clause (NVIDIAが出資したサカナAI), not a clause nominalized by こと or 方針."""
    head = frame.head
    named = any(c.dep_ == "compound" for c in head.children) or any(t.text in ("「", "『") for t in head.lefts)
    return frame.dep_ == "acl" and (head.lemma_ not in modal_nouns() or named)
