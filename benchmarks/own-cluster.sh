#!/usr/bin/env bash
# Sourced by benchmarks/cluster.sh and benchmarks/scale-out.sh: a cluster of the benchmark's own, made by
# scripts/cluster.sh --fresh under CLUSTER_DIR (.local/cluster-bench unless set), with the benchmark's admin in it.
#   bench_cluster_start <out-dir>   starts it in the background (log: <out-dir>/cluster.log), waits until it runs, seeds
#                                   the admin, and exports what scripts/cluster.sh gives its nodes (for nodes started again)
#   bench_cluster_stop              stops it (scripts/cluster.sh stops every part it started)
#   bench_admin_access <api-url>    the admin's access token
#   bench_haproxy_state <server>    HAProxy's view of an API node: UP, DOWN, or a transition such as "UP 1/2"
#   bench_wait_haproxy_up <server>  until HAProxy sends it requests again
#   bench_load_average              the load average now (1, 5, 15 minutes), to note beside a figure
export CLUSTER_DIR=${CLUSTER_DIR:-$PWD/.local/cluster-bench}
# shellcheck source=scripts/cluster.sh
source scripts/cluster.sh
# shellcheck source=benchmarks/admin.sh
source benchmarks/admin.sh

BENCH_CLUSTER_PID=""

bench_cluster_start() {
    local log=$1/cluster.log i
    echo "benchmark: starting a cluster of its own in $CLUSTER_DIR (scripts/cluster.sh --fresh; log: $log)" >&2
    scripts/cluster.sh --fresh >"$log" 2>&1 &
    BENCH_CLUSTER_PID=$!
    for ((i = 0; i < 1800; i++)); do
        grep -q 'the cluster runs' "$log" && break
        kill -0 "$BENCH_CLUSTER_PID" 2>/dev/null || { tail -n 30 "$log" >&2; BENCH_CLUSTER_PID=""; cluster_die "scripts/cluster.sh exited"; }
        sleep 0.5
    done
    grep -q 'the cluster runs' "$log" || cluster_die "the cluster did not start within 15 minutes (log: $log)"
    cluster_pg_dirs
    cluster_node_settings
    USERS_ADMIN_PASSWORD=$BENCH_ADMIN_PASSWORD scripts/cluster.sh seed-admin --email "$BENCH_ADMIN_EMAIL" >"$1/seed-admin.log" 2>&1 ||
        { cat "$1/seed-admin.log" >&2; cluster_die "seed-admin failed"; }
}

bench_cluster_stop() {
    [[ -n $BENCH_CLUSTER_PID ]] || return 0
    echo "benchmark: stopping the cluster" >&2
    kill -TERM "$BENCH_CLUSTER_PID" 2>/dev/null || true
    wait "$BENCH_CLUSTER_PID" 2>/dev/null || true
    BENCH_CLUSTER_PID=""
}

bench_admin_access() {
    curl -fs "$1/api/v1/auth/token" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$BENCH_ADMIN_EMAIL\",\"password\":\"$BENCH_ADMIN_PASSWORD\"}" | grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4
}

bench_haproxy_state() {
    curl -fs "http://127.0.0.1:$CLUSTER_STATS_PORT/;csv" | awk -F, -v s="$1" '$1 == "api" && $2 == s { print $18 }'
}

bench_wait_haproxy_up() {
    local i
    for ((i = 0; i < 300; i++)); do [[ $(bench_haproxy_state "$1") == UP ]] && return 0; sleep 0.2; done
    cluster_die "HAProxy did not put $1 back within 60 s"
}

bench_load_average() { uptime | sed 's/.*load average: //'; }
