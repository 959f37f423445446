"""The small frozen data types that flow through the pipeline: Document, Mention, Actor, Evidence, Assertion."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

ACTOR_TYPES: tuple[str, ...] = (
    "Country",
    "GovernmentBody",
    "Company",
    "ResearchInstitute",
    "InternationalOrganization",
    "Program",
    "PolicyInstrument",
    "Person",
    "Technology",
)
MODALITIES: tuple[str, ...] = ("actual", "planned", "hypothetical")
DATE_PRECISIONS: tuple[str, ...] = ("year", "month", "day")


def text_hash(text: str) -> str:
    """The document id of a stored text: "d_" and the first 16 hex digits of its SHA-256."""
    return "d_" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def relation_id(doc_id: str, start: int, end: int, subject: str, predicate: str, obj: str) -> str:
    """The contract's stable relation id."""
    key = f"{doc_id}|{start}|{end}|{subject}|{predicate}|{obj}"
    return "r_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Document:
    """One input document after ingestion and normalization; offsets everywhere point into `text`.

    `excluded` lists [start, end) ranges of `text` that are boilerplate, reference lists, footnotes,
    tables of contents or page furniture: kept in the stored text, never read by extraction.
    """

    doc_id: str
    name: str
    text: str
    source: str
    title: str | None = None
    date: str | None = None
    date_precision: str | None = None
    encoding: str | None = None
    media_type: str | None = None
    language: str = "ja"
    excluded: tuple[tuple[int, int], ...] = ()

    def extractable_ranges(self) -> list[tuple[int, int]]:
        """The [start, end) ranges of the text that extraction reads (the complement of `excluded`)."""
        out: list[tuple[int, int]] = []
        pos = 0
        for start, end in sorted(self.excluded):
            if start > pos:
                out.append((pos, start))
            pos = max(pos, end)
        if pos < len(self.text):
            out.append((pos, len(self.text)))
        return out


@dataclass(frozen=True)
class Mention:
    """A span of a document's stored text that names an actor."""

    doc: str
    start: int
    end: int
    surface: str
    actor_id: str


@dataclass(frozen=True)
class Actor:
    """One real-world actor: one node whatever script or spelling names it."""

    id: str
    label: str
    type: str
    country: str | None = None
    label_ja: str | None = None
    label_en: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    mentions: tuple[tuple[str, int], ...] = ()
    source: str = "gazetteer"


@dataclass(frozen=True)
class Evidence:
    """Where an assertion was read: a sentence of a document and its offsets in the stored text."""

    doc: str
    doc_id: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Assertion:
    """One relation read from one sentence, with its evidence and attributes."""

    subject: str
    predicate: str
    object: str
    evidence: Evidence
    modality: str = "actual"
    negated: bool = False
    confidence: float = 0.5
    subject_span: tuple[int, int] | None = None
    object_span: tuple[int, int] | None = None
    trigger: str | None = None
    date: str | None = None
    date_precision: str | None = None
    amount: float | None = None
    currency: str | None = None
    item: str | None = None
    attributed_to: str | None = None
    rule: str | None = None

    @property
    def id(self) -> str:
        """The contract's stable relation id."""
        ev = self.evidence
        return relation_id(ev.doc_id, ev.start, ev.end, self.subject, self.predicate, self.object)


@dataclass(frozen=True)
class Extraction:
    """What extraction returns for a corpus: documents, actors and assertions in contract order."""

    documents: tuple[Document, ...] = ()
    actors: tuple[Actor, ...] = ()
    assertions: tuple[Assertion, ...] = ()
    dropped: tuple[tuple[str, int], ...] = field(default=())
