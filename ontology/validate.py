"""Check a build graph against the SHACL shapes (ontology/shapes.ttl) with pyshacl."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pyshacl import validate as _pyshacl_validate
from rdflib import Graph

SHAPES_PATH = Path(__file__).with_name("shapes.ttl")


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The parsed SHACL shapes (cached)."""
    return Graph().parse(SHAPES_PATH, format="turtle")


def validate(graph: Graph) -> tuple[bool, str]:
    """Whether the graph conforms to the shapes, and pyshacl's report text."""
    conforms, _report, text = _pyshacl_validate(
        graph,
        shacl_graph=shapes_graph(),
        inference="none",
        advanced=False,
        allow_warnings=False,
        abort_on_first=False,
    )
    return bool(conforms), str(text)
