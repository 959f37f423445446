"""GraphML and spreadsheet CSV exports of the assertion graph with per-actor metrics.

CSV files are UTF-8 with a byte-order mark (utf-8-sig): Excel then opens Japanese text correctly, and
Python (encoding="utf-8-sig"), pandas and LibreOffice read them as plain UTF-8. Null values are empty cells.
"""

from __future__ import annotations

import csv
import io
import json
import os
from typing import Any, Sequence

import networkx as nx

from graph._io import atomic_open, atomic_write_bytes
from graph.metrics import metric_columns

EDGE_COLUMNS = ("relation_id", "source", "target", "source_label", "target_label", "predicate", "family",
                "modality", "negated", "date", "date_precision", "confidence", "doc", "trigger", "start", "end",
                "sentence")


def _scalar(value: Any) -> Any:
    """A GraphML-storable value: str/int/float/bool kept, lists joined by '|', dicts as JSON, None dropped."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return "|".join(str(v) for v in (sorted(value) if isinstance(value, (set, frozenset)) else value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {k: _scalar(v) for k, v in sorted(data.items()) if _scalar(v) is not None}


def graphml_graph(mdg: nx.MultiDiGraph, rows: Sequence[dict[str, Any]]) -> nx.MultiDiGraph:
    """A copy of the assertion graph with metrics on the nodes and only GraphML-storable attributes."""
    by_id = {r["id"]: r for r in rows}
    out = nx.MultiDiGraph()
    for n in sorted(mdg.nodes):
        data = dict(mdg.nodes[n])
        data.update({k: v for k, v in by_id.get(n, {}).items()})
        data.pop("id", None)
        out.add_node(n, **_clean(data))
    for u, v, key, data in sorted(mdg.edges(keys=True, data=True), key=lambda e: e[2]):
        out.add_edge(u, v, key=key, **_clean(data))
    return out


def write_graphml(mdg: nx.MultiDiGraph, rows: Sequence[dict[str, Any]], path: str | os.PathLike[str]) -> None:
    """Write GraphML (one edge per assertion, id = relation id; metrics as node data), readable by nx.read_graphml."""
    buf = io.BytesIO()
    nx.write_graphml(graphml_graph(mdg, rows), buf, encoding="utf-8", prettyprint=True)
    atomic_write_bytes(path, buf.getvalue())


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "|".join(str(v) for v in value)
    return value


def write_csv(mdg: nx.MultiDiGraph, rows: Sequence[dict[str, Any]], nodes_path: str | os.PathLike[str],
              edges_path: str | os.PathLike[str]) -> None:
    """Write a nodes table (metrics columns, label, aliases) and an edges table (one row per assertion)."""
    by_id = {r["id"]: r for r in rows}
    node_columns = [*metric_columns(), "label", "aliases"]
    with atomic_open(nodes_path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=node_columns, lineterminator="\n")
        writer.writeheader()
        for n in sorted(mdg.nodes):
            data = mdg.nodes[n]
            row = {c: data.get(c) for c in node_columns}
            row.update(by_id.get(n, {}))
            row["id"] = n
            writer.writerow({c: _cell(row.get(c)) for c in node_columns})
    with atomic_open(edges_path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(EDGE_COLUMNS), lineterminator="\n")
        writer.writeheader()
        for u, v, key, data in sorted(mdg.edges(keys=True, data=True), key=lambda e: e[2]):
            row = dict(data, relation_id=key, source=u, target=v,
                       source_label=mdg.nodes[u].get("label"), target_label=mdg.nodes[v].get("label"))
            writer.writerow({c: _cell(row.get(c)) for c in EDGE_COLUMNS})
