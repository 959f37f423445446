"""Ranges of a normalized text that extraction must not read: page furniture, web boilerplate, notes, repeats.

Every cue word and pattern lives in lexicon/boilerplate.json. Three kinds of evidence are combined:

- line rules: a line that is by itself navigation, a breadcrumb, a share/comment widget, an ad, a byline,
  copyright/footer, a contact line, a page number or running header, a TOC leader line, a rule line, a
  footnote (superscript label) or mostly URLs;
- cue blocks: a short heading line naming a block (関連記事, ランキング, 参考文献, 目次, お問い合わせ先, 著者紹介),
  together with the lines after it that look like that block's content (short lines without 。 and list
  items for headline lists; notes, citations and URLs for references), stopping at the first line of prose;
- document rules: short lines repeated three or more times (running headers), footnote-numbered lines next to
  other notes, and a paragraph that repeats an earlier one verbatim (the later copy).

Neighbouring excluded lines (blank lines between them included) merge into one [start, end) range.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.normalize import is_heading, is_list_item
from seiryoku.errors import ConfigError

LEXICON_PATH = Path(__file__).parent / "lexicon" / "boilerplate.json"
_STRIP_CUE = re.compile(r"[\s　\[\]【】「」『』()（）<>＜＞:：・\-•*#＃|｜/／0-9.．]")
_TOKEN_SPLIT = re.compile(r"[\s　｜|]+")
_LATIN = re.compile(r"[A-Za-z]")
_JA = re.compile(r"[\u3041-\u30ff\u3400-\u9fff]")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The boilerplate cue data (lexicon/boilerplate.json), loaded once."""
    try:
        return json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{LEXICON_PATH}: cannot read the boilerplate lexicon: {exc}") from exc


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The lexicon's line patterns, compiled, plus patterns built from its cue lists."""
    lex = lexicon()
    pats = {name: re.compile(rx) for name, rx in lex["line_patterns"].items()}
    contact = "|".join(map(re.escape, lex["line_cues"]["contact"]))
    pats["contact_label"] = re.compile(rf"^(?:{contact})\s*[:：]")
    seps = re.escape(lex["nav_separators"])
    pats["nav_split"] = re.compile(rf"\s*[{seps}]\s*")
    return pats


def _cue_kind(s: str) -> str | None:
    """The block kind a short heading line announces (related, share, references, contact, toc), or None."""
    lex = lexicon()
    if "。" in s or len(s) > lex["cue_heading_max_chars"]:
        return None
    core = _STRIP_CUE.sub("", s)
    if not core:
        return None
    extra = lex["cue_heading_max_extra_chars"]
    for kind in sorted(lex["block_cues"]):
        for cue in lex["block_cues"][kind]:
            if core == cue:
                return kind
            if len(cue) >= 3 and (core.startswith(cue) or core.endswith(cue)) and len(core) - len(cue) <= extra:
                return kind
            if len(cue) >= 5 and cue in core:
                return kind
    return None


def _url_share(s: str) -> float:
    """The share of a line's non-space characters that belong to URLs."""
    chars = len(re.sub(r"\s", "", s))
    if not chars:
        return 0.0
    return sum(len(m.group()) for m in _patterns()["url"].finditer(s)) / chars


def _is_nav(s: str) -> bool:
    """Whether a line is a navigation bar, breadcrumb or footer link list."""
    lex = lexicon()
    if "。" in s or len(s) > lex["nav_max_chars"]:
        return False
    tokens = [t for t in _patterns()["nav_split"].split(s) if t]
    if len(tokens) >= lex["nav_min_tokens"] and all(len(t) <= lex["nav_token_max_chars"] for t in tokens):
        return True
    if len(tokens) >= 2 and tokens[0] in lex["breadcrumb_roots"]:
        return True
    if any(cue in s for cue in lex["line_cues"]["nav"]):
        return True
    return sum(cue in s for cue in lex["line_cues"]["footer"]) >= lex["footer_min_cues"]


def _is_share(s: str) -> bool:
    """Whether a line is a share, bookmark or comment widget."""
    lex = lexicon()
    if "。" in s or len(s) > lex["share_max_chars"]:
        return False
    cues = lex["line_cues"]["share"]
    if len(s) <= 20 and any(c in s for c in cues):
        return True
    tokens = [t for t in _TOKEN_SPLIT.split(s) if t]
    names = set(lex["share_tokens"])
    return len(tokens) >= 2 and all(t in names or any(c in t for c in cues) for t in tokens)


def _line_reason(s: str) -> str | None:
    """Why one line is boilerplate on its own, or None."""
    lex, pats = lexicon(), _patterns()
    if pats["rule"].match(s):
        return "rule"
    if pats["strong_note_marker"].match(s):
        return "note"
    if pats["page_number"].match(s) or pats["toc_leader"].search(s):
        return "page"
    short = "。" not in s
    if short and len(s) <= lex["running_header_max_chars"] * 2 and pats["running_header"].search(s):
        return "page"
    if pats["copyright"].search(s) and len(s) <= 160:
        return "copyright"
    if _url_share(s) >= lex["url_share"] or pats["email"].match(s):
        return "url"
    if short and (_is_nav(s) or _is_share(s)):
        return "nav"
    if pats["shortcode"].match(s):
        return "nav"
    if pats["ad"].match(s) and len(s) <= lex["nav_max_chars"]:
        return "ad"
    if pats["byline"].search(s) and len(s) <= 40:
        return "byline"
    if len(s) <= lex["contact_max_chars"] and (pats["contact_number"].search(s) or pats["contact_label"].match(s)):
        return "contact"
    return None


def _is_citation(s: str) -> bool:
    """Whether a line reads like a reference entry (URL, 『title』, Ibid., Latin bibliography)."""
    if _patterns()["citation"].search(s):
        return True
    latin, ja = len(_LATIN.findall(s)), len(_JA.findall(s))
    return latin > 2 * ja and latin >= 8


def _continues_block(kind: str, s: str) -> bool:
    """Whether a non-blank line belongs to the block a cue heading of this kind opened."""
    lex, pats = lexicon(), _patterns()
    if len(s) > lex["block_max_line_chars"][kind]:
        return False
    if _cue_kind(s) is not None or _line_reason(s) is not None:
        return True
    if kind == "references":
        return bool(pats["note_marker"].match(s)) or _is_citation(s) or ("。" not in s and len(s) <= 40)
    if kind == "toc":
        return is_list_item(s) or is_heading(s)
    if kind == "authors":
        return not is_heading(s)
    return "。" not in s or is_list_item(s)


def _mark_blocks(lines: list[str], reason: list[str | None]) -> None:
    """Mark cue headings and the block each one opens (a rule line opens a references block)."""
    n = len(lines)
    i = 0
    while i < n:
        s = lines[i]
        kind = _cue_kind(s) if s else None
        if kind is None and s and reason[i] == "rule":
            kind = "references"
        if kind == "authors" and (is_list_item(s) or i < n * lexicon()["authors_min_position"]):
            kind = None  # a TOC entry, or not end matter
        if kind is None:
            i += 1
            continue
        reason[i] = reason[i] or kind
        if kind == "toc":
            k = i - 1
            while k >= 0 and lines[k] and is_list_item(lines[k]):
                reason[k] = reason[k] or kind
                k -= 1
        j = i + 1
        last = i
        while j < n and (not lines[j] or _continues_block(kind, lines[j])):
            if lines[j]:
                reason[j] = reason[j] or kind
                last = j
            j += 1
        i = last + 1


def _mark_repeats(lines: list[str], reason: list[str | None]) -> None:
    """Mark running headers (short lines repeated, digits ignored) and verbatim repeats of earlier paragraphs."""
    lex = lexicon()
    masked = [re.sub(r"\d+", "#", s) if s and "。" not in s and len(s) <= lex["running_header_max_chars"] else None
              for s in lines]
    counts = Counter(m for m in masked if m)
    seen: set[str] = set()
    for i, s in enumerate(lines):
        if not s:
            continue
        if masked[i] and counts[masked[i]] >= lex["running_header_min_repeats"]:
            reason[i] = reason[i] or "running"
        if len(s) >= lex["duplicate_min_chars"]:
            if s in seen:
                reason[i] = reason[i] or "duplicate"
            seen.add(s)


def _mark_notes(lines: list[str], reason: list[str | None]) -> None:
    """Mark footnote-numbered lines and citations that sit next to already excluded notes or URLs."""
    pats = _patterns()
    notes = {"note", "url", "references"}
    candidates = [i for i, s in enumerate(lines) if s and reason[i] is None
                  and (pats["note_marker"].match(s) or (_is_citation(s) and "。" not in s[:-1]))]
    nonblank = [i for i, s in enumerate(lines) if s]
    pos = {i: k for k, i in enumerate(nonblank)}
    changed = True
    while changed:
        changed = False
        for i in candidates:
            if reason[i] is not None:
                continue
            k = pos[i]
            near = [nonblank[k - 1]] if k > 0 else []
            near += [nonblank[k + 1]] if k + 1 < len(nonblank) else []
            if any(reason[j] in notes for j in near):
                reason[i] = "note"
                changed = True


def excluded_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """The sorted, merged [start, end) ranges of a normalized text that extraction must not read."""
    raw_lines = text.split("\n")
    lines = [line.strip() for line in raw_lines]
    reason: list[str | None] = [_line_reason(s) if s else None for s in lines]
    _mark_blocks(lines, reason)
    _mark_repeats(lines, reason)
    _mark_notes(lines, reason)
    ranges: list[tuple[int, int]] = []
    pos = 0
    open_start = open_end = -1
    for line, why in zip(raw_lines, reason):
        start, end = pos, pos + len(line)
        pos = end + 1
        if why is not None:
            if open_start < 0:
                open_start = start
            open_end = end
        elif line.strip():
            if open_start >= 0:
                ranges.append((open_start, open_end))
            open_start = -1
    if open_start >= 0:
        ranges.append((open_start, open_end))
    return tuple(ranges)
