"""The analyst notebooks run top to bottom on one cached sample build, in a kernel of this virtualenv."""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
NAMES = ("01_build_and_query", "02_influence_and_dependency", "03_explore_and_export")
CELL_LIMIT = 300        # seconds one cell may run before nbclient stops it
NOTEBOOK_LIMIT = 600    # seconds one whole notebook may run
KERNEL = "seiryoku-venv"
EXPORTS = {
    "01_build_and_query": set(),
    "02_influence_and_dependency": set(),
    "03_explore_and_export": {"graph_top30.html", "graph_2023_2025.gexf", "nodes.csv", "edges.csv", "graph.graphml"},
}
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _read(name: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)


@pytest.fixture(scope="session")
def kernel_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kernel spec folder whose only kernel runs ipykernel with this interpreter (the venv's python)."""
    base = tmp_path_factory.mktemp("kernels")
    spec = base / KERNEL
    spec.mkdir()
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Seiryoku (venv)", "language": "python",
    }), encoding="utf-8")
    return base


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    """The sample corpus built once per test session; every notebook reads it through SEIRYOKU_BUILD."""
    from seiryoku.build import BuildOptions, build

    out = tmp_path_factory.mktemp("notebook-build") / "out"
    report = build([REPO / "examples" / "corpus"], out, BuildOptions(include_planned=False, top_k=None))
    assert report.documents > 0 and report.relations > 0
    return out


@pytest.fixture
def notebook_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sample_build: Path) -> Path:
    """The environment the kernel inherits: the cached build, a scratch export folder, a non-GUI backend."""
    monkeypatch.setenv("SEIRYOKU_BUILD", str(sample_build))
    monkeypatch.setenv("SEIRYOKU_EXPORT", str(tmp_path / "exports"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("SEIRYOKU_CORPUS", raising=False)
    return tmp_path / "exports"


def _execute(nb: nbformat.NotebookNode, kernel_dir: Path, limit: float = NOTEBOOK_LIMIT) -> nbformat.NotebookNode:
    """Run every cell in a fresh kernel from kernel_dir, cwd notebooks/; a cell that raises raises here."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient

    km = AsyncKernelManager(kernel_name=KERNEL, kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernel_dir)]))
    client = NotebookClient(nb, km=km, timeout=CELL_LIMIT, startup_timeout=120,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    deadline = time.monotonic() + limit
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                pytest.fail(f"notebook stopped at cell {index}: over its {limit:.0f} s limit")
            client.timeout = max(1, min(CELL_LIMIT, int(remaining)))
            client.execute_cell(cell, index)
    return nb


def _stream(nb: nbformat.NotebookNode) -> str:
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs
                   if o.output_type == "stream")


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_committed_without_outputs(name: str):
    nb = _read(name)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, name
    assert all(c.outputs == [] and c.execution_count is None for c in code), f"{name}: clear the outputs"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_opens_with_bilingual_intro_then_setup(name: str):
    nb = _read(name)
    intro, setup = nb.cells[0], nb.cells[1]
    assert intro.cell_type == "markdown"
    assert _JAPANESE.search(intro.source) and re.search(r"\b(the|and|with)\b", intro.source)
    assert setup.cell_type == "code"
    assert "build_from_env" in setup.source and "corpus_dir" in setup.source and "build(" in setup.source


@pytest.mark.model
def test_kernel_is_this_virtualenv(kernel_dir: Path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import sys\nprint(sys.prefix)")])
    out = _stream(_execute(nb, kernel_dir, limit=120))
    assert Path(out.strip()).resolve() == Path(sys.prefix).resolve()


@pytest.mark.model
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_top_to_bottom(name: str, kernel_dir: Path, notebook_env: Path, sample_build: Path):
    nb = _execute(_read(name), kernel_dir)
    text = _stream(nb)
    assert f"build folder: {sample_build}" in text        # read the cached build, did not build again
    assert "built " not in text
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    written = sorted(p.name for p in notebook_env.iterdir()) if notebook_env.exists() else []
    assert EXPORTS[name] <= set(written), written
    if not EXPORTS[name]:
        assert written == []                             # only the export notebook writes files
