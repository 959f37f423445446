"""Documents in -> actors and assertions out: the extraction stages wired over parsed sentences."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from extract.actors import Found, find_mentions
from extract.attributes import (
    find_amounts,
    find_dates,
    modality_of,
    nearest,
    negated_of,
)
from extract.coref import History, resolve_backrefs
from extract.frames import SYMMETRIC, Candidate, case_marker
from extract.gazetteer import Gazetteer, load_gazetteer
from extract.leaders import attach_titles, parenthetical_heads, title_relations
from extract.parse import Sentence, parse_sentences, split_sentences
from extract.relations import sentence_relations
from extract.signatures import allowed, by_subject, retyped
from extract.types import Actor, Assertion, Document, Evidence, Extraction

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MONEY_PREDICATES = frozenset({"investsIn", "funds", "supplies", "divestsFrom"})


@dataclass
class _Tally:
    """What extraction has seen of each actor over the corpus."""

    found: dict[str, Found] = field(default_factory=dict)
    surfaces: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    mentions: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    dropped: Counter = field(default_factory=Counter)


def _leader_candidates(doc: "Doc", mentions: list[Found], by_id: dict[str, Found], gaz: Gazetteer) -> list[Candidate]:
    out = []
    for m in mentions:
        if m.type == "Person" and m.office and m.office in by_id and m.source != "backref":
            out.append(Candidate(m, "leaderOf", by_id[m.office], doc[m.head], doc[m.head], "title:" + (m.title or ""),
                                 round(0.85 * m.confidence / 0.9, 3)))
    for person, org in parenthetical_heads(doc, mentions):
        out.append(Candidate(person, "leaderOf", org, doc[person.head], doc[person.head], "title-parenthesis", 0.75))
    for person, org in title_relations(doc, mentions):
        office = org if isinstance(org, Found) else _office_found(org, gaz, person)
        if office is not None:
            out.append(Candidate(person, "leaderOf", office, doc[person.head], doc[person.head], "title-noun", 0.75))
    return out


def _is_topic(doc: "Doc", m: Found) -> bool:
    return case_marker(doc[m.head]) in ("は", "が", "も", "では")


ORG_ACTS = frozenset({"investsIn", "funds", "supplies", "divestsFrom", "dependsOn", "develops", "participatesIn",
                      "cooperatesWith"})


def _speaking_for(c: Candidate, by_id: dict[str, Found]) -> Candidate:
    """A company's head acting for it (マイクロソフトのナデラCEOが…に投資すると表明): the company is the actor."""
    s = c.subject
    if c.predicate in ORG_ACTS and s.type == "Person" and s.office in by_id and by_id[s.office].type == "Company":
        return Candidate(by_id[s.office], c.predicate, c.object, c.trigger, c.frame, c.rule + "|for-org",
                         round(c.confidence * 0.8, 3), c.item)
    return c


def _office_found(office: str, gaz: Gazetteer, m: Found) -> Found | None:
    entry = gaz.entries.get(office)
    if entry is None:
        return None
    return Found(m.i, m.j, m.head, entry.id, entry.type, entry.country, entry.label, "title", 0.85)


def _assertion(doc: Document, sent: Sentence, pdoc: "Doc", c: Candidate) -> Assertion:
    """An assertion from a candidate, with evidence offsets in the stored text and attributes of its clause."""
    s0, s1 = c.subject.span(pdoc)
    o0, o1 = c.object.span(pdoc)
    if c.predicate == "leaderOf":  # a title states who holds an office now, whatever the clause plans
        modality, negated = "actual", False
    else:
        modality, negated = modality_of(c.trigger, c.frame), negated_of(c.trigger, c.frame)
    pos = c.trigger.idx
    date = nearest(find_dates(sent.text, doc.date), pos)
    amount = nearest(find_amounts(sent.text), pos) if c.predicate in MONEY_PREDICATES else None
    return Assertion(
        subject=c.subject.actor_id,
        predicate=c.predicate,
        object=c.object.actor_id,
        evidence=Evidence(doc.name, doc.doc_id, sent.text, sent.start, sent.end),
        modality=modality,
        negated=negated,
        confidence=c.confidence,
        subject_span=(sent.start + s0, sent.start + s1),
        object_span=(sent.start + o0, sent.start + o1),
        trigger=c.trigger.text,
        date=date[1] if date else None,
        date_precision=date[2] if date else None,
        amount=amount[1] if amount else None,
        currency=amount[2] if amount else None,
        item=c.item.actor_id if c.item else None,
        rule=c.rule,
    )


def extract_document(
    document: Document,
    nlp: "Language | None" = None,
    gaz: Gazetteer | None = None,
    tally: _Tally | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Assertion]:
    """The assertions of one document, in sentence order, deduplicated per (sentence, triple)."""
    gaz = gaz or load_gazetteer()
    tally = tally if tally is not None else _Tally()
    history = History()
    seen_here: set[str] = set()
    out: dict[str, Assertion] = {}
    for sent, pdoc in parse_sentences(split_sentences(document), nlp, progress):
        mentions = find_mentions(pdoc, gaz, frozenset(seen_here))
        seen_here.update(m.actor_id for m in mentions)
        backrefs = resolve_backrefs(pdoc, mentions, history)
        titled = attach_titles(pdoc, mentions + backrefs)
        mentions = [m for m in titled if m.source != "backref"]
        backrefs = [m for m in titled if m.source == "backref"]
        for m in mentions:
            tally.found.setdefault(m.actor_id, m)
            tally.surfaces[m.actor_id][m.label if m.source == "pair" else pdoc[m.i : m.j].text] += 1
            tally.mentions[m.actor_id][document.name] += 1
        every = sorted(mentions + backrefs, key=lambda f: (f.i, f.j, f.actor_id))
        by_id = {m.actor_id: m for m in every}
        for m in mentions:
            if m.office and m.office not in by_id:
                office = _office_found(m.office, gaz, m)
                if office is not None:  # 商務長官 names the Department of Commerce: count it as mentioned
                    by_id[m.office] = office
                    tally.found.setdefault(office.actor_id, office)
                    tally.mentions[office.actor_id][document.name] += 1
                    if m.title:
                        tally.surfaces[office.actor_id][m.title] += 1
        candidates = sentence_relations(pdoc, every) + _leader_candidates(pdoc, every, by_id, gaz)
        for c in map(lambda c: _speaking_for(c, by_id), candidates):
            better = by_subject(c.predicate, c.subject.type, c.object.type)
            if better != c.predicate:
                c = replace(c, predicate=better, rule=c.rule + f"|retyped:{c.predicate}")
            if not allowed(c.predicate, c.subject.type, c.object.type):
                alt = retyped(c.predicate, c.subject.type, c.object.type)
                tally.dropped[c.predicate + (f"->{alt}" if alt else "")] += 1
                if alt is None:
                    continue
                c = replace(c, predicate=alt, rule=c.rule + f"|retyped:{c.predicate}")
            a = _assertion(document, sent, pdoc, c)
            key = f"{a.evidence.start}|{a.subject}|{a.predicate}|{a.object}"
            if a.predicate in SYMMETRIC:
                lo, hi = sorted((a.subject, a.object))
                key = f"{a.evidence.start}|{lo}|{a.predicate}|{hi}"
            if key not in out or out[key].confidence < a.confidence:
                out[key] = a
        history.push(every)
        history.mark_topics({m.actor_id for m in every if m.type == "Company" and _is_topic(pdoc, m)})
    return sorted(out.values(), key=lambda a: (a.evidence.start, a.subject, a.predicate, a.object))


def _actor(actor_id: str, tally: _Tally, gaz: Gazetteer) -> Actor:
    entry = gaz.entries.get(actor_id)
    seen = tuple(s for s, _ in sorted(tally.surfaces[actor_id].items(), key=lambda kv: (-kv[1], kv[0])))
    mentions = tuple(sorted(tally.mentions[actor_id].items()))
    if entry is not None:
        aliases = tuple(dict.fromkeys(entry.aliases + seen))
        return Actor(entry.id, entry.label, entry.type, entry.country, entry.label_ja, entry.label_en, aliases,
                     entry.wikidata, mentions, "gazetteer")
    f = tally.found[actor_id]
    label = f.label
    ja = label if any(ord(ch) > 0x2E7F for ch in label) else None
    return Actor(actor_id, label, f.type, f.country, ja, None if ja else label, tuple(dict.fromkeys((label,) + seen)),
                 None, mentions, f.source)


def _home(actor_id: str, tally: _Tally, gaz: Gazetteer) -> str | None:
    """An actor's country, from the gazetteer or from the text that named it."""
    entry = gaz.entries.get(actor_id)
    return entry.country if entry is not None else tally.found[actor_id].country


def extract_corpus(
    documents: Sequence[Document],
    nlp: "Language | None" = None,
    progress: Callable[[int], None] | None = None,
) -> Extraction:
    """Actors and assertions of a corpus, in the contract's order; only actors that take part in a relation or
    are named by the gazetteer are kept."""
    gaz = load_gazetteer()
    tally = _Tally()
    assertions: list[Assertion] = []
    for document in documents:
        assertions.extend(extract_document(document, nlp, gaz, tally, progress))
    used = {a.subject for a in assertions} | {a.object for a in assertions} | {a.item for a in assertions if a.item}
    keep = {a for a in tally.found if a in used or a in gaz.entries}
    homes = {_home(a, tally, gaz) for a in keep}  # countries an actor points at must exist as actors
    keep |= {c for c in homes if c in gaz.entries}
    actors = tuple(_actor(a, tally, gaz) for a in sorted(keep))
    docs = tuple(documents)
    order = {d.name: k for k, d in enumerate(docs)}
    assertions.sort(key=lambda a: (order[a.evidence.doc], a.evidence.start, a.subject, a.predicate, a.object))
    return Extraction(docs, actors, tuple(assertions), tuple(sorted(tally.dropped.items())))
