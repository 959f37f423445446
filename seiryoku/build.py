"""A build: input files -> an output folder of JSONL, RDF, metrics, HTML and Gephi files, replaced atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extract.ingest import discover, load_corpus
from extract.jsonl import document_text_record, dumps, records
from extract.types import Extraction
from seiryoku.errors import InputError

ProgressFactory = Callable[[int], Callable[[int], None]]


@dataclass(frozen=True)
class BuildOptions:
    """What a build writes and how metrics are computed."""

    include_planned: bool = False
    top_k: int | None = None


@dataclass
class BuildReport:
    """What a build did: counts, failures, notices and the top actors by PageRank."""

    out: Path
    documents: int = 0
    actors: int = 0
    relations: int = 0
    per_predicate: Counter = field(default_factory=Counter)
    dropped: dict[str, int] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    top: list[tuple[str, str, float]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def extract_paths(
    paths: Sequence[Path],
    progress_factory: ProgressFactory | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> tuple[Extraction, list[InputError], list[str]]:
    """Ingest and extract a corpus: the extraction, the inputs that failed and notices (duplicates skipped)."""
    from extract.pipeline import extract_corpus

    files = discover(paths)
    documents, errors, notices = load_corpus(files, on_error=on_error)
    total = sum(len(d.text) for d in documents)
    progress = progress_factory(total) if progress_factory else None
    return extract_corpus(documents, progress=progress), errors, notices


def write_jsonl(extraction: Extraction, path: Path) -> None:
    """The contract's JSON Lines of an extraction."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for rec in records(extraction):
            fh.write(dumps(rec) + "\n")


def write_outputs(extraction: Extraction, folder: Path, options: BuildOptions) -> list[tuple[str, str, float]]:
    """Every output file of a build into `folder`; returns the top actors by PageRank."""
    from graph.export import write_csv, write_graphml
    from graph.gexf import write_gexf
    from graph.html import write_html
    from graph.metrics import (
        add_metrics_to_rdf,
        compute_metrics,
        write_metrics_csv,
        write_metrics_json,
    )
    from graph.views import assertion_graph
    from ontology.rdf import to_graph
    from ontology.serialize import serialize

    write_jsonl(extraction, folder / "assertions.jsonl")
    with open(folder / "documents.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for d in extraction.documents:
            fh.write(dumps(document_text_record(d)) + "\n")
    rdf = to_graph(extraction)
    mdg = assertion_graph(rdf)
    rows = compute_metrics(mdg, include_planned=options.include_planned)
    add_metrics_to_rdf(rdf, rows)
    serialize(rdf, folder / "graph.ttl", "turtle")
    serialize(rdf, folder / "graph.nt", "nt")
    serialize(rdf, folder / "graph.jsonld", "json-ld")
    write_metrics_csv(rows, folder / "metrics.csv")
    write_metrics_json(rows, folder / "metrics.json")
    write_html(mdg, rows, folder / "graph.html", top_k=options.top_k)
    write_gexf(mdg, rows, folder / "graph.gexf")
    write_graphml(mdg, rows, folder / "graph.graphml")
    write_csv(mdg, rows, folder / "nodes.csv", folder / "edges.csv")
    ranked = sorted(rows, key=lambda r: (-float(r["pagerank"] or 0), r["id"]))
    return [(r["id"], r.get("label_ja") or r.get("label_en") or r["id"], float(r["pagerank"] or 0)) for r in ranked]


def replace_folder(tmp: Path, out: Path) -> None:
    """Move a finished build into place, so that `out` is never half-written."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
    os.replace(tmp, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build(
    paths: Sequence[Path],
    out: Path,
    options: BuildOptions = BuildOptions(),
    progress_factory: ProgressFactory | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> BuildReport:
    """Run the whole pipeline on the inputs and write the outputs to `out` atomically."""
    extraction, errors, notices = extract_paths(paths, progress_factory, on_error)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        top = write_outputs(extraction, tmp, options)
        files = sorted(p.name for p in tmp.iterdir())
        replace_folder(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return BuildReport(
        out=out,
        documents=len(extraction.documents),
        actors=len(extraction.actors),
        relations=len(extraction.assertions),
        per_predicate=Counter(a.predicate for a in extraction.assertions),
        dropped=dict(extraction.dropped),
        errors=errors,
        notices=notices,
        top=top[:10],
        files=files,
    )
