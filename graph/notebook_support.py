"""Small helpers for the analyst notebooks: which build and corpus to read, result rows, Japanese plot labels."""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import rdflib
from rdflib.query import Result
from rdflib.term import Identifier, Literal, URIRef, Variable

from graph import _data
from graph.views import assertion_graph
from ontology.namespace import PREFIXES
from seiryoku.errors import ConfigError, GraphError, InputError


def _settings() -> dict[str, Any]:
    """The notebook settings table (data/notebook.json)."""
    return _data.load_json("notebook.json")


def build_from_env(environ: Mapping[str, str] = os.environ) -> Path | None:
    """The build folder named by SEIRYOKU_BUILD, or None when the variable is unset or empty."""
    settings = _settings()
    raw = environ.get(settings["build_env"], "").strip()
    if not raw:
        return None
    folder = Path(raw).expanduser()
    if not (folder / settings["build_marker"]).is_file():
        raise InputError(f"{settings['build_env']}={raw}: no build here (no {settings['build_marker']})")
    return folder


def corpus_dir(repo: str | os.PathLike[str], environ: Mapping[str, str] = os.environ) -> Path:
    """The corpus to build: the shared seeds when SEIRYOKU_CORPUS=seeds and present, else the sample corpus."""
    settings = _settings()
    repo = Path(repo)
    choice = environ.get(settings["corpus_env"], "").strip() or "sample"
    corpora = settings["corpora"]
    if choice not in corpora:
        raise ConfigError(f"{settings['corpus_env']}={choice}: use one of {', '.join(sorted(corpora))}")
    folder = (repo / corpora[choice]).resolve()
    if folder.is_dir():
        return folder
    sample = (repo / corpora["sample"]).resolve()
    if choice != "sample":
        warnings.warn(f"corpus {choice!r} not found at {folder}; using the sample corpus {sample}", stacklevel=2)
    if not sample.is_dir():
        raise InputError(f"sample corpus not found: {sample}")
    return sample


def load_assertion_graph(build: str | os.PathLike[str]) -> tuple[rdflib.Graph, nx.MultiDiGraph]:
    """The RDF graph (graph.ttl) of a build folder and its assertion MultiDiGraph."""
    path = Path(build) / _settings()["build_marker"]
    if not path.is_file():
        raise GraphError(f"graph file not found: {path}")
    g = rdflib.Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as exc:  # rdflib parsers raise many types
        raise GraphError(f"cannot read {path}: {str(exc).splitlines()[0]}") from exc
    return g, assertion_graph(g)


def prefixed(term: Identifier) -> str:
    """An IRI as a prefixed name when a known prefix covers it (else the full IRI), other terms as text."""
    text = str(term)
    if isinstance(term, URIRef):
        for prefix, namespace in sorted(PREFIXES.items()):
            base = str(namespace)
            if text.startswith(base) and len(text) > len(base):
                return f"{prefix}:{text[len(base):]}"
    return text


def result_rows(result: Result) -> list[dict[str, Any]]:
    """A SELECT result as one dict per row (column -> Python value; IRIs as prefixed names, unbound None)."""
    if result.type != "SELECT":
        raise GraphError(f"expected a SELECT result, got {result.type}")
    names = [str(v) for v in result.vars]
    out = []
    for row in result.bindings:
        record: dict[str, Any] = {}
        for name in names:
            term = row.get(Variable(name))
            if term is None:
                record[name] = None
            elif isinstance(term, Literal):
                value = term.toPython()
                record[name] = value if isinstance(value, (int, float, bool, str)) else str(term)
            else:
                record[name] = prefixed(term)
        out.append(record)
    return out


def installed_fonts() -> list[str]:
    """The family names of the fonts matplotlib can use, sorted."""
    from matplotlib import font_manager

    return sorted({f.name for f in font_manager.fontManager.ttflist})


def find_cjk_font(candidates: Sequence[str] | None = None, available: Sequence[str] | None = None) -> str | None:
    """The first candidate Japanese-capable font family that is installed (data/notebook.json order), or None."""
    candidates = list(candidates) if candidates is not None else list(_settings()["cjk_fonts"])
    have = set(installed_fonts() if available is None else available)
    return next((name for name in candidates if name in have), None)


def use_japanese_font(candidates: Sequence[str] | None = None) -> str | None:
    """Make matplotlib draw Japanese labels with an installed CJK font; warn and return None when none is found."""
    import matplotlib

    name = find_cjk_font(candidates)
    if name is None:
        warnings.warn("no Japanese (CJK) font found for matplotlib; Japanese labels will show as boxes "
                      "(install fonts-noto-cjk)", stacklevel=2)
        return None
    matplotlib.rcParams["font.family"] = [name]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return name
