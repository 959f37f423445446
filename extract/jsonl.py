"""The JSON Lines contract: documents, actors and relations as one JSON object per line, in contract order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from extract.types import Actor, Assertion, Document, Extraction


def document_record(d: Document) -> dict[str, Any]:
    """The contract's document record."""
    return {"kind": "document", "doc": d.name, "doc_id": d.doc_id, "title": d.title, "date": d.date,
            "date_precision": d.date_precision, "chars": len(d.text), "source": d.source}


def actor_record(a: Actor) -> dict[str, Any]:
    """The contract's actor record."""
    return {"kind": "actor", "id": a.id, "label": a.label, "label_ja": a.label_ja, "label_en": a.label_en,
            "labels": list(a.aliases), "type": a.type, "country": a.country, "wikidata": a.wikidata,
            "mentions": dict(a.mentions)}


def relation_record(r: Assertion) -> dict[str, Any]:
    """The contract's relation record."""
    ev = r.evidence
    return {"kind": "relation", "id": r.id, "subject": r.subject, "predicate": r.predicate, "object": r.object,
            "doc": ev.doc, "sentence": ev.sentence, "start": ev.start, "end": ev.end,
            "subject_span": list(r.subject_span) if r.subject_span else None,
            "object_span": list(r.object_span) if r.object_span else None,
            "trigger": r.trigger, "modality": r.modality, "negated": r.negated, "date": r.date,
            "date_precision": r.date_precision, "amount": r.amount, "currency": r.currency, "item": r.item,
            "attributed_to": r.attributed_to, "rule": r.rule, "confidence": r.confidence}


def records(extraction: Extraction) -> Iterator[dict[str, Any]]:
    """Every record of an extraction in contract order: documents, actors by id, relations by doc and start."""
    yield from (document_record(d) for d in extraction.documents)
    yield from (actor_record(a) for a in sorted(extraction.actors, key=lambda a: a.id))
    yield from (relation_record(r) for r in extraction.assertions)


def dumps(record: dict[str, Any]) -> str:
    """One JSON line, UTF-8 text kept as is, keys in a fixed order."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def document_text_record(d: Document) -> dict[str, Any]:
    """A document with its stored text and excluded ranges (documents.jsonl), so offsets can be checked."""
    rec = document_record(d)
    rec.update({"encoding": d.encoding, "media_type": d.media_type, "excluded": [list(r) for r in d.excluded],
                "text": d.text})
    return rec
