# One task file for people and CI: `make run` serves the bundled seeds, `make test` runs every check.
# Each target first sets up what it needs (virtual environment, packages), once.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
STAMP := $(VENV)/.installed
NODE_STAMP := tests/interop/node_modules/.installed
BROWSER_STAMP := $(VENV)/.chromium
NGINX_STAMP := $(VENV)/.nginx
POSTGRES_STAMP := $(VENV)/.postgres
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint pytest bench clean

# What running needs: the package and its dependencies, nothing for the tests.
$(RUN_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e .
	touch $(RUN_STAMP)

# The test tools on top.
$(STAMP): $(RUN_STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Mozilla's ical.js, for the interoperability tests.
$(NODE_STAMP): tests/interop/package-lock.json
	cd tests/interop && npm ci --silent --no-audit --no-fund
	touch $(NODE_STAMP)

# Debian's Chromium for the browser tests (Playwright drives it; it downloads no browser).
$(BROWSER_STAMP): $(STAMP)
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	touch $(BROWSER_STAMP)

# Debian's nginx for the reverse-proxy tests (started by the tests, on a free local port).
$(NGINX_STAMP): $(STAMP)
	command -v nginx >/dev/null || test -x /usr/sbin/nginx || (apt-get update -qq && apt-get install -y -qq nginx-light)
	touch $(NGINX_STAMP)

# Debian's PostgreSQL for the store tests (each starts a throw-away server with initdb/pg_ctl).
$(POSTGRES_STAMP): $(STAMP)
	command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq postgresql)
	touch $(POSTGRES_STAMP)

run: $(RUN_STAMP)
	$(BIN)/calsvc serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The whole suite in two runs: first every test but the slow ones, measuring the coverage of
# calsvc/ and printing it; then the slow ones (long property runs, which coverage would make
# three times as long, and real servers, whose processes it does not see anyway).
pytest: $(STAMP) $(NODE_STAMP) $(BROWSER_STAMP) $(NGINX_STAMP) $(POSTGRES_STAMP)
	$(BIN)/pytest -m "not slow" --cov --cov-report=term
	$(BIN)/pytest -m slow

test: lint pytest

bench: $(STAMP) $(POSTGRES_STAMP)
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/corpus.py
	$(BIN)/python bench/feeds.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/render.py
	$(BIN)/python bench/first.py
	$(BIN)/python bench/replicas.py

clean:
	rm -rf $(VENV) tests/interop/node_modules .pytest_cache .mypy_cache .ruff_cache .hypothesis var
