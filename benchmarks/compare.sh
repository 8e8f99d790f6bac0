#!/usr/bin/env bash
# A/B comparison of two service jars on the hot scenarios, alternating A and B so that the
# machine's drift (2 shared cores, ±20 % between runs) falls on both alike. Each jar gets its own
# database seeded with the same rows (their schemas may differ), then every round runs each jar's
# warm-up and scenarios back to back. See README.md here.
#
#   benchmarks/compare.sh OLD.jar NEW.jar     # 4 rounds (ABBA), 20 s per scenario, 1 M customers
#
# It reports requests/s and, steadier on a machine whose speed drifts, the CPU time the JVM and
# PostgreSQL spent per request.
#
# Settings (environment): ROUNDS (4, at most 6), DURATION (20s), WARMUP (20s), ROWS (1000000),
# CONNECTIONS (32), JAVA_OPTS (-Xmx256m), PGHOST/PGPORT/PGUSER as run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
[ $# -eq 2 ] || { echo "usage: benchmarks/compare.sh OLD.jar NEW.jar" >&2; exit 2; }
jars=("$(realpath "$1")" "$(realpath "$2")")
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS='--client-min-messages=warning'
rounds=${ROUNDS:-4}
duration=${DURATION:-20s}
warmup=${WARMUP:-20s}
rows=${ROWS:-1000000}
connections=${CONNECTIONS:-32}
java_opts=${JAVA_OPTS:--Xmx256m}
port=${BENCH_PORT:-18082}
export BENCH_API_KEY="bench-key-$(date +%s)-0123456789"
export BENCH_SCENARIOS="$root/benchmarks/scenarios"
export BENCH_ROWS=$rows
work=$(mktemp -d)
service_pid=""
cleanup() {
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid"; wait "$service_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null 2>&1

start() { # jar database
  SERVICE_MODE=sandbox HOST=127.0.0.1 PORT=$port DATA_DIR="$work/data-$2" \
    DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$2?user=$PGUSER" DATABASE_POOL_SIZE=32 \
    API_KEYS="$BENCH_API_KEY" ACCESS_LOG_LEVEL=WARN \
    RECEIVER_LOOKUPS_PER_SECOND=1000000 RECEIVER_LOOKUP_BURST=1000000 \
    java $java_opts -jar "$1" > "$work/$2.log" 2>&1 &
  service_pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
    kill -0 "$service_pid" 2>/dev/null || { cat "$work/$2.log" >&2; exit 1; }
    sleep 0.1
  done
}
stop() { kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""; }

# One database per jar, migrated by its own jar, then seeded alike (as run.sh seeds).
for i in 0 1; do
  db="customer_compare_$i"
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  start "${jars[$i]}" "$db"; stop
  psql -q -d "$db" -v ON_ERROR_STOP=1 <<SQL >/dev/null
INSERT INTO customer (id, phone, status, kyc_status, failed_selfies, first_name, last_name,
  customer_segment, created_at, updated_at, version)
SELECT 'cus_' || lpad(g::text, 24, '0'), '+25882' || lpad(g::text, 7, '0'), 'active',
  'unverified', 0, 'First' || g, 'Last' || g, 'personal',
  timestamptz '2025-01-01' + g * interval '1 second', timestamptz '2025-01-01' + g * interval '1 second', 1
FROM generate_series(1, $rows) AS g;
VACUUM (ANALYZE) customer;
SQL
done

# CPU time (clock ticks) of a process, and of every PostgreSQL process together: divided by the
# requests served, it is far steadier than requests/s on a machine whose speed drifts.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pg_ticks() { local t=0; for p in $(pgrep -x postgres); do t=$((t + $(ticks "$p" 2>/dev/null || echo 0))); done; echo $t; }
hz=$(getconf CLK_TCK)

results="$work/results.tsv"
measure() { # label script
  local out="$work/out" jvm0 pg0 jvm1 pg1 requests
  jvm0=$(ticks "$service_pid"); pg0=$(pg_ticks)
  wrk -t2 -c"$connections" -d"$duration" --latency -s "$BENCH_SCENARIOS/$2" \
    "http://127.0.0.1:$port" > "$out" 2>&1
  jvm1=$(ticks "$service_pid"); pg1=$(pg_ticks)
  requests=$(awk '/requests in/ {print $1}' "$out")
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' "$out")" \
    "$(awk '/Non-2xx/ {print $5}' "$out")" \
    "$(awk -v t=$((jvm1 - jvm0)) -v n="$requests" -v hz="$hz" 'BEGIN {printf "%.0f", t * 1e6 / hz / n}')" \
    "$(awk -v t=$((pg1 - pg0)) -v n="$requests" -v hz="$hz" 'BEGIN {printf "%.0f", t * 1e6 / hz / n}')" \
    >> "$results"
}
for round in $(seq 1 "$rounds"); do
  # A then B in odd rounds, B then A in even ones: whatever the first jar of a round leaves
  # behind (dirty pages, autovacuum) weighs on both alike.
  order="0 1"; [ $((round % 2)) -eq 0 ] && order="1 0"
  for i in $order; do
    psql -q -d postgres -c "CHECKPOINT" >/dev/null
    label=$([ $i -eq 0 ] && echo A || echo B)
    start "${jars[$i]}" "customer_compare_$i"
    # Every warm-up and measurement onboards on phone numbers of its own (a phase each).
    BENCH_PHASE=$((round * 4 + i)) wrk -t2 -c"$connections" -d"$warmup" -s "$BENCH_SCENARIOS/get_customer.lua" "http://127.0.0.1:$port" >/dev/null
    BENCH_PHASE=$((round * 4 + i)) wrk -t2 -c"$connections" -d"$warmup" -s "$BENCH_SCENARIOS/onboarding.lua" "http://127.0.0.1:$port" >/dev/null
    export BENCH_PHASE=$((round * 4 + 2 + i))
    measure "$label GET customer by id" get_customer.lua
    measure "$label get-receiver by phone" get_receiver.lua
    measure "$label onboarding (requests)" onboarding.lua
    measure "$label PUT with tax_id" put_tax_id.lua
    measure "$label KYC doc+selfie (requests)" kyc.lua
    stop
  done
done
for i in 0 1; do psql -q -d postgres -c "DROP DATABASE IF EXISTS customer_compare_$i" >/dev/null; done

echo "A: ${jars[0]}"
echo "B: ${jars[1]}"
echo "$(nproc) cores, $connections connections, $duration per scenario, $rounds rounds, $rows rows, $java_opts"
awk -F'\t' '
  { split($1, p, " "); side = p[1]; name = substr($1, 3); sum[side, name] += $2; n[side, name]++
    err[side, name] += ($3 == "" ? 0 : $3); jvm[side, name] += $4; pg[side, name] += $5; names[name] = 1 }
  END {
    printf "%-26s %9s %9s %6s | %-22s %6s | %-22s %6s | %s\n", "scenario", "A req/s", "B req/s", "B/A",
      "JVM CPU us/req A / B", "B/A", "PostgreSQL us/req A / B", "B/A", "errors A/B"
    for (name in names) {
      a = sum["A", name] / n["A", name]; b = sum["B", name] / n["B", name]
      ja = jvm["A", name] / n["A", name]; jb = jvm["B", name] / n["B", name]
      pa = pg["A", name] / n["A", name]; pb = pg["B", name] / n["B", name]
      printf "%-26s %9.0f %9.0f %6.3f | %9.0f / %-10.0f %6.3f | %9.0f / %-10.0f %6.3f | %d/%d\n", name, a, b, b / a,
        ja, jb, jb / ja, pa, pb, pb / pa, err["A", name], err["B", name]
    }
  }' "$results"
echo "every measurement (label, requests/s, non-2xx, JVM us/req, PostgreSQL us/req):"
column -t -s $'\t' "$results"
