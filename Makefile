# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run install test test-install lint models clean

## run: install, migrate the SQLite database, load the demo content (once), build the static
## files (here, once, not in every server: see docs/deploy.md), then serve on $(HOST):$(PORT)
## with a background worker beside the server (mail, notifications); Ctrl-C stops both
run: install
	$(BIN)/dateline migrate --no-input
	$(BIN)/dateline demo
	$(BIN)/dateline collectstatic --no-input --verbosity 0
	$(BIN)/dateline worker --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/dateline serve --host $(HOST) --port $(PORT)

install: $(BIN)/.installed

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("dateline needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

test-install: $(BIN)/.test-installed

$(BIN)/.test-installed: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else \
			echo "Chromium is missing: run 'sudo apt-get install chromium' (browser tests need it)" >&2; exit 1; \
		fi; \
	fi
	touch $@

## test: install what the tests need and run them all (lint, unit, browser)
test: test-install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest $(PYTEST_ARGS)

## models: install the train extra (scikit-learn, numpy, scipy) and retrain the screening models from ../shared/data
models: install
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[train]'
	$(BIN)/dateline train-screening

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
