"""Reading input files into Documents: discovery, decoding (text, HTML, PDF), normalization and metadata."""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from extract.boilerplate import excluded_ranges
from extract.docmeta import document_date, document_title, is_japanese
from extract.normalize import normalize_text
from extract.types import Document, text_hash
from seiryoku.errors import InputError

MAX_BYTES = 50 * 2**20
MEDIA_TYPES: dict[str, str] = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(sorted(MEDIA_TYPES))
JAPANESE_ENCODINGS: tuple[str, ...] = ("cp932", "euc_jp", "iso2022_jp")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_COMMON_JA = re.compile(r"[\u3041-\u30ff\u4e00-\u9fff、。「」（）ー・\s0-9A-Za-z.,:;()%\-]")
_BAD = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\uff61-\uff9f]")


def _fail(path: Path, reason: str) -> InputError:
    """An InputError whose message is one line naming the file and the reason."""
    return InputError(f"{path}: {' '.join(reason.split())}")


def _hidden(path: Path, root: Path) -> bool:
    """Whether a file below root has a hidden component (a name starting with a dot)."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def discover(paths: Sequence[Path]) -> list[Path]:
    """The input files named by paths (directories searched recursively for supported, non-hidden files), sorted."""
    found: set[Path] = set()
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for f in p.rglob("*"):
                if f.is_file() and f.suffix.lower() in MEDIA_TYPES and not _hidden(f, p):
                    found.add(f)
        elif p.is_file():
            found.add(p)
        else:
            raise _fail(p, "no such file or directory")
    return sorted(found, key=str)


def _plausibility(text: str) -> float:
    """How much a decoding looks like Japanese text: common characters, hiragana, no junk."""
    if not text:
        return 0.0
    n = len(text)
    return (len(_COMMON_JA.findall(text)) + 2 * len(_HIRAGANA.findall(text)) - 5 * len(_BAD.findall(text))) / n


def decode_bytes(data: bytes) -> tuple[str, str] | None:
    """The (text, encoding) of text bytes: BOM, then strict UTF-8, then the most Japanese-looking decoding."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                return None
    if b"\x1b$" in data:
        try:
            return data.decode("iso2022_jp"), "iso2022_jp"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = list(JAPANESE_ENCODINGS)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    scored: list[tuple[float, int, str, str]] = []
    for rank, enc in enumerate(candidates):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_plausibility(text), -rank, enc, text))
    if not scored:
        return None
    _, _, enc, text = max(scored)
    return text, enc


def _looks_binary(data: bytes) -> bool:
    """Whether bytes without a UTF-16/32 BOM hold NUL bytes or many control bytes (not text)."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 27 or 27 < b < 32)
    return controls > len(head) * 0.05


def _html_text(path: Path, html: str) -> str:
    """The title and main text of an HTML page (trafilatura)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=True, with_metadata=True)
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    title = (getattr(doc, "title", None) or "").strip() if doc is not None else ""
    if not body:
        raise _fail(path, "HTML page without extractable main text")
    if title and not body.startswith(title):
        return f"{title}\n\n{body}"
    return body


def _pdf_text(path: Path, data: bytes) -> str:
    """The text layer of a PDF, pages separated by a blank line (pypdf)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, NotImplementedError) as exc:
        raise _fail(path, f"unreadable PDF ({type(exc).__name__})") from exc
    text = "\n\n".join(p.strip() for p in pages)
    if not text.strip():
        raise _fail(path, "PDF without a text layer (scanned pages need OCR first)")
    return text


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> tuple[str, str, str]:
    """The raw text of one file with its encoding name and media type; InputError when it cannot be read."""
    path = Path(path)
    media = MEDIA_TYPES.get(path.suffix.lower())
    if media is None:
        raise _fail(path, f"unsupported suffix {path.suffix or '(none)'!r} (supported: {', '.join(SUPPORTED_SUFFIXES)})")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _fail(path, f"file over the size limit ({size} bytes > {max_bytes})")
        data = path.read_bytes()
    except OSError as exc:
        raise _fail(path, f"cannot read ({exc.strerror or type(exc).__name__})") from exc
    if not data.strip():
        raise _fail(path, "empty file")
    if media == "application/pdf":
        if not data.lstrip().startswith(b"%PDF"):
            raise _fail(path, "not a PDF file (no %PDF header)")
        return _pdf_text(path, data), "pdf-text-layer", media
    if _looks_binary(data):
        raise _fail(path, "binary file, not text")
    decoded = decode_bytes(data)
    if decoded is None:
        raise _fail(path, "undecodable (no text encoding fits)")
    text, encoding = decoded
    if media == "text/html":
        text = _html_text(path, text)
    return text, encoding, media


def load_document(path: Path, max_bytes: int = MAX_BYTES) -> Document:
    """One file as a Document: raw text, normalized stored text, boilerplate ranges, title and date."""
    path = Path(path)
    raw, encoding, media = read_text(path, max_bytes)
    text = normalize_text(raw)
    if not text.strip():
        raise _fail(path, "empty file (no text after normalization)")
    if not is_japanese(text):
        raise _fail(path, "not Japanese (too few kana/kanji among its letters)")
    date, precision = document_date(text)
    return Document(
        doc_id=text_hash(text),
        name=path.name,
        text=text,
        source=str(path),
        title=document_title(text),
        date=date,
        date_precision=precision,
        encoding=encoding,
        media_type=media,
        language="ja",
        excluded=excluded_ranges(text),
    )


def load_corpus(
    paths: Sequence[Path],
    on_error: Callable[[InputError], None] | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> tuple[list[Document], list[InputError], list[str]]:
    """All documents under paths, the input errors met, and notices (a repeated text counts once)."""
    documents: list[Document] = []
    errors: list[InputError] = []
    notices: list[str] = []
    seen: dict[str, str] = {}

    def report(err: InputError) -> None:
        errors.append(err)
        if on_error is not None:
            on_error(err)

    files: list[Path] = []
    for given in paths:
        try:
            files.extend(discover([Path(given)]))
        except InputError as err:
            report(err)
    for path in sorted(set(files), key=str):
        try:
            doc = load_document(path)
        except InputError as err:
            report(err)
            continue
        if doc.doc_id in seen:
            notices.append(f"{path}: same text as {seen[doc.doc_id]} ({doc.doc_id}); counted once")
            continue
        seen[doc.doc_id] = str(path)
        documents.append(doc)
        if on_document is not None:
            on_document(doc)
    return documents, errors, notices
