"""A read-only SPARQL 1.1 Protocol endpoint over a graph file (standard-library HTTP server, worker processes).

Each query runs in a warm worker process holding its own copy of the store (Oxigraph behind rdflib, see
graph/sparql.py); a worker that passes the timeout is killed and replaced, and the client gets 503.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from graph.sparql import cap_rows, check_read_only, format_result, load_store, run_query
from seiryoku.errors import GraphError, QueryError

STATIC_DIR = Path(__file__).with_name("static")
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "json-ld",
}
FORMAT_ALIASES = {"json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values",
                  "turtle": "text/turtle", "ttl": "text/turtle", "nt": "application/n-triples",
                  "ntriples": "application/n-triples", "json-ld": "application/ld+json"}
STARTUP_TIMEOUT = 300.0


def _accepted(accept: str) -> list[str]:
    """Media types of an Accept header, best first (q-values honoured, order kept on ties)."""
    weighted = []
    for index, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        quality = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    quality = float(f[2:])
                except ValueError:
                    quality = 0.0
        if fields[0] and quality > 0:
            weighted.append((-quality, index, fields[0].lower()))
    return [media for _, _, media in sorted(weighted)]


def negotiate(accept: str, kind: str) -> str | None:
    """The media type to answer with for a result kind ("solutions" or "graph"), or None when none fits."""
    table = RESULT_TYPES if kind == "solutions" else GRAPH_TYPES
    default = "application/sparql-results+json" if kind == "solutions" else "text/turtle"
    for media in _accepted(accept or "*/*"):
        if media in table:
            return media
        if media in ("*/*", "application/*", "text/*"):
            return default
    return None


def _render(result, media: str) -> bytes:
    """A result serialized in a negotiated media type."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format=GRAPH_TYPES[media], encoding="utf-8")
    return format_result(result, RESULT_TYPES[media]).encode("utf-8")


def answer(store, query: str, accept: str, max_rows: int) -> tuple[int, str, bytes, bool]:
    """Status, media type, body and truncation flag for one query against a store."""
    try:
        result = run_query(store, query)
    except QueryError as exc:
        return 400, "text/plain; charset=utf-8", str(exc).encode("utf-8"), False
    kind = "graph" if result.type in ("CONSTRUCT", "DESCRIBE") else "solutions"
    media = negotiate(accept, kind)
    if media is None:
        return 406, "text/plain; charset=utf-8", b"no acceptable media type for this result", False
    result, truncated = cap_rows(result, max_rows)
    charset = "; charset=utf-8" if media.startswith("text/") or "json" in media else ""
    return 200, media + charset, _render(result, media), truncated


def _worker_main(conn, graph_path: str, engine: str) -> None:
    """Worker process: load the store, then answer (query, accept, max_rows) requests until the pipe closes."""
    try:
        store = load_store(graph_path, engine=engine)
    except GraphError as exc:
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", ""))
    while True:
        try:
            query, accept, max_rows = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(answer(store, query, accept, max_rows))
        except Exception as exc:  # a worker must answer whatever happens
            conn.send((500, "text/plain; charset=utf-8", f"internal error: {exc}".encode(), False))


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, ctx, graph_path: str, engine: str) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, graph_path, engine), daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> None:
        """Block until the worker has loaded the graph; raise GraphError if it cannot."""
        if self.ready:
            return
        if not self.conn.poll(timeout):
            raise GraphError("the SPARQL worker did not load the graph in time")
        status, message = self.conn.recv()
        if status != "ready":
            raise GraphError(message)
        self.ready = True

    def kill(self) -> None:
        """Stop the process now."""
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """Warm worker processes, each with the graph loaded; a timed-out worker is killed and replaced."""

    def __init__(self, graph_path: str | Path, size: int = 2, engine: str = "oxigraph") -> None:
        self._ctx = mp.get_context("spawn")
        self._path, self._engine = str(graph_path), engine
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        for _ in range(max(1, size)):
            self._spawn()

    def _spawn(self) -> None:
        """Start a worker and make it available."""
        worker = _Worker(self._ctx, self._path, self._engine)
        with self._lock:
            self._all.append(worker)
        self._idle.put(worker)

    def wait_ready(self) -> None:
        """Block until every worker has loaded the graph."""
        for worker in list(self._all):
            worker.wait_ready(STARTUP_TIMEOUT)

    def run(self, query: str, accept: str, max_rows: int, timeout: float) -> tuple[int, str, bytes, bool]:
        """Answer a query in a worker within `timeout` seconds, else 503."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            return 503, "text/plain; charset=utf-8", b"all query workers are busy; try again", False
        try:
            worker.wait_ready(STARTUP_TIMEOUT)
        except GraphError as exc:
            self._idle.put(worker)
            return 500, "text/plain; charset=utf-8", str(exc).encode("utf-8"), False
        try:
            worker.conn.send((query, accept, max_rows))
            if worker.conn.poll(timeout):
                reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            self._replace(worker)
            return 500, "text/plain; charset=utf-8", b"the query worker died; it has been replaced", False
        self._replace(worker)
        message = f"query exceeded the {timeout:g} s timeout and was stopped"
        return 503, "text/plain; charset=utf-8", message.encode("utf-8"), False

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start a fresh one in its place."""
        worker.kill()
        with self._lock:
            self._all.remove(worker)
        self._spawn()

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.kill()


class _Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol: GET/POST /sparql (query only), the query page at /."""

    server_version = "Seiryoku-SPARQL/0.1"
    pool: WorkerPool
    timeout_s: float
    max_rows: int

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - library code never prints
        """Do not log to stderr."""

    def _send(self, status: int, media: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        """Write a complete response."""
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, message: str) -> None:
        """A plain-text response."""
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        """The query page, or a query in the URL."""
        parts = urlsplit(self.path)
        if parts.path in ("/", "/index.html"):
            page = (STATIC_DIR / "sparql.html").read_bytes()
            self._send(200, "text/html; charset=utf-8", page)
            return
        if parts.path != "/sparql":
            self._text(404, "not found; the endpoint is /sparql")
            return
        self._dispatch(parse_qs(parts.query, keep_blank_values=True))

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        """A query as a form field or as an application/sparql-query body; updates are refused."""
        parts = urlsplit(self.path)
        if parts.path != "/sparql":
            self._text(404, "not found; the endpoint is /sparql")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(parts.query, keep_blank_values=True)
        if media == "application/sparql-update":
            self._text(403, "updates are refused: this endpoint is read-only")
            return
        if media == "application/sparql-query":
            params["query"] = [body]
        elif media == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
        else:
            self._text(415, "send application/sparql-query or application/x-www-form-urlencoded")
            return
        self._dispatch(params)

    def _dispatch(self, params: dict[str, list[str]]) -> None:
        """Check the request's parameters and answer the query."""
        if "update" in params:
            self._text(403, "updates are refused: this endpoint is read-only")
            return
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._text(400, "exactly one non-empty 'query' parameter is required")
            return
        query = queries[0]
        try:
            check_read_only(query)
        except QueryError as exc:
            self._text(400, str(exc))
            return
        accept = self.headers.get("Accept") or "*/*"
        for key in ("format", "output"):
            alias = (params.get(key) or [""])[0].lower()
            if alias in FORMAT_ALIASES:
                accept = FORMAT_ALIASES[alias]
        status, media, body, truncated = self.pool.run(query, accept, self.max_rows, self.timeout_s)
        extra = {"X-Seiryoku-Truncated": f"max_rows={self.max_rows}"} if truncated else None
        if status == 503:
            extra = {"Retry-After": "1"}
        self._send(status, media, body, extra)

    do_HEAD = do_GET


def make_server(
    graph_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = 10.0,
    max_rows: int = 10000,
    workers: int = 2,
    engine: str = "oxigraph",
) -> tuple[ThreadingHTTPServer, WorkerPool]:
    """A bound (not yet serving) endpoint server and its warm worker pool."""
    if not Path(graph_path).is_file():
        raise GraphError(f"graph file not found: {graph_path}")
    pool = WorkerPool(graph_path, size=workers, engine=engine)
    try:
        pool.wait_ready()
        handler = type("Handler", (_Handler,), {"pool": pool, "timeout_s": float(timeout), "max_rows": int(max_rows)})
        server = ThreadingHTTPServer((host, port), handler)
    except BaseException:
        pool.close()
        raise
    server.daemon_threads = True
    return server, pool


def serve(
    graph_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = 10.0,
    max_rows: int = 10000,
    workers: int = 2,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the graph file read-only at http://host:port/sparql until interrupted."""
    server, pool = make_server(graph_path, host, port, timeout, max_rows, workers)
    try:
        if on_ready is not None:
            bound_host, bound_port = server.server_address[:2]
            on_ready(f"http://{bound_host}:{bound_port}/sparql")
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        pool.close()
