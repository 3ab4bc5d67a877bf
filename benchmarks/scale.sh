#!/usr/bin/env bash
# Scale benchmark: every shape of the user list and search (and get-by-id) measured from outside at 1,000 users and
# again at 1,000,000, on one throw-away cluster. Prints each shape's median latency at both sizes and their ratio (the
# aim: every shape within 3x of its 1,000-user figure).
# Users are made by SQL (benchmarks/scale-users.sql, INSERT ... SELECT generate_series: realistic, distinct emails and
# names, 5% inactive), not through the API. The service runs as scripts/run.sh runs it (Development, request log on)
# as an API node, like read-path.sh, and is read with an admin's bearer token, one request at a time over one
# keep-alive connection (curl), so the figures are latencies, not throughput.
# Needs curl, openssl and psql.
# Usage: benchmarks/scale.sh [requests per shape and round] [users] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=benchmarks/admin.sh
source benchmarks/admin.sh

requests=${1:-100} users=${2:-1000000} rounds=${3:-2} small=1000 warmup=10
port=${BENCH_PG_PORT:-54332} api=${BENCH_API:-http://127.0.0.1:5094} db=users_bench_scale
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Jobs__Role=${Jobs__Role:-Api}

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pg_stop_if_started || true
    rm -f .local/bench-scale-curl.cfg   # it holds the admin's access token
}
trap cleanup EXIT

mkdir -p .local
pg_start .local/postgres-bench-scale "$port" fast
# A new database each run: the service's migrations make the schema, indexes included.
pg_psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
pg_create_db "$port" "$db"
export ConnectionStrings__Users="Host=127.0.0.1;Port=$port;Database=$db;Username=postgres"
sql() { pg_psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -X -qAt -v ON_ERROR_STOP=1 "$@"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

dotnet build Users.Api -c Release -v q -nologo >.local/bench-build.log || { cat .local/bench-build.log; exit 1; }
bench_signing_key .local/bench-keys
dll=Users.Api/bin/Release/net10.0/Users.Api.dll
Database__MigrateOnStartup=true dotnet "$dll" --contentRoot "$PWD/Users.Api/bin/Release/net10.0" --urls "$api" >.local/bench-scale-api.log 2>&1 &
pids+=($!)
for _ in $(seq 120); do curl -fs "$api/health/ready" >/dev/null && break; sleep 1; done
curl -fs "$api/health/ready" >/dev/null || { tail -20 .local/bench-scale-api.log; exit 1; }

load() { # first last: users first..last of the made-up population, then fresh statistics
    sql -v first="$1" -v last="$2" -f benchmarks/scale-users.sql
    sql -c "VACUUM ANALYZE users"
}

sql -c "TRUNCATE users CASCADE"
load 1 "$small"
token=$(bench_admin_token "$api" "$dll")
[[ -n $token ]] || { echo "could not sign in as the benchmark admin" >&2; exit 1; }

# Terms and ids that mean the same at both sizes: user 500 is the same row in both; its surname is rare (7 users of
# a million), its address unique; a common first name (about 10% of users), a surname made of syllables (about
# 0.05%), a common first name and surname together (about 0.04%, every trigram of it common), a term no one has.
id500=$(sql -c "SELECT id FROM users WHERE right(id::text, 12) = lpad(to_hex(500), 12, '0')")
address=$(sql -c "SELECT email FROM users WHERE id = '$id500'")
rare=$(sql -c "SELECT lower(split_part(full_name, ' ', 2)) FROM users WHERE id = '$id500'")
common=james uncommon=lumov pair="mary garcia" absent=zqxjv
urlencode() { printf '%s' "$1" | od -An -tx1 -v | tr -d ' \n' | sed 's/../%&/g'; }
# The nextCursor of the page that ends 90% of the way down the list (the cursor is the last id, base64url).
deep_cursor() {
    sql -c "SELECT rtrim(translate(encode(uuid_send(id), 'base64'), '+/', '-_'), '=') FROM users
            ORDER BY id DESC OFFSET (SELECT count(*) * 9 / 10 FROM users) LIMIT 1"
}

shapes=(
    "get by id|200|/api/v1/users/$id500"
    "first page|200|/api/v1/users"
    "first page, limit 100|200|/api/v1/users?limit=100"
    "deep page (90% down)|200|/api/v1/users?cursor=@deep"
    "isActive=false, first page|200|/api/v1/users?isActive=false"
    "isActive=false, deep page|200|/api/v1/users?isActive=false&cursor=@deep"
    "search common ($common)|200|/api/v1/users?search=$common"
    "search common, deep page|200|/api/v1/users?search=$common&cursor=@deep"
    "search common, isActive=false|200|/api/v1/users?search=$common&isActive=false"
    "search uncommon ($uncommon)|200|/api/v1/users?search=$uncommon"
    "search rare ($rare)|200|/api/v1/users?search=$rare"
    "search rare, isActive=true|200|/api/v1/users?search=$rare&isActive=true"
    "search rare, deep page|200|/api/v1/users?search=$rare&cursor=@deep"
    "search a whole address|200|/api/v1/users?search=$(urlencode "$address")"
    "search two common words ($pair)|200|/api/v1/users?search=$(urlencode "$pair")"
    "search absent ($absent)|200|/api/v1/users?search=$absent"
    "search absent, isActive=false, deep|200|/api/v1/users?search=$absent&isActive=false&cursor=@deep"
    "search too short (ja): 400|400|/api/v1/users?search=ja"
)

run_shape() { # name status path count -> the response times (s) of count requests, after the warm-up ones
    local config=.local/bench-scale-curl.cfg times=.local/bench-scale-times.txt codes
    {
        echo 'silent'
        echo "header = \"Authorization: Bearer $token\""
        printf '%s\n' 'write-out = "%{http_code} %{time_total}\n"'
        for _ in $(seq $((warmup + $4))); do echo "url = \"$api$3\""; echo 'output = "/dev/null"'; done
    } >"$config"
    curl -K "$config" | tail -n "$4" >"$times"
    codes=$(cut -d' ' -f1 "$times" | sort -u | tr '\n' ' ')
    [[ $codes == "$2 " ]] || { echo "$1: expected $2, got $codes($api$3)" >&2; exit 1; }
    cut -d' ' -f2 "$times"
}

median_ms() { sort -g | awk '{ t[NR] = $1 } END { printf "%.2f\n", (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2) * 1000 }'; }

measure() { # size -> each shape's median (ms) in .local/bench-scale-<size>.txt: the lowest of $rounds rounds' medians,
    # so a burst of load from elsewhere on the machine does not decide a figure
    local size=$1 deep shape name status path round
    deep=$(deep_cursor)
    for round in $(seq "$rounds"); do
        for shape in "${shapes[@]}"; do
            IFS='|' read -r name status path <<<"$shape"
            run_shape "$name at $size" "$status" "${path//@deep/$deep}" "$requests" | median_ms
        done >".local/bench-scale-$size.$round.txt"
    done
    paste -d' ' .local/bench-scale-"$size".*.txt | awk '{ m = $1; for (i = 2; i <= NF; i++) if ($i < m) m = $i; print m }' >".local/bench-scale-$size.txt"
    rm -f .local/bench-scale-"$size".*.txt
}

# The JIT compiles the service's paths in tiers: a first pass over every shape so the 1,000-user figures are not its.
for shape in "${shapes[@]}"; do
    IFS='|' read -r name status path <<<"$shape"
    run_shape "$name (warm-up)" "$status" "${path//@deep/$(deep_cursor)}" 200 >/dev/null
done
measure small

# Up to the large size by SQL. The secondary indexes are dropped and built again afterwards, as a bulk load does
# (one build is several times faster than a million GIN insertions); they end as the migration defines them.
start=$(now)
definitions=$(sql -c "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'users'
                      AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'users'::regclass)")
while read -r name; do sql -c "DROP INDEX $name"; done < <(grep -o 'INDEX [a-z_]*' <<<"$definitions" | cut -d' ' -f2)
sql -v first=$((small + 1)) -v last="$users" -f benchmarks/scale-users.sql
insert_seconds=$(since "$start")
while read -r definition; do sql -c "SET maintenance_work_mem = '256MB'" -c "$definition"; done <<<"$definitions"
sql -c "VACUUM ANALYZE users"
echo "loaded $((users - small)) more users in $(since "$start") s ($insert_seconds s inserting, the rest building indexes and analysing)"
[[ $(sql -c "SELECT count(*) FROM users") -eq $((users + 1)) ]] || { echo "expected $users users and the admin" >&2; exit 1; }
token=$(bench_admin_token "$api" "$dll")   # a fresh access token: the first may have expired meanwhile

measure large

echo
printf '%-38s %12s %12s %7s\n' "shape (median of $requests, best of $rounds)" "@$small (ms)" "@$users (ms)" ratio
paste -d'|' <(printf '%s\n' "${shapes[@]}" | cut -d'|' -f1) .local/bench-scale-small.txt .local/bench-scale-large.txt |
    awk -F'|' '{ r = $3 / $2; worst = r > worst ? r : worst; printf "%-38s %12.2f %12.2f %6.2fx\n", $1, $2, $3, r }
               END { printf "largest ratio %.2fx (aim: 3x or less)\n", worst }'
