# The two set-up commands of the README: `make demo` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXTRAS := serve,postgres,dask,parquet

.PHONY: demo test lint typecheck pytest bench clean eval

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

# The demo store is kept between runs, so an analyst's corrections on it survive `make demo`.
demo: $(VENV)/.installed
	mkdir -p demo
	$(BIN)/accord analyze examples/corpus --db sqlite:///demo/accord.db --out demo/

# Extraction accuracy on the seeds, the development corpus's train and validation splits and the challenge
# set's train half (test splits are scored on their own, to report: see eval/README.md).
EVAL_DB := build/eval.db
eval: $(VENV)/.installed
	rm -f $(EVAL_DB) $(EVAL_DB)-wal $(EVAL_DB)-shm && mkdir -p build
	$(BIN)/accord ingest eval/seeds eval/dev/articles.jsonl eval/challenge/articles.jsonl --db sqlite:///$(EVAL_DB) --no-progress
	$(BIN)/accord extract --db sqlite:///$(EVAL_DB)
	$(BIN)/accord eval --gold eval/seeds-gold.jsonl --db sqlite:///$(EVAL_DB)
	$(BIN)/accord eval --gold eval/dev/gold.jsonl --split train --db sqlite:///$(EVAL_DB)
	$(BIN)/accord eval --gold eval/dev/gold.jsonl --split val --db sqlite:///$(EVAL_DB)
	$(BIN)/accord eval --gold eval/challenge/gold.jsonl --split train --db sqlite:///$(EVAL_DB)

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
