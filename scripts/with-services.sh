#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 cluster and Redis server, then stops them.
# Exports DATABASE_URL and REDIS_URL for the command. Fails (never falls back) if either cannot start.
set -euo pipefail

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || dirname "$(command -v initdb)")}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

if ! command -v redis-server >/dev/null 2>&1; then
  echo "== installing redis-server"
  if [ "$(id -u)" = 0 ]; then
    (apt-get install -y -qq redis-server >/dev/null 2>&1) || { apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; }
  else
    echo "redis-server is missing: install it (apt-get install redis-server)." >&2; exit 1
  fi
fi

WORK=$(mktemp -d /tmp/lscp-services.XXXXXX)
chmod 755 "$WORK"
PGDATA="$WORK/pg"
PG_PORT=$(free_port)
REDIS_PORT=$(free_port)
AS_PG=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root: the cluster belongs to the postgres user.
  mkdir -p "$PGDATA" && chown postgres "$PGDATA" "$WORK"
  AS_PG=(runuser -u postgres --)
fi

cleanup() {
  set +e
  [ -n "${REDIS_PID:-}" ] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

echo "== starting PostgreSQL on port $PG_PORT"
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; echo "PostgreSQL could not be initialised." >&2; exit 1; }
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$WORK/pg.log" -w -t 60 \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$WORK/pg.log" >&2; echo "PostgreSQL did not start." >&2; exit 1; }

echo "== starting Redis on port $REDIS_PORT"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 1 50); do
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done
redis-cli -p "$REDIS_PORT" ping >/dev/null || { cat "$WORK/redis.log" >&2; echo "Redis did not start." >&2; exit 1; }

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/lscp"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
"$@"
