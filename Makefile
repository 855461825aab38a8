# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: demo test backup restore screenshots lint format clean benchmark benchmark-booking benchmark-observations benchmark-import-bomb benchmark-web-load

# axe-core, which the browser tests inject into each page they check (package.json, pinned in package-lock.json).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

# The demo: SQLite, tasks in-process, e-mails printed on the console; the seeds' partnership by name. Its 2022/23
# report is approved, built, published and sent on by a step of its own after load_demo (once: nothing the second time).
demo: $(VENV)/.installed
	DEBUG=true $(PY) manage.py migrate --noinput
	DEBUG=true $(PY) manage.py load_demo
	DEBUG=true PARTNERSHIP_NAME="Kensington and Chelsea and Westminster Safeguarding Children Partnership" PARTNERSHIP_SHORT_NAME="K&C and Westminster LSCP" \
		$(PY) manage.py publish_demo_report
	DEBUG=true PARTNERSHIP_NAME="Kensington and Chelsea and Westminster Safeguarding Children Partnership" PARTNERSHIP_SHORT_NAME="K&C and Westminster LSCP" \
		$(PY) manage.py runserver 127.0.0.1:8000

# The tests: a throwaway PostgreSQL 15 cluster and Redis, Debian's Chromium for the browser journeys, ruff, then
# the whole suite in parallel, one test process per core (each with its own test database and Celery worker).
# Tests are handed out one at a time in the collected order (the demo's tests last: conftest.py), except that those
# sharing what is made once per process (the demo's PDF, the walk of every declared page) go to one process together.
TEST_PROCESSES ?= auto
test: $(VENV)/.installed node_modules/.installed
	$(VENV)/bin/ruff check .
	scripts/ensure-chromium.sh
	SECRET_KEY=test-only-secret-key-not-for-production DEBUG=false SECURE_SSL_REDIRECT=false \
		scripts/with-services.sh $(VENV)/bin/pytest -n $(TEST_PROCESSES) --dist load --no-loadscope-reorder $(PYTEST_ARGS)

# Backups (README, "Backups"): with the site's own environment (DATABASE_URL, MEDIA_ROOT, BACKUP_DIR), from the
# installed .venv as it stands: a nightly job must never reinstall packages. `make restore BACKUP=backups/lscp-backup-...`
# checks every checksum before it changes anything; FORCE=1 replaces a database that holds records.
backup:
	$(PY) manage.py backup

restore:
	@test -n "$(BACKUP)" || { echo "Say which backup: make restore BACKUP=backups/lscp-backup-2025-01-31T021500Z"; exit 2; }
	$(PY) manage.py restore "$(BACKUP)" $(if $(FORCE),--force)

# The user guide's screenshots (docs/screenshots/), taken again from the demo in Debian's Chromium.
screenshots: $(VENV)/.installed
	scripts/ensure-chromium.sh
	$(PY) scripts/screenshots.py

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules db.sqlite3 db.sqlite3-wal db.sqlite3-shm media staticfiles

# The benchmarks (print figures): the report build (benchmarks/report_build.py), then public booking under load
# and the attendance import (benchmarks/booking.py), then the data set import (benchmarks/observations.py), then
# the refusal of a workbook that unzips to half a gigabyte (benchmarks/import_bomb.py).
benchmark: $(VENV)/.installed
	SECRET_KEY=benchmark-only DEBUG=false scripts/with-services.sh $(PY) benchmarks/report_build.py
	SECRET_KEY=benchmark-only DEBUG=false scripts/with-services.sh $(PY) benchmarks/booking.py
	SECRET_KEY=benchmark-only DEBUG=false scripts/with-services.sh $(PY) benchmarks/observations.py
	SECRET_KEY=benchmark-only DEBUG=false scripts/with-services.sh $(PY) benchmarks/import_bomb.py

benchmark-booking: $(VENV)/.installed
	SECRET_KEY=benchmark-only DEBUG=false scripts/with-services.sh $(PY) benchmarks/booking.py

benchmark-observations: $(VENV)/.installed
	SECRET_KEY=benchmark-only DEBUG=false scripts/with-services.sh $(PY) benchmarks/observations.py

benchmark-import-bomb: $(VENV)/.installed
	SECRET_KEY=benchmark-only DEBUG=false scripts/with-services.sh $(PY) benchmarks/import_bomb.py

# The key pages under load: a synthetic partnership (generate_load_data, SCALE=1 unless given), gunicorn with
# production settings, 20 locust users; prints p50, p95 and errors per page beside /healthz (benchmarks/web_load.py).
SCALE ?= 1
benchmark-web-load: $(VENV)/.installed
	SECRET_KEY=benchmark-only DEBUG=false scripts/with-services.sh $(PY) benchmarks/web_load.py --scale $(SCALE)
