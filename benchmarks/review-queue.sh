#!/usr/bin/env bash
# The review queue's first page beside the customer list's, on one jar: a fresh database of ROWS
# customers, REVIEWS of them with an open review (and as many decided ones), wrk on each list.
#
#   benchmarks/review-queue.sh [JAR]     # default: bootstrap/target/customer-service.jar
#
# Settings (environment): ROWS (100000), REVIEWS (10000), DURATION (20s), WARMUP (10s),
# CONNECTIONS (32), JAVA_OPTS (-Xmx256m), PGHOST/PGPORT/PGUSER as run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jar=$(realpath "${1:-bootstrap/target/customer-service.jar}")
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS='--client-min-messages=warning'
rows=${ROWS:-100000}
reviews=${REVIEWS:-10000}
duration=${DURATION:-20s}
warmup=${WARMUP:-10s}
connections=${CONNECTIONS:-32}
java_opts=${JAVA_OPTS:--Xmx256m}
port=${BENCH_PORT:-18083}
db=customer_review_queue
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
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null 2>&1

psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
SERVICE_MODE=sandbox HOST=127.0.0.1 PORT=$port DATA_DIR="$work/data" \
  DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER" DATABASE_POOL_SIZE=32 \
  API_KEYS="$BENCH_API_KEY" ACCESS_LOG_LEVEL=WARN java $java_opts -jar "$jar" > "$work/service.log" 2>&1 &
service_pid=$!
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
  kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
  sleep 0.1
done
# Customers as run.sh seeds them; the first REVIEWS have a check the deadline left to a person,
# with an open review each, and as many decided reviews besides.
psql -q -d "$db" -v ON_ERROR_STOP=1 <<SQL >/dev/null
INSERT INTO customer (id, phone, status, kyc_status, failed_selfies, first_name, last_name,
  customer_segment, created_at, updated_at, version)
SELECT 'cus_' || lpad(g::text, 24, '0'), '+25882' || lpad(g::text, 7, '0'), 'active',
  CASE WHEN g <= $reviews THEN 'pending' ELSE 'unverified' END, 0, 'First' || g, 'Last' || g,
  'personal', timestamptz '2025-01-01' + g * interval '1 second',
  timestamptz '2025-01-01' + g * interval '1 second', 1
FROM generate_series(1, $rows) AS g;
INSERT INTO stored_file (id, bucket, owner_id, media_type, content, created_at)
VALUES ('file_' || lpad('1', 24, '0'), 'documents', 'cus_' || lpad('1', 24, '0'), 'image/png',
  '\x00', now());
INSERT INTO kyc_document (reference, customer_id, document_type, front_file_id, vendor_job_id,
  created_at)
VALUES ('ref_' || lpad('1', 24, '0'), 'cus_' || lpad('1', 24, '0'), 'MZ_BI',
  'file_' || lpad('1', 24, '0'), 'job', now());
INSERT INTO kyc_check (id, customer_id, document_reference, vendor, vendor_job, selfie_file_id,
  status, findings, submitted_at, deadline, version)
SELECT 'kyc_' || lpad(g::text, 24, '0'), 'cus_' || lpad(g::text, 24, '0'),
  'ref_' || lpad('1', 24, '0'), 'smile_id', 'job_' || g, 'file_' || lpad('1', 24, '0'),
  'expired', '{"ResultText":"no verdict by the deadline"}', now() - interval '1 day', now(), 1
FROM generate_series(1, $reviews) AS g;
INSERT INTO kyc_review (id, customer_id, check_id, vendor, reason, findings, status, created_at,
  version)
SELECT 'rev_o' || lpad(g::text, 23, '0'), 'cus_' || lpad(g::text, 24, '0'),
  'kyc_' || lpad(g::text, 24, '0'), 'smile_id', 'vendor_timeout',
  '{"ResultText":"no verdict by the deadline"}', 'open', now() - g * interval '1 second', 1
FROM generate_series(1, $reviews) AS g;
INSERT INTO kyc_review (id, customer_id, check_id, vendor, reason, findings, status, decision,
  decided_by, decided_at, created_at, closed_at, version)
SELECT 'rev_d' || lpad(g::text, 23, '0'), 'cus_' || lpad(g::text, 24, '0'),
  'kyc_' || lpad(g::text, 24, '0'), 'smile_id', 'vendor_timeout', '{}', 'decided', 'approve',
  'alice', now() - g * interval '1 second', now() - g * interval '2 second',
  now() - g * interval '1 second', 1
FROM generate_series(1, $reviews) AS g;
VACUUM (ANALYZE) customer, kyc_check, kyc_review;
SQL

run() { # label path
  BENCH_PATH="$2" wrk -t2 -c"$connections" -d"$warmup" -s "$BENCH_SCENARIOS/path.lua" \
    "http://127.0.0.1:$port" >/dev/null
  BENCH_PATH="$2" wrk -t2 -c"$connections" -d"$duration" --latency -s "$BENCH_SCENARIOS/path.lua" \
    "http://127.0.0.1:$port" > "$work/out"
  printf '%-40s %10s %10s %10s %8s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' "$work/out")" \
    "$(awk '$1 == "50%" {print $2}' "$work/out")" "$(awk '$1 == "99%" {print $2}' "$work/out")" \
    "$(awk '/Non-2xx/ {print $5}' "$work/out")"
}
echo "$jar; $rows customers, $reviews open and $reviews decided reviews, $connections connections, $duration"
printf '%-40s %10s %10s %10s %8s\n' "first page of 50" "req/s" "p50" "p99" "non-2xx"
for round in 1 2; do
  run "customers (round $round)" "/v1/customers?page_size=50"
  run "open reviews, oldest first (round $round)" "/v1/kyc/reviews?status=open&page_size=50"
  run "decided reviews, newest first (round $round)" "/v1/kyc/reviews?status=decided&page_size=50"
done
kill "$service_pid"; wait "$service_pid" 2>/dev/null || true
psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null
