"""Document metadata read from the text itself: title, dateline date, and whether the text is Japanese.

The date comes only from a dateline or release date among the first lines (never from the file's mtime):
2025年10月25日, 2025/10/25, 2025-10-25, 2025.10.25, 令和6年2月2日 (Reiwa, Heisei, Showa; 元年 is year 1),
2024年4月 and 2025年10月号 (month precision), or a line that is only 2025年 (year precision).
"""

from __future__ import annotations

import datetime
import re
import unicodedata

ERA_OFFSETS: dict[str, int] = {"令和": 2018, "平成": 1988, "昭和": 1925}
DATE_SCAN_LINES = 8
DATELINE_MAX_CHARS = 60

_NUM = r"(\d{1,2})"
_ERA = r"(令和|平成|昭和)\s*(元|\d{1,2})\s*年"
_DATE_RES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"{_ERA}\s*{_NUM}\s*月\s*(?:{_NUM}\s*日)?"),
    re.compile(rf"((?:19|20)\d\d)\s*年\s*{_NUM}\s*月\s*(?:{_NUM}\s*日)?"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)"),
    re.compile(r"^\s*((?:19|20)\d\d)\s*年\s*$"),
)
_KANA_RE = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u31f0-\u31ff\uff66-\uff9d]")
_KANJI_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆]")


def _iso(year: int, month: int | None, day: int | None) -> tuple[str | None, str | None]:
    """The ISO string and precision of a date, or (None, None) when it does not exist."""
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return None, None
    if month is None:
        return f"{year:04d}", "year"
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def find_date(line: str) -> tuple[tuple[str | None, str | None], int] | None:
    """The first date written in one line, as ((ISO, precision), start offset in the NFKC line), or None."""
    s = unicodedata.normalize("NFKC", line)
    best: tuple[tuple[str | None, str | None], int] | None = None
    for i, rx in enumerate(_DATE_RES):
        m = rx.search(s)
        if not m:
            continue
        if i == 0:
            year = ERA_OFFSETS[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))
            found = _iso(year, int(m.group(3)), int(m.group(4)) if m.group(4) else None)
        elif i == 1:
            found = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
        elif i == 2:
            found = _iso(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        else:
            found = _iso(int(m.group(1)), None, None)
        if found[0] is not None and (best is None or m.start() < best[1]):
            best = (found, m.start())
    return best


def is_dateline(line: str) -> bool:
    """Whether a line is a dateline: short, holding a date that opens it or standing outside prose (no 、。)."""
    s = line.strip()
    if not 0 < len(s) <= DATELINE_MAX_CHARS:
        return False
    found = find_date(s)
    if found is None:
        return False
    prefix = unicodedata.normalize("NFKC", s)[: found[1]]
    return ("。" not in s and "、" not in s) or not prefix or prefix[-1] in ":：】)） \u3000"


def document_date(text: str) -> tuple[str | None, str | None]:
    """The (ISO date, precision) of the dateline or release date among the first lines, or (None, None)."""
    seen = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        seen += 1
        if seen > DATE_SCAN_LINES:
            break
        if is_dateline(line):
            found = find_date(line)
            if found is not None:
                return found[0]
    return None, None


def document_title(text: str) -> str | None:
    """The first meaningful line: not boilerplate, not a dateline or release label, holding Japanese."""
    from extract.boilerplate import excluded_ranges, lexicon

    labels = set(lexicon()["title_skip_labels"])
    excluded = excluded_ranges(text)
    pos = 0
    blocks_seen = 0
    skip_block = False
    prev_blank = True
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        s = line.strip()
        if not s:
            prev_blank = True
            skip_block = False
            continue
        if prev_blank:
            blocks_seen += 1
            prev_blank = False
        if s in labels and blocks_seen == 1:
            skip_block = True  # a press-release header block: label, date, issuer
            continue
        if skip_block or (is_dateline(s) and _date_only(s)):
            continue
        if any(a <= start and end <= b for a, b in excluded):
            continue
        if len(s) < 2 or not (_KANA_RE.search(s) or _KANJI_RE.search(s)):
            continue
        return s
    return None


def _date_only(line: str) -> bool:
    """Whether a dateline holds little besides its date (so it is not a title)."""
    found = find_date(line)
    if found is None:
        return False
    return len(line) <= 40 or found[1] <= 2


def is_japanese(text: str) -> bool:
    """Whether a text is Japanese: kana and kanji make up a good share of its letters, and kana occur."""
    letters = sum(1 for ch in text if ch.isalpha())
    kana = len(_KANA_RE.findall(text))
    kanji = len(_KANJI_RE.findall(text))
    jp = kana + kanji
    if letters == 0 or jp == 0 or kana == 0:
        return False
    if jp / letters < 0.3:
        return False
    return jp < 40 or kana / jp >= 0.05
