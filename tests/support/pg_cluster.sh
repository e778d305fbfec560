#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the review-server tests (ctest fixture "postgres").
#   pg_cluster.sh start ENV_FILE     initdb in a temporary folder, start on 127.0.0.1:<free port>,
#                                    create the lead's role and write ENV_FILE (shell "KEY=value" lines)
#   pg_cluster.sh createdb ENV_FILE NAME   a new empty database owned by the lead's role
#   pg_cluster.sh stop-immediate|restart ENV_FILE   crash (pg_ctl stop -m immediate) / start again
#   pg_cluster.sh stop ENV_FILE      stop the cluster and remove its folder
# PostgreSQL refuses to run as root, so the server runs as the `postgres` system user. The lead
# ("medlora_lead") is a LOGIN role with CREATEROLE and no superuser rights, like a hospital's lead
# account; only this script uses the superuser (over the local socket, peer authentication).
# Any failure exits non-zero with a message: the tests that need the cluster then fail, never skip.
set -euo pipefail
PG_BIN="${MEDLORA_PG_BIN:-/usr/lib/postgresql/15/bin}"
die() { echo "pg_cluster.sh: $*" >&2; exit 1; }
as_postgres() { runuser -u postgres -- "$@"; }
superuser_sql() { as_postgres "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$PORT" -d postgres -c "$1"; }
load_env() { [ -f "$1" ] || die "no cluster: $1 is missing (did the setup.postgres fixture run?)"; . "$1"; }

command="${1:?usage: pg_cluster.sh start|createdb|stop-immediate|restart|stop ENV_FILE [NAME]}"
ENV_FILE="${2:?usage: pg_cluster.sh $command ENV_FILE}"

case "$command" in
  start)
    [ -x "$PG_BIN/initdb" ] || die "no PostgreSQL at $PG_BIN (./dev installs the postgresql package)"
    id postgres >/dev/null 2>&1 || die "there is no 'postgres' system user (install the postgresql package)"
    [ "$(id -u)" = 0 ] || die "run as root: the cluster runs as the postgres user through runuser"
    if [ -f "$ENV_FILE" ]; then "$0" stop "$ENV_FILE" || true; fi
    ROOT="$(mktemp -d /tmp/medlora-pg.XXXXXX)"
    chmod 755 "$ROOT"
    DATA_DIR="$ROOT/data"; SOCKET_DIR="$ROOT/socket"
    mkdir -p "$SOCKET_DIR"
    chown postgres:postgres "$ROOT" "$SOCKET_DIR"
    PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    LEAD_PASSWORD="lead-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
    as_postgres "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$ROOT/initdb.log" 2>&1 || { cat "$ROOT/initdb.log" >&2; die "initdb failed"; }
    cat >>"$DATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCKET_DIR'
password_encryption = 'scram-sha-256'
max_connections = 120
fsync = on
CONF
    # Only loopback TCP with SCRAM, and the superuser over the local socket.
    cat >"$DATA_DIR/pg_hba.conf" <<HBA
local all postgres peer
host  all all 127.0.0.1/32 scram-sha-256
HBA
    as_postgres "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$ROOT/server.log" -w -t 60 start >/dev/null \
      || { cat "$ROOT/server.log" >&2; die "the server did not start"; }
    superuser_sql "CREATE ROLE medlora_lead LOGIN CREATEROLE PASSWORD '$LEAD_PASSWORD'"
    mkdir -p "$(dirname "$ENV_FILE")"
    cat >"$ENV_FILE" <<ENV
ROOT=$ROOT
DATA_DIR=$DATA_DIR
SOCKET_DIR=$SOCKET_DIR
PORT=$PORT
LEAD_ROLE=medlora_lead
LEAD_PASSWORD=$LEAD_PASSWORD
ENV
    echo "pg_cluster.sh: PostgreSQL on 127.0.0.1:$PORT ($DATA_DIR)"
    ;;
  createdb)
    NAME="${3:?usage: pg_cluster.sh createdb ENV_FILE NAME}"
    load_env "$ENV_FILE"
    superuser_sql "DROP DATABASE IF EXISTS \"$NAME\" WITH (FORCE)"
    superuser_sql "CREATE DATABASE \"$NAME\" OWNER $LEAD_ROLE"
    ;;
  stop-immediate)
    load_env "$ENV_FILE"
    as_postgres "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m immediate -w stop >/dev/null
    ;;
  restart)
    load_env "$ENV_FILE"
    as_postgres "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$ROOT/server.log" -w -t 60 start >/dev/null \
      || { tail -20 "$ROOT/server.log" >&2; die "the server did not restart"; }
    ;;
  stop)
    load_env "$ENV_FILE"
    as_postgres "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
    case "$ROOT" in /tmp/medlora-pg.*) rm -rf "$ROOT" ;; esac
    rm -f "$ENV_FILE"
    ;;
  *) die "unknown command '$command' (start, createdb, stop-immediate, restart, stop)" ;;
esac
