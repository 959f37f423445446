"""Measure what normalization and boilerplate detection do to one document or a folder of documents.

Usage: python benchmarks/measure_seed_normalization.py [PATH ...]
(default: ../shared/corpus/seeds/004_18af691bbdfaaae2.txt relative to the repository)

For each file: Japanese-char/space/Japanese-char runs in the raw and the stored text (the remaining ones listed
with context), Latin "word word" spaces kept, the share of the stored text excluded, and the load time.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from extract.ingest import discover, load_document, read_text
from seiryoku.errors import InputError

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO.parent / "shared" / "corpus" / "seeds" / "004_18af691bbdfaaae2.txt"
JA = "\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff々〆"
J_SPACE_J = re.compile(f"[{JA}][ \u00a0]+[{JA}]")
LATIN_WORDS = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}")


def measure(path: Path, show: int = 20) -> None:
    """Print the figures for one file."""
    raw, encoding, media = read_text(path)
    started = time.perf_counter()
    doc = load_document(path)
    elapsed = time.perf_counter() - started
    left = list(J_SPACE_J.finditer(doc.text))
    excluded = sum(end - start for start, end in doc.excluded)
    print(f"== {path.name} ({encoding}, {media}, {len(raw)} raw chars -> {len(doc.text)} stored)")
    print(f"   J-space-J runs: raw {len(J_SPACE_J.findall(raw))}, stored {len(left)}")
    for m in left[:show]:
        ctx = doc.text[max(0, m.start() - 15) : m.end() + 15].replace("\n", "⏎")
        print(f"     at {m.start()}: …{ctx}…")
    print(f"   Latin 'word word' spaces kept: {len(LATIN_WORDS.findall(doc.text))} (raw {len(LATIN_WORDS.findall(raw))})")
    print(f"   excluded: {excluded} chars = {excluded / max(1, len(doc.text)):.1%} in {len(doc.excluded)} ranges")
    print(f"   title: {doc.title!r}  date: {doc.date} ({doc.date_precision})  load: {elapsed * 1000:.0f} ms")


def main(argv: list[str]) -> int:
    """Measure every file named (directories expanded)."""
    paths = [Path(a) for a in argv] or [DEFAULT]
    total = time.perf_counter()
    for path in discover(paths):
        try:
            measure(path)
        except InputError as err:
            print(f"== {path.name}: skipped: {err}")
    print(f"total: {time.perf_counter() - total:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
