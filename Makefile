# Two commands matter: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
QM     := app/ui/i18n/zh_CN.qm
DEMO_CASES ?= 600
# The suite runs on every core (at most four; each test has its own folders, database and schema).
# TEST_WORKERS=0 runs it in this one process, e.g. to debug one test.
TEST_WORKERS ?= auto

.PHONY: run test lint i18n bench screenshots clean-venv

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,dev,central,media]'
	touch $(STAMP)

# Qt translations are compiled from the .ts source at install time, never committed.
$(QM): $(wildcard resources/i18n/zh_CN*.ts) $(STAMP)
	mkdir -p $(dir $(QM))
	$(BIN)/pyside6-lrelease -silent resources/i18n/zh_CN*.ts -qm $(QM)

i18n: $(QM)

run: $(STAMP) $(QM)
	$(BIN)/zhifa demo seed --cases $(DEMO_CASES) --if-empty
	$(BIN)/zhifa

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: $(STAMP) $(QM) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(TEST_WORKERS) --maxprocesses=4 $(PYTEST_ARGS)

# Needs Xvfb, a CJK font and LibreOffice: apt-get install xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
# fonts-noto-cjk libreoffice-writer-nogui
screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python docs/make_screenshots.py
	$(BIN)/python docs/make_document_pages.py

bench: $(STAMP)
	for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean-venv:
	rm -rf $(VENV)
