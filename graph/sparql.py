"""Load a graph file into a SPARQL store, run (named) read-only queries with safe bindings, format results.

Store choice (benchmarks/bench_store.py, synthetic graph of 1.0M triples, queries best of 3): Oxigraph
embedded behind rdflib (oxrdflib, ``store="Oxigraph"``, in memory, no server) loads 9x faster than rdflib's
memory store (2.6 s vs 24 s) and answers GROUP BY per predicate 30x, the label lookup 70x and the
property-path dependency query 2x faster (55x on a cold first run); calling pyoxigraph directly gains
little more, so rdflib stays the API and Oxigraph is the default engine. ``engine="memory"`` keeps rdflib's
own store and SPARQL engine; rdflib does not pass initBindings into sub-queries, so parameterized named
queries that use them need Oxigraph (run_named refuses rather than return wrong rows).

Parameters are bound with ``initBindings`` (Oxigraph: ``substitutions``), never by pasting text. Oxigraph
substitutes a bound variable in triple patterns only and requires it in the projection, so named queries
use parameters only in required triple patterns and project them; their columns are dropped from the result.
Lines of a named query ending in ``# if: NAME`` are kept only when the optional parameter NAME is given.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier, Variable

from ontology.namespace import PREFIXES, SY, actor_iri, class_iri, predicate_iri
from seiryoku.errors import ConfigError, GraphError, QueryError

QUERIES_DIR = Path(__file__).with_name("queries")
ENGINES = ("oxigraph", "memory")
_PARSE_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
                  ".json": "json-ld", ".rdf": "xml", ".owl": "xml"}
_OX_FORMATS = {"turtle": "ox-turtle", "nt": "ox-ntriples", "nquads": "ox-nquads", "trig": "ox-trig",
               "json-ld": "ox-json-ld", "xml": "ox-xml"}
_UPDATE = re.compile(r"(?<![?$:\w])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)(?![\w:-])", re.IGNORECASE)
_NOISE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>|#[^\n]*')
_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s+(\w+)(\?|=(\S+))?\s+(.*)$")
_IF = re.compile(r"#\s*if:\s*(\w+)\s*$")
PARAM_KINDS = ("actor", "predicate", "class", "metric", "string", "integer")


@dataclass(frozen=True)
class Param:
    """One parameter of a named query: variable name, kind, whether required, default, description."""

    name: str
    kind: str
    required: bool = True
    default: str | None = None
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A query read from graph/queries/NAME.rq, with its documented parameters."""

    name: str
    text: str
    summary: str = ""
    params: tuple[Param, ...] = field(default=())

    def bindings(self, values: dict[str, str] | None = None) -> dict[str, Identifier]:
        """The RDF terms to bind for raw parameter values (defaults applied, unknown names refused)."""
        values = {k: v for k, v in (values or {}).items() if v is not None and v != ""}
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameter {', '.join(unknown)}")
        out: dict[str, Identifier] = {}
        for param in self.params:
            raw = values.get(param.name, param.default)
            if raw is None:
                if param.required:
                    raise QueryError(f"query {self.name!r} needs parameter {param.name!r}: {param.description}")
                continue
            out[param.name] = to_term(param.kind, raw)
        return out

    def text_for(self, bound: set[str]) -> str:
        """The query text with `# if: NAME` lines kept only for bound parameters."""
        lines = []
        for line in self.text.splitlines():
            match = _IF.search(line)
            if match and match.group(1) not in bound:
                continue
            lines.append(line)
        return "\n".join(lines) + "\n"


def to_term(kind: str, raw: str) -> Identifier:
    """A raw parameter value as an RDF term of its kind (actor ids become actor IRIs)."""
    try:
        if kind == "actor":
            return URIRef(raw) if raw.startswith(("http://", "https://")) else actor_iri(raw.removeprefix("actor:"))
        if kind == "predicate":
            return predicate_iri(raw.removeprefix("sy:"))
        if kind == "class":
            return class_iri(raw.removeprefix("sy:"))
        if kind == "metric":
            return getattr(SY, raw.removeprefix("sy:"))
        if kind == "integer":
            return Literal(int(raw))
    except (ConfigError, AttributeError, ValueError) as exc:
        raise QueryError(f"bad {kind} parameter {raw!r}: {exc}") from exc
    return Literal(raw)


def load_named_query(name: str, directory: Path = QUERIES_DIR) -> NamedQuery:
    """The named query NAME read from graph/queries/NAME.rq and its header comment."""
    if not re.fullmatch(r"[\w-]+", name):
        raise QueryError(f"bad query name {name!r}")
    path = directory / f"{name}.rq"
    if not path.is_file():
        names = ", ".join(q.name for q in list_named_queries(directory))
        raise QueryError(f"no named query {name!r}; known: {names}")
    text = path.read_text(encoding="utf-8")
    summary, params = "", []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if line.startswith("# summary:"):
            summary = line.split(":", 1)[1].strip()
        match = _PARAM.match(line)
        if match:
            pname, kind, flag, default, desc = match.groups()
            if kind not in PARAM_KINDS:
                raise ConfigError(f"{path}: unknown parameter kind {kind!r}")
            params.append(Param(pname, kind, flag is None, default, desc.strip()))
    return NamedQuery(name, text, summary, tuple(params))


def list_named_queries(directory: Path = QUERIES_DIR) -> list[NamedQuery]:
    """Every named query, sorted by name."""
    return [load_named_query(p.stem, directory) for p in sorted(directory.glob("*.rq"))]


def new_store(engine: str = "oxigraph") -> Dataset:
    """An empty store (a union-default rdflib Dataset) on the chosen engine, prefixes bound."""
    if engine not in ENGINES:
        raise ConfigError(f"unknown SPARQL engine {engine!r}; use one of {', '.join(ENGINES)}")
    store = Dataset(store="Oxigraph" if engine == "oxigraph" else "default", default_union=True)
    for prefix, namespace in PREFIXES.items():
        store.bind(prefix, namespace, override=True, replace=True)
    return store


def load_store(path: str | Path, engine: str = "oxigraph", fmt: str | None = None) -> Dataset:
    """A store holding the graph file at `path` (format from `fmt` or the suffix)."""
    path = Path(path)
    if not path.is_file():
        raise GraphError(f"graph file not found: {path}")
    rdf_format = fmt or _PARSE_FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise GraphError(f"cannot tell the RDF format of {path}")
    store = new_store(engine)
    try:
        store.parse(path, format=_OX_FORMATS.get(rdf_format, rdf_format) if engine == "oxigraph" else rdf_format)
    except Exception as exc:  # parsers raise many types; report one
        raise GraphError(f"cannot read {path}: {exc}") from exc
    return store


def store_from_graph(graph: Graph, engine: str = "oxigraph") -> Dataset:
    """A store holding the triples of an in-memory graph."""
    store = new_store(engine)
    store.default_graph.addN((s, p, o, store.default_graph) for s, p, o in graph)
    return store


def engine_of(store: Graph) -> str:
    """The engine behind a store: "oxigraph" or "memory"."""
    return "oxigraph" if type(store.store).__name__ == "OxigraphStore" else "memory"


def check_read_only(query: str) -> None:
    """Raise QueryError when the text is a SPARQL update rather than a query."""
    match = _UPDATE.search(_NOISE.sub(" ", query))
    if match:
        raise QueryError(f"updates are refused ({match.group(1).upper()}); this store is read-only")


def run_query(store: Graph, query: str, bindings: dict[str, str | Identifier] | None = None) -> Result:
    """Run a read-only query; bindings (str values become literals) are passed as initBindings."""
    check_read_only(query)
    init = {k: (v if isinstance(v, Identifier) else Literal(v)) for k, v in (bindings or {}).items()}
    try:
        result = store.query(query, initBindings=init)
        if result.type == "SELECT":
            result.bindings = list(result.bindings)
    except QueryError:
        raise
    except Exception as exc:  # parser and engine errors come in many types
        raise QueryError(f"query failed: {exc}") from exc
    return result


def run_named(store: Graph, query: NamedQuery | str, params: dict[str, str] | None = None) -> Result:
    """Run a named query with raw parameter values; the parameters' columns are dropped."""
    named = load_named_query(query) if isinstance(query, str) else query
    bound = named.bindings(params)
    if bound and engine_of(store) != "oxigraph" and re.search(r"\{\s*SELECT", named.text, re.IGNORECASE):
        raise QueryError(f"query {named.name!r} binds parameters inside sub-queries; use the oxigraph engine")
    result = run_query(store, named.text_for(set(bound)), bound)
    if result.type != "SELECT":
        return result
    params = {p.name for p in named.params}
    keep = [v for v in result.vars if str(v) not in params]
    out = Result("SELECT")
    out.vars = keep
    out.bindings = [{v: row[v] for v in keep if row.get(v) is not None} for row in result.bindings]
    return out


def cap_rows(result: Result, max_rows: int) -> tuple[Result, bool]:
    """The result cut to at most max_rows rows (or triples), and whether it was cut."""
    if result.type == "SELECT":
        rows = list(result.bindings)
        if len(rows) <= max_rows:
            return result, False
        out = Result("SELECT")
        out.vars = result.vars
        out.bindings = rows[:max_rows]
        return out, True
    if result.type in ("CONSTRUCT", "DESCRIBE") and len(result.graph) > max_rows:
        out = Result(result.type)
        out.graph = Graph()
        for prefix, namespace in PREFIXES.items():
            out.graph.bind(prefix, namespace)
        for triple in sorted(result.graph, key=lambda t: tuple(x.n3() for x in t))[:max_rows]:
            out.graph.add(triple)
        return out, True
    return result, False


def _short(term: Identifier | None) -> str:
    """A term as a short display string (prefixed IRI, literal text)."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, namespace in PREFIXES.items():
            if text.startswith(str(namespace)) and len(text) > len(str(namespace)):
                return f"{prefix}:{text[len(str(namespace)):]}"
        return f"<{text}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def display_width(text: str) -> int:
    """Columns a string takes in a terminal (East Asian wide and full-width characters count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def _pad(text: str, width: int) -> str:
    """Text padded with spaces to a display width."""
    return text + " " * (width - display_width(text))


def _table(header: list[str], rows: list[list[str]]) -> str:
    """Rows as aligned text columns."""
    widths = [max([display_width(h)] + [display_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"


_XSD = "http://www.w3.org/2001/XMLSchema#"
_BARE = {_XSD + "integer", _XSD + "decimal", _XSD + "boolean"}


def _tsv_term(term: Identifier | None) -> str:
    """A term in SPARQL TSV results syntax (N-Triples-like, numbers and booleans bare)."""
    if term is None:
        return ""
    if isinstance(term, Literal) and str(term.datatype) == _XSD + "string":
        term = Literal(str(term))
    if isinstance(term, Literal) and str(term.datatype) in _BARE and term.ill_typed is not True:
        return str(term)
    return term.n3().replace("\t", "\\t").replace("\n", "\\n")


def format_result(result: Result, fmt: str = "table") -> str:
    """A query result as text: "table", "csv", "tsv" or "json" (graphs as Turtle or JSON-LD)."""
    if fmt not in ("table", "csv", "tsv", "json"):
        raise ConfigError(f"unknown result format {fmt!r}; use table, csv, tsv or json")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace, override=True, replace=True)
        return graph.serialize(format="json-ld" if fmt == "json" else "nt" if fmt in ("csv", "tsv") else "turtle")
    if result.type == "ASK":
        answer = bool(result.askAnswer)
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": answer})
        return "true\n" if answer else "false\n"
    names = [str(v) for v in result.vars]
    rows = list(result.bindings)
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += ["\t".join(_tsv_term(row.get(Variable(n))) for n in names) for row in rows]
        return "\n".join(lines) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([("" if row.get(Variable(n)) is None else str(row.get(Variable(n)))) for n in names])
        return buffer.getvalue()
    return _table(names, [[_short(row.get(Variable(n))) for n in names] for row in rows])
