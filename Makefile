# Two commands on a fresh machine with Python 3.11:  make demo  and  make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint eval-gate clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

## demo: set up and build the dossier of the bundled example story into out/example
demo: $(STAMP)
	$(BIN)/storydiff analyze examples/story -o out/example

## test: set up, lint, type-check and run the test suite (CI runs exactly this)
test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy src
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
