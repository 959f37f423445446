"""The stored text of a document: raw text made uniform and repaired, idempotently and without raising.

Rules, in the order they apply:

1. Characters. NFC composition; newlines (CRLF, CR, U+2028/2029, VT, FF) become LF; control and zero-width
   characters are dropped; tabs and odd spaces (NBSP, thin spaces...) become an ASCII space. The ideographic
   space U+3000 is kept: Japanese layout uses it on purpose (headline phrase breaks, paragraph indents).
2. Width. Full-width ASCII letters and digits (and ％＃＄＆＠＋＝) become half-width, full-width ．，between digits
   become . and ,; half-width katakana and its punctuation become full-width. Japanese punctuation
   (、。「」（）！？：) and superscripts are kept as written (10²⁵ must not turn into 1025).
3. Spaces. Runs of ASCII spaces shrink to one; lines lose trailing spaces and leading ASCII spaces. A space
   between two Japanese characters (kana, kanji, Japanese punctuation) is a PDF or layout artifact and is
   removed (経済 産業省 -> 経済産業省). Japanese–Latin boundaries follow one rule: a space between Japanese and
   a Latin letter or digit is removed in either direction (生成 AI -> 生成AI, 2025 年 -> 2025年, Microsoft は ->
   Microsoftは), as Japanese news text writes them; the one exception is a space before a time of day
   (7日 11:05), and the space after a line-opening number label (12 松田…, 1) 経済…) is kept.
   Spaces between Latin words are kept (Microsoft Azure).
4. Footnote markers. Superscript digits are removed unless they open a line (a footnote's own label), follow a
   digit (10²⁵) or end a short unit (m², km³). ASCII digits glued to a footnote position are removed: after 」』）)
   or 。 (before 。、」』）) or the line end), after a kanji (before 。、」』）)), after hiragana (before 。 or the line end). Numbers
   are kept when followed by a counter (2025年, 15億ドル), glued to Latin (H100, G42), or preceded by a numbering
   noun from lexicon/boilerplate.json (資料2, 第3, 3分の1, 令和6). Inline [3], （注1）, ※1 and *1 refs go too.
5. Lines. Blank-line runs shrink to one blank line (a paragraph break). A line broken mid-sentence is joined to
   the next: the first line does not end in sentence-final punctuation, is not the first line of the text, not
   short, not a heading or dateline; the next is not a heading, list item, note, URL, dateline, bracketed label
   or indented paragraph. Across one blank line (PDF paragraph splits) the join also needs a Japanese character
   on both sides and a long or 。-bearing continuation. Latin–Latin joins keep one space; others join directly.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extract.docmeta import is_dateline

JA_LETTERS = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆〇ヶ"
JA_PUNCT = "、。，．・：；？！「」『』（）［］｛｝〈〉《》【】〔〕‥…〜"
KANA = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"
HIRAGANA = "\u3041-\u3096\u309d-\u309f"
KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆〇ヶ"
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SENTENCE_FINAL = "。．！？!?"
CLOSING = "」』）)】］]〉》>＞"
MAX_ROUNDS = 6

_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
_DROP = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\u200b-\u200d\u2060\ufeff\u00ad\ud800-\udfff]")
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f]")
_HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f]+")
_FOLD = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
_FOLD.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
_FOLD.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
_FOLD.update({ord(c): ord(c) - 0xFEE0 for c in "％＃＄＆＠＋＝"})
_DIGIT_SEP = re.compile(r"(?<=[0-9])[．，](?=[0-9])")
_SPACES = re.compile(r" {2,}")
_J = f"[{JA_LETTERS}{JA_PUNCT}]"
_J_SPACE_J = re.compile(f"(?<={_J}) +(?={_J})")
_J_SPACE_L = re.compile(rf"(?<={_J}) +(?=[A-Za-z0-9(\[])(?!\d{{1,2}}:\d\d)")
_L_SPACE_J = re.compile(rf"(?<=[A-Za-z0-9)\]%]) +(?={_J})")
_SUPER_RUN = re.compile(f"[{SUPERSCRIPTS}]+")
_LINE_LABEL = re.compile(r"^(?:[-・•]\s*)?$")
_UNIT = re.compile(r"(?:^|[^A-Za-z])[A-Za-z]{1,2}$")
_GLUED_DIGITS = re.compile(r"(?<![0-9A-Za-z.,_/\-])\d{1,3}(?=[。、」』）)]|$)", re.M)
_BRACKET_REF = re.compile(rf"(?<=[{JA_LETTERS}{re.escape(CLOSING)}。])(?:\[\d{{1,3}}\]|[（(]注\d{{1,3}}[）)]|※\d{{1,3}}|\*\d{{1,3}})")
_HEADING = re.compile(
    r"^(?:第[0-9〇一二三四五六七八九十百]+[章節部編款]|[0-9]+(?:[.．][0-9]+)*[.．、]?[\s　]|[0-9]+[.．、](?![0-9])"
    r"|[（(][0-9一二三四五六七八九十]+[）)]|[①-⑳]|[IVX]+[.．]\s|[■□◆◇●○▼▽▲△★☆◎]|【[^】]*】\s*$)"
)
_LIST_ITEM = re.compile(
    r"^(?:[-‐–—*]\s|[・•●○◆◇■□▪▶►※＊]|\d{1,3}[.)．）](?![0-9])|[（(]\d{1,3}[）)]|[①-⑳]|[a-zA-Z][.)]\s|\d{1,3}[ 　])"
)
_NOTE_START = re.compile(rf"^(?:[-・•]\s*)?[{SUPERSCRIPTS}]|^(?:https?://|www\.)")
_LAYOUT = re.compile(r"[\u3000｜|]")  # phrase breaks and separators: headlines, widgets, navigation
_LABEL = re.compile(rf"^(?:[-・•*] ?)?(?:\d{{1,3}}[.)．）]?|[{SUPERSCRIPTS}]+|[（(]\d{{1,3}}[）)]) (?=\S)")
_OPENERS = "【（(［[〈《<■◆●○「『"


@lru_cache(maxsize=1)
def _numbering_nouns() -> tuple[str, ...]:
    """Words after which a number is a label, not a footnote marker (from the boilerplate lexicon)."""
    from extract.boilerplate import lexicon

    return tuple(sorted(lexicon()["footnote"]["numbering_nouns"], key=len, reverse=True))


def _is_ja_letter(ch: str) -> bool:
    """Whether a character is kana or kanji."""
    return bool(ch) and re.match(f"[{JA_LETTERS}]", ch) is not None


def _chars(text: str) -> str:
    """Rules 1 and 2: newline, control-character and width normalization."""
    text = unicodedata.normalize("NFC", text)
    text = _NEWLINES.sub("\n", text)
    text = _DROP.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    text = text.translate(_FOLD)
    text = _DIGIT_SEP.sub(lambda m: "." if m.group() == "．" else ",", text)
    return _HALFWIDTH_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _spaces(line: str) -> str:
    """Rule 3 on one line (the space after a line-opening number label such as "12 " or "1) " is kept)."""
    line = _SPACES.sub(" ", line).rstrip().lstrip(" ")
    label = _LABEL.match(line)
    if label:
        return label.group() + _spaces(line[label.end() :])
    line = _J_SPACE_J.sub("", line)
    line = _J_SPACE_L.sub("", line)
    return _L_SPACE_J.sub("", line)


def _drop_superscript(m: re.Match[str]) -> str:
    """Keep a superscript run that labels a footnote line, an exponent or a unit power; drop a marker."""
    before = m.string[: m.start()]
    line_before = before[before.rfind("\n") + 1 :]
    if _LINE_LABEL.match(line_before):
        return m.group()
    if line_before and line_before[-1].isdigit():
        return m.group()
    if set(m.group()) <= set("²³") and _UNIT.search(line_before):
        return m.group()
    return ""


def _drop_glued(m: re.Match[str]) -> str:
    """Drop ASCII digits in a footnote-marker position; keep numbers that label or count something."""
    line_before = m.string[: m.start()]
    line_before = line_before[line_before.rfind("\n") + 1 :]
    if not line_before:
        return m.group()
    prev = line_before[-1]
    after = m.string[m.end() : m.end() + 1]
    if any(line_before.endswith(noun) for noun in _numbering_nouns()) or prev == "の":
        return m.group()
    at_end = after in ("", "\n")
    if prev in "」』）)。":
        return ""
    if re.match(f"[{KANJI}]", prev) and not at_end:
        return ""
    if re.match(f"[{HIRAGANA}]", prev) and (after == "。" or at_end):
        return ""
    return m.group()


def _footnotes(line: str) -> str:
    """Rule 4 on one line."""
    line = _SUPER_RUN.sub(_drop_superscript, line)
    line = _BRACKET_REF.sub("", line)
    return _GLUED_DIGITS.sub(_drop_glued, line)


def is_heading(line: str) -> bool:
    """Whether a line looks like a numbered or marked heading (1．, 3.2, 第2章, （1）, ■, 【...】)."""
    return _HEADING.match(line.strip()) is not None


def is_list_item(line: str) -> bool:
    """Whether a line starts like a list item (bullet, number and dot or space, circled number)."""
    return _LIST_ITEM.match(line.lstrip(" ")) is not None


def _can_join(a: str, b: str, across_blank: bool) -> bool:
    """Whether line b continues the sentence that line a breaks off."""
    if not a or not b or b[0] == "\u3000":
        return False
    last, first = a[-1], b[0]
    if last in SENTENCE_FINAL or last in "：:" or (last in CLOSING and not re.match(f"[{KANA}]", first)):
        return False
    if len(a) < (40 if across_blank else 20) or is_heading(a) or is_dateline(a) or _LAYOUT.search(a[1:]):
        return False
    if is_heading(b) or is_list_item(b) or _NOTE_START.match(b) or first in _OPENERS or is_dateline(b):
        return False
    if across_blank:
        latin_after_kana = first.isascii() and first.isalnum() and re.match(f"[{KANA}]", last) is not None
        if not (_is_ja_letter(last) or last in "、，") or not (_is_ja_letter(first) or latin_after_kana):
            return False
        return "。" in b or len(b) >= 40
    return True


def _join(lines: list[str]) -> list[str]:
    """Rule 5: join lines broken mid-sentence, keeping one blank line between paragraphs."""
    out: list[str] = []
    first = -1
    for line in lines:
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        if first >= 0 and out and out[-1] and len(out) - 1 != first and _can_join(out[-1], line, False):
            out[-1] = _glue(out[-1], line)
        elif len(out) >= 2 and not out[-1] and len(out) - 2 != first and _can_join(out[-2], line, True):
            out.pop()
            out[-1] = _glue(out[-1], line)
        else:
            out.append(line)
            if first < 0:
                first = len(out) - 1
    while out and not out[-1]:
        out.pop()
    return out


def _glue(a: str, b: str) -> str:
    """Join two line pieces: one space between Latin letters or digits, nothing otherwise."""
    if a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b


def _once(text: str) -> str:
    """One pass of every rule."""
    lines = [_spaces(_footnotes(_spaces(line))) for line in _chars(text).split("\n")]
    return "\n".join(_spaces(line) for line in _join(lines))


def normalize_text(text: str) -> str:
    """The stored, normalized form of a raw text (idempotent; never raises)."""
    current = text if isinstance(text, str) else str(text)
    for _ in range(MAX_ROUNDS):
        nxt = _once(current)
        if nxt == current:
            break
        current = nxt
    return current
