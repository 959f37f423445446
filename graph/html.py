"""The offline interactive HTML network (pyvis, everything inlined, no external request)."""

from __future__ import annotations

import html
import json
import math
import os
import re
from collections import defaultdict
from typing import Any, Sequence

import lxml.html
import networkx as nx
from pyvis.network import Network

from graph import _data
from graph._io import atomic_write_text
from graph.layout import layout
from seiryoku.errors import GraphError

MAX_EVIDENCE = 12
MAX_SENTENCE = 400
FONT_FACE = "'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif"
_CSS_URL = re.compile(r"""url\(\s*["']?\s*(?!data:)[^)\s"']+|@import""", re.IGNORECASE)
_CDN_TAG = re.compile(r"""<link\b[^>]*href\s*=\s*["']https?://[^>]*>|<script\b[^>]*src\s*=\s*["']https?://[^>]*>\s*</script>""",
                      re.IGNORECASE | re.DOTALL)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)
_TEMPLATE_COMMENT = re.compile(r"<!--\s*<link[^>]*>\s*<script[^>]*>\s*</script>\s*-->", re.IGNORECASE | re.DOTALL)


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _json_for_script(obj: Any) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def select_top_k(mdg: nx.MultiDiGraph, rows: Sequence[dict[str, Any]], top_k: int | None) -> list[str]:
    """The node ids to draw: all, or the top_k by PageRank (ties by id)."""
    nodes = sorted(mdg.nodes)
    if top_k is None or top_k >= len(nodes):
        return nodes
    if top_k < 0:
        raise GraphError(f"top_k must be positive, got {top_k}")
    pr = {r["id"]: r.get("pagerank") or 0.0 for r in rows}
    return sorted(sorted(nodes, key=lambda n: (-pr.get(n, 0.0), n))[:top_k])


def _node_tooltip(data: dict[str, Any], row: dict[str, Any], text: dict[str, Any], labels: dict[str, str]) -> str:
    st = _data.style()
    parts = [f"<b>{_esc(data.get('label'))}</b>"]
    if data.get("label_en") and data.get("label_en") != data.get("label"):
        parts.append(_esc(data["label_en"]))
    type_ = data.get("type") or "_default"
    parts.append(f"{_esc(text['type'])}: {_esc(st['type_labels_ja'].get(type_, type_))}")
    if data.get("country"):
        parts.append(f"{_esc(text['country'])}: {_esc(labels.get(data['country'], data['country']))}")
    parts.append(f"id: {_esc(data.get('id'))}")
    if row:
        parts.append(f"PageRank: {_esc(row.get('pagerank'))} / community: {_esc(row.get('community'))}")
    aliases = [a for a in data.get("aliases") or [] if a != data.get("label")]
    if aliases:
        parts.append(_esc(", ".join(aliases)))
    return "<br>".join(parts)


def _edge_tooltip(predicate: str, modality: str, evidence: list[dict[str, Any]], text: dict[str, Any],
                  u_label: str, v_label: str) -> str:
    pred = text["predicates"].get(predicate, predicate)
    head = (f"<b>{_esc(u_label)} → {_esc(v_label)}</b><br>{_esc(pred)} ({_esc(predicate)}) · "
            f"{_esc(text['modality'].get(modality, modality))}")
    items = []
    for ev in evidence[:MAX_EVIDENCE]:
        sentence = str(ev.get("sentence") or "")
        if len(sentence) > MAX_SENTENCE:
            sentence = sentence[:MAX_SENTENCE] + "…"
        meta = " · ".join(_esc(x) for x in (ev.get("doc"), ev.get("date"), ev.get("modality")) if x)
        items.append(f"<div class=\"sy-ev\"><span class=\"sy-doc\">{meta}</span><br>{_esc(sentence)}</div>")
    if len(evidence) > MAX_EVIDENCE:
        items.append(f"<div class=\"sy-ev\">{_esc(text['more_evidence'].format(n=len(evidence) - MAX_EVIDENCE))}</div>")
    return head + "".join(items)


def _visible_edges(mdg: nx.MultiDiGraph, keep: set[str]) -> dict[tuple[str, str, str, bool], list[dict[str, Any]]]:
    """Non-negated assertions between kept nodes, grouped by (u, v, predicate, dashed)."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for u, v, key, data in sorted(mdg.edges(keys=True, data=True), key=lambda e: e[2]):
        if u in keep and v in keep and not data.get("negated") and not data.get("rejected"):
            groups[(u, v, data["predicate"])].append(dict(data, key=key))
    out = {}
    for (u, v, p), evs in sorted(groups.items()):
        dashed = all(e.get("modality", "actual") != "actual" for e in evs)
        evs.sort(key=lambda e: (e.get("modality") != "actual", str(e.get("doc")), e.get("start") or 0, e["key"]))
        out[(u, v, p, dashed)] = evs
    return out


def _options(physics: bool) -> dict[str, Any]:
    return {
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": True, "iterations": 200, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "multiselect": True},
        "nodes": {"shape": "dot", "font": {"face": FONT_FACE, "size": 14}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "font": {"face": FONT_FACE}},
        "layout": {"randomSeed": 0, "improvedLayout": False},
    }


def build_network(mdg: nx.MultiDiGraph, rows: Sequence[dict[str, Any]], top_k: int | None = None,
                  physics_threshold: int = 1500) -> tuple[Network, dict[str, Any]]:
    """The pyvis Network and the UI configuration (filters, legend, texts) for the HTML view."""
    st, text, fam = _data.style(), _data.load_json("html_text.json"), _data.families()
    by_id = {r["id"]: r for r in rows}
    keep = select_top_k(mdg, rows, top_k)
    keep_set = set(keep)
    edges = _visible_edges(mdg, keep_set)
    sub = nx.Graph()
    sub.add_nodes_from(keep)
    sub.add_edges_from((u, v) for u, v, _, _ in edges)
    lay = st["layout"]
    pos = layout(sub, scale=lay["scale"], seed=lay["seed"], iterations=lay["iterations"])
    labels = {n: str(d.get("label") or n) for n, d in mdg.nodes(data=True)}
    canvas = st["canvas"]
    net = Network(height=canvas["height"], width=canvas["width"], directed=True, bgcolor=canvas["bgcolor"],
                  font_color=canvas["font_color"], cdn_resources="in_line", heading="")
    physics = len(keep) <= physics_threshold
    net.options = _options(physics)
    pr_max = max([by_id.get(n, {}).get("pagerank") or 0.0 for n in keep] + [0.0])
    size = st["node_size"]
    for n in keep:
        data, row = mdg.nodes[n], by_id.get(n, {})
        pr = row.get("pagerank") or 0.0
        scaled = math.sqrt(pr / pr_max) if pr_max > 0 else 0.0
        type_ = data.get("type") or "_default"
        x, y = pos.get(n, (0.0, 0.0))
        net.add_node(n, label=str(data.get("label_ja") or data.get("label_en") or n),
                     color=st["type_colors"].get(type_, st["type_colors"]["_default"]),
                     size=round(size["min"] + (size["max"] - size["min"]) * scaled, 2), x=x, y=y,
                     tooltip=_node_tooltip(data, row, text, labels), actor_type=data.get("type") or "",
                     country=data.get("country") or "", label_en=data.get("label_en") or "",
                     aliases=list(data.get("aliases") or []), physics=physics)
    pair_index: dict[frozenset, int] = defaultdict(int)
    width = st["edge_width"]
    for (u, v, p, dashed), evs in edges.items():
        family = _data.family_of(p)
        docs = len({e.get("doc") for e in evs})
        spec = fam["predicates"].get(p, {})
        pair = frozenset((u, v))
        i = pair_index[pair]
        pair_index[pair] += 1
        smooth = {"enabled": True, "type": "curvedCW", "roundness": round(0.15 * i, 2)} if i else {"enabled": False}
        net.add_edge(u, v, id=f"{u}|{p}|{v}|{'planned' if dashed else 'actual'}",
                     color=st["family_colors"].get(family, st["family_colors"]["other"]),
                     width=round(min(width["max"], width["min"] + math.log2(docs)), 2),
                     dashes=dashed, arrows="to, from" if spec.get("symmetric") else "to", smooth=smooth,
                     predicate=p, family=family,
                     tooltip=_edge_tooltip(p, evs[0].get("modality", "actual"), evs, text, labels[u], labels[v]))
    return net, _ui_config(mdg, keep, edges, labels, text)


def _ui_config(mdg: nx.MultiDiGraph, keep: list[str], edges: dict, labels: dict[str, str],
               text: dict[str, Any]) -> dict[str, Any]:
    st = _data.style()
    types = sorted({mdg.nodes[n].get("type") or "" for n in keep} - {""})
    countries = sorted({mdg.nodes[n].get("country") or "" for n in keep} - {""})
    predicates = sorted({p for _, _, p, _ in edges})
    fam_order = _data.family_names()
    return {
        "text": {k: text[k] for k in ("matches", "types", "families", "planned")},
        "filters": {
            "types": [[t, st["type_labels_ja"].get(t, t)] for t in types],
            "countries": [[c, labels.get(c, c)] for c in countries],
            "predicates": [[p, f"{text['predicates'].get(p, p)} ({p})"] for p in predicates],
        },
        "legend": {
            "types": [[st["type_labels_ja"].get(t, t), st["type_colors"].get(t, st["type_colors"]["_default"])]
                      for t in types],
            "families": [[st["family_labels_ja"][f], st["family_colors"][f]] for f in fam_order],
        },
    }


def render_html(mdg: nx.MultiDiGraph, rows: Sequence[dict[str, Any]], top_k: int | None = None,
                physics_threshold: int = 1500) -> str:
    """The complete self-contained HTML document of the network view."""
    net, config = build_network(mdg, rows, top_k, physics_threshold)
    page = net.generate_html()
    page = _CDN_TAG.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = _TEMPLATE_COMMENT.sub("", page)
    text = _data.load_json("html_text.json")
    panel = _data.load_static("panel.html")
    for key in ("search", "type", "country", "predicate", "all", "reset"):
        panel = panel.replace(f"__{key.upper()}__", _esc(text[key]))
    head = (f"<title>{_esc(text['title'])}</title>\n<meta name=\"viewport\" content=\"width=device-width\">\n"
            f"<style>{_data.load_static('seiryoku.css')}</style>\n")
    page = page.replace("<head>", "<head>\n" + head, 1)
    page = page.replace("<html>", "<!DOCTYPE html>\n<html lang=\"ja\">", 1)
    page = re.sub(r"<body>", lambda _: "<body>\n" + panel, page, count=1)
    tail = (f"<script type=\"application/json\" id=\"sy-config\">{_json_for_script(config)}</script>\n"
            f"<script>{_data.load_static('seiryoku.js')}</script>\n</body>")
    idx = page.rfind("</body>")
    page = page[:idx] + tail + page[idx + len("</body>"):]
    external = external_references(page)
    if external:
        raise GraphError(f"HTML output still references external resources: {external[:3]}")
    return page


def external_references(page: str) -> list[str]:
    """Every src/href attribute or CSS url() of an HTML page that would make a request (data: and # excepted)."""
    doc = lxml.html.document_fromstring(page)
    found = []
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("src", "href", "srcset", "poster", "data"):
            value = (el.get(attr) or "").strip()
            if value and not value.startswith(("data:", "#", "javascript:void")):
                found.append(f"<{el.tag} {attr}={value[:80]}>")
        if el.tag == "style" or el.get("style"):
            css = (el.text or "") if el.tag == "style" else el.get("style")
            found.extend(m.group(0)[:80] for m in _CSS_URL.finditer(css))
    return found


def write_html(mdg: nx.MultiDiGraph, rows: Sequence[dict[str, Any]], path: str | os.PathLike[str],
               top_k: int | None = None, physics_threshold: int = 1500) -> None:
    """Write the offline interactive network (colour by type, size by PageRank, evidence tooltips) to path."""
    atomic_write_text(path, render_html(mdg, rows, top_k, physics_threshold))
