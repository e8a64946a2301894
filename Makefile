# The two set-up commands of the README: `make demo` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXTRAS := serve,postgres,dask,parquet

.PHONY: demo test lint typecheck pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[$(EXTRAS)]"
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.installed scripts/install-system-deps.sh
	$(BIN)/python -m pip install -q -e ".[$(EXTRAS),test]"
	bash scripts/install-system-deps.sh
	touch $@

demo: $(VENV)/.installed
	rm -rf demo && mkdir -p demo
	$(BIN)/accord analyze examples/corpus --db sqlite:///demo/accord.db --out demo/

lint: $(VENV)/.test-installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy

pytest: $(VENV)/.test-installed
	$(BIN)/pytest -q

test: lint typecheck pytest

clean:
	rm -rf $(VENV) demo build *.egg-info
