"""Session-wide fixtures: the GiNZA model loaded once, and the optional ../shared folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The GiNZA pipeline, loaded once for the whole test session."""
    from extract.parse import load_model

    return load_model()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only ../shared folder; tests that need it skip cleanly when it is absent."""
    if not (SHARED / "spec").is_dir():
        pytest.skip("../shared is not present in this checkout")
    return SHARED
