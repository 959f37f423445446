"""Actor mentions in a parsed sentence: gazetteer matches, country prefixes and pairs, NER and cue-marked names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from extract.charmatch import inner_matches, near_latin
from extract.gazetteer import Gazetteer, load_lexicon, norm_key
from extract.lexical import (
    country_letters,
    generic_nouns,
    ner_types,
    outlets,
    place_countries,
    prefix_letters,
    split_title,
    title_info,
)
from extract.quoted import quoted_names

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_TOKENS = 10
_NAME_CHARS = re.compile(r"^[A-Za-z0-9゠-ヿ一-鿿々〆ー・&.\- ]+$")
_ASCII_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9&.\- ]*$")


@dataclass(frozen=True)
class Found:
    """An actor mention in one sentence: token span [i, j), the token carrying its role, and what it names."""

    i: int
    j: int
    head: int
    actor_id: str
    type: str
    country: str | None
    label: str
    source: str
    confidence: float = 0.9
    office: str | None = None
    title: str | None = None

    def span(self, doc: "Doc") -> tuple[int, int]:
        """Character offsets of the mention within the sentence."""
        return doc[self.i].idx, doc[self.j - 1].idx + len(doc[self.j - 1].text)


def mint_id(name: str) -> str:
    """A stable actor id for a name the gazetteer does not know."""
    key = unicodedata.normalize("NFKC", name).strip()
    if _ASCII_NAME.match(key):
        return re.sub(r"[^a-z0-9]+", "_", key.casefold()).strip("_") or "x"
    return "ja_" + re.sub(r"[^\w]+", "", key.casefold())


def _span_text(doc: "Doc", i: int, j: int) -> str:
    return doc.text[doc[i].idx : doc[j - 1].idx + len(doc[j - 1].text)]


def span_head(doc: "Doc", i: int, j: int) -> int:
    """The token of [i, j) whose head lies outside the span (the last such one)."""
    heads = [t.i for t in doc[i:j] if not (i <= t.head.i < j) or t.head.i == t.i]
    return heads[-1] if heads else j - 1


def _gazetteer_matches(doc: "Doc", gaz: Gazetteer, confirmed: frozenset[str] = frozenset()) -> list[Found]:
    out: list[Found] = []
    i, n = 0, len(doc)
    while i < n:
        if doc[i].is_punct or doc[i].pos_ in ("ADP", "AUX", "SCONJ"):
            i += 1
            continue
        for j in range(min(n, i + MAX_TOKENS), i, -1):
            if j - 1 > i and (doc[j - 1].is_punct or doc[j - 1].pos_ in ("ADP", "AUX", "SCONJ")):
                continue
            surface = _span_text(doc, i, j)
            entry = gaz.lookup(surface)
            if entry is None:
                continue
            if gaz.is_ambiguous(surface, entry.id) and entry.id not in confirmed and not _marked_as_actor(doc, i, j):
                continue
            if j < n and doc[j].idx == doc[j - 1].idx + len(doc[j - 1].text) and _continues_word(doc[j - 1], doc[j]):
                continue
            out.append(Found(i, j, span_head(doc, i, j), entry.id, entry.type, entry.country, entry.label, "gazetteer"))
            i = j
            break
        else:
            named = split_title(doc[i].text)  # トランプ大統領 is one token
            entry = gaz.lookup(named[0]) if named else None
            if named and entry is not None and entry.type == "Person":
                out.append(Found(i, i + 1, i, entry.id, entry.type, entry.country, entry.label, "gazetteer",
                                 title=named[1]))
            i += 1
    return out


def _continues_word(last: "Token", nxt: "Token") -> bool:
    """True when a Latin name runs on into the next token (Meta + verse), so the match is not a name."""
    return last.text[-1:].isascii() and last.text[-1:].isalnum() and nxt.text[:1].isascii() and nxt.text[:1].isalnum()


def _marked_as_actor(doc: "Doc", i: int, j: int) -> bool:
    cues = load_lexicon("generic_nouns").get("company_cues", [])
    if any(e.start <= i and j <= e.end and e.label_ in ner_types() for e in doc.ents):
        return True
    nxt = doc[j].text if j < len(doc) else ""
    prv = doc[i - 1].text if i > 0 else ""
    if prv in prefix_letters() or prv in cues or nxt in ("社", "社長", "CEO"):
        return True  # 米メタ, 投資会社X, オラクル社
    if prv in ("「", "『") and nxt in ("」", "』"):
        return True  # 「AI法」: a quoted name
    return nxt in ("は", "が") and doc[i].pos_ == "PROPN"


def _with_prefix(doc: "Doc", found: list[Found]) -> list[Found]:
    """Extend a non-country mention over a country prefix (米エヌビディア, 韓国サムスン電子)."""
    taken = {k for f in found for k in range(f.i, f.j)}
    letters = country_letters()
    out = []
    for f in found:
        p = f.i - 1
        if f.type != "Country" and p >= 0 and p not in taken:
            country = letters.get(doc[p].text) or place_countries().get(doc[p].text)
            attached = doc[p].dep_ == "compound" and doc[p].head.i in range(f.i, f.j)
            glued = doc[p].text in prefix_letters() and doc[p].idx + len(doc[p].text) == doc[f.i].idx
            if country and (attached or glued):  # 米クアルコム even when the parser cut 米 loose
                f = replace(f, i=p, country=f.country or country, source=f.source + "+prefix")
        out.append(f)
    return out


def _country_tokens(doc: "Doc", taken: set[int]) -> list[Found]:
    """Countries written as letters: pairs or triples (日米, 米中, 日米+英) and a lone 米 used as a name."""
    letters = country_letters()
    not_pairs = set(load_lexicon("country_prefixes").get("not_pairs", []))
    out: list[Found] = []
    k, n = 0, len(doc)
    while k < n:
        j = k
        while j < n and j not in taken and doc[j].text and all(ch in letters for ch in doc[j].text) and (
            j == k or doc[j].idx == doc[j - 1].idx + len(doc[j - 1].text)
        ):
            j += 1
        text = doc[k].text
        if j == k and len(text) >= 2 and text[0] == "対" and all(ch in letters for ch in text[1:]) and k not in taken:
            for ch in text[1:]:  # 対中輸出規制: the country a measure is aimed at
                out.append(Found(k, k + 1, k, letters[ch], "Country", letters[ch], ch, "target", 0.8))
            k += 1
            continue
        run = "".join(doc[x].text for x in range(k, j))
        if len(run) >= 2 and len(set(run)) == len(run) and run not in not_pairs:
            for x in range(k, j):  # every country of the run stands at the run's last token
                for ch in doc[x].text:
                    out.append(Found(x, x + 1, j - 1, letters[ch], "Country", letters[ch], ch, "pair", 0.85))
        elif run == "米" and _lone_country(doc, doc[k]):
            out.append(Found(k, k + 1, k, letters["米"], "Country", letters["米"], "米", "letter", 0.8))
        k = max(j, k + 1)
    return out


def _lone_country(doc: "Doc", t: "Token") -> bool:
    """True when a lone 米 stands for the US (before a particle, 中, a generic body noun, or a title)."""
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is None:
        return False
    if nxt.pos_ in ("ADP", "PUNCT", "SCONJ"):
        return True
    return nxt.text in country_letters() or nxt.text in load_lexicon("generic_nouns").get("country_heads", [])


def _ner_unknowns(doc: "Doc", gaz: Gazetteer, taken: set[int]) -> list[Found]:
    """Organizations and persons GiNZA labels that the gazetteer does not know."""
    out: list[Found] = []
    types = ner_types()
    generic = generic_nouns()
    for ent in doc.ents:
        actor_type = types.get(ent.label_)
        if actor_type is None or any(k in taken for k in range(ent.start, ent.end)):
            continue
        text = ent.text.strip()
        if actor_type == "Company" and text.endswith("社") and len(text) > 2:
            text = text[:-1]
        if norm_key(text) in generic or text in outlets() or not _NAME_CHARS.match(text) or len(norm_key(text)) < 2 \
                or _not_an_actor(text):
            continue
        if actor_type == "Person" and not _person_like(doc, ent.start, ent.end):
            continue
        if actor_type != "Person" and not _org_like(doc, ent.start, ent.end):
            continue
        near = near_latin(text, gaz)
        if near is not None:  # a misspelt known name (NVDIA)
            entry = gaz.entries[near]
            out.append(Found(ent.start, ent.end, span_head(doc, ent.start, ent.end), entry.id, entry.type,
                             entry.country, entry.label, "near", 0.6))
            continue
        out.append(Found(ent.start, ent.end, span_head(doc, ent.start, ent.end), mint_id(text), actor_type,
                         None, text, "ner", 0.6))
    return out


def _person_like(doc: "Doc", i: int, j: int) -> bool:
    nxt = doc[j].text if j < len(doc) else ""
    return nxt in ("氏", "さん") or title_info(doc, j) is not None


def _org_like(doc: "Doc", i: int, j: int) -> bool:
    """An unknown organization needs a name-like token and an actor-like place in the sentence."""
    if not any(t.pos_ == "PROPN" or t.text.isascii() for t in doc[i:j]):
        return False
    head = doc[span_head(doc, i, j)]
    return head.dep_ in ("nsubj", "obl", "obj", "nmod", "ROOT") or head.head.text in ("社", "企業")


def _name_chunk(doc: "Doc", h: int) -> tuple[int, int] | None:
    """The name ending at token h: h and the name-like tokens compounded onto it just before (トリトン+ロボティクス)."""
    if not _name_token(doc[h]):
        return None
    i = h
    while i > 0 and doc[i - 1].dep_ == "compound" and doc[i - 1].head.i <= h:
        prev = doc[i - 1]
        joiner = prev.text in ("・", "-", "&") and i >= 2 and _name_token(doc[i - 2])
        if not (_name_token(prev) or joiner):
            break
        i -= 1
    return i, h + 1


def _name_token(t: "Token") -> bool:
    text = t.text
    if not _NAME_CHARS.match(text) or text in ("・", "-", "&"):
        return False
    return t.pos_ == "PROPN" or bool(_ASCII_NAME.match(text)) or _katakana(text, 2)


def _name_like(doc: "Doc", i: int, j: int) -> bool:
    """A chunk is a name when it is not a generic noun and has a proper-noun, Latin, joined or long katakana part."""
    text = _span_text(doc, i, j)
    if norm_key(text) in generic_nouns() or all(norm_key(t.text) in generic_nouns() for t in doc[i:j]):
        return False
    if any(t.pos_ == "PROPN" or _ASCII_NAME.match(t.text) or t.text in ("・", "&") for t in doc[i:j]):
        return True
    return j - i >= 2 or _katakana(text, 3)


def _cue_unknowns(doc: "Doc", gaz: Gazetteer, taken: set[int]) -> list[Found]:
    """Names the text marks as actors with a cue noun: 投資会社MGX, 新興企業のX, X社."""
    cues = load_lexicon("generic_nouns")
    kinds = [(set(cues.get("company_cues", [])), "Company"), (set(cues.get("research_cues", [])), "ResearchInstitute")]
    out: list[Found] = []
    for t in doc:
        if t.i in taken:
            continue
        chunk = None
        actor_type = None
        if t.text == "社" and t.i > 0:
            chunk, actor_type = _name_chunk(doc, t.i - 1), "Company"
        elif t.dep_ != "compound":
            chunk = _name_chunk(doc, t.i)
            if chunk is not None:
                k = chunk[0] - 1
                cue = doc[k - 1].text if k >= 1 and doc[k].text == "の" else doc[k].text if k >= 0 else ""
                actor_type = next((ty for words, ty in kinds if cue in words), None)
                if actor_type is None and k >= 0 and doc[k].text in prefix_letters() and k not in taken:
                    actor_type = "Company"  # 米バークシャー・ハサウェイ: a country letter before a foreign name
                    country = prefix_letters()[doc[k].text]
                    chunk = (k, chunk[1])
        if chunk is None or actor_type is None or any(k in taken for k in range(*chunk)):
            continue
        country = prefix_letters().get(doc[chunk[0]].text)
        name_start = chunk[0] + (1 if country else 0)
        text = _span_text(doc, name_start, chunk[1])
        if len(norm_key(text)) < 2 or text in outlets() or not _foreign_name(text, country) \
                or not _name_like(doc, name_start, chunk[1]) or _not_an_actor(text):
            continue
        head = span_head(doc, *chunk)
        out.append(Found(chunk[0], chunk[1], head, mint_id(text), actor_type, country, text, "cue", 0.6))
        taken.update(range(*chunk))
    return out


def _not_an_actor(text: str) -> bool:
    """Names of places, plants and products (アリゾナ工場, テキサス州) are not actors."""
    return any(text.endswith(suffix) for suffix in load_lexicon("generic_nouns").get("non_actor_suffixes", []))


def _foreign_name(text: str, country: str | None) -> bool:
    """A name after a bare country letter must look like a foreign proper name (katakana or Latin, 3+ chars)."""
    if country is None:
        return True
    return len(text) >= 3 and all("゠" <= ch <= "ヿ" or ch.isascii() for ch in text)


def _katakana(text: str, least: int = 3) -> bool:
    return len(text) >= least and all("゠" <= ch <= "ヿ" for ch in text)


def find_mentions(doc: "Doc", gaz: Gazetteer, confirmed: frozenset[str] = frozenset()) -> list[Found]:
    """Every actor mention in a parsed sentence, left to right (a pair token gives one mention per country);
    `confirmed` actors (already named unambiguously in the document) need no mark for ambiguous names."""
    found = _with_prefix(doc, _gazetteer_matches(doc, gaz, confirmed))
    taken = {k for f in found for k in range(f.i, f.j)}
    found += inner_matches(doc, gaz, taken)
    taken = {k for f in found for k in range(f.i, f.j)}
    found += quoted_names(doc, taken)
    taken = {k for f in found for k in range(f.i, f.j)}
    found += _country_tokens(doc, taken)
    taken = {k for f in found for k in range(f.i, f.j)}
    found += _ner_unknowns(doc, gaz, taken)
    taken = {k for f in found for k in range(f.i, f.j)}
    found += _cue_unknowns(doc, gaz, taken)
    return sorted(found, key=lambda f: (f.i, f.j, f.actor_id))
