# Set-up, preview and checks. Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install serve build pdf bench test release-check check clean

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

## serve: set everything up and preview the site on http://127.0.0.1:8000 (a process per language)
serve: $(STAMP)
	$(BIN)/python -m kbsync.build.preview --dev-addr 127.0.0.1:8000

## build: the static site into site/, failing on any broken link or anchor (a process per language)
build: $(STAMP)
	$(BIN)/python -m kbsync.build.site --strict

## pdf: the site (as make build), then a PDF handout of every page in every language and of the whole knowledge base per language
pdf: $(STAMP)
	sh scripts/install_system_packages.sh
	KB_PDF=1 $(BIN)/python -m kbsync.build.site --strict
	$(BIN)/python -m kbsync.pdf

## bench: time build, check and preview at 50, 200, 500 pages per language; writes scripts/bench/BENCHMARK.md (~20 min)
bench: $(STAMP)
	$(BIN)/python scripts/bench/bench_site.py --pages 50,200,500 --repeat 3

## test: set everything up and run all checks and tests; translations still to do do not fail it (errors do)
test: $(STAMP)
	sh scripts/install_browser.sh
	sh scripts/install_system_packages.sh
	$(BIN)/kbsync check --fail-on error
	$(BIN)/python -m pytest

## release-check: before a release; fails while a translation is outdated, missing, untracked or not reviewed
release-check: $(STAMP)
	$(BIN)/kbsync check --release

clean:
	rm -rf site .pytest_cache .cache
