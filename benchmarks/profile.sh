#!/usr/bin/env bash
# Where a request's CPU goes: profiles the service under steady load with the .NET diagnostics tools pinned in
# .config/dotnet-tools.json, for two shapes: GET /api/v1/users/{id} (an admin's bearer token, cycling through 1,000
# users) and POST /api/v1/users (a new email each time); and, as the column to read the GET against, the raw-Npgsql
# reference of read-path.sh (benchmarks/RawRead: the same row, body, ETag, connection settings and request log) under
# the same GET load. For each, at c=16: a warm-up (JIT, pools, caches), a
# plain window (requests/s and the process's CPU per request from /proc, nothing attached), then a traced window:
# dotnet-trace (dotnet-sampled-thread-time: every managed thread's stack about every 10 ms) and dotnet-counters
# (System.Runtime: allocations, GCs, lock contentions, thread-pool work items) attached while wrk loads the service,
# and each thread's CPU from /proc over the same window. Prints those figures, then benchmarks/ProfileLayers' report
# for each shape (the request threads' CPU by layer, and the other threads: GC, console logger, sockets engine, ...)
# and both side by side as the README's Markdown table.
# The service runs as benchmarks/read-path.sh runs it: Release, Development (request log on) unless
# ASPNETCORE_ENVIRONMENT says otherwise, an API node (Jobs__Role=Api), on its own throw-away PostgreSQL.
# The traces (.nettrace, .speedscope.json), counters (.csv) and thread CPU (.threads) stay under .local/profile/ for a
# closer look: https://www.speedscope.app opens the speedscope files, `dotnet dotnet-trace report <file>.nettrace topN`
# lists the hottest methods, and `dotnet benchmarks/ProfileLayers/bin/Release/net10.0/ProfileLayers.dll
# .local/profile/get.speedscope.json <requests> --threads .local/profile/get.threads --top 10` shows more of each layer.
# Needs wrk and openssl (wrk installed from Debian's packages when run as root). Takes about 3 minutes.
# Usage: benchmarks/profile.sh [seconds] [connections]
# Ports: PROFILE_PG_PORT (54333), PROFILE_URL (http://127.0.0.1:5210), PROFILE_RAW_URL (http://127.0.0.1:5211).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=benchmarks/admin.sh
source benchmarks/admin.sh

seconds=${1:-15} connections=${2:-16} warmup=10
port=${PROFILE_PG_PORT:-54333} api=${PROFILE_URL:-http://127.0.0.1:5210} raw=${PROFILE_RAW_URL:-http://127.0.0.1:5211}
out=.local/profile
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Jobs__Role=${Jobs__Role:-Api}

bench_require_wrk

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg_stop_if_started || true
}
trap cleanup EXIT

rm -rf "$out"
mkdir -p "$out"
dotnet tool restore >"$out/build.log" || { cat "$out/build.log"; exit 1; }
dotnet build Users.Api -c Release -v q -nologo >"$out/build.log" || { cat "$out/build.log"; exit 1; }
dotnet build benchmarks/ProfileLayers -c Release -v q -nologo >"$out/build.log" || { cat "$out/build.log"; exit 1; }
dotnet build benchmarks/RawRead -c Release -v q -nologo >"$out/build.log" || { cat "$out/build.log"; exit 1; }

pg_start .local/postgres-profile "$port" fast
pg_create_db "$port" users_profile
export ConnectionStrings__Users="Host=127.0.0.1;Port=$port;Database=users_profile;Username=postgres"
bench_signing_key .local/bench-keys
dll=Users.Api/bin/Release/net10.0/Users.Api.dll
Database__MigrateOnStartup=true dotnet "$dll" --contentRoot "$PWD/Users.Api/bin/Release/net10.0" --urls "$api" >"$out/api.log" 2>&1 &
pids+=($!)
api_pid=$!
for _ in $(seq 60); do curl -fs "$api/health/ready" >/dev/null && break; sleep 1; done
curl -fs "$api/health/ready" >/dev/null || { tail -20 "$out/api.log" >&2; echo "the service did not start" >&2; exit 1; }
dotnet benchmarks/RawRead/bin/Release/net10.0/RawRead.dll --contentRoot "$PWD/Users.Api/bin/Release/net10.0" --urls "$raw" >"$out/raw.log" 2>&1 &
pids+=($!)
raw_pid=$!

# An admin reads and creates; 1,000 users made through the API; the GET cycles through their ids.
pg_psql -h 127.0.0.1 -p "$port" -U postgres -d users_profile -qc "TRUNCATE users CASCADE"
token=$(bench_admin_token "$api" "$dll")
[[ -n $token ]] || { echo "could not sign in as the benchmark admin" >&2; exit 1; }
ids=$out/ids.txt
: >"$ids"
for i in $(seq 1000); do
  curl -fs -X POST "$api/api/v1/users" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    -d "{\"email\":\"profile$i.$RANDOM@example.com\",\"fullName\":\"Profile User $i\"}" |
    grep -o '"id":"[^"]*"' | cut -d'"' -f4 >>"$ids"
done
[[ $(wc -l <"$ids") -eq 1000 ]] || { echo "expected 1000 user ids, got $(wc -l <"$ids")" >&2; exit 1; }
cat >"$out/get.lua" <<LUA
local ids, n = {}, 0
for line in io.lines("$PWD/$ids") do n = n + 1; ids[n] = line end
local i = 0
request = function()
  i = i % n + 1
  return wrk.format("GET", "/api/v1/users/" .. ids[i], { ["Authorization"] = "Bearer $token" })
end
LUA
sed 's|"/api/v1/users/"|"/raw/users/"|' "$out/get.lua" >"$out/raw.lua"
bench_create_script "$out/create.lua" p "$token"

cpu_ticks() { # /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat -> user + system CPU time in clock ticks (fields 14, 15)
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$1"
}
threads() { # -> "tid ticks name" for each thread of the process measured ($target_pid)
  local task
  for task in /proc/"$target_pid"/task/*; do
    echo "${task##*/} $(cpu_ticks "$task/stat" 2>/dev/null || echo 0) $(cat "$task/comm" 2>/dev/null)"
  done
}
hz=$(getconf CLK_TCK)
load() { # shape seconds [threads-file] -> "requests requests/s CPU-µs-a-request"; fails on any non-2xx answer
  # With a threads file, writes each thread's CPU over the run there ("tid cpu-ms name"; threads that ended are lost).
  local text before after
  [[ -z ${3:-} ]] || threads >"$out/threads.before"
  before=$(cpu_ticks "/proc/$target_pid/stat")
  text=$(wrk -t2 -c"$connections" -d"$2s" -s "$out/$1.lua" "$target_url")
  after=$(cpu_ticks "/proc/$target_pid/stat")
  if [[ -n ${3:-} ]]; then
    threads | awk -v hz="$hz" 'NR == FNR { was[$1] = $2; next }
      { tid = $1; ticks = $2; $1 = ""; $2 = ""; sub(/^ +/, ""); printf "%s %.0f %s\n", tid, (ticks - was[tid]) * 1000 / hz, $0 }' "$out/threads.before" - >"$3"
  fi
  if grep -q 'Non-2xx' <<<"$text"; then
    echo "$1 answered non-2xx: $(grep 'Non-2xx' <<<"$text")" >&2
    exit 1
  fi
  awk -v ticks=$((after - before)) -v hz="$hz" '/^ *[0-9]+ requests in/ { n = $1 } /Requests\/sec/ { rps = $2 }
    END { printf "%d %s %.0f\n", n, rps, ticks / hz * 1e6 / n }' <<<"$text"
}
listening() { # shape -> whether dotnet-trace and dotnet-counters have both started their sessions
  [[ -s $out/$1.nettrace ]] && grep -q 'Starting a counter session' "$out/$1.counters.log"
}
counter() { # counters.csv name-pattern -> the counter's increments summed over the session
  awk -F, -v name="$2" '$3 ~ name { sum += $5 } END { printf "%.6f\n", sum }' "$1"
}

# The EventPipe sampler (dotnet-sampled-thread-time; CPU sampling proper, collect-linux, needs perf events and
# tracefs) suspends the runtime about every 10 ms and walks every managed thread's stack, which costs throughput:
# the plain window gives the service's own figures, the traced one the profile.
# The tools stop by themselves, 5 s after wrk would if they started at once; wrk starts once both listen.
traced=$(printf '00:%02d:%02d:%02d' $(((seconds + 5) / 3600)) $(((seconds + 5) % 3600 / 60)) $(((seconds + 5) % 60)))
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for shape in get raw create; do
  case $shape in
    get) label="GET by id" target_pid=$api_pid target_url=$api ;;
    raw) label="raw-Npgsql reference, GET by id" target_pid=$raw_pid target_url=$raw ;;
    create) label="POST create" target_pid=$api_pid target_url=$api ;;
  esac
  echo "$label: warm-up ${warmup}s, plain ${seconds}s, traced ${seconds}s (c=$connections)" >&2
  load "$shape" "$warmup" >/dev/null
  read -r plain_n plain_rps plain_cpu < <(load "$shape" "$seconds")

  dotnet dotnet-trace collect -p "$target_pid" --profile dotnet-sampled-thread-time --format Speedscope \
    --duration "$traced" -o "$out/$shape.nettrace" </dev/null >"$out/$shape.trace.log" 2>&1 &
  trace_pid=$!
  # System.Runtime only: asking for Microsoft.AspNetCore.Hosting also turns on its EventSource, whose RequestStart and
  # RequestStop events then took about 9% of the request threads' samples. wrk counts the requests.
  dotnet dotnet-counters collect -p "$target_pid" --counters System.Runtime --format csv \
    --duration "$traced" -o "$out/$shape.counters.csv" </dev/null >"$out/$shape.counters.log" 2>&1 &
  counters_pid=$!
  for _ in $(seq 150); do listening "$shape" && break; sleep 0.2; done
  listening "$shape" || { cat "$out/$shape.trace.log" "$out/$shape.counters.log" >&2; echo "dotnet-trace or dotnet-counters did not attach" >&2; exit 1; }
  read -r n rps cpu < <(load "$shape" "$seconds" "$out/$shape.threads")
  wait "$trace_pid" || { cat "$out/$shape.trace.log" >&2; exit 1; }
  wait "$counters_pid" || { cat "$out/$shape.counters.log" >&2; exit 1; }
  [[ -s $out/$shape.speedscope.json ]] || { echo "dotnet-trace wrote no $out/$shape.speedscope.json" >&2; exit 1; }

  csv=$out/$shape.counters.csv
  awk -v pn="$plain_n" -v prps="$plain_rps" -v pcpu="$plain_cpu" -v n="$n" -v rps="$rps" -v cpu="$cpu" \
    -v bytes="$(counter "$csv" 'total_allocated')" -v g0="$(counter "$csv" 'collections.*gen0')" \
    -v g1="$(counter "$csv" 'collections.*gen1')" -v g2="$(counter "$csv" 'collections.*gen2')" \
    -v pause="$(counter "$csv" 'gc.pause.time')" -v locks="$(counter "$csv" 'lock_contentions')" \
    -v items="$(counter "$csv" 'work_item.count')" -v workers="$(grep -c 'TP Worker' "$out/$shape.threads")" 'BEGIN {
      printf "requests/s, nothing attached|%.0f\n", prps
      printf "requests/s, traced|%.0f\n", rps
      printf "process CPU µs a request (/proc), nothing attached|%.0f\n", pcpu
      printf "process CPU µs a request (/proc), traced|%.0f\n", cpu
      printf "bytes allocated a request|%.0f\n", bytes / n
      printf "gen0 / gen1 / gen2 GCs per 1,000 requests|%.2f / %.2f / %.2f\n", g0 * 1000 / n, g1 * 1000 / n, g2 * 1000 / n
      printf "GC pause µs a request|%.1f\n", pause * 1e6 / n
      printf "Monitor lock contentions a request|%.3f\n", locks / n
      printf "thread-pool work items a request|%.2f\n", items / n
      printf "thread-pool threads at the end|%d\n", workers }' >"$out/$shape.summary"
  echo "$shape $n" >>"$out/requests.txt"
done

echo
echo "Plain window: nothing attached. Traced window: dotnet-trace and dotnet-counters (System.Runtime) attached; the"
echo "allocations, GCs, lock contentions and work items are theirs, over the requests wrk counted in that window."
printf '%-52s %14s %14s %14s\n' "" "GET by id" "raw GET" "POST create"
paste -d'|' "$out/get.summary" "$out/raw.summary" "$out/create.summary" | awk -F'|' '{ printf "%-52s %14s %14s %14s\n", $1, $2, $4, $6 }'
profile_layers=benchmarks/ProfileLayers/bin/Release/net10.0/ProfileLayers.dll
while read -r shape n; do
  echo
  echo "== $shape: where the request threads' time goes ($out/$shape.speedscope.json) =="
  dotnet "$profile_layers" "$out/$shape.speedscope.json" "$n" --threads "$out/$shape.threads" --top "${PROFILE_TOP:-3}"
done <"$out/requests.txt"
echo
echo "Where a request's CPU goes (µs of CPU a request; share of the request threads' CPU), Markdown:"
read -r _ get_n < <(grep '^get ' "$out/requests.txt")
read -r _ raw_n < <(grep '^raw ' "$out/requests.txt")
read -r _ create_n < <(grep '^create ' "$out/requests.txt")
dotnet "$profile_layers" --table "GET by id" "$out/get.speedscope.json" "$get_n" "$out/get.threads" \
  "raw-Npgsql GET" "$out/raw.speedscope.json" "$raw_n" "$out/raw.threads" \
  POST "$out/create.speedscope.json" "$create_n" "$out/create.threads"
echo
echo "Load average before the loads: $load_before; at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores, shared by wrk,"
echo "PostgreSQL and the service (and whatever else runs): compare shares and CPU per request, not requests/s."
