"""The `seiryoku` command line: a thin layer over the stages' plain functions."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from seiryoku.errors import InputError, SeiryokuError

SAMPLE_CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"
DEFAULT_OUT = Path("out")
DEFAULT_GRAPH = DEFAULT_OUT / "graph.ttl"


def _fail_cleanly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a SeiryokuError into a one-line message and exit status 2."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SeiryokuError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)

    return wrapper


def _report_input_error(exc: InputError) -> None:
    click.echo(f"skipped: {exc}", err=True)


def _progress_factory(enabled: bool) -> Callable[[int], Callable[[int], None]] | None:
    """A rich progress bar over the characters parsed, when stderr is a terminal or progress is forced."""
    if not enabled:
        return None
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    def factory(total: int) -> Callable[[int], None]:
        progress = Progress(TextColumn("parsing"), BarColumn(), TextColumn("{task.completed}/{task.total} chars"),
                            TimeRemainingColumn(), transient=True)
        progress.start()
        task = progress.add_task("parse", total=total)

        def advance(n: int) -> None:
            progress.advance(task, n)
            if progress.tasks[0].completed >= total:
                progress.stop()

        if total == 0:
            progress.stop()
        return advance

    return factory


def _inputs(paths: tuple[Path, ...]) -> list[Path]:
    return list(paths) if paths else [SAMPLE_CORPUS]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="seiryoku")
def main() -> None:
    """Seiryoku (勢力図): a knowledge graph of AI-policy actors and relations from Japanese text."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Output folder (replaced atomically).")
@click.option("--include-planned", is_flag=True, help="Let planned/hypothetical edges enter metrics (weight x0.5).")
@click.option("--top-k", type=int, default=None, help="Draw only the k actors with the highest PageRank in graph.html.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when stderr is a terminal).")
@_fail_cleanly
def build(paths: tuple[Path, ...], out: Path, include_planned: bool, top_k: int | None, progress: bool | None) -> None:
    """Build the graph from PATHS (files or folders; default: the sample corpus) into OUT."""
    from seiryoku.build import BuildOptions
    from seiryoku.build import build as run_build

    show = sys.stderr.isatty() if progress is None else progress
    report = run_build(_inputs(paths), out, BuildOptions(include_planned, top_k), _progress_factory(show),
                       _report_input_error)
    for notice in report.notices:
        click.echo(f"note: {notice}", err=True)
    click.echo(f"documents {report.documents}  actors {report.actors}  relations {report.relations}")
    if report.per_predicate:
        click.echo("relations per predicate: " + ", ".join(f"{p} {n}" for p, n in sorted(report.per_predicate.items())))
    if report.dropped:
        counts = ", ".join(f"{p} {n}" for p, n in sorted(report.dropped.items()))
        click.echo("off-signature edges (dropped, or retyped as shown): " + counts)
    click.echo("top actors by PageRank:")
    for actor_id, label, score in report.top:
        click.echo(f"  {score:.4f}  {label} ({actor_id})")
    click.echo(f"outputs in {report.out}/: " + ", ".join(report.files))
    click.echo(f"open {report.out / 'graph.html'} in a browser (it works offline)")
    if report.errors:
        click.echo(f"{len(report.errors)} input(s) failed", err=True)
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_fail_cleanly
def extract(paths: tuple[Path, ...]) -> None:
    """Print the JSON Lines contract (documents, actors, relations) for PATHS to stdout."""
    from extract.jsonl import dumps, records
    from seiryoku.build import extract_paths

    extraction, errors, _ = extract_paths(list(paths), on_error=_report_input_error)
    out = sys.stdout
    for rec in records(extraction):
        out.write(dumps(rec) + "\n")
    if errors:
        sys.exit(1)


@main.command()
@click.option("--build", "build_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True)
@click.option("--type", "actor_type", default=None, help="Only actors of this type.")
@_fail_cleanly
def actors(build_dir: Path, actor_type: str | None) -> None:
    """List the actors of a build: type, country, aliases seen and mention counts."""
    path = build_dir / "assertions.jsonl"
    if not path.exists():
        raise InputError(f"{path}: no build here (run `seiryoku build` first)")
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["kind"] == "actor" and (actor_type is None or rec["type"] == actor_type):
                rows.append(rec)
    rows.sort(key=lambda r: (-sum(r["mentions"].values()), r["id"]))
    for r in rows:
        seen = " / ".join(r["labels"][:6])
        click.echo(f"{r['id']:<28} {r['type']:<26} {r['country'] or '-':<14} {sum(r['mentions'].values()):>4}  {seen}")


def _load_store(graph: Path):  # noqa: ANN202 - the store type belongs to graph.sparql
    from graph.sparql import load_store

    if not graph.exists():
        raise InputError(f"{graph}: graph file not found (run `seiryoku build` first)")
    return load_store(graph)


def _parse_graph(path: Path):  # noqa: ANN202 - an rdflib Graph; rdflib is imported lazily
    """The RDF graph in a file, or a one-line InputError."""
    from rdflib import Graph

    if not path.exists():
        raise InputError(f"{path}: graph file not found (run `seiryoku build` first)")
    g = Graph()
    try:
        g.parse(path)
    except Exception as exc:  # rdflib raises many parser-specific types
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: cannot parse RDF: {reason}") from exc
    return g


@main.command()
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.Path(path_type=Path, exists=True), help="Read the query from a file.")
@click.option("--name", help="Run a named query (see `seiryoku queries`).")
@click.option("--param", "params", multiple=True, help="NAME=VALUE for a named query, e.g. actor=geniac.")
@click.option("--graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
@_fail_cleanly
def query(sparql: str | None, query_file: Path | None, name: str | None, params: tuple[str, ...], graph: Path,
          fmt: str) -> None:
    """Run a SPARQL query (text, --file or --name) on a build's graph and print the result."""
    from graph.sparql import format_result, run_named, run_query
    from seiryoku.errors import QueryError

    bindings = {}
    for p in params:
        key, sep, value = p.partition("=")
        if not sep:
            raise QueryError(f"--param {p!r}: expected NAME=VALUE")
        bindings[key] = value
    if name:
        click.echo(format_result(run_named(_load_store(graph), name, bindings), fmt))
        return
    if query_file:
        text = query_file.read_text(encoding="utf-8")
    elif sparql:
        text = sparql
    else:
        raise QueryError("give a query, --file or --name")
    if bindings:
        raise QueryError("--param applies to named queries (--name)")
    result = run_query(_load_store(graph), text)
    click.echo(format_result(result, fmt))


@main.command()
def queries() -> None:
    """List the named queries and their parameters."""
    from graph.sparql import list_named_queries

    for q in list_named_queries():
        params = ", ".join(p.name for p in q.params) if q.params else "-"
        click.echo(f"{q.name:<20} params: {params:<20} {q.summary}")


@main.command()
@click.option("--graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds before a query is killed.")
@click.option("--max-rows", type=int, default=10000, show_default=True)
@_fail_cleanly
def serve(graph: Path, host: str, port: int, timeout: float, max_rows: int) -> None:
    """Serve a read-only SPARQL 1.1 endpoint at http://HOST:PORT/sparql."""
    from graph.endpoint import serve as run_server

    if not graph.exists():
        raise InputError(f"{graph}: graph file not found (run `seiryoku build` first)")
    click.echo(f"SPARQL endpoint on http://{host}:{port}/sparql (query page at /); Ctrl-C stops it", err=True)
    run_server(graph, host=host, port=port, timeout=timeout, max_rows=max_rows)


@main.command()
@click.option("--graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True)
@_fail_cleanly
def validate(graph: Path) -> None:
    """Check a graph against the SHACL shapes."""

    from ontology.validate import validate as run_validate

    ok, text = run_validate(_parse_graph(graph))
    click.echo("conforms" if ok else text)
    if not ok:
        sys.exit(1)


@main.command()
@click.option("--remove", "remove", multiple=True, required=True, help="Actor id to remove (repeatable).")
@click.option("--graph", type=click.Path(path_type=Path), default=DEFAULT_GRAPH, show_default=True)
@click.option("--include-planned", is_flag=True)
@_fail_cleanly
def whatif(remove: tuple[str, ...], graph: Path, include_planned: bool) -> None:
    """Report who loses suppliers, funding or paths if the given actors are removed."""

    from graph.dependency import format_whatif
    from graph.dependency import whatif as run_whatif
    from graph.views import assertion_graph

    mdg = assertion_graph(_parse_graph(graph))
    unknown = [r for r in remove if r not in mdg]
    if unknown:
        raise InputError(f"unknown actor id(s): {', '.join(unknown)}")
    click.echo(format_whatif(run_whatif(mdg, list(remove), include_planned=include_planned)))


if __name__ == "__main__":  # pragma: no cover
    main()
