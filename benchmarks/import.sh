#!/usr/bin/env bash
# Import benchmark: a CSV of N users (1,000,000 by default) imported through the API (POST /api/v1/users/imports,
# then GET its report until it has finished) beside psql's \copy of the same file into a bare table, on one
# throw-away cluster, in one run. Prints rows/s of each and the ratio import/\copy (the aim is >= 0.5).
# The service runs as in Development (Jobs:Role Both), so its own job processes the import; the clock runs from the
# POST to the report that says the import finished.
# It also times one INSERT ... SELECT of the staged rows into the users table, the database's own share of the work.
# Needs openssl, curl and psql.
# Usage: benchmarks/import.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=benchmarks/admin.sh
source benchmarks/admin.sh

rows=${1:-1000000}
port=${BENCH_PG_PORT:-54333} api=${BENCH_API:-http://127.0.0.1:5094}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# The service's /metrics, clear of one scripts/run.sh may be running (9464).
export Management__Port=${BENCH_METRICS_PORT:-5097}

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pg_stop_if_started || true
}
trap cleanup EXIT

mkdir -p .local
pg_start .local/postgres-bench-import "$port" fast
pg_create_db "$port" users_bench_import
export ConnectionStrings__Users="Host=127.0.0.1;Port=$port;Database=users_bench_import;Username=postgres"
sql() { pg_psql -h 127.0.0.1 -p "$port" -U postgres -d users_bench_import -qAt "$@"; }

dotnet build Users.Api -c Release -v q -nologo >.local/bench-build.log || { cat .local/bench-build.log; exit 1; }
bench_signing_key .local/bench-keys
dll=Users.Api/bin/Release/net10.0/Users.Api.dll
Database__MigrateOnStartup=true dotnet "$dll" --contentRoot "$PWD/Users.Api/bin/Release/net10.0" --urls "$api" >.local/bench-import-api.log 2>&1 &
pids+=($!)
for _ in $(seq 60); do curl -fs "$api/health/ready" >/dev/null && break; sleep 1; done
sql -c "TRUNCATE users CASCADE; TRUNCATE user_imports CASCADE; TRUNCATE user_import_rows"
token=$(bench_admin_token "$api" "$dll")
[[ -n $token ]] || { echo "could not sign in as the benchmark admin" >&2; exit 1; }

# Distinct, valid rows, as a spreadsheet would export them; every row becomes a user.
file=.local/bench-import.csv
awk -v n="$rows" 'BEGIN { print "email,fullName,isActive"; for (i = 1; i <= n; i++) printf "user%d@example.com,Bench User %d,%s\n", i, i, (i % 10 ? "true" : "false") }' >"$file"
echo "file: $rows rows, $(du -h "$file" | cut -f1)"

now() { date +%s.%N; }

# The yardstick: psql's \copy of the same file into a table with no index, constraint or check.
sql -c "DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (email text, full_name text, is_active boolean)"
start=$(now)
sql -c "\\copy bench_copy (email, full_name, is_active) FROM '$PWD/$file' WITH (FORMAT csv, HEADER true)"
copy_seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
[[ $(sql -c "SELECT count(*) FROM bench_copy") -eq $rows ]] || { echo "\\copy did not store $rows rows" >&2; exit 1; }
sql -c "DROP TABLE bench_copy"

# The import: sent, stored, processed, until its report says it has finished.
start=$(now)
headers=.local/bench-import-headers.txt
curl -fs -D "$headers" -o /dev/null -X POST "$api/api/v1/users/imports" -H "Authorization: Bearer $token" \
    -H 'Content-Type: text/csv' --upload-file "$file"
post_seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
location=$(grep -i '^location:' "$headers" | tr -d '\r' | awk '{print $2}')
id=${location##*/}
[[ -n $id ]] || { echo "the import was not accepted" >&2; exit 1; }
report=""
for _ in $(seq 6000); do
    report=$(curl -fs "$api/api/v1/users/imports/$id" -H "Authorization: Bearer $token")
    grep -q '"state":"\(succeeded\|failed\)"' <<<"$report" && break
    sleep 0.1
done
import_seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
grep -q '"state":"succeeded"' <<<"$report" || { echo "the import did not succeed: $report" >&2; exit 1; }
grep -q "\"created\":$rows," <<<"$report" || { echo "the import did not create $rows users: $report" >&2; exit 1; }
[[ $(sql -c "SELECT count(*) FROM users WHERE email LIKE 'user%@example.com'") -eq $rows ]] || { echo "the users table lacks rows" >&2; exit 1; }

# What the database alone spends writing the same users: one INSERT ... SELECT of the staged rows into the emptied
# users table (its indexes and generated column included), with no application work around it.
sql -c "TRUNCATE users CASCADE" 2>/dev/null
start=$(now)
sql -c "INSERT INTO users (id, email, full_name, is_active, role, created_at, updated_at)
        SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(row_number), 12, '0'))::uuid, email, full_name, is_active::boolean, 'user', now(), now()
        FROM user_import_rows WHERE import_id = '$id' ON CONFLICT (normalized_email) DO NOTHING"
floor_seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')

awk -v n="$rows" -v c="$copy_seconds" -v i="$import_seconds" -v f="$floor_seconds" -v p="$post_seconds" 'BEGIN {
    printf "\\copy into a bare table   %8.2f s  %10.0f rows/s\n", c, n / c
    printf "import through the API    %8.2f s  %10.0f rows/s  (POST and storing %.2f s, processing by the job %.2f s)\n", i, n / i, p, i - p
    printf "users INSERT ... SELECT   %8.2f s  %10.0f rows/s  (the database alone, from the staged rows)\n", f, n / f
    printf "ratio import/\\copy        %8.2f  (aim >= 0.50; the INSERT alone allows at most %.2f)\n", c / i, c / f
}'
