"""Benchmark SPARQL stores for Seiryoku graphs: rdflib memory vs Oxigraph behind rdflib (oxrdflib) vs pyoxigraph.

Measures load time and three queries (GROUP BY count per predicate, a property-path dependency query, a
label lookup) on a given graph file and on a seeded synthetic graph shaped like docs/rdf-model.md, and
prints each time with its ratio to rdflib's memory store measured in the same run.

    .venv/bin/python benchmarks/bench_store.py --triples 300000
    .venv/bin/python benchmarks/bench_store.py --graph out/graph.ttl --triples 1000000
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

SY = "https://w3id.org/seiryoku/ns#"
ACTOR = "https://w3id.org/seiryoku/id/actor/"
REL = "https://w3id.org/seiryoku/id/relation/"
DOC = "https://w3id.org/seiryoku/id/doc/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SKOS = "http://www.w3.org/2004/02/skos/core#"
CLASSES = ("Country", "GovernmentBody", "Company", "ResearchInstitute", "InternationalOrganization", "Program",
           "PolicyInstrument", "Person", "Technology")
PREDICATES = ("cooperatesWith", "investsIn", "funds", "supplies", "dependsOn", "restricts", "regulates", "enacts",
              "leads", "participatesIn", "partOf", "develops", "competesWith", "opposes", "divestsFrom", "leaderOf")
MODALITIES = ("actual", "actual", "actual", "planned", "hypothetical")
TRIPLES_PER_ASSERTION = 19

QUERIES = {
    "group-by predicate": """
        PREFIX sy: <https://w3id.org/seiryoku/ns#>
        SELECT ?p (COUNT(?a) AS ?n) WHERE { ?a sy:predicate ?p } GROUP BY ?p ORDER BY DESC(?n)""",
    "dependency path": """
        PREFIX sy: <https://w3id.org/seiryoku/ns#>
        SELECT DISTINCT ?x WHERE { ?x (sy:dependsOn|^sy:supplies)+ <https://w3id.org/seiryoku/id/actor/a0> }""",
    "label lookup": """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?a ?l WHERE { ?a skos:prefLabel ?l FILTER(CONTAINS(STR(?l), "主体42")) }""",
}


def lit(text: str) -> str:
    """An N-Triples string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def synthetic(path: Path, triples: int, seed: int = 0) -> int:
    """Write a seeded synthetic build graph of about `triples` triples as N-Triples; return the count."""
    rng = random.Random(seed)
    assertions = max(1, triples // TRIPLES_PER_ASSERTION)
    actors = max(10, assertions // 10)
    docs = max(1, assertions // 100)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        def emit(s: str, p: str, o: str) -> None:
            nonlocal count
            out.write(f"<{s}> <{p}> {o} .\n")
            count += 1
        for d in range(docs):
            emit(f"{DOC}d{d}", RDF_TYPE, f"<{SY}Document>")
            emit(f"{DOC}d{d}", f"{SY}docName", lit(f"doc{d}.txt"))
        for i in range(actors):
            node = f"{ACTOR}a{i}"
            emit(node, RDF_TYPE, f"<{SY}{CLASSES[i % len(CLASSES)]}>")
            emit(node, f"{SY}actorId", lit(f"a{i}"))
            emit(node, f"{SKOS}prefLabel", lit(f"主体{i}") + "@ja")
            emit(node, f"{SKOS}prefLabel", lit(f"Actor {i}") + "@en")
            emit(node, f"{SY}country", f"<{ACTOR}a{rng.randrange(0, actors, len(CLASSES))}>")
        for r in range(assertions):
            node = f"{REL}r{r}"
            # preferential attachment: low ids are hubs
            s, o = (int(actors * rng.random() ** 3) for _ in range(2))
            p = PREDICATES[rng.randrange(len(PREDICATES))]
            modality = MODALITIES[rng.randrange(len(MODALITIES))]
            negated = rng.random() < 0.05
            start = rng.randrange(0, 100000)
            emit(node, RDF_TYPE, f"<{SY}Assertion>")
            emit(node, f"{SY}subject", f"<{ACTOR}a{s}>")
            emit(node, f"{SY}predicate", f"<{SY}{p}>")
            emit(node, f"{SY}object", f"<{ACTOR}a{o}>")
            emit(node, f"{SY}document", f"<{DOC}d{rng.randrange(docs)}>")
            emit(node, f"{SY}sentence", lit(f"主体{s}は主体{o}と関係する（{r}）。"))
            emit(node, f"{SY}start", f'"{start}"^^<{XSD}integer>')
            emit(node, f"{SY}end", f'"{start + 40}"^^<{XSD}integer>')
            emit(node, f"{SY}modality", f"<{SY}{modality}>")
            emit(node, f"{SY}negated", f'"{str(negated).lower()}"^^<{XSD}boolean>')
            emit(node, f"{SY}confidence", f'"{rng.random():.3f}"^^<{XSD}double>')
            emit(node, f"{SY}trigger", lit("協力"))
            emit(node, f"{SY}rule", lit(f"case-frame:{p}"))
            emit(node, f"{SY}relationId", lit(f"r{r}"))
            emit(node, f"{SY}date", f'"2024-{1 + r % 12:02d}-01"^^<{XSD}date>')
            emit(node, f"{SY}datePrecision", lit("month"))
            emit(node, "http://www.w3.org/ns/prov#wasDerivedFrom", f"<{DOC}d0>")
            emit(node, RDF_TYPE, "<http://www.w3.org/ns/prov#Entity>")
            if modality == "actual" and not negated:
                emit(f"{ACTOR}a{s}", f"{SY}{p}", f"<{ACTOR}a{o}>")
    return count


REPEAT = 3


def _timed(fn, repeat: int = 1):
    """(best seconds over `repeat` calls, value of the last call)."""
    best, value = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best, value


def _format_of(path: Path) -> tuple[str, ox.RdfFormat]:
    """rdflib and pyoxigraph names of a file's format."""
    return ("nt", ox.RdfFormat.N_TRIPLES) if path.suffix == ".nt" else ("turtle", ox.RdfFormat.TURTLE)


def bench_rdflib(path: Path, store: str) -> dict[str, tuple[float, int]]:
    """Load and query times through rdflib (store "default" or "Oxigraph")."""
    fmt, _ = _format_of(path)
    parse_fmt = fmt if store == "default" else f"ox-{'ntriples' if fmt == 'nt' else 'turtle'}"
    graph = Dataset(store=store, default_union=True) if store == "Oxigraph" else Graph()
    out = {"load": (_timed(lambda: graph.parse(path, format=parse_fmt))[0], len(graph))}
    for name, query in QUERIES.items():
        seconds, rows = _timed(lambda q=query: len(list(graph.query(q))), REPEAT)
        out[name] = (seconds, rows)
    return out


def bench_pyoxigraph(path: Path) -> dict[str, tuple[float, int]]:
    """Load and query times with pyoxigraph directly."""
    _, fmt = _format_of(path)
    store = ox.Store()
    out = {"load": (_timed(lambda: store.bulk_load(path=str(path), format=fmt))[0], len(store))}
    for name, query in QUERIES.items():
        seconds, rows = _timed(lambda q=query: len(list(store.query(q))), REPEAT)
        out[name] = (seconds, rows)
    return out


def report(title: str, path: Path, skip_rdflib: bool = False) -> list[str]:
    """Benchmark the three stores on one file; return printable lines."""
    results = {}
    if not skip_rdflib:
        results["rdflib memory"] = bench_rdflib(path, "default")
    results["oxrdflib (Oxigraph)"] = bench_rdflib(path, "Oxigraph")
    results["pyoxigraph"] = bench_pyoxigraph(path)
    base = results.get("rdflib memory")
    lines = [f"== {title}: {path}"]
    steps = ["load", *QUERIES]
    lines.append(f"{'store':22}" + "".join(f"{s:>28}" for s in steps))
    for engine, res in results.items():
        cells = []
        for step in steps:
            seconds, n = res[step]
            ratio = f" x{base[step][0] / seconds:7.1f}" if base and seconds > 0 else ""
            cells.append(f"{seconds:9.3f}s ({n:>7}){ratio}")
        lines.append(f"{engine:22}" + "".join(f"{c:>28}" for c in cells))
    lines.append("(count in parentheses: triples loaded or rows returned; queries best of "
                 f"{REPEAT}; xN = speed-up over rdflib memory)")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, default=Path("out/graph.ttl"), help="a build graph file, if it exists")
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph (0: skip)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-rdflib", action="store_true", help="do not run rdflib's memory store")
    args = parser.parse_args(argv)
    lines: list[str] = []
    if args.graph.is_file():
        lines += report("given graph", args.graph, args.skip_rdflib)
    if args.triples > 0:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "synthetic.nt"
            seconds, count = _timed(lambda: synthetic(path, args.triples, args.seed))
            lines.append(f"synthetic graph: {count} triples written in {seconds:.1f}s (seed {args.seed})")
            lines += report(f"synthetic {count} triples", path, args.skip_rdflib)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
