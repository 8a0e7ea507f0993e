#!/usr/bin/env bash
# A throw-away PostgreSQL 15 + PostGIS 3 cluster for the register's tests: created in a fresh temporary folder,
# listening on 127.0.0.1 only (and a socket inside that folder), owned and run by an unprivileged user (nobody when
# called as root: PostgreSQL refuses to run as root), with a password (scram-sha-256), removed again by `stop`.
# It never touches a cluster of the machine (no pg_createcluster, no system service, its own port).
#
#   eval "$(scripts/pg_cluster.sh start)"   # prints export lines: GEOWALK_TEST_PG, PGPASSWORD, GEOWALK_PG_DIR
#   scripts/pg_cluster.sh stop              # stops the cluster named by GEOWALK_PG_DIR and deletes its folder
#
# The packages come from scripts/setup.sh (postgresql-15, postgresql-15-postgis-3).
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
user=$(id -un)
as_owner() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  user=nobody
  as_owner() { runuser -u nobody -- "$@"; }
fi

free_port() {
  # The first port from 55432 up that nothing listens on (two clusters, e.g. two CI clones, never share one).
  local port=55432
  while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

start() {
  [ -x "$bin/initdb" ] || { echo "pg_cluster: PostgreSQL 15 is not installed; run scripts/setup.sh" >&2; exit 1; }
  [ -f /usr/share/postgresql/15/extension/postgis.control ] ||
    { echo "pg_cluster: PostGIS 3 for PostgreSQL 15 is not installed; run scripts/setup.sh" >&2; exit 1; }
  local dir port password
  dir=$(mktemp -d /tmp/geowalk-pg.XXXXXX)
  chmod 755 "$dir"
  mkdir "$dir/data"
  password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$dir/password"
  chown -R "$user" "$dir"
  chmod 600 "$dir/password"
  chmod 700 "$dir/data"
  as_owner "$bin/initdb" -D "$dir/data" -U geowalk --pwfile="$dir/password" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  port=$(free_port)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
  PGPASSWORD=$password psql -X -q -h 127.0.0.1 -p "$port" -U geowalk -d postgres \
    -c "CREATE DATABASE geowalk_test" >/dev/null
  PGPASSWORD=$password psql -X -q -h 127.0.0.1 -p "$port" -U geowalk -d geowalk_test \
    -c "CREATE EXTENSION postgis" >/dev/null
  # The password travels in PGPASSWORD (libpq reads it), never in the connection string.
  echo "export GEOWALK_PG_DIR=$dir"
  echo "export PGPASSWORD=$password"
  echo "export GEOWALK_TEST_PG='PG:host=127.0.0.1 port=$port dbname=geowalk_test user=geowalk'"
}

stop() {
  local dir=${GEOWALK_PG_DIR:-}
  [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "pg_cluster: GEOWALK_PG_DIR names no cluster" >&2; exit 1; }
  case "$dir" in /tmp/geowalk-pg.*) ;; *) echo "pg_cluster: refusing to remove $dir" >&2; exit 1 ;; esac
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: scripts/pg_cluster.sh start|stop" >&2; exit 2 ;;
esac
