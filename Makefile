# routekit: two commands do all set-up on a fresh machine with Python 3.11.
#   make lab    install into .venv, copy the sample route to routes/de-sleutel, open JupyterLab
#   make app    the same notebooks as an app (Voilà): no code, only text, forms and charts
#   make test   install into .venv and run the whole suite (pytest + nbval on every notebook,
#               browser tests of the app in Debian's Chromium, installed by `make browser`)
# Headless: make lab NO_BROWSER=1   Another route: make lab ROUTE=routes/mijn-route (same for app)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
ROUTE  ?=
PYTEST_ARGS ?=
# One pytest worker per core (pytest-xdist); a notebook's cells stay together in one worker.
PYTEST_WORKERS ?= -n auto --dist loadfile
CHROMIUM := /usr/bin/chromium
# Why the browser tests cannot run; absent when Chromium is there.
BROWSER_NOTE := $(VENV)/browser-unavailable.txt

.PHONY: lab app browser test report sample bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

lab: $(STAMP)
	NO_BROWSER=$(NO_BROWSER) $(BIN)/routekit lab $(ROUTE)

app: $(STAMP)
	NO_BROWSER=$(NO_BROWSER) $(BIN)/routekit app $(ROUTE)

# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
# Installs it only when missing; when that is impossible, says why, and the browser tests skip
# with that reason (tests/test_app_browser.py reads $(BROWSER_NOTE)).
browser: $(STAMP)
	@rm -f $(BROWSER_NOTE)
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then sudo=; elif sudo -n true 2>/dev/null; then sudo=sudo; else \
	    echo "$(CHROMIUM) is missing; not root and no password-less sudo to run apt-get" \
	      "(install it with: sudo apt-get install chromium)" > $(BROWSER_NOTE); exit 0; fi; \
	  command -v apt-get >/dev/null || { \
	    echo "$(CHROMIUM) is missing and there is no apt-get to install it" > $(BROWSER_NOTE); exit 0; }; \
	  echo "Installing Debian's chromium for the browser tests (apt-get) ..."; \
	  $$sudo apt-get update -qq || echo "apt-get update failed; trying the install anyway"; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
	    > $(VENV)/apt-chromium.log 2>&1 || echo "apt-get install chromium failed:" \
	    "$$(tail -n 1 $(VENV)/apt-chromium.log)" > $(BROWSER_NOTE); \
	  test -x $(CHROMIUM) || test -f $(BROWSER_NOTE) || \
	    echo "apt-get installed chromium, but $(CHROMIUM) is missing" > $(BROWSER_NOTE); }
	@if [ -f $(BROWSER_NOTE) ]; then echo "Browser tests will be skipped: $$(cat $(BROWSER_NOTE))"; fi

test: $(STAMP) browser
	$(BIN)/python -m pytest tests notebooks --doctest-modules routekit --nbval-lax --nbval-current-env \
		--nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider $(PYTEST_WORKERS) $(PYTEST_ARGS)

report: $(STAMP)
	$(BIN)/routekit report $(ROUTE) -o out/report

sample: $(STAMP)
	$(BIN)/python data/make_sample.py

bench: $(STAMP)
	$(BIN)/python -m benchmarks

lint: $(STAMP)
	$(BIN)/ruff check routekit tests data benchmarks

clean:
	rm -rf $(VENV) out test-output .pytest_cache
