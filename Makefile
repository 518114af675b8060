# Altena Toegang. The two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/altena
REDIS_URL ?= redis://127.0.0.1:6379/0
CHROMIUM ?= /usr/bin/chromium
export DATABASE_URL REDIS_URL

.PHONY: run test e2e bench install services lint check-migrations seed clean

$(BIN)/activate:
	$(PY) -m venv $(VENV)

$(VENV)/.installed: requirements.lock $(BIN)/activate
	$(BIN)/pip install --quiet "uv==0.13.9"
	$(BIN)/uv pip install --quiet --python $(PYTHON) -r requirements.lock
	touch $@

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

install: $(VENV)/.installed node_modules/.package-lock.json

# Stop early, with a clear message, when PostgreSQL or Redis is not reachable.
services: install
	@$(PYTHON) scripts/check_services.py

run: services
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py seed_demo --if-empty
	@$(PYTHON) scripts/banner.py
	$(BIN)/honcho start -f Procfile

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/bandit -q -c pyproject.toml -r altena netwerk intake backoffice documenten berichten signalen partner rapportage

check-migrations: install
	DJANGO_SETTINGS_MODULE=altena.settings.test $(PYTHON) manage.py check
	DJANGO_SETTINGS_MODULE=altena.settings.test $(PYTHON) manage.py makemigrations --check --dry-run

chromium:
	@test -x $(CHROMIUM) || { command -v apt-get >/dev/null && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "Chromium ontbreekt en kan niet worden geïnstalleerd; browsertests worden overgeslagen."; }

test: install chromium lint check-migrations
	@$(PYTHON) scripts/check_services.py
	DJANGO_ALLOW_ASYNC_UNSAFE=1 $(BIN)/pytest --create-db

e2e: install chromium
	@$(PYTHON) scripts/check_services.py
	DJANGO_ALLOW_ASYNC_UNSAFE=1 $(BIN)/pytest --create-db -m e2e tests/e2e

# The benchmark runs on its own database (altena_bench), dropped and made anew each time.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/altena_bench
bench: services
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PYTHON) scripts/check_services.py --recreate
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PYTHON) manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PYTHON) manage.py bench --casussen $${CASUSSEN:-1000000}

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache
