# cadis: `make demo` and `make test` are all a newcomer needs (Python 3.11 and make).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
# Test processes (pytest-xdist) for the tests that need no browser; the browser tests run in one.
TEST_WORKERS ?= 2

.PHONY: demo test test-postgres bench lint install messages clean screenshots

install: $(STAMP)

# Creates the virtual environment and installs the pinned dependencies (uv when present, else pip).
$(STAMP): requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@if command -v uv >/dev/null 2>&1; then \
		uv pip install --python $(BIN)/python -r requirements.txt && uv pip install --python $(BIN)/python --no-deps -e . ; \
	else \
		$(BIN)/python -m pip install --quiet --upgrade pip && \
		$(BIN)/python -m pip install --quiet -r requirements.txt && \
		$(BIN)/python -m pip install --quiet --no-deps -e . ; \
	fi
	@touch $(STAMP)

demo: install
	DEBUG=0 CADIS_DEMO=1 CADIS_REQUIRE_2FA=0 $(BIN)/cadis demo

# The whole suite on the embedded SQLite database, in TEST_WORKERS processes; then the browser
# tests (when Chromium is installed) in one process, since they share one browser and demo server.
# First ruff and mypy --strict over the engines and the platform (about 15 s of CPU).
test: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy --strict src/cadis/engines src/cadis/platform
	$(BIN)/python -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) -m "not browser"
	@if [ -x $(CHROMIUM) ]; then \
		echo "Chromium found at $(CHROMIUM): the browser tests, one at a time."; \
		$(BIN)/python -m pytest -q -p no:cacheprovider -m browser; \
	else \
		echo "NOTE: $(CHROMIUM) not found: browser tests are SKIPPED (apt-get install chromium to run them)."; \
	fi

# The same suite against PostgreSQL (DATABASE_URL defaults to the local server's `test` database).
test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/python -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) -m "not browser and not whole_system"

bench: install
	$(BIN)/python benchmarks/run_all.py

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy --strict src/cadis/engines src/cadis/platform

# Screenshots of the main pages (Russian, 1,366 px) into docs/screenshots/, made on a fresh demo.
screenshots: install
	$(BIN)/python benchmarks/screenshots.py

# Rebuilds the Russian translation catalogue (needs GNU gettext's xgettext/msgfmt).
messages: install
	cd src/cadis && ../../$(BIN)/cadis makemessages -l ru --no-obsolete && ../../$(BIN)/cadis compilemessages

clean:
	rm -rf $(VENV) var
