"""Write a graph to a file deterministically (Turtle, N-Triples, JSON-LD, TriG, N-Quads), atomically."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from ontology.namespace import SY
from seiryoku.errors import ConfigError

FORMATS: dict[str, str] = {
    "turtle": "turtle",
    "ttl": "turtle",
    "nt": "nt",
    "ntriples": "nt",
    "n-triples": "nt",
    "json-ld": "json-ld",
    "jsonld": "json-ld",
    "trig": "trig",
    "nquads": "nquads",
    "nq": "nquads",
}
SUFFIXES: dict[str, str] = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld",
                            ".trig": "trig", ".nq": "nquads"}


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """The rdflib format name for an explicit format or, failing that, the file suffix."""
    if fmt:
        if fmt.lower() not in FORMATS:
            raise ConfigError(f"unknown RDF format {fmt!r}; use one of {', '.join(sorted(FORMATS))}")
        return FORMATS[fmt.lower()]
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ConfigError(f"cannot tell the RDF format of {path}; pass a format")
    return SUFFIXES[suffix]


def _sort_key(triple: tuple) -> tuple[str, str, str]:
    """A total order on triples."""
    return (triple[0].n3(), triple[1].n3(), triple[2].n3())


def canonical_copy(graph: Graph) -> Graph:
    """A new graph with the same triples and prefixes, inserted in sorted order."""
    out = Graph(bind_namespaces="none")
    for prefix, namespace in sorted(graph.namespaces()):
        out.bind(prefix, namespace, override=True, replace=True)
    for triple in sorted(graph, key=_sort_key):
        out.add(triple)
    return out


def document_graph_of(graph: Graph, node: URIRef) -> URIRef | None:
    """The document a node belongs to in the per-document split: itself or its assertion's document."""
    if (node, SY.docId, None) in graph:
        return node
    return graph.value(node, SY.document)


def to_dataset(graph: Graph) -> Dataset:
    """A dataset with one named graph per document (its node and assertions) and the rest in the default graph."""
    dataset = Dataset()
    for prefix, namespace in sorted(graph.namespaces()):
        dataset.bind(prefix, namespace, override=True, replace=True)
    owner: dict = {}
    for triple in sorted(graph, key=_sort_key):
        subject = triple[0]
        if subject not in owner:
            owner[subject] = document_graph_of(graph, subject) if isinstance(subject, URIRef) else None
        target = owner[subject]
        context = dataset.graph(target) if target is not None else dataset.default_graph
        context.add(triple)
    return dataset


def _sorted_lines(data: str) -> str:
    """Lines sorted and de-duplicated, one trailing newline."""
    lines = sorted({re.sub(r"\s+\.$", " .", line) for line in data.splitlines() if line.strip()})
    return "\n".join(lines) + ("\n" if lines else "")


def serialize_to_string(graph: Graph, fmt: str) -> str:
    """The graph serialized deterministically in a format (see FORMATS)."""
    name = format_for("", fmt)
    if name == "nt":
        return _sorted_lines(graph.serialize(format="nt"))
    if name == "nquads":
        return _sorted_lines(to_dataset(graph).serialize(format="nquads"))
    if name == "trig":
        return to_dataset(graph).serialize(format="trig")
    if name == "json-ld":
        return canonical_copy(graph).serialize(format="json-ld", indent=2, sort_keys=True, ensure_ascii=False)
    return canonical_copy(graph).serialize(format="turtle")


def serialize(graph: Graph, path: str | Path, fmt: str | None = None) -> Path:
    """Write the graph to `path` deterministically (temp file then rename); the format defaults from the suffix."""
    target = Path(path)
    text = serialize_to_string(graph, format_for(target, fmt))
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
