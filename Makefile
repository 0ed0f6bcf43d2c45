# goalpost: two commands for a newcomer.
#   make demo   - set up .venv and run the main job on the bundled examples (SQLite, no server)
#   make test   - set up .venv with dev extras and run ruff and the whole test suite
# Options: make demo DOCS=../shared/seeds   make demo DB=my.db   make test PYTEST_ARGS="-k extract"

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DOCS ?= examples
STATS ?= examples/statistics.csv
DB ?= goalpost.db
REPORT ?= goalpost-report.html
PYTEST_ARGS ?=

.PHONY: demo test lint chromium bench clean help

help:
	@echo "make demo   run the main job on $(DOCS) (DOCS=folder to choose another)"
	@echo "make test   run ruff and the whole test suite"
	@echo "make bench  run the benchmarks under benchmarks/"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# why stamps: re-install only when pyproject.toml changes
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e . --config-settings editable_mode=compat
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]' --config-settings editable_mode=compat
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	$(BIN)/goalpost run $(DOCS) --stats $(STATS) --db sqlite:///$(DB) --report $(REPORT)

# Browser tests need Debian's chromium; install it where missing and possible (root + apt).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium (and a CJK font for screenshots) for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) \
	      || echo "chromium could not be installed: browser tests will be skipped"; \
	  else echo "chromium not found: browser tests will be skipped"; fi; }

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check goalpost tests benchmarks
	$(BIN)/ruff format --check goalpost tests benchmarks

test: $(VENV)/.installed-dev chromium lint
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

bench: $(VENV)/.installed-dev
	$(BIN)/pip install -q -e '.[dev,bench]' --config-settings editable_mode=compat
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/web_latency.py

clean:
	rm -rf $(VENV) goalpost.db goalpost.db-wal goalpost.db-shm $(REPORT) tests/artifacts
