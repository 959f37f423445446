"""The actor gazetteer (ontology/gazetteer.jsonl) and the lexicons of extract/lexicon, loaded as lookup tables."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.types import ACTOR_TYPES
from seiryoku.errors import ConfigError

LEXICON_DIR = Path(__file__).parent / "lexicon"
GAZETTEER_PATH = Path(__file__).parent.parent / "ontology" / "gazetteer.jsonl"

_PUNCT = re.compile(r"[\s・･\-‐‑–—_.,，、。'’\"()（）\[\]「」『』]")
_LEGAL_FORMS = re.compile(
    r"^(?:株式会社|\(株\)|（株）|㈱|有限会社|合同会社)|(?:株式会社|\(株\)|（株）|㈱|有限会社|合同会社|"
    r",? ?inc\.?|,? ?corp\.?|,? ?corporation|,? ?ltd\.?|,? ?co\., ?ltd\.?|,? ?llc|,? ?plc|,? ?gmbh|,? ?s\.a\.)$",
    re.IGNORECASE,
)


def norm_key(text: str) -> str:
    """The matching key of a name: NFKC, case-folded, legal company forms, spaces and punctuation removed."""
    s = unicodedata.normalize("NFKC", text).strip()
    prev = None
    while prev != s:
        prev = s
        s = _LEGAL_FORMS.sub("", s).strip()
    return _PUNCT.sub("", s.casefold())


@dataclass(frozen=True)
class Entry:
    """One gazetteer actor."""

    id: str
    type: str
    country: str | None
    label_ja: str | None
    label_en: str | None
    aliases: tuple[str, ...]
    wikidata: str | None = None
    ambiguous: frozenset[str] = field(default_factory=frozenset)

    @property
    def label(self) -> str:
        """The display label: Japanese when known, else English, else the id."""
        return self.label_ja or self.label_en or self.id


@dataclass(frozen=True)
class Gazetteer:
    """Actors by id and an index from normalized alias to actor id."""

    entries: dict[str, Entry]
    index: dict[str, str]

    def lookup(self, surface: str) -> Entry | None:
        """The actor a surface form names, if the gazetteer knows it."""
        actor_id = self.index.get(norm_key(surface))
        return self.entries.get(actor_id) if actor_id else None

    def is_ambiguous(self, surface: str, actor_id: str) -> bool:
        """True when this surface names the actor only if the text marks it as one."""
        entry = self.entries[actor_id]
        return norm_key(surface) in entry.ambiguous


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read gazetteer: {exc}") from exc


@lru_cache(maxsize=4)
def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    """The gazetteer, validated and indexed by normalized alias."""
    entries: dict[str, Entry] = {}
    index: dict[str, str] = {}
    for rec in _read_jsonl(path):
        if rec.get("type") not in ACTOR_TYPES:
            raise ConfigError(f"{path}: actor {rec.get('id')!r} has unknown type {rec.get('type')!r}")
        names = [rec.get("label_ja"), rec.get("label_en"), *rec.get("aliases", [])]
        aliases = tuple(dict.fromkeys(n for n in names if n))
        entry = Entry(
            id=rec["id"],
            type=rec["type"],
            country=rec.get("country"),
            label_ja=rec.get("label_ja"),
            label_en=rec.get("label_en"),
            aliases=aliases,
            wikidata=rec.get("wikidata") if rec.get("wikidata_checked") else None,
            ambiguous=frozenset(norm_key(a) for a in rec.get("ambiguous_aliases", [])),
        )
        entries[entry.id] = entry
        for alias in aliases:
            key = norm_key(alias)
            if key and key not in index:
                index[key] = entry.id
    return Gazetteer(entries, index)


@lru_cache(maxsize=16)
def load_lexicon(name: str) -> Any:
    """A JSON lexicon of extract/lexicon by base name (e.g. "triggers")."""
    path = LEXICON_DIR / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read lexicon: {exc}") from exc
