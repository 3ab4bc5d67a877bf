#!/usr/bin/env bash
# Read-path benchmark: GET /api/v1/users/{id} of the service, with an admin's bearer token, beside a raw-Npgsql
# endpoint reading the same row of the same table (benchmarks/RawRead), on one throw-away cluster, measured in
# alternating rounds. Prints requests/s for each round and the service/raw ratio (the aim is >= 0.8), and each
# process's CPU time per request, which a busy or noisy machine disturbs far less than requests/s.
# The reference is given everything the service has but its stack: it runs from the service's content root (the same
# appsettings: logging levels and console formatter, connection string), tunes its connections with the service's own
# ServiceConnectionString, logs the service's request line, and answers the same body and ETag. Both print their
# effective connection settings, shown below. Then, in the same run, the service's other shapes beside its GET by id:
# a list page (aim >= 0.6 of the GET rate) and a POST create (aim >= 0.5).
# BASELINE=<git ref> also builds that commit and measures it in the same rounds (e.g. the service before a change).
# Needs wrk and openssl (wrk installed from Debian's packages when run as root).
# Usage: benchmarks/read-path.sh [rounds] [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=benchmarks/admin.sh
source benchmarks/admin.sh

rounds=${1:-3} seconds=${2:-10} connections=${3:-16}
port=54331 api=http://127.0.0.1:5090 raw=http://127.0.0.1:5091 base=http://127.0.0.1:5093
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# As scripts/run.sh serves it (Development: one text line per request); ASPNETCORE_ENVIRONMENT=Production for JSON logs.
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# The read path is an API node's: Development's default (Both) would also run a Hangfire server with its pollers in the
# same process (about 5% of the throughput here). Jobs__Role=Both measures that instead.
export Jobs__Role=${Jobs__Role:-Api}

if ! command -v wrk >/dev/null; then
    [[ $(id -u) -eq 0 ]] || { echo "wrk is missing: sudo apt-get install -y wrk" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pg_stop_if_started || true
    [[ -z ${BASELINE:-} ]] || git worktree remove --force .local/bench-baseline 2>/dev/null || true
}
trap cleanup EXIT

pg_start .local/postgres-bench "$port" fast
pg_create_db "$port" users_bench
export ConnectionStrings__Users="Host=127.0.0.1;Port=$port;Database=users_bench;Username=postgres"

dotnet build Users.Api -c Release -v q -nologo >.local/bench-build.log || { cat .local/bench-build.log; exit 1; }
dotnet build benchmarks/RawRead -c Release -v q -nologo >.local/bench-build.log || { cat .local/bench-build.log; exit 1; }
bench_signing_key .local/bench-keys
dll=Users.Api/bin/Release/net10.0/Users.Api.dll
Database__MigrateOnStartup=true dotnet "$dll" --contentRoot "$PWD/Users.Api/bin/Release/net10.0" --urls "$api" >.local/bench-api.log 2>&1 &
pids+=($!)
api_pid=$!
if [[ -n ${BASELINE:-} ]]; then
    git worktree remove --force .local/bench-baseline 2>/dev/null || true
    git worktree add -q --detach .local/bench-baseline "$BASELINE"
    dotnet build .local/bench-baseline/Users.Api -c Release -v q -nologo >.local/bench-build.log || { cat .local/bench-build.log; exit 1; }
fi
dotnet benchmarks/RawRead/bin/Release/net10.0/RawRead.dll --contentRoot "$PWD/Users.Api/bin/Release/net10.0" --urls "$raw" >.local/bench-raw.log 2>&1 &
pids+=($!)
raw_pid=$!
for _ in $(seq 60); do curl -fs "$api/health/ready" >/dev/null && curl -s -o /dev/null "$raw/raw/users/00000000-0000-0000-0000-000000000000" && break; sleep 1; done

# An admin reads; 1,000 users made through the API; wrk cycles through their ids.
pg_psql -h 127.0.0.1 -p "$port" -U postgres -d users_bench -qc "TRUNCATE users CASCADE"
token=$(bench_admin_token "$api" "$dll")
[[ -n $token ]] || { echo "could not sign in as the benchmark admin" >&2; exit 1; }
ids=.local/bench-ids.txt
: >"$ids"
for i in $(seq 1000); do
    curl -fs -X POST "$api/api/v1/users" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
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
  return wrk.format("GET", wrk.path .. ids[i], { ["Authorization"] = "Bearer $token" })
end
LUA

# A benchmark of 404s measures nothing: both endpoints must serve the users just made.
[[ $(wc -l <"$ids") -eq 1000 ]] || { echo "expected 1000 user ids, got $(wc -l <"$ids")" >&2; exit 1; }
if [[ -n ${BASELINE:-} ]]; then
    # Started only now: the service above applied the migrations, and the baseline needs none of its own.
    Database__MigrateOnStartup=false dotnet .local/bench-baseline/Users.Api/bin/Release/net10.0/Users.Api.dll --contentRoot "$PWD/.local/bench-baseline/Users.Api/bin/Release/net10.0" \
        --urls "$base" >.local/bench-baseline.log 2>&1 &
    pids+=($!)
    base_pid=$!
    for _ in $(seq 60); do curl -fs "$base/health/ready" >/dev/null && break; sleep 1; done
fi
first=$(head -1 "$ids")
targets=("$api/api/v1/users/" "$raw/raw/users/")
[[ -z ${BASELINE:-} ]] || targets+=("$base/api/v1/users/")
for url in "${targets[@]}"; do
    [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url$first") == 200 ]] || { echo "$url$first does not answer 200" >&2; exit 1; }
done

cpu_ticks() { # pid -> user + system CPU time in clock ticks, from /proc/<pid>/stat (fields 14 and 15)
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}
hz=$(getconf CLK_TCK)
measure() { # url-prefix pid [wrk-script] -> "requests/s CPU-microseconds-per-request"; fails on any non-2xx answer
    local out before after
    before=$(cpu_ticks "$2")
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "${3:-$script}" "$1")
    after=$(cpu_ticks "$2")
    if grep -q 'Non-2xx' <<<"$out"; then
        echo "$1 answered non-2xx: $(grep 'Non-2xx' <<<"$out")" >&2
        exit 1
    fi
    awk -v ticks=$((after - before)) -v hz="$hz" '/^ *[0-9]+ requests in/ { n = $1 } /Requests\/sec/ { rps = $2 }
        END { printf "%s %.0f\n", rps, ticks / hz * 1e6 / n }' <<<"$out"
}
pid_of=([0]="$api_pid" [1]="$raw_pid" [2]="${base_pid:-}")
for i in "${!targets[@]}"; do measure "${targets[$i]}" "${pid_of[$i]}" >/dev/null; done   # warm-up: JIT, pools, caches

settings() { grep -o 'Database connection settings: .*' "$1" | head -1 | sed 's/^Database connection settings: //'; }
echo "connection settings, service:   $(settings .local/bench-api.log)"
echo "connection settings, reference: $(settings .local/bench-raw.log)"
echo "round  service(req/s)  raw(req/s)  ratio${BASELINE:+  baseline(req/s)  service/baseline}  CPU us/request: service raw${BASELINE:+ baseline}"
total_api=0 total_raw=0 total_base=0 cpu_api=0 cpu_raw=0 cpu_base=0
for r in $(seq "$rounds"); do
    read -r a ca < <(measure "$api/api/v1/users/" "$api_pid")
    read -r b cb < <(measure "$raw/raw/users/" "$raw_pid")
    c=0 cc=0
    [[ -z ${BASELINE:-} ]] || read -r c cc < <(measure "$base/api/v1/users/" "$base_pid")
    total_api=$(awk -v x="$total_api" -v y="$a" 'BEGIN{print x+y}')
    total_raw=$(awk -v x="$total_raw" -v y="$b" 'BEGIN{print x+y}')
    total_base=$(awk -v x="$total_base" -v y="$c" 'BEGIN{print x+y}')
    cpu_api=$((cpu_api + ca)) cpu_raw=$((cpu_raw + cb)) cpu_base=$((cpu_base + cc))
    awk -v r="$r" -v a="$a" -v b="$b" -v c="$c" -v ca="$ca" -v cb="$cb" -v cc="$cc" 'BEGIN{printf "%5d  %14.0f  %10.0f  %5.2f", r, a, b, a/b; if (c > 0) printf "  %15.0f  %16.2f", c, a/c; printf "  %7d %4d", ca, cb; if (c > 0) printf " %5d", cc; printf "\n"}'
done
awk -v a="$total_api" -v b="$total_raw" -v c="$total_base" -v n="$rounds" -v ca="$cpu_api" -v cb="$cpu_raw" -v cc="$cpu_base" 'BEGIN{
    printf "all    %14.0f  %10.0f  %5.2f", a, b, a/b; if (c > 0) printf "  %15.0f  %16.2f", c, a/c
    printf "  %7.0f %4.0f", ca/n, cb/n; if (c > 0) printf " %5.0f", cc/n
    printf "  (service/raw, aim >= 0.80)\n"
    if (c > 0) printf "CPU per request, baseline/service: %.2f\n", cc/ca }'

# The service's other shapes, measured beside its GET by id in alternating rounds: the first page of the list, and a
# create (each request a new user; no password, so no hashing: the path, not the hash, is measured).
list_script=.local/bench-list.lua
cat >"$list_script" <<LUA
request = function() return wrk.format("GET", wrk.path .. "?limit=20", { ["Authorization"] = "Bearer $token" }) end
LUA
create_script=.local/bench-create.lua
cat >"$create_script" <<LUA
-- Each wrk thread gets its own number, and each run its own stamp: emails never repeat, so every answer is a 201.
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("id", threads) end
local n, tag = 0, nil
request = function()
  tag = tag or string.format("%d.%d", os.time(), id)
  n = n + 1
  local body = string.format('{"email":"c%s.%d@example.com","fullName":"Created %d"}', tag, n, n)
  return wrk.format("POST", wrk.path, { ["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json" }, body)
end
LUA
measure "$api/api/v1/users" "$api_pid" "$list_script" >/dev/null
measure "$api/api/v1/users" "$api_pid" "$create_script" >/dev/null
echo
echo "round  get-by-id(req/s)  list(req/s)  list/get  create(req/s)  create/get  CPU us/request: get list create"
sum_get=0 sum_list=0 sum_create=0
for r in $(seq "$rounds"); do
    read -r g cg < <(measure "$api/api/v1/users/" "$api_pid")
    read -r l cl < <(measure "$api/api/v1/users" "$api_pid" "$list_script")
    read -r w cw < <(measure "$api/api/v1/users" "$api_pid" "$create_script")
    sum_get=$(awk -v x="$sum_get" -v y="$g" 'BEGIN{print x+y}')
    sum_list=$(awk -v x="$sum_list" -v y="$l" 'BEGIN{print x+y}')
    sum_create=$(awk -v x="$sum_create" -v y="$w" 'BEGIN{print x+y}')
    awk -v r="$r" -v g="$g" -v l="$l" -v w="$w" -v cg="$cg" -v cl="$cl" -v cw="$cw" \
        'BEGIN{printf "%5d  %16.0f  %11.0f  %8.2f  %13.0f  %10.2f  %7d %4d %6d\n", r, g, l, l/g, w, w/g, cg, cl, cw}'
done
awk -v g="$sum_get" -v l="$sum_list" -v w="$sum_create" \
    'BEGIN{printf "all    %16.0f  %11.0f  %8.2f  %13.0f  %10.2f  (aims: list/get >= 0.60, create/get >= 0.50)\n", g, l, l/g, w, w/g}'
