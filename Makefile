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
	FOOTPRINT_TEST_POSTGRES=$$(bash scripts/postgres.sh start) FOOTPRINT_TEST_S3=$$(bash scripts/s3.sh start) \
		$(PY) -m pytest -q; code=$$?; bash scripts/s3.sh stop; bash scripts/postgres.sh stop; exit $$code

# The three benchmarks of BENCHMARKS.md, each ending in `ratio: X`, then the three ratios together. The memory
# benchmark runs 500 against 5,000 pages here (the same tenfold step, minutes instead of most of an hour); its full
# run, 2,000 against 20,000 pages, is `$(PY) benchmarks/memory.py`.
BENCH_OUT := footprint-out/bench

bench: setup
	@mkdir -p $(BENCH_OUT)
	$(PY) benchmarks/analyze.py | tee $(BENCH_OUT)/analyze.txt
	$(PY) benchmarks/crawl.py | tee $(BENCH_OUT)/crawl.txt
	$(PY) benchmarks/memory.py --pages 500 --large 5000 | tee $(BENCH_OUT)/memory.txt
	@echo "ratios: analyze = footprint/baseline pages/s, crawl = footprint/bare Scrapy pages/s, memory = peak tree RSS at 10x the pages / at 1x"
	@for name in analyze crawl memory; do \
		line=$$(grep '^ratio: ' $(BENCH_OUT)/$$name.txt) || { echo "$$name: no ratio (the run failed)"; exit 1; }; \
		echo "  $$name $${line#ratio: }"; \
	done

clean:
	rm -rf footprint-out .pytest_cache .ruff_cache
