# Two entry points (see README):  make demo   |   make test
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test lint venv clean system-deps fuzz

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

venv: $(BIN)/.installed

## Run the main job on the bundled corpus and print a summary.
demo: venv
	$(BIN)/jixiao ingest corpus --out out

## Debian packages the tests use: chromium (QA report rendered headless). Installed only when
## missing and running as root; otherwise the tests that need them skip with the reason.
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		(apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei) \
		|| echo 'system-deps: chromium could not be installed; the QA report browser test will skip'; \
	fi

## Lint (ruff, mypy), check the import layering, and run the whole test suite.
test: venv lint system-deps
	$(BIN)/python -m pytest -q

lint: venv
	$(BIN)/ruff check jixiao tests benchmarks tools
	$(BIN)/mypy jixiao
	$(BIN)/lint-imports

## Long fuzz run (5,000 mutated files per format; figures in docs/reliability.md).
fuzz: venv
	$(BIN)/python tools/fuzz.py --long --json

clean:
	rm -rf $(VENV) out .pytest_cache
