"""The pipeline's import boundaries: data flows extract -> ontology -> graph, and only seiryoku wires them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "extract": {"ontology", "graph", "seiryoku.cli", "seiryoku.build", "rdflib", "networkx", "pyvis"},
    "ontology": {"graph", "seiryoku.cli", "seiryoku.build", "spacy", "ginza", "networkx", "pyvis"},
    "graph": {"extract", "seiryoku.cli", "seiryoku.build", "spacy", "ginza"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
    return out


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_module_imports_backwards(package):
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[package]):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not bad, bad


def test_the_boundary_check_sees_imports(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("import graph.views\nfrom extract.types import Document\n", encoding="utf-8")
    assert _imports(sample) == {"graph.views", "extract.types"}
