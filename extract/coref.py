"""Back-references (同社, 同省, 両社, 同氏, 両国 ...) resolved to the actors named just before, in one document."""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from typing import TYPE_CHECKING

from extract.actors import Found
from extract.gazetteer import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc


class History:
    """The actors named so far in a document, most recent last, over a window of sentences."""

    def __init__(self) -> None:
        lex = load_lexicon("backrefs")
        self._window = int(lex.get("window_sentences", 6))
        self._sentences: deque[list[Found]] = deque(maxlen=self._window)
        self._topics: set[str] = set()

    def push(self, mentions: list[Found]) -> None:
        """Remember the mentions of a sentence just read."""
        self._sentences.append(sorted(mentions, key=lambda m: m.source == "backref"))

    def mark_topics(self, topics: set[str]) -> None:
        """Record the actors that were a topic or subject (は / が) of the sentence just read."""
        self._topics.update(topics)

    def is_topic(self, m: Found) -> bool:
        """True when the actor has been a topic or subject in this document."""
        return m.actor_id in self._topics

    def recent(self) -> list[Found]:
        """Mentions in the window, most recent first."""
        return [m for sent in reversed(self._sentences) for m in reversed(sent)]


def _parse_ref(text: str) -> tuple[int, str] | None:
    lex = load_lexicon("backrefs")
    for prefix, count in lex["prefixes"].items():
        if text.startswith(prefix) and len(text) > len(prefix):
            rest = text[len(prefix):]
            return count, rest
    return None


def resolve_backrefs(doc: "Doc", mentions: list[Found], history: History) -> list[Found]:
    """Mentions for the back-references of a sentence, each pointing at an earlier actor, at lower confidence."""
    heads = load_lexicon("backrefs")["heads"]
    taken = {k for f in mentions for k in range(f.i, f.j)}
    out: list[Found] = []
    for t in doc:
        if t.i in taken:
            continue
        text, end = t.text, t.i + 1
        if text in ("同", "両") and t.i + 1 < len(doc):
            text, end = text + doc[t.i + 1].text, t.i + 2
        parsed = _parse_ref(text)
        if parsed is None:
            continue
        count, rest = parsed
        types = heads.get(rest)
        if types is None:
            continue
        earlier = [m for m in mentions if m.j <= t.i and m.source != "backref"][::-1] + history.recent()
        if count == 1 and rest in ("社", "グループ"):  # 同社: the company the text is about, when there is one
            earlier = [m for m in earlier if history.is_topic(m)] + earlier
        chosen: list[Found] = []
        for m in earlier:
            fits = m.type in types or m.label.endswith(rest)
            if fits and m.actor_id not in {c.actor_id for c in chosen}:
                chosen.append(m)
            if len(chosen) == count:
                break
        if len(chosen) < count:
            continue
        head = end - 1
        for m in chosen:
            out.append(replace(m, i=t.i, j=end, head=head, source="backref", confidence=round(m.confidence * 0.8, 3)))
    return out
