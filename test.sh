#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine (Debian, as root): installs and starts PostgreSQL when
# it is not running, creates the test role and database, exports ECODAMAGE_TEST_POSTGRES for the
# storage tests, installs and starts RabbitMQ the same way (ECODAMAGE_TEST_RABBITMQ for the messaging
# tests), then builds and runs every test project. Safe to run again on a machine that already has
# PostgreSQL and RabbitMQ.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
    pg_createcluster "$version" main >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    pg_ctlcluster "$version" main start
  fi
  for _ in $(seq 1 30); do
    su postgres -c "pg_isready -q" && break
    sleep 1
  done
  su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'ecodamage'\"" | grep -q 1 \
    || su postgres -c "psql -v ON_ERROR_STOP=1 -qc \"CREATE ROLE ecodamage LOGIN CREATEDB PASSWORD 'ecodamage'\""
  su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'ecodamage_test'\"" | grep -q 1 \
    || su postgres -c "psql -v ON_ERROR_STOP=1 -qc \"CREATE DATABASE ecodamage_test OWNER ecodamage\""
  local port
  port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
  export ECODAMAGE_TEST_POSTGRES="Host=localhost;Port=${port};Database=ecodamage_test;Username=ecodamage;Password=ecodamage"
}

if [ -z "${ECODAMAGE_TEST_POSTGRES:-}" ]; then
  start_postgres
fi

# RabbitMQ for the multi-node messaging tests (issue 5): Debian's package, started without systemd.
start_rabbitmq() {
  if ! command -v rabbitmq-server >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq rabbitmq-server >/dev/null
  fi
  # -detached returns before the node registers with epmd, and await_startup fails at once (exit 69)
  # while the node is not registered yet: poll, and start the node again if its VM died on boot.
  local ready=""
  for attempt in $(seq 1 40); do
    if rabbitmqctl -q await_startup --timeout 20 >/dev/null 2>&1; then
      ready=1
      break
    fi
    if ! pgrep -f 'beam.*-s rabbit|beam.*rabbit@' >/dev/null 2>&1; then
      echo "starting rabbitmq-server (attempt $attempt)" >&2
      rabbitmq-server -detached || true
    fi
    sleep 3
  done
  if [ -z "$ready" ]; then
    echo "RabbitMQ did not start; its logs:" >&2
    tail -n 60 /var/log/rabbitmq/*.log >&2 || true
    exit 1
  fi
  export ECODAMAGE_TEST_RABBITMQ="amqp://guest:guest@localhost:5672/"
}

if [ -z "${ECODAMAGE_TEST_RABBITMQ:-}" ]; then
  start_rabbitmq
fi

dotnet build EcoDamage.Workflow.sln -c Release -warnaserror
log=$(mktemp)
set +e
dotnet test EcoDamage.Workflow.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line for CI: "N passed, N failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
