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
# The service runs with its telemetry on (metrics, /metrics on a management port; traces too when
# OTEL_EXPORTER_OTLP_ENDPOINT is set, as for a deployment with a collector); a second instance of the same build with
# Telemetry__Enabled=false is measured in the same rounds, and then both loaded together at the same moments, for what
# telemetry costs (aim: at most 5% of CPU per request).
# BASELINE=<git ref> also builds that commit and measures it in the same rounds (e.g. the service before a change).
# Needs wrk and openssl (wrk installed from Debian's packages when run as root).
# Ports: BENCH_PG_PORT (54331), BENCH_API, BENCH_OFF, BENCH_RAW, BENCH_BASE (http://127.0.0.1:5090, 5092, 5091, 5093),
# BENCH_METRICS_PORT (5095, the management port); BENCH_PG_EXTERNAL=1 uses a PostgreSQL already running on
# BENCH_PG_PORT instead of starting one (database BENCH_DB, users_bench).
# Usage: benchmarks/read-path.sh [rounds] [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=benchmarks/admin.sh
source benchmarks/admin.sh

rounds=${1:-3} seconds=${2:-10} connections=${3:-16}
port=${BENCH_PG_PORT:-54331} db=${BENCH_DB:-users_bench}
api=${BENCH_API:-http://127.0.0.1:5090} raw=${BENCH_RAW:-http://127.0.0.1:5091}
off=${BENCH_OFF:-http://127.0.0.1:5092} base=${BENCH_BASE:-http://127.0.0.1:5093}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# As scripts/run.sh serves it (Development: one text line per request); ASPNETCORE_ENVIRONMENT=Production for JSON logs.
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# The read path is an API node's: Development's default (Both) would also run a Hangfire server with its pollers in the
# same process (about 5% of the throughput here). Jobs__Role=Both measures that instead.
export Jobs__Role=${Jobs__Role:-Api}
# The telemetry-on instance's /metrics, clear of a service scripts/run.sh may be running (9464).
export Management__Port=${BENCH_METRICS_PORT:-5095}

bench_require_wrk

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pg_stop_if_started || true
    [[ -z ${BASELINE:-} ]] || git worktree remove --force .local/bench-baseline 2>/dev/null || true
}
trap cleanup EXIT

mkdir -p .local
[[ -n ${BENCH_PG_EXTERNAL:-} ]] || pg_start .local/postgres-bench "$port" fast
pg_create_db "$port" "$db"
export ConnectionStrings__Users="Host=127.0.0.1;Port=$port;Database=$db;Username=postgres"

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
pg_psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -qc "TRUNCATE users CASCADE"
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
# The instance that set up (migrations, the admin, 1,000 POSTs) is replaced by a fresh one, so the two instances
# compared differ in their telemetry only: kept, it came out about 7% dearer per request than a fresh twin here.
kill "$api_pid" && wait "$api_pid" 2>/dev/null || true
# Started only now: the migrations are applied.
Database__MigrateOnStartup=false dotnet "$dll" --contentRoot "$PWD/Users.Api/bin/Release/net10.0" --urls "$api" >.local/bench-api.log 2>&1 &
pids+=($!)
api_pid=$!
Telemetry__Enabled=false Database__MigrateOnStartup=false dotnet "$dll" --contentRoot "$PWD/Users.Api/bin/Release/net10.0" \
    --urls "$off" >.local/bench-off.log 2>&1 &
pids+=($!)
off_pid=$!
if [[ -n ${BASELINE:-} ]]; then
    Database__MigrateOnStartup=false dotnet .local/bench-baseline/Users.Api/bin/Release/net10.0/Users.Api.dll --contentRoot "$PWD/.local/bench-baseline/Users.Api/bin/Release/net10.0" \
        --urls "$base" >.local/bench-baseline.log 2>&1 &
    pids+=($!)
    base_pid=$!
fi
for url in "$api" "$off" ${BASELINE:+"$base"}; do
    for _ in $(seq 60); do curl -fs "$url/health/ready" >/dev/null && break; sleep 1; done
done
first=$(head -1 "$ids")
# In this order: the service (telemetry on), raw Npgsql, the service with telemetry off, the baseline.
names=(service raw off) urls=("$api/api/v1/users/" "$raw/raw/users/" "$off/api/v1/users/") procs=("$api_pid" "$raw_pid" "$off_pid")
if [[ -n ${BASELINE:-} ]]; then names+=(baseline) urls+=("$base/api/v1/users/") procs+=("$base_pid"); fi
for url in "${urls[@]}"; do
    [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url$first") == 200 ]] || { echo "$url$first does not answer 200" >&2; exit 1; }
done
# Telemetry__Enabled=false for both instances measures how far apart two identical ones come out on this machine.
[[ ${Telemetry__Enabled:-true} == false || $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$Management__Port/metrics") == 200 ]] ||
    { echo "the service's /metrics does not answer on port $Management__Port" >&2; exit 1; }

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
# Warm-up, twice over: JIT (tiered compilation finishes late on a busy machine), pools, caches.
for _ in 1 2; do for i in "${!urls[@]}"; do measure "${urls[$i]}" "${procs[$i]}" >/dev/null; done; done

settings() { grep -o 'Database connection settings: .*' "$1" | head -1 | sed 's/^Database connection settings: //'; }
echo "connection settings, service:   $(settings .local/bench-api.log)"
echo "connection settings, reference: $(settings .local/bench-raw.log)"
# Per round and in total: requests/s of each, the service's ratio to each of the others, and CPU microseconds per request.
printf 'round'; for n in "${names[@]}"; do printf '  %9s/s' "$n"; done
printf '  service/raw  on/off'; [[ -z ${BASELINE:-} ]] || printf '  service/baseline'
printf '  CPU us/request:'; for n in "${names[@]}"; do printf ' %s' "$n"; done; printf '\n'
declare -a total_rps total_cpu
for i in "${!names[@]}"; do total_rps[i]=0 total_cpu[i]=0; done
report() { # label rps... cpu... -> one line of the table
    local label=$1; shift
    local n=${#names[@]} i
    local -a rps=("${@:1:n}") cpu=("${@:n+1:n}")
    printf '%5s' "$label"; for i in "${!rps[@]}"; do printf '  %11.0f' "${rps[i]}"; done
    awk -v a="${rps[0]}" -v b="${rps[1]}" -v c="${rps[2]}" 'BEGIN{printf "  %11.2f  %6.2f", a/b, a/c}'
    [[ -z ${BASELINE:-} ]] || awk -v a="${rps[0]}" -v d="${rps[3]}" 'BEGIN{printf "  %16.2f", a/d}'
    printf '                 '; for i in "${!cpu[@]}"; do printf ' %.0f' "${cpu[i]}"; done; printf '\n'
}
for r in $(seq "$rounds"); do
    declare -a rps=() cpu=()
    for i in "${!urls[@]}"; do
        read -r "rps[i]" "cpu[i]" < <(measure "${urls[$i]}" "${procs[$i]}")
        total_rps[i]=$(awk -v x="${total_rps[i]}" -v y="${rps[i]}" 'BEGIN{print x+y}')
        total_cpu[i]=$((total_cpu[i] + cpu[i]))
    done
    report "$r" "${rps[@]}" "${cpu[@]}"
done
declare -a mean_cpu=()
for i in "${!names[@]}"; do mean_cpu[i]=$(awk -v x="${total_cpu[i]}" -v n="$rounds" 'BEGIN{print x/n}'); done
report all "${total_rps[@]}" "${mean_cpu[@]}"
echo "(service/raw: aim >= 0.80; on/off: requests/s with telemetry on over off)"
awk -v on="${mean_cpu[0]}" -v off="${mean_cpu[2]}" 'BEGIN{printf "CPU per request, telemetry on/off, in alternating rounds: %.3f\n", on/off}'
[[ -z ${BASELINE:-} ]] || awk -v s="${mean_cpu[0]}" -v b="${mean_cpu[3]}" 'BEGIN{printf "CPU per request, baseline/service: %.2f\n", b/s}'

# Telemetry on against off, both loaded at the same moments (half the connections each): what the machine's other load
# does in a round then falls on both alike, which alternating rounds cannot promise on a shared machine; the ratio of CPU
# per request is what telemetry costs.
measure_pair() { # -> "on-rps on-cpu off-rps off-cpu"
    local a b c d out_on out_off half=$(((connections + 1) / 2))
    a=$(cpu_ticks "$api_pid") c=$(cpu_ticks "$off_pid")
    wrk -t1 -c"$half" -d"${seconds}s" -s "$script" "$api/api/v1/users/" >.local/bench-pair-on.txt &
    wrk -t1 -c"$half" -d"${seconds}s" -s "$script" "$off/api/v1/users/" >.local/bench-pair-off.txt
    wait $!
    b=$(cpu_ticks "$api_pid") d=$(cpu_ticks "$off_pid")
    out_on=$(cat .local/bench-pair-on.txt) out_off=$(cat .local/bench-pair-off.txt)
    if grep -q 'Non-2xx' <<<"$out_on$out_off"; then echo "non-2xx answers while measuring telemetry on and off together" >&2; exit 1; fi
    awk -v ticks=$((b - a)) -v hz="$hz" '/^ *[0-9]+ requests in/ { n = $1 } /Requests\/sec/ { rps = $2 }
        END { printf "%s %.1f ", rps, ticks / hz * 1e6 / n }' <<<"$out_on"
    awk -v ticks=$((d - c)) -v hz="$hz" '/^ *[0-9]+ requests in/ { n = $1 } /Requests\/sec/ { rps = $2 }
        END { printf "%s %.1f\n", rps, ticks / hz * 1e6 / n }' <<<"$out_off"
}
measure_pair >/dev/null
echo
echo "telemetry on and off loaded together (c=$(((connections + 1) / 2)) each)"
echo "round     on/s    off/s  on/off  CPU us/request: on off  on/off"
sum_on=0 sum_off=0 cpu_on=0 cpu_off=0
for r in $(seq "$rounds"); do
    read -r a ca b cb < <(measure_pair)
    awk -v r="$r" -v a="$a" -v b="$b" -v ca="$ca" -v cb="$cb" \
        'BEGIN{printf "%5d  %7.0f  %7.0f  %6.2f                  %5.1f %5.1f  %5.3f\n", r, a, b, a/b, ca, cb, ca/cb}'
    sum_on=$(awk -v x="$sum_on" -v y="$a" 'BEGIN{print x+y}') sum_off=$(awk -v x="$sum_off" -v y="$b" 'BEGIN{print x+y}')
    # CPU time in all (µs a request times requests a second), so the total is CPU over requests, not a mean of rounds.
    cpu_on=$(awk -v x="$cpu_on" -v y="$ca" -v r="$a" 'BEGIN{print x+y*r}') cpu_off=$(awk -v x="$cpu_off" -v y="$cb" -v r="$b" 'BEGIN{print x+y*r}')
done
awk -v a="$sum_on" -v b="$sum_off" -v ca="$cpu_on" -v cb="$cpu_off" \
    'BEGIN{printf "  all  %7.0f  %7.0f  %6.2f                  %5.1f %5.1f  %5.3f\n", a, b, a/b, ca/a, cb/b, (ca/a)/(cb/b);
           printf "CPU per request, telemetry on/off, loaded together: %.3f (aim <= 1.05)\n", (ca/a)/(cb/b)}'

# The service's other shapes, measured beside its GET by id in alternating rounds: the first page of the list, and a
# create (each request a new user; no password, so no hashing: the path, not the hash, is measured).
list_script=.local/bench-list.lua
cat >"$list_script" <<LUA
request = function() return wrk.format("GET", wrk.path .. "?limit=20", { ["Authorization"] = "Bearer $token" }) end
LUA
create_script=.local/bench-create.lua
bench_create_script "$create_script" c "$token"
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
