# Two commands set everything up on a fresh machine: `make generate` and `make test`.
# Python tools live in .venv, installed from the lock requirements/dev.txt (exact versions and
# hashes of every package; `make lock` updates it); the TypeScript toolchain the tests run in
# node_modules (from package-lock.json), Playwright's library and axe-core for the browser tests
# among them; Go is used as installed. The browser tests drive Debian's Chromium
# (/usr/bin/chromium), never a browser Playwright downloads: when it, or the Chinese font the
# screenshots show the catalogues' Chinese texts in, is missing, `make test` installs Debian's
# packages with apt-get (through sudo when not root).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements/dev.txt
MINIMUM := requirements/minimum.txt
PY_STAMP := $(VENV)/.installed
MIN_VENV := .venv-minimum
MIN_STAMP := $(MIN_VENV)/.installed
NODE_STAMP := node_modules/.installed
CHROMIUM := /usr/bin/chromium
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# pip's settings from the environment or machine (PIP_FIND_LINKS, a mirror...) stay out of
# what the lock records; installs still honour them.
PIP_COMPILE := env -u PIP_FIND_LINKS $(BIN)/pip-compile --quiet --no-emit-find-links \
	--no-emit-index-url --generate-hashes --allow-unsafe --no-build-isolation

.PHONY: generate check validate test test-minimum lock bench clean precompile

# A venv made anew (--clear) from the lock: exactly the locked packages, nothing left over from
# an earlier lock. The project itself goes in last, without dependencies and with the locked
# setuptools (no build isolation, which would fetch whatever setuptools is newest).
define install_locked
	$(PYTHON) -m venv --clear $(1)
	$(1)/bin/python -m pip install --quiet --require-hashes -r $(LOCK)
endef

$(PY_STAMP): $(LOCK) pyproject.toml
	$(call install_locked,$(VENV))
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The same tools with each runtime dependency at the lowest version pyproject.toml allows.
$(MIN_STAMP): $(LOCK) $(MINIMUM) pyproject.toml
	$(call install_locked,$(MIN_VENV))
	$(MIN_VENV)/bin/python -m pip install --quiet --no-deps --require-hashes -r $(MINIMUM)
	$(MIN_VENV)/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(MIN_VENV)/bin/python -m pip check
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The installed files themselves are the targets: present, nothing runs; either missing, one
# apt-get brings both packages.
$(CHROMIUM) $(CJK_FONT) &:
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		chromium fonts-wqy-microhei
	test -x $(CHROMIUM) && test -f $(CJK_FONT)

# codegen/precompiled/ anew: the built-in templates and the schema's validator as the code
# Jinja2 and fastjsonschema compile them to, which a run then need not compile. After changing a
# template, the schema, a target's filters or the locked Jinja2 or fastjsonschema: until then
# what changed is compiled at each run, and tests/test_precompiled.py fails.
precompile: $(PY_STAMP)
	$(BIN)/python -m codegen.precompile

generate: $(PY_STAMP)
	$(BIN)/codegen generate

check: $(PY_STAMP)
	$(BIN)/codegen check

validate: $(PY_STAMP)
	$(BIN)/codegen validate

test: $(PY_STAMP) $(NODE_STAMP) $(CHROMIUM) $(CJK_FONT)
	$(BIN)/mypy
	$(BIN)/pytest

test-minimum: $(MIN_STAMP) $(NODE_STAMP) $(CHROMIUM) $(CJK_FONT)
	$(MIN_VENV)/bin/pytest

# Re-resolve the lock after a change to pyproject.toml, keeping every pin that still fits;
# `make lock UPGRADE=--upgrade` moves everything to the newest versions allowed,
# `make lock UPGRADE="--upgrade-package black"` one package. Then requirements/minimum.txt
# from pyproject.toml's lower bounds.
lock: $(PY_STAMP)
	$(PIP_COMPILE) $(UPGRADE) --strip-extras --extra dev --build-deps-for editable \
		--output-file $(LOCK) pyproject.toml
	env -u PIP_FIND_LINKS $(BIN)/python requirements/minimum.py

# codegen side by side with protoc (from the lock's grpcio-tools) on synthetic catalogues of
# 1,000, 10,000 and 100,000 codes and on catalogs/, per-stage times, the interactive figures and
# the goals they are held to; then classify in every language and the reference site's search.
# `make bench BENCH_RUNS=3` runs each command that many times (medians); one size:
# `.venv/bin/python tests/bench.py 10000`. Prints figures, asserts none.
bench: $(PY_STAMP) $(NODE_STAMP) $(CHROMIUM) $(CJK_FONT)
	$(BIN)/python tests/bench.py
	$(BIN)/python tests/bench_classify.py
	$(BIN)/python tests/bench_docs.py

clean:
	rm -rf $(VENV) $(MIN_VENV) node_modules .mypy_cache .pytest_cache tests/browser/artefacts
