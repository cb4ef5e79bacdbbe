# The whole developer interface: make demo, make test (+ bench, fuzz, gate, lint).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= demo/diplograph.duckdb
SAMPLE := src/diplograph/sample

.PHONY: install demo test bench fuzz gate lint clean import-dictionaries

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/pip install --quiet -e ".[web]" --group dev
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p demo
	$(BIN)/diplograph ingest $(SAMPLE) --db $(DB)
	$(BIN)/diplograph events --db $(DB) --format table
	@echo
	@echo "Dashboard: http://127.0.0.1:8000/  (API docs: http://127.0.0.1:8000/docs; Ctrl-C stops it)"
	$(BIN)/diplograph serve --db $(DB) --host 127.0.0.1 --port 8000

test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

# 2,500 generated inputs per fuzz property (4 properties: 10,000 in all) plus the fixed nasty cases.
fuzz: $(STAMP)
	DIPLOGRAPH_FUZZ_EXAMPLES=$${DIPLOGRAPH_FUZZ_EXAMPLES:-2500} $(BIN)/python -m pytest -q tests/test_fuzz.py

gate: $(STAMP)
	$(BIN)/python -m pytest -q tests/quality

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

# The field's dictionaries (PETRARCH2/Phoenix, MIT) -> data/actors/phoenix/ and data/lexicon/
# (cameo_verbs.yaml, phoenix_discards.yaml); a re-run writes the same bytes.
DICTS  ?= ../shared/corpus/petrarch2-dictionaries
PLOVER ?= ../shared/corpus/plover-gsr/CAMEO2PLOVER-2021.txt
import-dictionaries: $(STAMP)
	$(BIN)/python scripts/import_phoenix_actors.py --source $(DICTS)
	$(BIN)/python scripts/import_cameo_verbs.py --source $(DICTS) --plover $(PLOVER)

# Style (ruff) and the import-layer contracts of pyproject.toml (import-linter); fails on findings.
lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) demo .pytest_cache
