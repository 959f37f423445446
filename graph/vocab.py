"""IRIs the graph stage reads and writes (docs/rdf-model.md), as plain rdflib terms."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import RDF, SKOS, XSD

SY = Namespace("https://w3id.org/seiryoku/ns#")
ACTOR = Namespace("https://w3id.org/seiryoku/id/actor/")
REL = Namespace("https://w3id.org/seiryoku/id/relation/")
DOC = Namespace("https://w3id.org/seiryoku/id/doc/")

ACTOR_CLASSES: tuple[str, ...] = (
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

__all__ = ["SY", "ACTOR", "REL", "DOC", "RDF", "SKOS", "XSD", "ACTOR_CLASSES", "local_name"]


def local_name(iri: URIRef | str, base: str) -> str:
    """The part of an IRI after a namespace base (or after the last '#' or '/')."""
    s = str(iri)
    if s.startswith(base):
        return s[len(base):]
    cut = max(s.rfind("#"), s.rfind("/"))
    return s[cut + 1:]
