"""Named instruments and programmes the gazetteer does not know, written in quotes: 「…ガイドライン」, 「…事業」."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extract.gazetteer import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from extract.actors import Found

_QUOTED = re.compile(r"[「『]([^「」『』。]{3,48})[」』]")
_EXTRA_INSTRUMENT = ("計画", "枠組み", "フレームワーク", "基本計画", "行動計画", "方針", "原則", "プロファイル",
                     "ガイダンス", "綱領")


def _kind(name: str) -> str | None:
    """PolicyInstrument or Program by the cue word a quoted name ends with."""
    cues = load_lexicon("generic_nouns")
    for cue in sorted(list(cues.get("instrument_cues", [])) + list(_EXTRA_INSTRUMENT), key=len, reverse=True):
        if name.endswith(cue):
            return "PolicyInstrument"
    for cue in sorted(cues.get("program_cues", []), key=len, reverse=True):
        if name.endswith(cue):
            return "Program"
    return None


def quoted_names(doc: "Doc", taken: set[int]) -> list["Found"]:
    """Quoted names of instruments and programmes, as new actors with ids minted from the name."""
    from extract.actors import Found, mint_id, span_head

    out: list[Found] = []
    for m in _QUOTED.finditer(doc.text):
        name = m.group(1).strip()
        actor_type = _kind(name)
        if actor_type is None:
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or any(k in taken for k in range(span.start, span.end)):
            continue
        head = span_head(doc, span.start, span.end)
        out.append(Found(span.start, span.end, head, mint_id(name), actor_type, None, name, "quoted", 0.7))
        taken.update(range(span.start, span.end))
    return out
