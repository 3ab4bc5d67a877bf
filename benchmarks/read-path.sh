#!/usr/bin/env bash
# Read-path benchmark: GET /api/v1/users/{id} of the service beside a raw-Npgsql endpoint reading the same
# row of the same table (benchmarks/RawRead), on one throw-away cluster, measured in alternating rounds.
# Prints requests/s for each round and the service/raw ratio (the aim is >= 0.8). Needs wrk (installed
# from Debian's packages when run as root). Usage: benchmarks/read-path.sh [rounds] [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh

rounds=${1:-3} seconds=${2:-10} connections=${3:-32}
port=54331 api=http://127.0.0.1:5090 raw=http://127.0.0.1:5091
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# As scripts/run.sh serves it (Development: one text line per request); ASPNETCORE_ENVIRONMENT=Production for JSON logs.
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}

if ! command -v wrk >/dev/null; then
    [[ $(id -u) -eq 0 ]] || { echo "wrk is missing: sudo apt-get install -y wrk" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pg_stop_if_started || true
}
trap cleanup EXIT

pg_start .local/postgres-bench "$port" fast
pg_create_db "$port" users_bench
export ConnectionStrings__Users="Host=127.0.0.1;Port=$port;Database=users_bench;Username=postgres"

dotnet build Users.Api -c Release -v q -nologo >.local/bench-build.log || { cat .local/bench-build.log; exit 1; }
dotnet build benchmarks/RawRead -c Release -v q -nologo >.local/bench-build.log || { cat .local/bench-build.log; exit 1; }
Database__MigrateOnStartup=true dotnet Users.Api/bin/Release/net10.0/Users.Api.dll --contentRoot "$PWD/Users.Api/bin/Release/net10.0" --urls "$api" >.local/bench-api.log 2>&1 &
pids+=($!)
dotnet benchmarks/RawRead/bin/Release/net10.0/RawRead.dll --urls "$raw" >.local/bench-raw.log 2>&1 &
pids+=($!)
for _ in $(seq 60); do curl -fs "$api/health/ready" >/dev/null && curl -s -o /dev/null "$raw/raw/users/00000000-0000-0000-0000-000000000000" && break; sleep 1; done

# 1,000 users made through the API; wrk cycles through their ids.
pg_psql -h 127.0.0.1 -p "$port" -U postgres -d users_bench -qc "TRUNCATE users"
ids=.local/bench-ids.txt
: >"$ids"
for i in $(seq 1000); do
    curl -fs -X POST "$api/api/v1/users" -H 'Content-Type: application/json' \
        -d "{\"email\":\"bench$i.$RANDOM@example.com\",\"fullName\":\"Bench User $i\"}" |
        grep -o '"id":"[^"]*"' | cut -d'"' -f4 >>"$ids"
done
script=.local/bench-ids.lua
cat >"$script" <<LUA
local ids, n = {}, 0
for line in io.lines("$PWD/$ids") do n = n + 1; ids[n] = line end
local i = 0
request = function()
  i = i % n + 1
  return wrk.format("GET", wrk.path .. ids[i])
end
LUA

# A benchmark of 404s measures nothing: both endpoints must serve the users just made.
[[ $(wc -l <"$ids") -eq 1000 ]] || { echo "expected 1000 user ids, got $(wc -l <"$ids")" >&2; exit 1; }
first=$(head -1 "$ids")
for url in "$api/api/v1/users/$first" "$raw/raw/users/$first"; do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$url") == 200 ]] || { echo "$url does not answer 200" >&2; exit 1; }
done

measure() { # url-prefix -> requests/s; fails on any non-2xx answer
    local out
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$script" "$1")
    if grep -q 'Non-2xx' <<<"$out"; then
        echo "$1 answered non-2xx: $(grep 'Non-2xx' <<<"$out")" >&2
        exit 1
    fi
    awk '/Requests\/sec/ {print $2}' <<<"$out"
}
measure "$api/api/v1/users/" >/dev/null   # warm-up: JIT, pools, caches
measure "$raw/raw/users/" >/dev/null

echo "round  service(req/s)  raw(req/s)  ratio"
total_api=0 total_raw=0
for r in $(seq "$rounds"); do
    a=$(measure "$api/api/v1/users/")
    b=$(measure "$raw/raw/users/")
    total_api=$(awk -v x="$total_api" -v y="$a" 'BEGIN{print x+y}')
    total_raw=$(awk -v x="$total_raw" -v y="$b" 'BEGIN{print x+y}')
    awk -v r="$r" -v a="$a" -v b="$b" 'BEGIN{printf "%5d  %14.0f  %10.0f  %5.2f\n", r, a, b, a/b}'
done
awk -v a="$total_api" -v b="$total_raw" 'BEGIN{printf "all    %14.0f  %10.0f  %5.2f  (service/raw, aim >= 0.80)\n", a, b, a/b}'
