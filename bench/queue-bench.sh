#!/usr/bin/env bash
# Queue benchmarks: ticket issuance through the HTTP API against pgbench running the equivalent transaction on the
# same database in the same run, call-next throughput, and live fan-out to display boards.
# Usage: bench/queue-bench.sh [clients=16] [seconds=20] [boards=1000]
# Prints the figures and appends them to bench/results/queue.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-16}
SECONDS_RUN=${2:-20}
BOARDS=${3:-1000}
PG_PORT=54329
HTTP_PORT=8090
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)
RESULTS=bench/results/queue.txt
DATA=$(mktemp -d)
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client; }

./mvnw -q -B -DskipTests package
JAR=$(ls target/satupintu-*.jar | grep -v original | head -1)

# Tuesday 1 December 2026, 09:00 WIB: every demo mall is open.
SATUPINTU_DATA_DIR="$DATA" SATUPINTU_CLOCK=2026-12-01T02:00:00Z "$JAVA" -jar "$JAR" \
  --server.port=$HTTP_PORT --satupintu.embedded-database.port=$PG_PORT --logging.level.root=WARN \
  --server.tomcat.max-connections=20000 > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$HTTP_PORT/actuator/health" >/dev/null && break
  sleep 1
done
curl -sf "http://localhost:$HTTP_PORT/actuator/health" >/dev/null || { cat "$DATA/app.log"; exit 1; }

{
  echo "## $(date -u +%Y-%m-%dT%H:%M:%SZ) clients=$CLIENTS seconds=$SECONDS_RUN boards=$BOARDS cores=$(nproc)"
} | tee -a "$RESULTS"

# The equivalent of one issuance in plain SQL: the number row, the ticket row, its event and the notification.
PSQL="psql -q -h localhost -p $PG_PORT -U postgres -d postgres"
$PSQL <<'SQL'
DROP TABLE IF EXISTS bench_target;
CREATE TABLE bench_target AS
  SELECT row_number() OVER () AS i, s.mall_id, s.id AS service_id, s.ticket_prefix AS prefix
  FROM service s WHERE s.active AND s.daily_quota IS NULL;
SQL
TARGETS=$($PSQL -At -c "SELECT count(*) FROM bench_target")
cat > "$DATA/issue.sql" <<SQL
\set i random(1, $TARGETS)
BEGIN;
INSERT INTO ticket_number (mall_id, local_date, prefix, last_number)
  SELECT mall_id, DATE '2027-01-05', prefix, 1 FROM bench_target WHERE i = :i
  ON CONFLICT (mall_id, local_date, prefix) DO UPDATE SET last_number = ticket_number.last_number + 1
  RETURNING last_number AS seq \gset
WITH issued AS (INSERT INTO ticket (id, mall_id, local_date, prefix, seq, number, service_id, first_service_id,
    channel, status, arrival_at, queued_at)
  SELECT gen_random_uuid(), mall_id, DATE '2027-01-05', prefix, :seq, 'B', service_id, service_id, 'API', 'WAITING',
    now(), now() FROM bench_target WHERE i = :i RETURNING id, mall_id, service_id)
INSERT INTO ticket_event (mall_id, ticket_id, at, type, service_id)
  SELECT mall_id, id, now(), 'ISSUED', service_id FROM issued;
SELECT pg_notify('satupintu_bench', 'issued');
COMMIT;
SQL
PGBENCH_TPS=$(set +o pipefail; pgbench -n -h localhost -p $PG_PORT -U postgres -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" \
  -f "$DATA/issue.sql" postgres 2>"$DATA/pgbench.err" | tee "$DATA/pgbench.out" | grep -E '^tps' | head -1 | sed -E 's/tps = ([0-9.]+).*/\1/')
[ -n "$PGBENCH_TPS" ] || { cat "$DATA/pgbench.err" "$DATA/pgbench.out"; exit 1; }
echo "issue.pgbench.transactions_per_second $PGBENCH_TPS" | tee -a "$RESULTS"

"$JAVA" bench/QueueLoadBench.java "http://localhost:$HTTP_PORT" "$CLIENTS" "$SECONDS_RUN" "$BOARDS" "$DATA/load.txt"
cat "$DATA/load.txt" >> "$RESULTS"
HTTP_RATE=$(grep '^issue.http.tickets_per_second' "$DATA/load.txt" | awk '{print $2}')
awk -v a="$HTTP_RATE" -v b="$PGBENCH_TPS" 'BEGIN { printf "issue.ratio_http_to_pgbench %.2f (target at least 0.50)\n", a / b }' \
  | tee -a "$RESULTS"
