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
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

./mvnw -q -B -DskipTests package
JAR=$(ls target/satupintu-*.jar | grep -v original | head -1)

# Tuesday 1 December 2026, 09:00 WIB: every demo mall is open.
SATUPINTU_DATA_DIR="$DATA" SATUPINTU_CLOCK=2026-12-01T02:00:00Z "$JAVA" -jar "$JAR" \
  --server.port=$HTTP_PORT --satupintu.embedded-database.port=$PG_PORT --logging.level.root=WARN \
  --server.tomcat.max-connections=20000 > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
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
# Two plain-SQL baselines for one issuance, each on a day of its own (2027-01-05, 2027-01-06) so that neither sees the
# other's tickets nor the application's:
# - "writes": the number row, the ticket row, its event and the notification;
# - "equivalent": every statement the application runs to issue a ticket in this benchmark, in the same form. The
#   application keeps each mall's configuration (mall, services, counters, the day's schedule) in memory and checks
#   it against the configuration version, which it reads with the floor (open counters, what they are busy with,
#   the priority streak limit). No counter is open here, so there is no wait to estimate: it counts the tickets
#   ahead instead of reading the waiting line and recent service times. No service here has a quota. Then the
#   number row, and the ticket row with its event and the notification in one statement.
WRITES='INSERT INTO ticket_number (mall_id, local_date, prefix, last_number)
  SELECT mall_id, DATE '"'"'2027-01-05'"'"', prefix, 1 FROM bench_target WHERE i = :i
  ON CONFLICT (mall_id, local_date, prefix) DO UPDATE SET last_number = ticket_number.last_number + 1
  RETURNING last_number AS seq \gset
WITH issued AS (INSERT INTO ticket (id, mall_id, local_date, prefix, seq, number, service_id, first_service_id,
    channel, status, arrival_at, queued_at)
  SELECT gen_random_uuid(), mall_id, DATE '"'"'2027-01-05'"'"', prefix, :seq, '"'"'B'"'"', service_id, service_id,
    '"'"'API'"'"', '"'"'WAITING'"'"', now(), now() FROM bench_target WHERE i = :i RETURNING id, mall_id, service_id)
INSERT INTO ticket_event (mall_id, ticket_id, at, type, service_id)
  SELECT mall_id, id, now(), '"'"'ISSUED'"'"', service_id FROM issued;
SELECT pg_notify('"'"'satupintu_bench'"'"', '"'"'issued'"'"');'
{
  echo "\\set i random(1, $TARGETS)"
  echo "BEGIN;"
  echo "$WRITES"
  echo "COMMIT;"
} > "$DATA/issue-writes.sql"
{
  echo "\\set i random(1, $TARGETS)"
  echo "BEGIN;"
  cat <<'SQL'
SELECT mall_id AS mall, service_id AS service, prefix FROM bench_target WHERE i = :i \gset
SELECT v.version, s.max_priority_streak, d.counter_id, d.priority_streak, d.busy_with, d.busy_since
  FROM configuration_version v LEFT JOIN queue_settings s ON s.mall_id = :mall
  LEFT JOIN (SELECT qc.counter_id, qc.priority_streak, t.service_id AS busy_with, t.called_at AS busy_since
             FROM queue_counter qc LEFT JOIN ticket t ON t.counter_id = qc.counter_id AND t.status IN ('CALLED', 'SERVING')
             WHERE qc.mall_id = :mall AND qc.status = 'OPEN') d ON TRUE;
SELECT count(*) FROM ticket WHERE mall_id = :mall AND local_date = DATE '2027-01-05' AND status = 'WAITING'
  AND service_id = :service AND id <> gen_random_uuid()
  AND ((priority_group IS NOT NULL) > false OR (priority_group IS NOT NULL) = false AND (arrival_at, seq) < (now(), 2147483647));
INSERT INTO ticket_number (mall_id, local_date, prefix, last_number) VALUES (:mall, DATE '2027-01-05', :prefix, 1)
  ON CONFLICT (mall_id, local_date, prefix) DO UPDATE SET last_number = ticket_number.last_number + 1
  RETURNING last_number AS seq \gset
WITH issued AS (INSERT INTO ticket (id, mall_id, local_date, prefix, seq, number, service_id, first_service_id,
    priority_group, channel, status, arrival_at, queued_at, estimated_wait_minutes)
  VALUES (gen_random_uuid(), :mall, DATE '2027-01-05', :prefix, :seq, CAST(:prefix AS text) || lpad(CAST(:seq AS text), 3, '0'), :service,
    :service, NULL, 'API', 'WAITING', now(), now(), NULL) RETURNING id, mall_id, service_id, arrival_at, channel),
  event AS (INSERT INTO ticket_event (mall_id, ticket_id, at, type, service_id, detail)
    SELECT mall_id, id, arrival_at, 'ISSUED', service_id, channel FROM issued)
SELECT pg_notify('satupintu_bench', json_build_object('mall', CAST(:mall AS bigint), 'kind', 'CHANGED', 'ticket', NULL,
  'number', NULL, 'counter', NULL)::text) FROM issued;
SQL
  echo "COMMIT;"
} | sed "s/2027-01-05/2027-01-06/g" > "$DATA/issue-equivalent.sql"
pgbench_tps() {
  (set +o pipefail; pgbench -n -M prepared -h localhost -p $PG_PORT -U postgres -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" -f "$1" postgres \
    2>"$DATA/pgbench.err" | tee "$DATA/pgbench.out" | grep -E '^tps' | head -1 | sed -E 's/tps = ([0-9.]+).*/\1/')
}
PGBENCH_WRITES=$(pgbench_tps "$DATA/issue-writes.sql")
[ -n "$PGBENCH_WRITES" ] || { cat "$DATA/pgbench.err" "$DATA/pgbench.out"; exit 1; }
echo "issue.pgbench_writes.transactions_per_second $PGBENCH_WRITES" | tee -a "$RESULTS"
PGBENCH_TPS=$(pgbench_tps "$DATA/issue-equivalent.sql")
[ -n "$PGBENCH_TPS" ] || { cat "$DATA/pgbench.err" "$DATA/pgbench.out"; exit 1; }
echo "issue.pgbench_equivalent.transactions_per_second $PGBENCH_TPS" | tee -a "$RESULTS"

# The same issuance through the HTTP API, driven by wrk (C, light on the shared cores), round-robin over the same
# services as pgbench (every service without a quota of every mall).
$PSQL -At -F ' ' -c "SELECT m.code, s.code FROM bench_target b JOIN mall m ON m.id = b.mall_id
  JOIN service s ON s.id = b.service_id ORDER BY b.i" > "$DATA/targets.txt"
# A short run first, not counted, so the JVM has compiled the hot path before it is measured.
TARGETS="$DATA/targets.txt" wrk -t2 -c"$CLIENTS" -d10s -s bench/issue-tickets.lua "http://localhost:$HTTP_PORT" > /dev/null
TARGETS="$DATA/targets.txt" wrk -t2 -c"$CLIENTS" -d"${SECONDS_RUN}s" -s bench/issue-tickets.lua \
  "http://localhost:$HTTP_PORT" > "$DATA/wrk.out"
HTTP_RATE=$(grep 'Requests/sec' "$DATA/wrk.out" | awk '{print $2}')
NON_2XX=$(grep -oE 'Non-2xx or 3xx responses: [0-9]+' "$DATA/wrk.out" | awk '{print $NF}' || true)
echo "issue.http.tickets_per_second $HTTP_RATE (wrk, $CLIENTS connections, $(wc -l < "$DATA/targets.txt") services, non-2xx: ${NON_2XX:-0})" \
  | tee -a "$RESULTS"
awk -v a="$HTTP_RATE" -v b="$PGBENCH_TPS" -v w="$PGBENCH_WRITES" 'BEGIN {
  printf "issue.ratio_http_to_pgbench_equivalent %.2f (target at least 0.50)\n", a / b;
  printf "issue.ratio_http_to_pgbench_writes %.2f\n", a / w }' | tee -a "$RESULTS"

# Call-next throughput and fan-out to display boards (the driver's own issuance figure is left in its output).
"$JAVA" bench/QueueLoadBench.java "http://localhost:$HTTP_PORT" "$CLIENTS" 5 "$BOARDS" "$DATA/load.txt"
cat "$DATA/load.txt" >> "$RESULTS"
