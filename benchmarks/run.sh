#!/usr/bin/env bash
# Load test of the customer service: the service jar against PostgreSQL, a seeded table, every
# scenario after a warm-up, and reference points measured in the same run. See README.md here.
#
#   benchmarks/run.sh            # full run: 10 k and 1 M customers, 60 s warm-up, 30 s per scenario
#   benchmarks/run.sh --smoke    # a few seconds, to prove the script still works (CI runs this)
#
# Settings (environment): PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), CONNECTIONS (32),
# DURATION (30s), WARMUP (60s), ROWS_SMALL (10000), ROWS_LARGE (1000000), JAVA_OPTS (-Xmx256m),
# JAVA (java on the PATH; e.g. a Java 21+ binary to measure the service on virtual threads).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

smoke=false
[ "${1:-}" = "--smoke" ] && smoke=true
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS='--client-min-messages=warning'
connections=${CONNECTIONS:-32}
duration=${DURATION:-30s}
warmup=${WARMUP:-60s}
rows_small=${ROWS_SMALL:-10000}
rows_large=${ROWS_LARGE:-1000000}
java_opts=${JAVA_OPTS:--Xmx256m}
java_bin=${JAVA:-java}
java_version=$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')
if $smoke; then
  connections=4 duration=2s warmup=1s rows_small=500 rows_large=1000
fi
port=${BENCH_PORT:-18081}
db=customer_bench
ref_db=customer_bench_reference
export BENCH_API_KEY="bench-key-$(date +%s)-0123456789"
export BENCH_SCENARIOS="$root/benchmarks/scenarios"
work=$(mktemp -d)
service_pid=""

cleanup() {
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid"; wait "$service_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  echo "installing wrk from Debian's packages" >&2
  (apt-get install -y wrk >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y wrk >/dev/null))
fi
for tool in psql pgbench curl; do
  command -v "$tool" >/dev/null || { echo "benchmarks/run.sh needs $tool" >&2; exit 1; }
done
jar="$root/bootstrap/target/customer-service.jar"
# Build the jar when it is missing or older than any main source or resource, so a run never
# measures code other than the checkout's.
if [ ! -f "$jar" ] || [ -n "$(find "$root" -path '*/src/main/*' -type f -newer "$jar" -print -quit)" ]; then
  echo "building the service jar" >&2
  mvn -B -q package -DskipTests >&2
fi
revision=$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)

# A fresh database per run, so every run measures the same thing.
psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null

# The receiver budget is raised far above the load (the default is 20/s per key), so the scenario
# measures the look-up with its rate limiter running, not the 429s.
start_service() { # [extra JVM options]
  local began=$(date +%s%N)
  SERVICE_MODE=sandbox HOST=127.0.0.1 PORT=$port DATA_DIR="$work/data" \
    DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER" DATABASE_POOL_SIZE=32 \
    API_KEYS="$BENCH_API_KEY" ACCESS_LOG_LEVEL=WARN \
    RECEIVER_LOOKUPS_PER_SECOND=1000000 RECEIVER_LOOKUP_BURST=1000000 \
    "$java_bin" $java_opts "$@" -jar "$jar" > "$work/service.log" 2>&1 &
  service_pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
    kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
    sleep 0.05
  done
  startup_ms=$(( ($(date +%s%N) - began) / 1000000 ))
}

seed() { # rows: make the table hold 1..rows seeded customers (SQL, not HTTP)
  psql -q -d "$db" -v ON_ERROR_STOP=1 <<SQL >/dev/null
INSERT INTO customer (id, phone, status, kyc_status, failed_selfies, first_name, last_name,
  customer_segment, created_at, updated_at, version)
SELECT 'cus_' || lpad(g::text, 24, '0'), '+25882' || lpad(g::text, 7, '0'), 'active',
  CASE WHEN g % 20 = 0 THEN 'pending' ELSE 'unverified' END, 0, 'First' || g, 'Last' || g,
  'personal', timestamptz '2025-01-01' + g * interval '1 second',
  timestamptz '2025-01-01' + g * interval '1 second', 1
FROM generate_series(1, $1) AS g ON CONFLICT DO NOTHING;
SQL
  # As a table in service would be: vacuumed (visibility map set, no autovacuum mid-measurement).
  psql -q -d "$db" -c "VACUUM (ANALYZE) customer" >/dev/null
}

results="$work/results.tsv"
printf 'scenario\trequests/s\tp50\tp99\terrors\n' > "$results"

# run NAME SCRIPT [PATH]: one wrk measurement, appended to the table.
run() {
  local name=$1 script=$2 out
  out="$work/$(echo "$name" | tr -c 'A-Za-z0-9' '_').out"
  export BENCH_PATH=${3:-/}
  export BENCH_PHASE=${BENCH_RUN_PHASE:-1}
  wrk -t2 -c"$connections" -d"$duration" --latency -s "$BENCH_SCENARIOS/$script" \
    "http://127.0.0.1:$port" > "$out" 2>&1
  local rps p50 p99 non2xx sock
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$out"); non2xx=${non2xx:-0}
  sock=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out"); sock=${sock:-0}
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$((non2xx + sock))" >> "$results"
}

start_service
first_startup_ms=$startup_ms
seed "$rows_small"
export BENCH_ROWS=$rows_small
# Warm-up: a fresh JVM needs about a minute of load to reach its steady rate.
BENCH_PHASE=0 wrk -t2 -c"$connections" -d"$warmup" -s "$BENCH_SCENARIOS/get_customer.lua" "http://127.0.0.1:$port" >/dev/null
BENCH_PHASE=0 wrk -t2 -c"$connections" -d"$warmup" -s "$BENCH_SCENARIOS/onboarding.lua" "http://127.0.0.1:$port" >/dev/null

run "health/live (HTTP floor)" path.lua /health/live
run "GET customer by id, 10k" get_customer.lua
run "get-receiver by phone, 10k" get_receiver.lua
run "supported documents" path.lua /v1/customers/supported-documents
run "onboarding flow (2 requests each)" onboarding.lua
BENCH_IDEMPOTENCY=1 BENCH_RUN_PHASE=2 run "onboarding flow, Idempotency-Key on each" onboarding.lua

seed "$rows_large"
export BENCH_ROWS=$rows_large
run "GET customer by id, 1M" get_customer.lua
run "get-receiver by phone, 1M" get_receiver.lua
run "list first page (50), 1M" path.lua "/v1/customers?page_size=50"
# A real page token deep in the table: the page after the customer at 90 % of the rows.
deep_row=$(( rows_large / 10 ))
deep_at=$(psql -At -d "$db" -c "SELECT to_char((timestamptz '2025-01-01' + ($deep_row + 1) * interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
token=$(curl -sf -H "Authorization: Bearer $BENCH_API_KEY" \
  "http://127.0.0.1:$port/v1/customers?page_size=1&created_before=$deep_at" | sed -n 's/.*"next_page_token":"\([^"]*\)".*/\1/p')
# A token is bound to the filters it was issued for, so the page is asked with the same filter.
run "list page deep in 1M (row ~$((rows_large - deep_row)))" path.lua "/v1/customers?page_size=50&created_before=$deep_at&page_token=$token"
run "PUT with tax_id (encrypted), 1M" put_tax_id.lua

# A restart, as operators see it: the schema is already migrated, the table already full.
stop_service() { kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; }
stop_service
start_service
restart_ms=$startup_ms
# The same restart with application class-data sharing (README, "Start-up"): one run that serves a
# request and records the classes it loaded at exit, then the measured start that maps them.
stop_service
start_service -XX:ArchiveClassesAtExit="$work/classes.jsa"
curl -sf -H "Authorization: Bearer $BENCH_API_KEY" "http://127.0.0.1:$port/v1/customers/supported-documents" >/dev/null
stop_service
start_service -XX:SharedArchiveFile="$work/classes.jsa"
cds_restart_ms=$startup_ms

# Reference points from the same run: the database's own limits.
psql -q -d postgres -c "DROP DATABASE IF EXISTS $ref_db" -c "CREATE DATABASE $ref_db" >/dev/null
pgbench -q -i -s 10 "$ref_db" >/dev/null 2>&1
psql -q -d "$ref_db" -c "CREATE TABLE bench_insert (id bigint PRIMARY KEY, payload text, created_at timestamptz)" \
  -c "CREATE SEQUENCE bench_insert_seq" >/dev/null
pg_seconds=${duration%s}
select_tps=$(pgbench -n -S -c "$connections" -j 2 -T "$pg_seconds" "$ref_db" 2>/dev/null | awk '/^tps/ {print int($3); exit}')
insert_tps=$(pgbench -n -f "$BENCH_SCENARIOS/pgbench-insert.sql" -c "$connections" -j 2 -T "$pg_seconds" "$ref_db" 2>/dev/null | awk '/^tps/ {print int($3); exit}')
printf 'pgbench SELECT by primary key\t%s\t-\t-\t-\n' "$select_tps" >> "$results"
printf 'pgbench single-row INSERT\t%s\t-\t-\t-\n' "$insert_tps" >> "$results"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $ref_db" >/dev/null

# The service's own SQL for GET, PUT and onboarding, driven by pgbench against the service's
# database (its schema, its 1 M rows): the rate the database alone allows each scenario, with a
# client that costs nothing. A ratio target above the database's own ratio cannot be met.
own_sql() { # script [pgbench options]: transactions/s
  local script=$1; shift
  { pgbench -n -M prepared -D rows="$rows_large" -D k=0 "$@" -f "$BENCH_SCENARIOS/$script" \
      -c "$connections" -j 2 -T "$pg_seconds" "$db" 2>/dev/null || true; } | awk '/^tps/ {print int($3); exit}'
}
get_sql_tps=$(own_sql pgbench-get.sql)
put_sql_tps=$(own_sql pgbench-put.sql)
onboarding_sql_tps=$(own_sql pgbench-onboarding.sql)
printf "pgbench: GET's own SQL, 1M (database alone)\t%s\t-\t-\t-\n" "$get_sql_tps" >> "$results"
printf "pgbench: PUT's own SQL, 1M (database alone)\t%s\t-\t-\t-\n" "$put_sql_tps" >> "$results"
printf "pgbench: onboarding's own SQL, flows (database alone)\t%s\t-\t-\t-\n" "$onboarding_sql_tps" >> "$results"

echo
echo "customer service load test of $revision: $(nproc) cores, $connections connections, $duration per scenario after $warmup warm-up, Java $java_version $java_opts"
echo "start-up to first ready answer: ${first_startup_ms} ms on an empty database (migrations applied), ${restart_ms} ms on a restart, ${cds_restart_ms} ms on a restart with class-data sharing"
column -t -s $'\t' "$results"
echo "(onboarding: flows/s = requests/s / 2)"
# The targets of the benchmark issue, as ratios of this run.
awk -F'\t' '
  function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
  { rate[$1] = $2; p50[$1] = ms($3); p99[$1] = ms($4) }
  $1 ~ /^list page deep/ { deep = $1 }
  END {
    printf "targets: GET 1M / health %.2f (>= 0.20, p99 %.1f ms < 25); get-receiver 1M / health %.2f (>= 0.20, p99 %.1f ms)\n",
      rate["GET customer by id, 1M"] / rate["health/live (HTTP floor)"], p99["GET customer by id, 1M"],
      rate["get-receiver by phone, 1M"] / rate["health/live (HTTP floor)"], p99["get-receiver by phone, 1M"]
    printf "         onboarding flows / pgbench INSERT %.3f (>= 0.15; the database alone allows %.3f)\n",
      rate["onboarding flow (2 requests each)"] / 2 / rate["pgbench single-row INSERT"],
      rate["pgbench: onboarding\047s own SQL, flows (database alone)"] / rate["pgbench single-row INSERT"]
    printf "         onboarding with Idempotency-Key / without %.2f\n",
      rate["onboarding flow, Idempotency-Key on each"] / rate["onboarding flow (2 requests each)"]
    printf "         PUT / GET 1M %.2f (>= 0.5; the database alone allows %.2f); deep page / first page p50 %.2f (<= 1.25)\n",
      rate["PUT with tax_id (encrypted), 1M"] / rate["GET customer by id, 1M"],
      rate["pgbench: PUT\047s own SQL, 1M (database alone)"] / rate["pgbench: GET\047s own SQL, 1M (database alone)"],
      p50[deep] / p50["list first page (50), 1M"]
  }' "$results"
