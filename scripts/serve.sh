#!/usr/bin/env bash
# The product in production on one machine, in one command: collects the static files (hashed names, compressed),
# applies the migrations, then runs the web server (gunicorn, which serves the static files itself through
# WhiteNoise), a Celery worker (report builds, e-mails) and Celery beat (the periodic reminders and digests).
# When any of the three ends, or on Ctrl-C or SIGTERM, the others are stopped and the script exits.
#
#   DATABASE_URL, REDIS_URL   required: PostgreSQL and Redis are the only state the processes share
#   PORT                      the port gunicorn listens on, on every address (default 8000)
#   WEB_CONCURRENCY           gunicorn worker processes (default twice the processors plus one, gunicorn's advice)
#   GUNICORN_CMD_ARGS         anything else for gunicorn, e.g. "--certfile cert.pem --keyfile key.pem"
#   STATIC_FILES_HASHED       default true here (see README's configuration)
#
# Run it once per deployment: it starts the one beat there must be. More web servers or workers on other machines
# are the gunicorn and celery worker commands alone (README, "Running with PostgreSQL, Redis and a Celery worker").
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -n "${DATABASE_URL:-}" ] || missing+=("DATABASE_URL (PostgreSQL, e.g. postgres://lscp:secret@127.0.0.1:5432/lscp)")
[ -n "${REDIS_URL:-}" ] || missing+=("REDIS_URL (Redis, e.g. redis://127.0.0.1:6379/0)")
if [ "${#missing[@]}" -gt 0 ]; then
  echo "scripts/serve.sh runs the product in production, which needs PostgreSQL for its records and Redis for its" >&2
  echo "jobs. Set:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  echo "To try the product without them: make demo." >&2
  exit 2
fi
case "$DATABASE_URL" in
  postgres://* | postgresql://* | pgsql://*) ;;
  *)
    echo "scripts/serve.sh: DATABASE_URL must be a PostgreSQL address (postgres://...), not ${DATABASE_URL%%:*}." >&2
    exit 2
    ;;
esac

PYTHON=${PYTHON:-.venv/bin/python}
[ -x "$PYTHON" ] || PYTHON=python3
export STATIC_FILES_HASHED=${STATIC_FILES_HASHED:-true}

"$PYTHON" manage.py collectstatic --noinput --verbosity 1
"$PYTHON" manage.py migrate --noinput

pids=()
stop() {
  trap - INT TERM
  echo "== stopping the web server, the worker and beat" >&2
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap 'stop; exit 143' TERM
trap 'stop; exit 130' INT

# No control socket: this script is what starts and stops gunicorn, and gunicorn's socket is one per user account
# (~/.gunicorn), which a second gunicorn of the same account would take over.
# Twice the processors plus one web processes (gunicorn's advice): while one draws a long admin list, a quick page
# does not wait behind it. With two, under twenty users the quickest page waited 200 ms at the 95th percentile.
"$PYTHON" -m gunicorn lscp.wsgi --config python:lscp.gunicorn_config --bind "0.0.0.0:${PORT:-8000}" --workers "${WEB_CONCURRENCY:-$((2 * $(nproc) + 1))}" \
  --access-logfile - --no-control-socket &
pids+=($!)
"$PYTHON" -m celery -A lscp worker --loglevel=INFO &
pids+=($!)
"$PYTHON" -m celery -A lscp beat --loglevel=INFO &
pids+=($!)

# The first of the three to end (a crash, a port already taken) stops the others: never a site that answers with
# no worker behind it, or a worker with no beat to send the reminders.
status=0
wait -n || status=$?
echo "== a process ended (exit status $status)" >&2
stop
exit $((status == 0 ? 1 : status))  # none of them ends on its own: for a supervisor, a failure
