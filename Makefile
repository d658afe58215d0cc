# Two commands set everything up on a fresh machine: `make generate` and `make test`.
# Python tools live in .venv (from pyproject.toml); the TypeScript toolchain the tests run
# in node_modules (from package-lock.json); Go is used as installed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: generate check validate test bench clean

$(PY_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

generate: $(PY_STAMP)
	$(BIN)/codegen generate

check: $(PY_STAMP)
	$(BIN)/codegen check

validate: $(PY_STAMP)
	$(BIN)/codegen validate

test: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/mypy
	$(BIN)/pytest

bench: $(PY_STAMP)
	$(BIN)/python tests/bench.py

clean:
	rm -rf $(VENV) node_modules .mypy_cache .pytest_cache
