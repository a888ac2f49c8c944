#!/usr/bin/env bash
# PostgreSQL for the store contract tests (tests/store/test_contract.py).
# Installs Debian's postgresql if missing, starts a cluster, creates role and database
# "storydiff", and writes the DSN to /tmp/storydiff-pg.dsn (the tests read it; nothing is
# exported). Idempotent and quiet; CI runs it as root.
set -euo pipefail
DSN_FILE=/tmp/storydiff-pg.dsn
export DEBIAN_FRONTEND=noninteractive

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
    pg_createcluster -q "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    pg_ctlcluster "$version" main start
fi

as_postgres() { runuser -u postgres -- "$@"; }
for _ in $(seq 1 30); do
    as_postgres psql -qAtc "SELECT 1" >/dev/null 2>&1 && break
    sleep 1
done
if [ "$(as_postgres psql -qAtc "SELECT 1 FROM pg_roles WHERE rolname = 'storydiff'")" != 1 ]; then
    as_postgres psql -qc "CREATE ROLE storydiff LOGIN PASSWORD 'storydiff'"
fi
if [ "$(as_postgres psql -qAtc "SELECT 1 FROM pg_database WHERE datname = 'storydiff'")" != 1 ]; then
    as_postgres createdb -O storydiff storydiff
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
echo "postgresql://storydiff:storydiff@localhost:${port}/storydiff" > "$DSN_FILE"
