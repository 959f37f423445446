# The two commands of the README: `make run` and `make test`. Both set everything up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(STAMP_RUN)

install: $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/seiryoku build examples/corpus -o out
	@echo
	@echo "Outputs are in ./out. Open the interactive map (works offline):  xdg-open out/graph.html  (or open it in any browser)"
	@echo "Try a query:  $(BIN)/seiryoku query --name top-actors"

test: $(STAMP_TEST)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out .pytest_cache
