#!/usr/bin/env bash
# Failure survival: SIGKILL of the application under mixed load, a PostgreSQL restart under load, and two instances
# on one database behind a round-robin client (bench/ReliabilityBench.java says what each phase proves).
# The application runs against a PostgreSQL of this script's own, which outlives the application being killed.
# Usage: bench/reliability.sh      Environment: SKIP_BUILD=1 uses the jar already in target/.
# Prints the figures and appends them to bench/results/reliability.txt; exits non-zero when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_PORT=54347
PORT_A=8197
PORT_B=8198
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)
RESULTS=bench/results/reliability.txt
DATA=$(mktemp -d)
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client; }
if ! command -v pg_ctl >/dev/null && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq postgresql
fi
PG_BIN=$(dirname "$(readlink -f "$(command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")")
[ -x "$PG_BIN/pg_ctl" ] || { echo "No PostgreSQL server binaries (pg_ctl) on this machine"; exit 1; }
# PostgreSQL refuses to run as root; the server then runs as the postgres user.
AS_PG=()
[ "$(id -u)" != 0 ] || AS_PG=(runuser -u postgres --)

for port in $PG_PORT $PORT_A $PORT_B; do
  ! (exec 3<>"/dev/tcp/localhost/$port") 2>/dev/null || { echo "Port $port is in use (a previous run still going?)"; exit 1; }
done
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests package
JAR=$(readlink -f "$(ls target/satupintu-*.jar | grep -v original | head -1)")

PG_DATA="$DATA/pgdata"
mkdir -p "$PG_DATA"
[ "$(id -u)" != 0 ] || chown -R postgres "$DATA"
chmod 755 "$DATA"
cleanup() {
  for pid in "$DATA"/app-*.pid; do
    [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true
  done
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 >/dev/null
# Durable as in production: an acknowledged commit is on disk.
cat >> "$PG_DATA/postgresql.conf" <<CONF
port = $PG_PORT
listen_addresses = 'localhost'
unix_socket_directories = '$DATA'
max_connections = 100
fsync = on
synchronous_commit = on
CONF
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$DATA/pg.log" -w start >/dev/null

PG_RUN_AS="${AS_PG[*]}" JAVA="$JAVA" JAR="$JAR" PG_CTL="$PG_BIN/pg_ctl" PG_DATA="$PG_DATA" PG_PORT=$PG_PORT PORT_A=$PORT_A PORT_B=$PORT_B \
  "$JAVA" bench/ReliabilityBench.java "$DATA" "$RESULTS" || {
  status=$?
  LOGS=$(mktemp -d /tmp/satupintu-reliability-XXXXXX)
  cp "$DATA"/app-*.log "$DATA"/pg.log "$LOGS"/ 2>/dev/null || true
  echo "A check failed; the application and PostgreSQL logs are kept in $LOGS"
  exit $status
}
