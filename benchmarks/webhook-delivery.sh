#!/usr/bin/env bash
# Webhook deliveries to a local keep-alive receiver and to an HTTP/1.0 one (each request on a
# connection the receiver closes after answering), for one jar or two compared: each round starts
# every jar afresh on a fresh database, onboards EVENTS customers and waits for every
# customer.created event at the receiver (benchmarks/scenarios/webhook_delivery.py says what is
# measured).
#
#   benchmarks/webhook-delivery.sh [JAR_A [JAR_B]]   # default: bootstrap/target/customer-service.jar
#
# Settings (environment): EVENTS (1000), THREADS (8), ROUNDS (2), JAVA_OPTS (-Xmx256m),
# PGHOST/PGPORT/PGUSER as run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jars=()
for jar in "${@:-bootstrap/target/customer-service.jar}"; do jars+=("$(realpath "$jar")"); done
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS='--client-min-messages=warning'
events=${EVENTS:-1000}
threads=${THREADS:-8}
rounds=${ROUNDS:-2}
java_opts=${JAVA_OPTS:--Xmx256m}
port=${BENCH_PORT:-18084}
db=customer_webhook_bench
api_key="bench-key-$(date +%s)-0123456789"
work=$(mktemp -d)
service_pid=""
stop() {
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid"; wait "$service_pid" 2>/dev/null || true
  fi
  service_pid=""
}
trap 'stop; rm -rf "$work"' EXIT

start() { # jar
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  SERVICE_MODE=sandbox HOST=127.0.0.1 PORT=$port DATA_DIR="$work/data-$RANDOM" \
    DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER" \
    API_KEYS="$api_key" ACCESS_LOG_LEVEL=WARN java $java_opts -jar "$1" > "$work/service.log" 2>&1 &
  service_pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
    kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
    sleep 0.1
  done
}

labels=(A B)
echo "$events events per run, $threads onboarding threads, $rounds rounds"
for i in "${!jars[@]}"; do echo "${labels[$i]} = ${jars[$i]}"; done
for round in $(seq 1 "$rounds"); do
  for i in "${!jars[@]}"; do
    for kind in keepalive http10; do
      start "${jars[$i]}"
      printf 'round %d %s: ' "$round" "${labels[$i]}"
      python3 "$root/benchmarks/scenarios/webhook_delivery.py" "http://127.0.0.1:$port" \
        "$api_key" "$kind" "$events" "$threads"
      stop
    done
  done
done
psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null
