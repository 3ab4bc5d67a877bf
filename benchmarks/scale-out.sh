#!/usr/bin/env bash
# What each part of the cluster adds, measured on this machine (the figures of the README's "Scaling out"):
#   pgbench's ceiling for the primary: select-only, simple-update (-N) and tpcb-like, -c 8 -j 2, on a small scale
#   POST create, GET by id and a list page through HAProxy (wrk) with two API nodes, then with one (api2 stopped), and
#     GET by id straight to one node (HAProxy's own cost); each with the CPU the API nodes, PostgreSQL's primary and
#     HAProxy spent per request (from /proc), and the primary's WAL per create; in two rounds, so the noise shows
#   two imports at once with one worker node (worker2 stopped), then with two: rows/s
#   where the list reads went: transactions the primary and the replica committed during the list run (list and search
#     read from the replica: its share is what it offloads from the primary)
# On a cluster of its own (scripts/cluster.sh --fresh under .local/cluster-bench, the ports of scripts/cluster.sh; not
# beside benchmarks/cluster.sh). Every figure is printed with the load average when it was taken: on a shared machine,
# read them together. Needs wrk (installed from Debian's packages when run as root), curl and the .NET SDK.
# Usage: benchmarks/scale-out.sh [seconds per wrk run, 15] [connections, 16] [rows per import, 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=benchmarks/own-cluster.sh
source benchmarks/own-cluster.sh

seconds=${1:-15} connections=${2:-16} rows=${3:-100000}
out=$PWD/.local/scale-out-out
api=http://127.0.0.1:$CLUSTER_HTTP_PORT
pgbench=${PG_BIN:-/usr/lib/postgresql/15/bin}/pgbench
command -v curl >/dev/null || cluster_die "curl is missing: sudo apt-get install -y curl"
bench_require_wrk
trap bench_cluster_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$out"
mkdir -p "$out"
bench_cluster_start "$out"
pgbench=$PG_BIN/pgbench
sql() { pg_psql -h 127.0.0.1 -p "$CLUSTER_PG_PORT" -U postgres -d users -qAt "$@"; }
replica_sql() { pg_psql -h 127.0.0.1 -p "$CLUSTER_REPLICA_PORT" -U postgres -d users -qAt "$@"; }
results=$out/results.txt
row() { printf '%-52s %s   (load %s)\n' "$1" "$2" "$(bench_load_average)" | tee -a "$results"; }

# 1. The primary's ceiling, before anything else runs: pgbench on a database of its own, then dropped.
pg_psql -h 127.0.0.1 -p "$CLUSTER_PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE pgbench"
"$pgbench" -h 127.0.0.1 -p "$CLUSTER_PG_PORT" -U postgres -i -s 10 -q pgbench >"$out/pgbench-init.log" 2>&1
for mode in select-only simple-update tpcb-like; do
    "$pgbench" -h 127.0.0.1 -p "$CLUSTER_PG_PORT" -U postgres -b "$mode" -c 8 -j 2 -T 20 pgbench >"$out/pgbench-$mode.log" 2>&1
    row "pgbench $mode (-c 8 -j 2 -T 20, scale 10)" "$(awk '/^tps/ { printf "%8.0f tps", $3 }' "$out/pgbench-$mode.log")"
done
pg_psql -h 127.0.0.1 -p "$CLUSTER_PG_PORT" -U postgres -d postgres -qc "DROP DATABASE pgbench"

# 2. The API through HAProxy. wrk's scripts: creates with emails never repeated, GETs cycling through stored ids, list pages.
token=$(bench_admin_access "$api")
[[ -n $token ]] || cluster_die "could not sign in as the benchmark admin"
bench_create_script "$out/create.lua" so "$token"
cat >"$out/list.lua" <<LUA
request = function() return wrk.format("GET", "/api/v1/users?limit=20", { ["Authorization"] = "Bearer $token" }) end
LUA
make_get_script() {
    sql -c "SELECT id FROM users ORDER BY random() LIMIT 1000" >"$out/ids.txt"
    cat >"$out/get.lua" <<LUA
local ids, n = {}, 0
for line in io.lines("$out/ids.txt") do n = n + 1; ids[n] = line end
local i = 0
request = function()
  i = i % n + 1
  return wrk.format("GET", "/api/v1/users/" .. ids[i], { ["Authorization"] = "Bearer $token" })
end
LUA
}

ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
primary_pids() { local pm; pm=$(head -n 1 "$CLUSTER_PRIMARY_DATA/postmaster.pid"); echo "$pm"; ps -o pid= --ppid "$pm"; }
declare -A before_ticks
snapshot() { before_ticks=(); local p; for p in "$@"; do before_ticks[$p]=$(ticks "$p"); done; }
spent() { # pids... -> CPU ticks spent since the snapshot (processes that started since count from 0)
    local p total=0
    for p in "$@"; do total=$((total + $(ticks "$p") - ${before_ticks[$p]:-0})); done
    echo "$total"
}
hz=$(getconf CLK_TCK)
# measure <label> <url> <script> [count-wal]: wrk's requests/s, and CPU microseconds per request of the API nodes,
# the primary and HAProxy; fails on any non-2xx answer.
measure() {
    local label=$1 url=$2 script=$3 nodes=() name wal_before output requests rps nodes_t pg_t hap_t pg_set wal=""
    while read -r name _ role; do [[ $role == Api ]] && cluster_running "$name" && nodes+=("$(cluster_pid_of "$name")"); done < <(cluster_nodes)
    local haproxy_pid
    haproxy_pid=$(cat "$CLUSTER_DIR/run/haproxy.pid")
    read -r -a pg_set <<<"$(primary_pids | xargs)"
    snapshot "${nodes[@]}" "${pg_set[@]}" "$haproxy_pid"
    wal_before=$(sql -c "SELECT pg_current_wal_lsn()")
    output=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$script" "$url")
    read -r -a pg_set <<<"$(primary_pids | xargs)"
    nodes_t=$(spent "${nodes[@]}") pg_t=$(spent "${pg_set[@]}") hap_t=$(spent "$haproxy_pid")
    if grep -q 'Non-2xx' <<<"$output"; then echo "$output" >&2; cluster_die "$label: non-2xx answers"; fi
    requests=$(awk '/requests in/ { print $1 }' <<<"$output")
    rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$output")
    if [[ ${4:-} == wal ]]; then
        wal=$(sql -c "SELECT round(pg_wal_lsn_diff(pg_current_wal_lsn(), '$wal_before') / $requests)")
        wal=", WAL $wal bytes/request"
    fi
    row "$label" "$(awk -v r="$rps" -v n="$requests" -v a="$nodes_t" -v p="$pg_t" -v h="$hap_t" -v hz="$hz" 'BEGIN {
        printf "%7.0f req/s   CPU us/request: API nodes %4.0f, primary %4.0f, HAProxy %3.0f", r, a / hz * 1e6 / n, p / hz * 1e6 / n, h / hz * 1e6 / n }')$wal"
}

# Warm-up (JIT, pools) of both nodes, which also makes the users the GETs read.
wrk -t2 -c"$connections" -d15s -s "$out/create.lua" "$api" >/dev/null
make_get_script
wrk -t2 -c"$connections" -d10s -s "$out/get.lua" "$api" >/dev/null
wrk -t2 -c"$connections" -d10s -s "$out/list.lua" "$api" >/dev/null

xacts() { "$1" -c "SELECT xact_commit FROM pg_stat_database WHERE datname = 'users'"; }
api2_port=${CLUSTER_API_PORTS[1]}
# Two rounds, each two nodes then one (api2 stopped, then started again and warmed up straight, so the next round's two
# nodes are both warm): the machine's noise shows as the difference between rounds.
for round in 1 2; do
    measure "create, 2 API nodes via HAProxy (round $round)" "$api" "$out/create.lua" wal
    measure "GET by id, 2 API nodes via HAProxy (round $round)" "$api" "$out/get.lua"
    primary_before=$(xacts sql) replica_before=$(xacts replica_sql)
    measure "list page, 2 API nodes via HAProxy (round $round)" "$api" "$out/list.lua"
    primary_list=$(($(xacts sql) - primary_before)) replica_list=$(($(xacts replica_sql) - replica_before))
    row "  its transactions on primary / replica" "$primary_list / $replica_list (the replica's share is what it offloads)"
    cluster_node_stop api2
    measure "create, 1 API node via HAProxy (round $round)" "$api" "$out/create.lua" wal
    measure "GET by id, 1 API node via HAProxy (round $round)" "$api" "$out/get.lua"
    measure "list page, 1 API node via HAProxy (round $round)" "$api" "$out/list.lua"
    measure "GET by id, 1 API node direct (round $round)" "http://127.0.0.1:${CLUSTER_API_PORTS[0]}" "$out/get.lua"
    cluster_node_start api2 "$api2_port" Api
    cluster_node_wait api2 "$api2_port"
    bench_wait_haproxy_up api2
    for script in create get list get; do wrk -t2 -c"$connections" -d5s -s "$out/$script.lua" "http://127.0.0.1:$api2_port" >/dev/null; done
done

# 3. Workers: two imports at once (each one job, its batches one after another), with one worker node, then two.
imports() { # label -> rows/s of two imports of $rows rows sent together, from the first POST to both succeeded
    local label=$1 tag ids=() i id start state done_count
    tag=sc$(date +%s%N)
    for i in 1 2; do
        awk -v n="$rows" -v t="$tag-$i" 'BEGIN { print "email,fullName"; for (j = 1; j <= n; j++) printf "%s-%d@example.com,Imported %d\n", t, j, j }' >"$out/import-$i.csv"
    done
    token=$(bench_admin_access "$api")
    start=$(date +%s%N)
    for i in 1 2; do
        id=$(curl -fs -D - -o /dev/null -X POST "$api/api/v1/users/imports" -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
            --upload-file "$out/import-$i.csv" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
        ids+=("${id##*/}")
    done
    for ((i = 0; i < 6000; i++)); do
        done_count=0
        for id in "${ids[@]}"; do
            state=$(curl -fs "$api/api/v1/users/imports/$id" -H "Authorization: Bearer $token" | grep -o '"state":"[a-z]*"' | cut -d'"' -f4) || true
            [[ $state == failed ]] && cluster_die "$label: import $id failed"
            [[ $state == succeeded ]] && done_count=$((done_count + 1))
        done
        [[ $done_count -eq 2 ]] && break
        sleep 0.2
    done
    [[ $done_count -eq 2 ]] || cluster_die "$label: the imports did not finish within 20 minutes"
    row "$label" "$(awk -v n=$((2 * rows)) -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%7.0f rows/s (2 x %d rows in %.1f s)", n / (ns / 1e9), n / 2, ns / 1e9 }')"
}
cluster_node_stop worker2
imports "imports, 1 worker node"
cluster_node_start worker2 "${CLUSTER_WORKER_PORTS[1]}" Worker
cluster_node_wait worker2 "${CLUSTER_WORKER_PORTS[1]}"
imports "imports, 2 worker nodes"

echo
echo "machine: $(nproc) cores; every part of the cluster and wrk share them"
echo "results: $results"
