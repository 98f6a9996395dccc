#!/usr/bin/env bash
# Insight benchmark: a generated year of activity for the 14 demo malls, then the time to build each report and the
# national view through the JSON API, against plain SQL aggregations over the raw tickets on the same database in
# the same run (pgbench running the equivalent statements). Target: every report at least 20 times faster than raw
# and under 1 s.
# Usage: bench/insight-bench.sh [days=365] [runs=20]
# Prints the figures and appends them to bench/results/insight.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
DAYS=${1:-365}
RUNS=${2:-20}
PG_PORT=54331
HTTP_PORT=8091
CLOCK=2026-12-01T02:00:00Z
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)
RESULTS=bench/results/insight.txt
DATA=$(mktemp -d)
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client; }

./mvnw -q -B -DskipTests package
JAR=$(ls target/satupintu-*.jar | grep -v original | head -1)
RUN=(env SATUPINTU_DATA_DIR="$DATA" SATUPINTU_CLOCK=$CLOCK "$JAVA" -jar "$JAR" --server.port=$HTTP_PORT
  --satupintu.embedded-database.port=$PG_PORT --logging.level.root=WARN)

# 1. The history, written by the documented command.
START=$(date +%s.%N)
"${RUN[@]}" --satupintu.generate-history="$DAYS" > "$DATA/generate.log" 2>&1 || { tail -40 "$DATA/generate.log"; exit 1; }
GENERATED=$(awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')

# 2. The application on that database.
"${RUN[@]}" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$HTTP_PORT/actuator/health" >/dev/null && break
  sleep 1
done
curl -sf "http://localhost:$HTTP_PORT/actuator/health" >/dev/null || { cat "$DATA/app.log"; exit 1; }
PSQL="psql -q -h localhost -p $PG_PORT -U postgres -d postgres"
$PSQL -c "VACUUM ANALYZE" >/dev/null
TICKETS=$($PSQL -At -c "SELECT count(*) FROM ticket")
ROLLUP_ROWS=$($PSQL -At -c "SELECT (SELECT count(*) FROM insight_service_day) || ' daily, ' || (SELECT count(*) FROM insight_service_month) || ' monthly'")
MALL=$($PSQL -At -c "SELECT id FROM mall WHERE code = '36.71'")

token() {
  curl -s "http://localhost:$HTTP_PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"mpp-demo-2026\"}" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'
}
ADMIN=$(token admin)
MANAGER=$(token manager-3671)

# Medians (ms) of an API call after a few calls not counted: the wall time seen by curl (HTTP, token, JSON) and the
# time the application took to build the answer (its Server-Timing header).
api_ms() {
  local tok=$1 path=$2
  for _ in 1 2 3; do curl -sf -o /dev/null -H "Authorization: Bearer $tok" "http://localhost:$HTTP_PORT$path"; done
  for _ in $(seq 1 "$RUNS"); do
    curl -sf -o /dev/null -D "$DATA/headers" -w '%{time_total}' -H "Authorization: Bearer $tok" \
      "http://localhost:$HTTP_PORT$path"
    echo " $(grep -i '^server-timing' "$DATA/headers" | sed -E 's/.*dur=([0-9.]+).*/\1/')"
  done > "$DATA/times"
  sort -n -k1 "$DATA/times" | awk '{ a[NR] = $1 } END { printf "%.1f ", a[int((NR + 1) / 2)] * 1000 }'
  sort -n -k2 "$DATA/times" | awk '{ a[NR] = $2 } END { printf "%.1f", a[int((NR + 1) / 2)] }'
}
# Mean latency (ms) of a SQL script run by pgbench on one connection.
sql_ms() {
  pgbench -n -h localhost -p $PG_PORT -U postgres -c 1 -t "$3" -f "$1" postgres 2>/dev/null \
    | grep -E '^latency average' | sed -E 's/latency average = ([0-9.]+) ms/\1/'
}

# The raw equivalent of a mall report: totals with percentiles, by service, by agency, the series, arrivals by hour.
raw_mall() { # from to unit
  cat <<SQL
SELECT count(*), count(*) FILTER (WHERE status = 'DONE'), count(*) FILTER (WHERE status = 'NO_SHOW'),
  count(*) FILTER (WHERE channel = 'APPOINTMENT'), avg(wait_seconds) FILTER (WHERE status <> 'CANCELLED'),
  percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY wait_seconds) FILTER (WHERE status <> 'CANCELLED'),
  percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY service_seconds) FILTER (WHERE status = 'DONE')
FROM ticket WHERE mall_id = $MALL AND local_date BETWEEN '$1' AND '$2' AND status IN ('DONE', 'NO_SHOW', 'CANCELLED');
SELECT first_service_id, count(*), count(*) FILTER (WHERE status = 'DONE'), count(*) FILTER (WHERE status = 'NO_SHOW'),
  percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY wait_seconds) FILTER (WHERE status <> 'CANCELLED'),
  percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY service_seconds) FILTER (WHERE status = 'DONE')
FROM ticket WHERE mall_id = $MALL AND local_date BETWEEN '$1' AND '$2' AND status IN ('DONE', 'NO_SHOW', 'CANCELLED')
GROUP BY first_service_id;
SELECT s.agency_id, count(*), count(*) FILTER (WHERE t.status = 'DONE'),
  percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY t.wait_seconds) FILTER (WHERE t.status <> 'CANCELLED'),
  percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY t.service_seconds) FILTER (WHERE t.status = 'DONE')
FROM ticket t JOIN service s ON s.id = t.first_service_id
WHERE t.mall_id = $MALL AND t.local_date BETWEEN '$1' AND '$2' AND t.status IN ('DONE', 'NO_SHOW', 'CANCELLED')
GROUP BY s.agency_id;
SELECT date_trunc('$3', local_date), count(*), count(*) FILTER (WHERE status = 'DONE'),
  avg(wait_seconds) FILTER (WHERE status <> 'CANCELLED')
FROM ticket WHERE mall_id = $MALL AND local_date BETWEEN '$1' AND '$2' AND status IN ('DONE', 'NO_SHOW', 'CANCELLED')
GROUP BY 1;
SELECT extract(hour FROM arrival_at AT TIME ZONE 'Asia/Jakarta'), count(*)
FROM ticket WHERE mall_id = $MALL AND local_date BETWEEN '$1' AND '$2' AND status IN ('DONE', 'NO_SHOW', 'CANCELLED')
GROUP BY 1;
SQL
}
# The raw equivalent of the national view: every mall with percentiles, its months, and the period before.
raw_national() { # from to before
  cat <<SQL
SELECT mall_id, count(*), count(*) FILTER (WHERE status = 'DONE'), count(*) FILTER (WHERE status = 'NO_SHOW'),
  percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY wait_seconds) FILTER (WHERE status <> 'CANCELLED'),
  percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY service_seconds) FILTER (WHERE status = 'DONE')
FROM ticket WHERE local_date BETWEEN '$1' AND '$2' AND status IN ('DONE', 'NO_SHOW', 'CANCELLED') GROUP BY mall_id;
SELECT mall_id, date_trunc('month', local_date), count(*), avg(wait_seconds) FILTER (WHERE status <> 'CANCELLED')
FROM ticket WHERE local_date BETWEEN '$1' AND '$2' AND status IN ('DONE', 'NO_SHOW', 'CANCELLED') GROUP BY 1, 2;
SELECT mall_id, count(*) FROM ticket WHERE local_date BETWEEN '$3' AND '$1'::date - 1
  AND status IN ('DONE', 'NO_SHOW', 'CANCELLED') GROUP BY mall_id;
SQL
}

TO=2026-11-30
YEAR_FROM=2025-12-01
MONTH_FROM=2026-11-01
raw_mall $YEAR_FROM $TO month > "$DATA/raw-mall-year.sql"
raw_mall $MONTH_FROM $TO day > "$DATA/raw-mall-month.sql"
raw_national $YEAR_FROM $TO 2024-12-01 > "$DATA/raw-national-year.sql"
raw_national $MONTH_FROM $TO 2026-10-02 > "$DATA/raw-national-month.sql"

{
  echo "## $(date -u +%Y-%m-%dT%H:%M:%SZ) days=$DAYS runs=$RUNS cores=$(nproc)"
  echo "history.generate.seconds $GENERATED ($TICKETS tickets for 14 malls; rollups: $ROLLUP_ROWS)"
} | tee -a "$RESULTS"

# The report's build time against the raw SQL (both include their database round trips), and the wall time over HTTP.
measure() { # name token path raw-script raw-runs
  local times raw
  times=$(api_ms "$2" "$3")
  raw=$(sql_ms "$4" x "$5")
  awk -v n="$1" -v w="${times% *}" -v b="${times#* }" -v r="$raw" 'BEGIN {
    printf "%s.build_ms %.1f  http_ms %.1f  raw_sql_ms %.1f  ratio_build %.1f  ratio_http %.1f (target: build at least 20 times faster than raw and under 1000 ms: %s)\n",
      n, b, w, r, r / b, r / w, (r / b >= 20 && w < 1000) ? "met" : "NOT met" }' | tee -a "$RESULTS"
}
measure report.mall_year "$MANAGER" "/api/v1/insight/malls/36.71/report?from=$YEAR_FROM&to=$TO" "$DATA/raw-mall-year.sql" 5
measure report.mall_month "$MANAGER" "/api/v1/insight/malls/36.71/report?from=$MONTH_FROM&to=$TO" "$DATA/raw-mall-month.sql" 10
measure national.year "$ADMIN" "/api/v1/insight/national?from=$YEAR_FROM&to=$TO" "$DATA/raw-national-year.sql" 3
measure national.month "$ADMIN" "/api/v1/insight/national?from=$MONTH_FROM&to=$TO" "$DATA/raw-national-month.sql" 5
