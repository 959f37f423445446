"""Seiryoku IRIs: the `SY` vocabulary (every term of seiryoku.ttl), instance namespaces and IRI helpers."""

from __future__ import annotations

from urllib.parse import quote, unquote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from seiryoku.errors import ConfigError

SY_IRI = "https://w3id.org/seiryoku/ns#"
ACTOR = Namespace("https://w3id.org/seiryoku/id/actor/")
REL = Namespace("https://w3id.org/seiryoku/id/relation/")
DOC = Namespace("https://w3id.org/seiryoku/id/doc/")
CAMEO = Namespace("https://w3id.org/seiryoku/cameo/")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")


class SY(DefinedNamespace):
    """The Seiryoku vocabulary; an unknown term raises AttributeError."""

    _NS = Namespace(SY_IRI)
    _fail = True

    # Classes
    Actor: URIRef
    Agent: URIRef
    Organization: URIRef
    Country: URIRef
    GovernmentBody: URIRef
    Company: URIRef
    ResearchInstitute: URIRef
    InternationalOrganization: URIRef
    Program: URIRef
    PolicyInstrument: URIRef
    Person: URIRef
    Technology: URIRef
    Document: URIRef
    Assertion: URIRef
    Modality: URIRef
    # Object properties
    cooperatesWith: URIRef
    investsIn: URIRef
    funds: URIRef
    supplies: URIRef
    dependsOn: URIRef
    restricts: URIRef
    regulates: URIRef
    enacts: URIRef
    leads: URIRef
    participatesIn: URIRef
    partOf: URIRef
    develops: URIRef
    competesWith: URIRef
    opposes: URIRef
    divestsFrom: URIRef
    leaderOf: URIRef
    subject: URIRef
    predicate: URIRef
    object: URIRef
    document: URIRef
    modality: URIRef
    item: URIRef
    attributedTo: URIRef
    country: URIRef
    mentionedIn: URIRef
    # Datatype and annotation properties
    sentence: URIRef
    start: URIRef
    end: URIRef
    subjectStart: URIRef
    subjectEnd: URIRef
    objectStart: URIRef
    objectEnd: URIRef
    trigger: URIRef
    rule: URIRef
    negated: URIRef
    confidence: URIRef
    date: URIRef
    datePrecision: URIRef
    amount: URIRef
    currency: URIRef
    relationId: URIRef
    docId: URIRef
    docName: URIRef
    sha256: URIRef
    chars: URIRef
    text: URIRef
    encoding: URIRef
    actorId: URIRef
    mentionCount: URIRef
    actorSource: URIRef
    family: URIRef
    pagerank: URIRef
    betweenness: URIRef
    hub: URIRef
    authority: URIRef
    community: URIRef
    chokepointScore: URIRef
    providersDirect: URIRef
    providersTransitive: URIRef
    inDegreeCooperation: URIRef
    outDegreeCooperation: URIRef
    inDegreeMaterialSupport: URIRef
    outDegreeMaterialSupport: URIRef
    inDegreePressure: URIRef
    outDegreePressure: URIRef
    inDegreeCompetition: URIRef
    outDegreeCompetition: URIRef
    inDegreeOther: URIRef
    outDegreeOther: URIRef
    exposureByCountry: URIRef
    # Modality individuals
    actual: URIRef
    planned: URIRef
    hypothetical: URIRef

PREFIXES: dict[str, Namespace | str] = {
    "sy": Namespace(SY_IRI),
    "actor": ACTOR,
    "rel": REL,
    "doc": DOC,
    "cameo": CAMEO,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "org": ORG,
    "schema": SCHEMA,
    "foaf": FOAF,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "wd": WD,
}

ACTOR_CLASSES: tuple[URIRef, ...] = (
    SY.Country,
    SY.GovernmentBody,
    SY.Company,
    SY.ResearchInstitute,
    SY.InternationalOrganization,
    SY.Program,
    SY.PolicyInstrument,
    SY.Person,
    SY.Technology,
)
PREDICATES: tuple[URIRef, ...] = (
    SY.cooperatesWith,
    SY.investsIn,
    SY.funds,
    SY.supplies,
    SY.dependsOn,
    SY.restricts,
    SY.regulates,
    SY.enacts,
    SY.leads,
    SY.participatesIn,
    SY.partOf,
    SY.develops,
    SY.competesWith,
    SY.opposes,
    SY.divestsFrom,
    SY.leaderOf,
)
SYMMETRIC: frozenset[URIRef] = frozenset({SY.cooperatesWith, SY.competesWith})
MODALITY_IRIS: dict[str, URIRef] = {"actual": SY.actual, "planned": SY.planned, "hypothetical": SY.hypothetical}


def _segment(value: str, what: str) -> str:
    """An id percent-escaped for use as the last segment of an IRI."""
    if not value:
        raise ConfigError(f"empty {what} id")
    return quote(value, safe="-._~")


def actor_iri(actor_id: str) -> URIRef:
    """The IRI of an actor, from its contract id."""
    return ACTOR[_segment(actor_id, "actor")]


def relation_iri(relation_id: str) -> URIRef:
    """The IRI of an assertion, from its contract relation id."""
    return REL[_segment(relation_id, "relation")]


def doc_iri(doc_id: str) -> URIRef:
    """The IRI of a document, from its doc_id."""
    return DOC[_segment(doc_id, "document")]


def actor_id(iri: str) -> str:
    """The contract id of an actor IRI (inverse of actor_iri)."""
    if not str(iri).startswith(str(ACTOR)):
        raise ConfigError(f"not an actor IRI: {iri}")
    return unquote(str(iri)[len(str(ACTOR)) :])


def class_iri(actor_type: str) -> URIRef:
    """The class IRI of one of the nine contract actor types."""
    iri = URIRef(SY_IRI + actor_type)
    if iri not in ACTOR_CLASSES:
        raise ConfigError(f"unknown actor type: {actor_type!r}")
    return iri


def predicate_iri(name: str) -> URIRef:
    """The property IRI of one of the sixteen contract predicates."""
    iri = URIRef(SY_IRI + name)
    if iri not in PREDICATES:
        raise ConfigError(f"unknown predicate: {name!r}")
    return iri


def local_name(iri: str) -> str:
    """The part of a Seiryoku IRI after its namespace (sy:, actor:, rel:, doc:), unescaped."""
    for base in (SY_IRI, str(ACTOR), str(REL), str(DOC), str(CAMEO)):
        if str(iri).startswith(base):
            return unquote(str(iri)[len(base) :])
    return str(iri)
