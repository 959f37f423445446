"""IRIs the graph stage reads and writes (docs/rdf-model.md), as plain rdflib terms."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import RDF, SKOS, XSD

from ontology.namespace import ACTOR, DOC, REL, SY  # the vocabulary is defined once, in ontology
from ontology.namespace import ACTOR_CLASSES as _CLASS_IRIS

ACTOR_CLASSES: tuple[str, ...] = tuple(str(iri).rsplit("#", 1)[-1] for iri in _CLASS_IRIS)

__all__ = ["SY", "ACTOR", "REL", "DOC", "RDF", "SKOS", "XSD", "ACTOR_CLASSES", "local_name"]


def local_name(iri: URIRef | str, base: str) -> str:
    """The part of an IRI after a namespace base (or after the last '#' or '/')."""
    s = str(iri)
    if s.startswith(base):
        return s[len(base):]
    cut = max(s.rfind("#"), s.rfind("/"))
    return s[cut + 1:]
