# The two commands of the README: `make demo` (set up, then scan the bundled demo firms) and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: setup demo test lint bench clean

setup:
	@bash scripts/setup.sh

demo: setup
	$(VENV)/bin/footprint demo --out footprint-out/demo

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/vulture

test: lint
	FOOTPRINT_TEST_POSTGRES=$$(bash scripts/postgres.sh start) $(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/analyze.py

clean:
	rm -rf footprint-out .pytest_cache .ruff_cache
