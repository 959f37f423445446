"""Loads the graph stage's data files (predicate families, style tables, inline static assets)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from seiryoku.errors import ConfigError


@lru_cache(maxsize=None)
def load_json(name: str) -> dict[str, Any]:
    """The parsed content of graph/data/<name>."""
    try:
        text = resources.files("graph").joinpath("data", name).read_text(encoding="utf-8")
        return json.loads(text)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read graph data file {name}: {exc}") from exc


@lru_cache(maxsize=None)
def load_static(name: str) -> str:
    """The text of graph/static/<name>."""
    try:
        return resources.files("graph").joinpath("static", name).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read graph static file {name}: {exc}") from exc


def families() -> dict[str, Any]:
    """The predicate family table (data/families.json)."""
    return load_json("families.json")


def style() -> dict[str, Any]:
    """The colour and size table (data/style.json)."""
    return load_json("style.json")


def family_of(predicate: str) -> str:
    """The family of a predicate ("other" when unknown)."""
    spec = families()["predicates"].get(predicate)
    return spec["family"] if spec else "other"


def family_names() -> list[str]:
    """The families in table order."""
    return list(families()["families"])
