# routekit: two commands do all set-up on a fresh machine with Python 3.11.
#   make lab    install into .venv, copy the sample route to routes/de-sleutel, open JupyterLab
#   make test   install into .venv and run the whole suite (pytest + nbval on every notebook)
# Headless: make lab NO_BROWSER=1   Another route: make lab ROUTE=routes/mijn-route

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
ROUTE  ?=
PYTEST_ARGS ?=

.PHONY: lab test report sample bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

lab: $(STAMP)
	NO_BROWSER=$(NO_BROWSER) $(BIN)/routekit lab $(ROUTE)

test: $(STAMP)
	$(BIN)/python -m pytest tests notebooks --nbval-lax --nbval-current-env \
		--nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider $(PYTEST_ARGS)

report: $(STAMP)
	$(BIN)/routekit report data/sample-route -o out/report

sample: $(STAMP)
	$(BIN)/python data/make_sample.py

bench: $(STAMP)
	$(BIN)/python -m benchmarks

lint: $(STAMP)
	$(BIN)/ruff check routekit tests data benchmarks

clean:
	rm -rf $(VENV) out test-output .pytest_cache
