"""Sentence segmentation of stored text and GiNZA parsing, with the model loaded once per process."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from extract.types import Document
from seiryoku.errors import ModelError

if TYPE_CHECKING:  # spaCy is imported lazily so that `import extract` stays light
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "ja_ginza"
# Sudachi refuses more than 49,149 UTF-8 bytes per call; sentences are far shorter, this is a safety cap.
MAX_SENTENCE_BYTES = 12_000
_SENTENCE_END = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[」』）)]*|\n|$)")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: its offsets in the stored text and its text."""

    doc: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def load_model(name: str = MODEL_NAME) -> "Language":
    """The GiNZA pipeline, loaded once per process."""
    try:
        import spacy

        return spacy.load(name)
    except (OSError, ImportError) as exc:  # pragma: no cover - depends on the installation
        raise ModelError(f"cannot load the GiNZA model {name!r}: {exc}") from exc


def split_sentences(document: Document) -> list[Sentence]:
    """The sentences of a document's extractable text, split at line breaks and sentence-final punctuation."""
    out: list[Sentence] = []
    text = document.text
    for lo, hi in document.extractable_ranges():
        for m in _SENTENCE_END.finditer(text, lo, hi):
            s, e = m.start(), min(m.end(), hi)
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            out.extend(_cap(document.name, text, s, e))
    return out


def _cap(doc: str, text: str, start: int, end: int) -> Iterator[Sentence]:
    """Cut an over-long sentence into pieces the tokenizer accepts."""
    while len(text[start:end].encode("utf-8")) > MAX_SENTENCE_BYTES:
        cut = start + MAX_SENTENCE_BYTES // 3
        space = text.rfind("、", start, cut)
        cut = space + 1 if space > start else cut
        yield Sentence(doc, start, cut, text[start:cut])
        start = cut
    yield Sentence(doc, start, end, text[start:end])


def parse_sentences(
    sentences: Sequence[Sentence],
    nlp: "Language | None" = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 64,
) -> Iterator[tuple[Sentence, "Doc"]]:
    """Each sentence with its GiNZA parse, in order; `progress` receives the characters parsed."""
    nlp = nlp or load_model()
    texts = (s.text for s in sentences)
    for sent, doc in zip(sentences, nlp.pipe(texts, batch_size=batch_size)):
        if progress is not None:
            progress(len(sent.text))
        yield sent, doc
