# Altena Toegang. The two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
CHROMIUM ?= /usr/bin/chromium
# PostgreSQL and Redis: the machine's own when they answer on 127.0.0.1:5432 and :6379, those of
# DATABASE_URL / REDIS_URL when set, else embedded servers from the virtual environment
# (DATABASE_URL=embedded / REDIS_URL=embedded forces them). See scripts/servers.py.
SERVERS := $(PYTHON) scripts/servers.py

.PHONY: run serve test test-snel e2e bench faults install services lint check-migrations seed clean lock

$(BIN)/activate:
	$(PY) -m venv $(VENV)

# Two lock files (docs/afhankelijkheden.md): requirements.lock is what production runs (the Dockerfile
# installs only that one); requirements-dev.lock adds the tools and tests, pinned to the same versions.
$(VENV)/.installed: requirements.lock requirements-dev.lock $(BIN)/activate
	$(BIN)/pip install --quiet "uv==0.13.9"
	$(BIN)/uv pip install --quiet --python $(PYTHON) -r requirements-dev.lock
	touch $@

# Regenerate both lock files after a change of pyproject.toml's dependencies (needs the registry).
lock: $(BIN)/activate
	$(BIN)/pip install --quiet "uv==0.13.9"
	$(BIN)/uv pip compile --quiet pyproject.toml -o requirements.lock --python-version 3.11
	$(BIN)/uv pip compile --quiet pyproject.toml --extra dev -c requirements.lock -o requirements-dev.lock --python-version 3.11

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

install: $(VENV)/.installed node_modules/.package-lock.json

# Check (or start) PostgreSQL and Redis and create the database; stops with a clear message on a fault.
services: install
	@$(SERVERS)

# Data of embedded servers stays in .data/ between runs; they stop when `make run` stops.
run: install
	@$(SERVERS) -- $(MAKE) --no-print-directory serve

# (internal: run by `make run` with DATABASE_URL and REDIS_URL set)
# Least privilege (docs/database-rollen.md): DATABASE_URL (the local superuser) only creates the two
# roles; migrations and demo data run as the owner, web/worker/beat as the application role that owns
# nothing and cannot change the verwerkingenlog or the timeline.
serve: OWNER_URL = $(shell $(PYTHON) scripts/rol_url.py altena_eigenaar)
serve: APP_URL = $(shell $(PYTHON) scripts/rol_url.py altena_app)
serve:
	$(PYTHON) manage.py db_rechten --maak-rollen --eigenaar altena_eigenaar --app-rol altena_app
	DATABASE_URL=$(OWNER_URL) $(PYTHON) manage.py migrate --noinput
	DATABASE_URL=$(OWNER_URL) $(PYTHON) manage.py db_rechten --app-rol altena_app
	DATABASE_URL=$(OWNER_URL) $(PYTHON) manage.py seed_demo --if-empty
	@$(PYTHON) scripts/banner.py
	DATABASE_URL=$(APP_URL) $(BIN)/honcho start -f Procfile

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/bandit -q -c pyproject.toml -r altena netwerk brp intake backoffice documenten berichten signalen partner rapportage mijn
	$(BIN)/djlint . --lint

check-migrations: install
	DJANGO_SETTINGS_MODULE=altena.settings.test $(PYTHON) manage.py check
	DJANGO_SETTINGS_MODULE=altena.settings.test $(PYTHON) manage.py makemigrations --check --dry-run

chromium:
	@test -x $(CHROMIUM) || { command -v apt-get >/dev/null && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "Chromium ontbreekt en kan niet worden geïnstalleerd; browsertests worden overgeslagen."; }

# Embedded servers (when needed) get a throwaway data folder here. The tests run on every core
# (pytest-xdist, one test database per worker; each file stays on one worker).
TEST_WORKERS ?= auto
test: install chromium lint check-migrations
	DJANGO_ALLOW_ASYNC_UNSAFE=1 $(SERVERS) --throwaway -- $(BIN)/pytest --create-db -n $(TEST_WORKERS) --dist loadfile

# The quick loop while working: everything but the slow groups (browser, accessibility, embedded
# servers, traag; see the markers in pyproject.toml), without the linters.
test-snel: install
	DJANGO_ALLOW_ASYNC_UNSAFE=1 $(SERVERS) --throwaway -- $(BIN)/pytest --create-db -n $(TEST_WORKERS) \
	  --dist loadfile -m "not (e2e or toegankelijkheid or ingebouwd or traag)"

e2e: install chromium
	DJANGO_ALLOW_ASYNC_UNSAFE=1 $(SERVERS) --throwaway -- $(BIN)/pytest --create-db -m e2e tests/e2e

# The benchmark runs on a database of its own per size (altena_bench for 1,000,000 cases,
# altena_bench_<N> for CASUSSEN=N), kept between runs: seed_demo only tops it up to CASUSSEN cases.
# Then gunicorn serves it: every page one request at a time on 2 workers (and the login steps), then
# locust with 10 users on BENCH_WORKERS, then registration load (BENCH_FASEN, BENCH_RONDES,
# BENCH_SECONDS, BENCH_REGISTRATIE_SECONDS, BENCH_PORT; bench/run.py, docs/scaling.md). Each size
# writes bench/results-<date>-<N>.json; RESULTS.md shows the sizes side by side, bench/schaal.png plots them.
CASUSSEN ?= 1000000
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/altena_bench$(if $(filter-out 1000000,$(CASUSSEN)),_$(CASUSSEN))
bench: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(SERVERS) -- bash -c \
	  '$(PYTHON) manage.py migrate --noinput -v0 && $(PYTHON) bench/run.py --casussen $(CASUSSEN)'

# Faults (PostgreSQL restart under load, a killed worker mid-sweep, Redis away) on a throwaway
# PostgreSQL cluster of its own, never the machine's server: bench/faults.py, results in bench/FAULTS.md.
faults: install
	$(PYTHON) bench/faults.py

# Keeps .data/ (the embedded servers' data): remove it yourself to start the demo afresh.
clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache
