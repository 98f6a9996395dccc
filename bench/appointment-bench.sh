#!/usr/bin/env bash
# Appointment benchmark: the booking rush when a new day opens. At least 500 clients released at once against the
# day that has just opened (14 days ahead, at 08:00 in the mall), each making booking attempts with NIKs of their
# own; against pgbench running the equivalent booking transaction on the same database in the same run.
# Usage: bench/appointment-bench.sh [clients=500] [attempts=8] [seats_per_slot=200] [pgbench_clients=20]
# Environment: SKIP_BUILD=1 uses the jar already in target/; JFR=<file> records the application with Java Flight
# Recorder during the rush only (to look at afterwards, e.g. with jfr view hot-methods <file>).
# Prints the figures and appends them to bench/results/appointments.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-500}
ATTEMPTS=${2:-8}
SEATS=${3:-200}
PG_CLIENTS=${4:-20}
PG_PORT=54330
HTTP_PORT=8091
MALL=36.71
JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)
RESULTS=bench/results/appointments.txt
DATA=$(mktemp -d)
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client; }

for port in $PG_PORT $HTTP_PORT; do
  ! (exec 3<>"/dev/tcp/localhost/$port") 2>/dev/null || { echo "Port $port is in use (a previous run still going?)"; exit 1; }
done
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests package
JAR=$(ls target/satupintu-*.jar | grep -v original | head -1)

# Tuesday 1 December 2026, 08:00 WIB: the hour at which the 14th day ahead, Tuesday 15 December, opens for booking.
RUSH_DAY=2026-12-15
WARM_DAY=2026-12-14
BASELINE_DAY=2026-12-16
FOLLOWUP_DAY=2026-12-17
SATUPINTU_DATA_DIR="$DATA" SATUPINTU_CLOCK=2026-12-01T01:00:00Z "$JAVA" -jar "$JAR" \
  --server.port=$HTTP_PORT --satupintu.embedded-database.port=$PG_PORT --logging.level.root=WARN \
  --server.tomcat.max-connections=20000 --satupintu.rate-limit.public-writes.capacity=100000000 \
  --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$DATA" \
  --server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.suffix=.log \
  --server.tomcat.accesslog.rotate=false --server.tomcat.accesslog.buffered=false --server.tomcat.accesslog.pattern='%m %U %s %D' \
  > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$HTTP_PORT/actuator/health" >/dev/null && break
  sleep 1
done
curl -sf "http://localhost:$HTTP_PORT/actuator/health" >/dev/null || { cat "$DATA/app.log"; exit 1; }

PSQL="psql -q -X -h localhost -p $PG_PORT -U postgres -d postgres -v ON_ERROR_STOP=1"
# The bookable service of the mall without a daily quota, so that its seats are those of its slots; many seats each.
SERVICE=$($PSQL -At -c "SELECT s.code FROM appointment_rules r JOIN service s ON s.id = r.service_id
  JOIN mall m ON m.id = r.mall_id WHERE m.code = '$MALL' AND r.enabled AND s.active AND s.daily_quota IS NULL
  ORDER BY s.code LIMIT 1")
[ -n "$SERVICE" ] || { echo "No bookable service without a daily quota at $MALL"; exit 1; }
$PSQL -c "UPDATE appointment_rules r SET seats_per_slot = $SEATS FROM service s, mall m
  WHERE s.id = r.service_id AND m.id = r.mall_id AND m.code = '$MALL' AND s.code = '$SERVICE'"
SLOTS=$(curl -sf "http://localhost:$HTTP_PORT/api/v1/malls/$MALL/services/$SERVICE/slots?date=$RUSH_DAY" \
  | grep -o '"start"' | wc -l)
[ "$SLOTS" -gt 0 ] || { echo "$RUSH_DAY is not bookable"; exit 1; }
SLOT_MINUTES=$($PSQL -At -c "SELECT r.slot_minutes FROM appointment_rules r JOIN service s ON s.id = r.service_id
  JOIN mall m ON m.id = r.mall_id WHERE m.code = '$MALL' AND s.code = '$SERVICE'")

{
  echo "## $(date -u +%Y-%m-%dT%H:%M:%SZ) clients=$CLIENTS attempts=$ATTEMPTS seats_per_slot=$SEATS" \
    "pgbench_clients=$PG_CLIENTS cores=$(nproc) service=$MALL/$SERVICE slots=$SLOTS seats=$((SLOTS * SEATS))"
} | tee -a "$RESULTS"

# pgbench: one booking in plain SQL, statement for statement what the application runs for a booking that gets its
# seat (read with Spring's JDBC logging): before the transaction the mall and the service by code, the booking rules,
# the day's hours, override and holidays; in it the NIK's active booking, whether the slot has room, the appointment,
# the event publication of AppointmentBooked and last the seat under the slot's row lock. A day of its own, with its slots written beforehand and seats enough for every
# transaction, at the same number of slots as the rush (so the same contention on the slot rows); the clients match
# the application's connection pool.
# The "with follow-up" variant adds what the booking sets off after its commit, on the same pool: the publication
# marked processing, the confirmation's reads (appointment, mall, service, rules) and the publication completed.
baseline_day() {
  $PSQL <<SQL
INSERT INTO appointment_slot (mall_id, service_id, starts_at, ends_at, local_date, seats)
SELECT a.mall_id, a.service_id, a.starts_at + interval '1 day' * (DATE '$1' - DATE '$WARM_DAY'),
  a.ends_at + interval '1 day' * (DATE '$1' - DATE '$WARM_DAY'), DATE '$1', 1000
FROM appointment_slot a JOIN mall m ON m.id = a.mall_id JOIN service s ON s.id = a.service_id
WHERE m.code = '$MALL' AND s.code = '$SERVICE' AND a.local_date = DATE '$WARM_DAY';
SQL
}
booking_sql() {
  local STARTS
  STARTS=$($PSQL -At -c "SELECT string_agg(quote_literal(a.starts_at::text), ', ' ORDER BY a.starts_at)
    FROM appointment_slot a JOIN mall m ON m.id = a.mall_id JOIN service s ON s.id = a.service_id
    WHERE m.code = '$MALL' AND s.code = '$SERVICE' AND a.local_date = DATE '$1'")
  cat <<SQL
\\set slot random(0, $((SLOTS - 1)))
\\set nik random(1, 1000000000000)
SELECT id, code, name, region_code, address, time_zone, open_on_collective_leave FROM mall WHERE code = '$MALL' \\gset m_
SELECT s.id, s.mall_id, s.agency_id, s.code, s.name_id, s.name_en, s.requirements, s.procedure,
  s.completion_time, s.fee, s.fee_legal_basis, s.product, s.complaint_channel, s.legal_basis,
  s.ticket_prefix, s.daily_quota, s.online, s.active, s.version FROM service s WHERE s.mall_id = :m_id AND s.code = '$SERVICE' \\gset s_
SELECT * FROM appointment_rules WHERE mall_id = :m_id AND service_id = :s_id;
SELECT 'H' AS fact, opens, closes, break_start, break_end, NULL::boolean AS open, NULL AS name, NULL AS kind FROM mall_opening_hours WHERE mall_id = :m_id AND day_of_week = extract(isodow FROM DATE '$1')::int UNION ALL SELECT 'O', NULL, NULL, NULL, NULL, open, name, NULL FROM mall_day_override WHERE mall_id = :m_id AND day = DATE '$1' UNION ALL SELECT 'N', NULL, NULL, NULL, NULL, NULL, name, kind FROM national_holiday WHERE holiday_date = DATE '$1';
BEGIN;
SELECT EXISTS (SELECT 1 FROM appointment WHERE mall_id = :m_id AND service_id = :s_id AND local_date = DATE '$1' AND nik_fingerprint = md5(CAST(:nik AS text)) || md5(CAST(:nik AS text) || 'f') AND status IN ('BOOKED', 'CHECKED_IN'));
SELECT booked < seats FROM appointment_slot WHERE mall_id = :m_id AND service_id = :s_id AND starts_at = (CAST(ARRAY[$STARTS] AS timestamptz[]))[:slot + 1];
INSERT INTO appointment (id, booking_code, mall_id, service_id, starts_at, ends_at, local_date, nik_fingerprint, nik_masked, name, phone, email, language, channel, status, booked_at) VALUES (gen_random_uuid(), 'B' || nextval('bench_booking_code'), :m_id, :s_id, (CAST(ARRAY[$STARTS] AS timestamptz[]))[:slot + 1], (CAST(ARRAY[$STARTS] AS timestamptz[]))[:slot + 1] + interval '$SLOT_MINUTES minutes', DATE '$1', md5(CAST(:nik AS text)) || md5(CAST(:nik AS text) || 'f'), '1610********0001', 'Bench ' || CAST(:nik AS text), NULL, 'bench-' || CAST(:nik AS text) || '@example.org', 'id', 'API', 'BOOKED', now()) RETURNING id AS appointment \\gset
INSERT INTO event_publication (id, event_type, listener_id, publication_date, serialized_event, status, completion_attempts, last_resubmission_date) VALUES (gen_random_uuid(), 'id.satupintu.appointment.AppointmentBooked', 'bench.baseline', now(), '{"appointmentId":"' || CAST(:appointment AS text) || '"}', 'PUBLISHED', 0, NULL) RETURNING id AS publication \\gset
UPDATE appointment_slot SET booked = booked + 1 WHERE mall_id = :m_id AND service_id = :s_id AND starts_at = (CAST(ARRAY[$STARTS] AS timestamptz[]))[:slot + 1] AND booked < seats RETURNING booked;
COMMIT;
SQL
}
followup_sql() {
  cat <<SQL
BEGIN;
UPDATE event_publication SET status = 'PROCESSING' WHERE id = CAST(:publication AS uuid) AND status != 'PROCESSING';
COMMIT;
BEGIN;
SELECT id, booking_code, mall_id, service_id, starts_at, ends_at, local_date, nik_fingerprint, nik_masked, name, phone, email, language, channel, status, booked_at, checked_in_at, ticket_id, cancelled_at, cancel_reason FROM appointment WHERE id = CAST(:appointment AS uuid);
SELECT id, code, name, region_code, address, time_zone, open_on_collective_leave FROM mall WHERE id = :m_id;
SELECT s.id, s.mall_id, s.agency_id, s.code, s.name_id, s.name_en, s.requirements, s.procedure, s.completion_time, s.fee, s.fee_legal_basis, s.product, s.complaint_channel, s.legal_basis, s.ticket_prefix, s.daily_quota, s.online, s.active, s.version FROM service s WHERE s.mall_id = :m_id AND s.id = :s_id;
SELECT * FROM appointment_rules WHERE mall_id = :m_id AND service_id = :s_id;
COMMIT;
BEGIN;
UPDATE event_publication SET status = 'COMPLETED', completion_date = now() WHERE id = CAST(:publication AS uuid);
COMMIT;
SQL
}
pgbench_tps() {
  (set +o pipefail; pgbench -n -M prepared -h localhost -p $PG_PORT -U postgres -c "$PG_CLIENTS" -j 2 -t "$2" -f "$1" postgres \
    2>"$DATA/pgbench.err" | tee "$DATA/pgbench.out" | grep -E '^tps' | head -1 | sed -E 's/tps = ([0-9.]+).*/\1/')
}

# Warm-up, not counted: the JIT compiles the booking path on the day before (which also writes the slot rows the
# baseline days copy); the rush day stays untouched.
"$JAVA" bench/AppointmentRushBench.java "http://localhost:$HTTP_PORT" "$MALL" "$SERVICE" "$WARM_DAY" 100 10 9 warmup - \
  > "$DATA/warmup.txt"

# Each pgbench transaction takes a seat of the baseline day: as many transactions as the rush has attempts, at most
# the day's seats.
PG_TX=$(( (CLIENTS * ATTEMPTS < SLOTS * 1000 ? CLIENTS * ATTEMPTS : SLOTS * 1000) / PG_CLIENTS ))
$PSQL -c "CREATE SEQUENCE bench_booking_code"
baseline_day $BASELINE_DAY
booking_sql $BASELINE_DAY > "$DATA/booking.sql"
PGBENCH_TPS=$(pgbench_tps "$DATA/booking.sql" "$PG_TX")
[ -n "$PGBENCH_TPS" ] || { cat "$DATA/pgbench.err" "$DATA/pgbench.out"; exit 1; }
echo "rush.pgbench_equivalent.transactions_per_second $PGBENCH_TPS ($PG_CLIENTS clients, $((PG_TX * PG_CLIENTS)) bookings)" \
  | tee -a "$RESULTS"
baseline_day $FOLLOWUP_DAY
{ booking_sql $FOLLOWUP_DAY; followup_sql; } > "$DATA/booking-followup.sql"
PGBENCH_FOLLOWUP_TPS=$(pgbench_tps "$DATA/booking-followup.sql" "$PG_TX")
[ -n "$PGBENCH_FOLLOWUP_TPS" ] || { cat "$DATA/pgbench.err" "$DATA/pgbench.out"; exit 1; }
echo "rush.pgbench_equivalent_with_followup.transactions_per_second $PGBENCH_FOLLOWUP_TPS" | tee -a "$RESULTS"
$PSQL -c "DELETE FROM event_publication WHERE listener_id = 'bench.baseline'"
$PSQL -c "CHECKPOINT"

# CPU seconds (user + system) of the application and of the database server, and the application's own time for
# each booking request (Tomcat's access log), over the rush.
cpu_seconds() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  awk -v t=$total -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
pg_pids() {
  local postmaster
  postmaster=$(pgrep -f "postgres -D $DATA" | head -1)
  echo "$postmaster" $(pgrep -P "$postmaster")
}
ACCESS_LINES0=$(cat "$DATA"/access*.log 2>/dev/null | wc -l)
APP_CPU0=$(cpu_seconds $APP)
PG_CPU0=$(cpu_seconds $(pg_pids))
[ -z "${JFR:-}" ] || "$(dirname "$JAVA")/jcmd" $APP JFR.start name=rush settings=profile > /dev/null
# The rush, on a day nobody has booked yet (no slot rows written).
FRESH=$($PSQL -At -c "SELECT count(*) FROM appointment_slot
  WHERE local_date = DATE '$RUSH_DAY' OR starts_at >= TIMESTAMPTZ '$RUSH_DAY 00:00+07' AND starts_at < TIMESTAMPTZ '$RUSH_DAY 00:00+07' + interval '1 day'")
[ "$FRESH" = 0 ] || { echo "$RUSH_DAY has been booked already"; exit 1; }
"$JAVA" bench/AppointmentRushBench.java "http://localhost:$HTTP_PORT" "$MALL" "$SERVICE" "$RUSH_DAY" \
  "$CLIENTS" "$ATTEMPTS" 1 rush "$DATA/rush.txt"
[ -z "${JFR:-}" ] || "$(dirname "$JAVA")/jcmd" $APP JFR.stop name=rush filename="$JFR" > /dev/null
APP_CPU=$(awk -v a="$(cpu_seconds $APP)" -v b="$APP_CPU0" 'BEGIN { printf "%.1f", a - b }')
PG_CPU=$(awk -v a="$(cpu_seconds $(pg_pids))" -v b="$PG_CPU0" 'BEGIN { printf "%.1f", a - b }')
sleep 2  # the access log is written in the background
RUSH_SECONDS=$(grep '^rush.http.bookings ' "$DATA/rush.txt" | sed -E 's/.* in ([0-9.]+) s .*/\1/')
awk -v app="$APP_CPU" -v pg="$PG_CPU" -v s="$RUSH_SECONDS" -v n="$(nproc)" -v a=$((CLIENTS * ATTEMPTS)) 'BEGIN {
  printf "rush.cpu_seconds application %.1f, database %.1f, of %.1f on %d cores in the rush (%.1f ms application " \
    "and %.1f ms database per attempt; the load driver: rush.driver.cpu_seconds)\n", app, pg, s * n, n, app * 1000 / a,
    pg * 1000 / a }' >> "$DATA/rush.txt"
cat "$DATA"/access*.log | tail -n +$((ACCESS_LINES0 + 1)) | awk '$1 == "POST" && $2 == "/api/v1/appointments" { print $4 }' \
  | sort -n | awk '{ v[NR] = $1; s += $1 } END { if (NR > 0) printf "rush.server.request_ms mean %.0f p50 %.0f p99 %.0f max %.0f " \
    "over %d requests (Tomcat access log: from reading the request to the response, inside the application)\n",
    s / NR / 1000, v[int(NR * 0.5 + 0.5)] / 1000, v[int(NR * 0.99 + 0.5)] / 1000, v[NR] / 1000, NR }' \
  >> "$DATA/rush.txt"
grep -E '^rush\.(cpu|server)' "$DATA/rush.txt" || true
cat "$DATA/rush.txt" >> "$RESULTS"
HTTP_RATE=$(grep '^rush.http.bookings_per_second' "$DATA/rush.txt" | awk '{print $2}')
CREATED=$(grep '^rush.http.bookings ' "$DATA/rush.txt" | awk '{print $2}')
awk -v a="$HTTP_RATE" -v b="$PGBENCH_TPS" -v f="$PGBENCH_FOLLOWUP_TPS" 'BEGIN {
  printf "rush.ratio_http_to_pgbench_equivalent %.2f (target at least 0.50)\n", a / b;
  printf "rush.ratio_http_to_pgbench_equivalent_with_followup %.2f\n", a / f }' | tee -a "$RESULTS"

# Zero overbooking: no slot of the rush day with more bookings than seats, every slot's count equal to its active
# bookings, no NIK with two active bookings, and as many bookings as the driver got 201 answers.
$PSQL -At -F ' ' > "$DATA/check.txt" <<SQL
WITH slot AS (
  SELECT a.starts_at, a.seats, a.booked,
    (SELECT count(*) FROM appointment p WHERE p.mall_id = a.mall_id AND p.service_id = a.service_id
       AND p.starts_at = a.starts_at AND p.status IN ('BOOKED', 'CHECKED_IN')) AS bookings
  FROM appointment_slot a JOIN mall m ON m.id = a.mall_id JOIN service s ON s.id = a.service_id
  WHERE m.code = '$MALL' AND s.code = '$SERVICE' AND a.local_date = DATE '$RUSH_DAY')
SELECT count(*), coalesce(sum(seats), 0), coalesce(sum(booked), 0), coalesce(sum(bookings), 0),
  count(*) FILTER (WHERE booked > seats OR bookings > seats), count(*) FILTER (WHERE booked <> bookings),
  count(*) FILTER (WHERE booked = seats),
  (SELECT count(*) FROM (SELECT nik_fingerprint FROM appointment WHERE local_date = DATE '$RUSH_DAY'
     AND status IN ('BOOKED', 'CHECKED_IN') GROUP BY mall_id, service_id, nik_fingerprint HAVING count(*) > 1) d)
FROM slot;
SQL
read -r N_SLOTS N_SEATS N_BOOKED N_BOOKINGS OVERBOOKED MISMATCHED FULL DUPLICATES < "$DATA/check.txt"
VERDICT=$([ "$OVERBOOKED" = 0 ] && [ "$MISMATCHED" = 0 ] && [ "$DUPLICATES" = 0 ] && [ "$N_BOOKINGS" = "$CREATED" ] \
  && echo ok || echo FAILED)
echo "rush.overbooking $VERDICT: slots over their seats $OVERBOOKED, slots whose count differs from their bookings" \
  "$MISMATCHED, NIKs booked twice $DUPLICATES; $N_BOOKINGS bookings for $CREATED created answers, $N_BOOKED of" \
  "$N_SEATS seats taken, $FULL of $N_SLOTS slots full" | tee -a "$RESULTS"

# The confirmations the rush set off (e-mail to the simulated outbox), sent after the bookings' commits.
DRAIN_START=$(date +%s.%N)
for _ in $(seq 1 600); do
  PENDING=$($PSQL -At -c "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
  [ "$PENDING" = 0 ] && break
  sleep 0.5
done
awk -v s="$DRAIN_START" -v e="$(date +%s.%N)" -v p="$PENDING" \
  'BEGIN { printf "rush.confirmations_pending_after_rush_drained_in_s %.1f (still pending %d)\n", e - s, p }' \
  | tee -a "$RESULTS"
[ "$VERDICT" = ok ]
