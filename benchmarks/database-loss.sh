#!/usr/bin/env bash
# The database going away under load: the service is loaded with reads and creates while its PostgreSQL is killed
# (immediate shutdown, as in a crash) and started again. Prints the status codes clients got, how long the service
# took to answer 200 again, and whether every create acknowledged with 201 is still there afterwards.
# What must hold: no 500 (only 2xx, 409 and 503 + Retry-After), recovery without a restart, no acknowledged write lost.
# Needs wrk (installed from Debian's packages when run as root).
# Usage: benchmarks/database-loss.sh [seconds-before-kill] [seconds-down] [seconds-after] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=benchmarks/admin.sh
source benchmarks/admin.sh

before=${1:-5} down=${2:-5} after=${3:-10} connections=${4:-32}
port=54332 api=http://127.0.0.1:5092
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production
# The service's /metrics, clear of one scripts/run.sh may be running (9464).
export Management__Port=${BENCH_METRICS_PORT:-5096}

bench_require_wrk

app_pid=""
cleanup() {
    [[ -z $app_pid ]] || kill "$app_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    pg_stop_if_started || true
}
trap cleanup EXIT

psql_bench() { pg_psql -h 127.0.0.1 -p "$port" -U postgres -d users_loss -tAc "$1"; }

# Durable (no "fast"): with synchronous_commit off a crash loses commits PostgreSQL already acknowledged, and the
# check below would blame the service for them.
pg_start .local/postgres-loss "$port"
pg_create_db "$port" users_loss
export ConnectionStrings__Users="Host=127.0.0.1;Port=$port;Database=users_loss;Username=postgres;Timeout=3"

dotnet build Users.Api -c Release -v q -nologo >.local/bench-build.log || { cat .local/bench-build.log; exit 1; }
bench_signing_key .local/loss-keys
dll=Users.Api/bin/Release/net10.0/Users.Api.dll
Database__MigrateOnStartup=true dotnet "$dll" --contentRoot "$PWD/Users.Api/bin/Release/net10.0" --urls "$api" >.local/loss-api.log 2>&1 &
app_pid=$!
for _ in $(seq 60); do curl -fs "$api/health/ready" >/dev/null && break; sleep 1; done
psql_bench "TRUNCATE users CASCADE" >/dev/null
token=$(bench_admin_token "$api" "$dll")
[[ -n $token ]] || { echo "could not sign in as the benchmark admin" >&2; exit 1; }

ids=.local/loss-ids.txt
: >"$ids"
for i in $(seq 200); do
    curl -fs -X POST "$api/api/v1/users" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
        -d "{\"email\":\"seed$i@example.com\",\"fullName\":\"Seed User $i\"}" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 >>"$ids"
done

# Reads by id, a list, and one create in five with an address unique to the thread and request.
script=.local/loss.lua
cat >"$script" <<LUA
local ids, n = {}, 0
for line in io.lines("$PWD/$ids") do n = n + 1; ids[n] = line end
local threads, counter = {}, 0
local auth = "Bearer $token"
function setup(thread) thread:set("id", #threads + 1); table.insert(threads, thread) end
function init() statuses = {}; created = 0; retry_after_missing = 0; i = 0 end
function request()
  i = i + 1
  if i % 5 == 0 then
    return wrk.format("POST", "/api/v1/users", { ["Content-Type"] = "application/json", ["Authorization"] = auth },
      string.format('{"email":"load-%d-%d@example.com","fullName":"Load"}', id, i))
  elseif i % 5 == 1 then
    return wrk.format("GET", "/api/v1/users?limit=10", { ["Authorization"] = auth })
  end
  return wrk.format("GET", "/api/v1/users/" .. ids[i % n + 1], { ["Authorization"] = auth })
end
function response(status, headers)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 201 then created = created + 1 end
  if status == 503 and headers["Retry-After"] == nil then retry_after_missing = retry_after_missing + 1 end
end
function done()
  local all, acked, missing = {}, 0, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do all[status] = (all[status] or 0) + count end
    acked = acked + thread:get("created")
    missing = missing + thread:get("retry_after_missing")
  end
  for status, count in pairs(all) do io.write(string.format("status %d: %d\n", status, count)) end
  io.write(string.format("acknowledged creates: %d\n", acked))
  io.write(string.format("503 without Retry-After: %d\n", missing))
end
LUA

total=$((before + down + after))
wrk -t2 -c"$connections" -d"${total}s" --timeout 10s -s "$script" "$api" >.local/loss-wrk.txt &
wrk_pid=$!
sleep "$before"
echo "killing PostgreSQL (immediate shutdown) for ${down}s under load"
pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null
sleep "$down"
pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA.log" -o "-p $port" -w start >/dev/null
restarted=$(date +%s%N)
until curl -fs -o /dev/null -H "Authorization: Bearer $token" "$api/api/v1/users/$(head -1 "$ids")"; do sleep 0.1; done
echo "service answered 200 again $(( ($(date +%s%N) - restarted) / 1000000 )) ms after PostgreSQL was back"
wait "$wrk_pid"

grep -E '^(status|acknowledged|503)|Socket errors|Requests/sec' .local/loss-wrk.txt | sort
acked=$(sed -n 's/^acknowledged creates: //p' .local/loss-wrk.txt)
stored=$(psql_bench "SELECT count(*) FROM users WHERE email LIKE 'load-%'")
echo "creates acknowledged with 201: $acked; load users stored: $stored"
server_errors=$(grep -E '^status 5' .local/loss-wrk.txt | grep -v '^status 503' || true)
missing_retry=$(sed -n 's/^503 without Retry-After: //p' .local/loss-wrk.txt)
if [[ -n $server_errors || $stored -lt $acked || $missing_retry -ne 0 ]]; then
    echo "FAIL: a 5xx other than 503, a 503 without Retry-After, or an acknowledged create lost"
    exit 1
fi
echo "OK: only 2xx/4xx and 503 with Retry-After; every acknowledged create is stored"
