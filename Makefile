# Quick start: `make demo` runs sourcewise on the bundled examples, `make test` runs every check.
# Both create .venv with Python 3.11 and install what they need (pinned in pyproject.toml).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "sourcewise needs Python 3.11+"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/sourcewise prepare  # the gazetteer index, built once here rather than by the first analysis
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/sourcewise analyze examples --format text
	@# the ledger: store the same examples in a throwaway database and line up their claims
	@tmp=$$(mktemp -d) && \
	  $(BIN)/sourcewise ingest examples --db $$tmp/ledger.db; \
	  $(BIN)/sourcewise incidents --db $$tmp/ledger.db && \
	  $(BIN)/sourcewise compare --db $$tmp/ledger.db; \
	  rm -rf $$tmp
	@echo "Browse them in the web UI: $(BIN)/sourcewise ingest examples --db demo.db && $(BIN)/sourcewise serve --db demo.db  (http://127.0.0.1:8000/)"

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
