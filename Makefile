# Two commands on a fresh Debian 12 machine: `make run` and `make test`.
# Both install what is missing on the way and are quick when everything is there.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Graphviz lays out the diagrams; the diagrams name the font "DejaVu Sans" from fonts-dejavu-core;
# Pango and Cairo serve WeasyPrint (PDF) and CairoSVG (PNG).
RUN_PACKAGES := graphviz fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libcairo2
# Browser tests drive Debian's Chromium through Playwright (never `playwright install`);
# poppler-utils turns exported PDFs into pictures the tests can inspect; git serves the version tests
# (the app itself runs without git; its Wijzigingen page needs it). The live-room tests start a
# throwaway PostgreSQL server of their own (tests/pg_server.py).
TEST_PACKAGES := chromium poppler-utils git postgresql
# The BPMN export test opens every export in the bpmn-js viewer (npm, from the committed lockfile).
NODE_STAMP := node_modules/.installed
PORT ?= 8501
# The local cluster (make cluster): HAProxy in front of REPLICAS app processes and one PostgreSQL.
CLUSTER_PACKAGES := haproxy postgresql
REPLICAS ?= 2
CLUSTER_PORT ?= 8580

.PHONY: run test test-fast setup system-packages test-packages check lint typecheck bench clean
.PHONY: cluster cluster-stop cluster-packages test-scale image

run: setup
	@echo "Serving the app on http://localhost:$(PORT) (stop it with Ctrl+C)"
	$(BIN)/streamlit run app.py --server.port=$(PORT)

test: setup test-packages $(NODE_STAMP) lint typecheck
	$(BIN)/python -m leidraad check --strict processes
	$(BIN)/python -m pytest

# The edit-test loop: core, content, architecture and AppTest tests; no browser, well under a minute.
test-fast: setup lint typecheck
	$(BIN)/python -m leidraad check --strict processes
	$(BIN)/python -m pytest -q -m "not browser and not scale"

setup: system-packages $(STAMP)

system-packages:
	@scripts/ensure-debian-packages.sh $(RUN_PACKAGES)

test-packages:
	@scripts/ensure-debian-packages.sh $(TEST_PACKAGES)

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || scripts/ensure-debian-packages.sh nodejs npm
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $(NODE_STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): install Python's venv module (Debian: apt-get install python3-venv)" >&2; exit 1; }
	@echo "Installing the Python packages into $(VENV) (the first time takes a minute or two)..."
	$(BIN)/python -m pip install --disable-pip-version-check --progress-bar on -e '.[dev]' | grep -v '^Requirement already satisfied' || true
	@$(BIN)/python -c 'import leidraad, streamlit' || { echo "The Python packages did not install; see the pip output above." >&2; exit 1; }
	@touch $(STAMP)

check: setup
	$(BIN)/python -m leidraad check --strict processes

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m leidraad bench

cluster-packages:
	@scripts/ensure-debian-packages.sh $(CLUSTER_PACKAGES)

cluster: setup cluster-packages
	$(BIN)/python deploy/local/cluster.py start --replicas $(REPLICAS) --port $(CLUSTER_PORT)

cluster-stop:
	@$(if $(wildcard $(BIN)/python),$(BIN)/python,$(PYTHON)) deploy/local/cluster.py stop

# 30 Chromium sessions through the proxy of a cluster of its own; one replica is killed halfway.
test-scale: setup test-packages cluster-packages
	$(BIN)/python -m pytest -m scale tests/scale

image:
	@scripts/build-image.sh

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
