# The two commands a newcomer needs: `make run` and `make test`. See the README.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test test-postgres test-browser lint format migrations-check check install install-test messages bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the requirement files change.
$(VENV)/.stamp-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.stamp-test: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.stamp-run

install: $(VENV)/.stamp-run
install-test: $(VENV)/.stamp-test

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin: /admin/)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install-test
	$(BIN)/pytest -n 2 --dist loadfile

# The suite against PostgreSQL: DATABASE_URL=postgres://user@127.0.0.1:5432/portal_test make test-postgres
test-postgres: install-test
	@test -n "$(DATABASE_URL)" || (echo "Set DATABASE_URL to a PostgreSQL database"; exit 2)
	DATABASE_URL=$(DATABASE_URL) $(BIN)/pytest -n 2 --dist loadfile -m "not browser"

test-browser: install-test
	REQUIRE_BROWSER=1 $(BIN)/pytest -m browser

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

migrations-check: install-test
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

check: install-test
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check

# Rebuild the Vietnamese catalogue after changing user-facing strings.
messages: install-test
	$(MANAGE) update_catalogue

# Public pages under load against a trivial Django view (needs wrk: apt-get install wrk). See the README.
bench: install
	$(BIN)/python scripts/bench.py --write-docs

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache static_collected
