"""Map an Extraction (documents, actors, assertions) to an RDF graph following docs/rdf-model.md."""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD

from extract.types import Actor, Assertion, Document, Extraction
from ontology.namespace import (
    MODALITY_IRIS,
    PREFIXES,
    SY,
    WD,
    actor_iri,
    class_iri,
    doc_iri,
    predicate_iri,
    relation_iri,
)
from seiryoku.errors import InputError

_JAPANESE = re.compile(r"[\u3005\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_DATE = re.compile(r"^\s*(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?\s*年?\s*$")
_PRECISIONS = ("year", "month", "day")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")

Triple = tuple[URIRef, URIRef, URIRef | Literal]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the model's prefixes (sy, actor, rel, doc, skos, prov, ...) on a graph and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def language_of(text: str) -> str:
    """The language tag a label gets: "ja" when it holds Japanese script, else "en"."""
    return "ja" if _JAPANESE.search(text) else "en"


def normalize_date(value: str | None, precision: str | None = None) -> tuple[_dt.date, str] | None:
    """An ISO-ish date ("2024", "2024-04", "2024-04-05", 2024年4月) as a date and its precision, or None."""
    if not value:
        return None
    match = _DATE.match(value)
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    inferred = "day" if day else "month" if month else "year"
    try:
        date = _dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if precision in _PRECISIONS and _PRECISIONS.index(precision) < _PRECISIONS.index(inferred):
        inferred = precision
        date = _dt.date(year, month or 1 if precision == "month" else 1, 1)
    return date, inferred


def _label(text: str, lang: str | None = None) -> Literal:
    """A label literal tagged @ja or @en."""
    return Literal(text, lang=lang or language_of(text))


def _date_triples(node: URIRef, prop: URIRef, value: str | None, precision: str | None) -> list[Triple]:
    """The normalized date and its precision, when the date can be read."""
    normalized = normalize_date(value, precision)
    if normalized is None:
        return []
    date, prec = normalized
    return [(node, prop, Literal(date.isoformat(), datatype=XSD.date)), (node, SY.datePrecision, Literal(prec))]


def document_triples(doc: Document) -> list[Triple]:
    """The triples describing one document."""
    node = doc_iri(doc.doc_id)
    out: list[Triple] = [
        (node, RDF.type, SY.Document),
        (node, RDF.type, PROV.Entity),
        (node, SY.docId, Literal(doc.doc_id)),
        (node, SY.docName, Literal(doc.name)),
        (node, DCTERMS.source, Literal(doc.source)),
        (node, SY.sha256, Literal(hashlib.sha256(doc.text.encode("utf-8")).hexdigest())),
        (node, SY.chars, Literal(len(doc.text), datatype=XSD.integer)),
        (node, SY.text, Literal(doc.text)),
        (node, DCTERMS.language, Literal(doc.language)),
    ]
    if doc.title:
        out.append((node, DCTERMS.title, _label(doc.title)))
    if doc.encoding:
        out.append((node, SY.encoding, Literal(doc.encoding)))
    if doc.media_type:
        out.append((node, DCTERMS["format"], Literal(doc.media_type)))
    out += _date_triples(node, DCTERMS.date, doc.date, doc.date_precision)
    return out


def _labels(actor: Actor) -> tuple[dict[str, str], set[tuple[str, str]]]:
    """The preferred label per language and the set of (alt label, language)."""
    pref: dict[str, str] = {}
    if actor.label_ja:
        pref["ja"] = actor.label_ja
    if actor.label_en:
        pref["en"] = actor.label_en
    pref.setdefault(language_of(actor.label), actor.label)
    alt = {(text, language_of(text)) for text in (actor.label, *actor.aliases) if text}
    alt -= {(text, lang) for lang, text in pref.items()}
    return pref, alt


def actor_triples(actor: Actor, doc_ids: dict[str, str]) -> list[Triple]:
    """The triples describing one actor; `doc_ids` maps document names to doc ids."""
    node = actor_iri(actor.id)
    out: list[Triple] = [
        (node, RDF.type, class_iri(actor.type)),
        (node, SY.actorId, Literal(actor.id)),
        (node, SY.actorSource, Literal(actor.source)),
    ]
    pref, alt = _labels(actor)
    out += [(node, SKOS.prefLabel, Literal(text, lang=lang)) for lang, text in pref.items()]
    out += [(node, SKOS.altLabel, Literal(text, lang=lang)) for text, lang in alt]
    if actor.country:
        out.append((node, SY.country, actor_iri(actor.country)))
    if actor.wikidata and _WIKIDATA.match(actor.wikidata):
        out.append((node, SKOS.exactMatch, WD[actor.wikidata]))
    if actor.mentions:
        total = sum(count for _, count in actor.mentions)
        out.append((node, SY.mentionCount, Literal(total, datatype=XSD.integer)))
        for name, count in actor.mentions:
            if count > 0 and name in doc_ids:
                out.append((node, SY.mentionedIn, doc_iri(doc_ids[name])))
    return out


def assertion_triples(assertion: Assertion) -> list[Triple]:
    """The assertion node, its attributes, and the plain edge when actual and not negated."""
    if assertion.modality not in MODALITY_IRIS:
        raise InputError(f"unknown modality {assertion.modality!r} in relation {assertion.id}")
    node = relation_iri(assertion.id)
    subject, obj = actor_iri(assertion.subject), actor_iri(assertion.object)
    predicate = predicate_iri(assertion.predicate)
    ev = assertion.evidence
    document = doc_iri(ev.doc_id)
    integer = XSD.integer
    out: list[Triple] = [
        (node, RDF.type, SY.Assertion),
        (node, RDF.type, PROV.Entity),
        (node, SY.subject, subject),
        (node, SY.predicate, predicate),
        (node, SY.object, obj),
        (node, SY.document, document),
        (node, PROV.wasDerivedFrom, document),
        (node, SY.sentence, Literal(ev.sentence)),
        (node, SY.start, Literal(ev.start, datatype=integer)),
        (node, SY.end, Literal(ev.end, datatype=integer)),
        (node, SY.modality, MODALITY_IRIS[assertion.modality]),
        (node, SY.negated, Literal(bool(assertion.negated), datatype=XSD.boolean)),
        (node, SY.confidence, Literal(float(assertion.confidence), datatype=XSD.double)),
        (node, SY.relationId, Literal(assertion.id)),
    ]
    for span, start_prop, end_prop in (
        (assertion.subject_span, SY.subjectStart, SY.subjectEnd),
        (assertion.object_span, SY.objectStart, SY.objectEnd),
    ):
        if span is not None:
            out += [(node, start_prop, Literal(span[0], datatype=integer)),
                    (node, end_prop, Literal(span[1], datatype=integer))]
    for prop, text in ((SY.trigger, assertion.trigger), (SY.rule, assertion.rule), (SY.currency, assertion.currency)):
        if text:
            out.append((node, prop, Literal(text)))
    if assertion.amount is not None:
        out.append((node, SY.amount, Literal(float(assertion.amount), datatype=XSD.double)))
    for prop, ident in ((SY.item, assertion.item), (SY.attributedTo, assertion.attributed_to)):
        if ident:
            out.append((node, prop, actor_iri(ident)))
    out += _date_triples(node, SY.date, assertion.date, assertion.date_precision)
    if assertion.modality == "actual" and not assertion.negated:
        out.append((subject, predicate, obj))
    return out


def extraction_triples(extraction: Extraction) -> Iterable[Triple]:
    """Every triple of the build graph of an extraction."""
    doc_ids = {doc.name: doc.doc_id for doc in extraction.documents}
    for doc in extraction.documents:
        yield from document_triples(doc)
    for actor in extraction.actors:
        yield from actor_triples(actor, doc_ids)
    for assertion in extraction.assertions:
        yield from assertion_triples(assertion)


def to_graph(extraction: Extraction) -> Graph:
    """The RDF graph of an extraction (no blank nodes; typed literals; prefixes bound)."""
    graph = bind_prefixes(Graph())
    for triple in sorted(set(extraction_triples(extraction)), key=lambda t: (t[0], t[1], t[2].n3())):
        graph.add(triple)
    return graph
