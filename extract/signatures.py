"""The contract's type signatures of the 16 predicates (extract/lexicon/predicates.json)."""

from __future__ import annotations

from functools import lru_cache

from extract.gazetteer import load_lexicon


@lru_cache(maxsize=1)
def signatures() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Predicate -> (allowed subject types, allowed object types), groups expanded."""
    data = load_lexicon("predicates")
    groups = data["groups"]

    def expand(names: list[str]) -> frozenset[str]:
        return frozenset(t for n in names for t in groups.get(n, [n]))

    return {p: (expand(v["subject"]), expand(v["object"])) for p, v in data["predicates"].items()}


def symmetric_predicates() -> frozenset[str]:
    """Predicates that hold both ways (cooperatesWith, competesWith)."""
    data = load_lexicon("predicates")["predicates"]
    return frozenset(p for p, v in data.items() if v.get("symmetric"))


def allowed(predicate: str, subject_type: str, object_type: str) -> bool:
    """True when the argument types fit the predicate's signature."""
    sig = signatures().get(predicate)
    return sig is not None and subject_type in sig[0] and object_type in sig[1]


def retyped(predicate: str, subject_type: str, object_type: str) -> str | None:
    """The predicate an off-signature edge becomes (leads of a PolicyInstrument -> enacts), if it fits then."""
    alt = load_lexicon("predicates").get("retype", {}).get(predicate, {}).get(object_type)
    return alt if alt and allowed(alt, subject_type, object_type) else None


def by_subject(predicate: str, subject_type: str, object_type: str) -> str:
    """The predicate an edge takes given its subject's type (a Person who leads an organization heads it)."""
    alt = load_lexicon("predicates").get("retype_by_subject", {}).get(predicate, {}).get(subject_type)
    return alt if alt and allowed(alt, subject_type, object_type) else predicate
