#!/usr/bin/env bash
# A local cluster of the service, as a deployment runs it, on one machine:
#   HAProxy on :5080, round-robin over two API nodes (Jobs:Role Api), health-checked on /health/ready, stats page
#   two worker nodes (Jobs:Role Worker: they run the background jobs and answer /health only)
#   a PostgreSQL primary and a hot-standby replica streaming from it (pg_basebackup, a replication slot)
#   Redis, where every node counts the auth rate limits (RateLimits:Redis)
#   smtp4dev, which keeps every mail the nodes send
# Everything lives under .local/cluster (ignored by git) and survives a stop: run it again to get the same data back.
#
# Usage:  scripts/cluster.sh [--fresh]        start and stay in the foreground; Ctrl-C (or SIGTERM) stops it all
#         scripts/cluster.sh seed-admin --email <email> [--full-name <name>]   an admin in the running cluster's database
#         (--fresh deletes .local/cluster first: a new database, new keys, no mail)
# Ports (environment, with their defaults): CLUSTER_HTTP_PORT 5080 (HAProxy), CLUSTER_STATS_PORT 5180 (its stats),
# CLUSTER_API_PORTS "5181 5182", CLUSTER_WORKER_PORTS "5183 5184", CLUSTER_METRICS_PORTS "9481 9482 9483 9484" (each
# node's /metrics, Management:Port, API nodes first), CLUSTER_PG_PORT 54350 (primary),
# CLUSTER_REPLICA_PORT 54351, CLUSTER_REDIS_PORT 6390, CLUSTER_SMTP_PORTS "2527 5185 1145 1112" (SMTP, web UI, IMAP,
# POP3). Everything listens on 127.0.0.1 only. Needs Debian's postgresql, redis-server and haproxy (installed when run
# as root; as another user it says what to install) and the .NET SDK. As root, PostgreSQL runs as the postgres user.
# Sourcing this file only defines the settings above and its functions (for scripts that drive a running cluster).
set -euo pipefail

CLUSTER_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# CLUSTER_DIR moves it (benchmarks/cluster.sh runs a cluster of its own under .local/cluster-bench).
CLUSTER_DIR=${CLUSTER_DIR:-$CLUSTER_ROOT/.local/cluster}
CLUSTER_APP=$CLUSTER_DIR/app
CLUSTER_HTTP_PORT=${CLUSTER_HTTP_PORT:-5080}
CLUSTER_STATS_PORT=${CLUSTER_STATS_PORT:-5180}
read -r -a CLUSTER_API_PORTS <<<"${CLUSTER_API_PORTS:-5181 5182}"
read -r -a CLUSTER_WORKER_PORTS <<<"${CLUSTER_WORKER_PORTS:-5183 5184}"
# Each node's management port (/metrics), API nodes first: four nodes cannot all have the default 9464.
read -r -a CLUSTER_METRICS_PORTS <<<"${CLUSTER_METRICS_PORTS:-9481 9482 9483 9484}"
CLUSTER_PG_PORT=${CLUSTER_PG_PORT:-54350}
CLUSTER_REPLICA_PORT=${CLUSTER_REPLICA_PORT:-54351}
CLUSTER_REDIS_PORT=${CLUSTER_REDIS_PORT:-6390}
read -r -a CLUSTER_SMTP_PORTS <<<"${CLUSTER_SMTP_PORTS:-2527 5185 1145 1112}"
CLUSTER_SLOT=users_replica

# shellcheck source=scripts/postgres.sh
source "$CLUSTER_ROOT/scripts/postgres.sh"
# shellcheck source=scripts/smtp4dev.sh
source "$CLUSTER_ROOT/scripts/smtp4dev.sh"
# shellcheck source=scripts/redis.sh
source "$CLUSTER_ROOT/scripts/redis.sh"

cluster_log() { echo "cluster.sh: $*" >&2; }
cluster_die() { cluster_log "error: $*"; exit 1; }

# The nodes: name, port and role, API nodes first.
cluster_nodes() {
    local i
    for i in "${!CLUSTER_API_PORTS[@]}"; do echo "api$((i + 1)) ${CLUSTER_API_PORTS[i]} Api"; done
    for i in "${!CLUSTER_WORKER_PORTS[@]}"; do echo "worker$((i + 1)) ${CLUSTER_WORKER_PORTS[i]} Worker"; done
}

# Debian's packages it runs: installed when root, else named and the script stops.
cluster_require_packages() {
    local missing=()
    command -v haproxy >/dev/null || [[ -x /usr/sbin/haproxy ]] || missing+=(haproxy)
    command -v redis-server >/dev/null || [[ -x /usr/bin/redis-server ]] || missing+=(redis-server)
    compgen -G '/usr/lib/postgresql/*/bin/pg_basebackup' >/dev/null || missing+=(postgresql)
    command -v openssl >/dev/null || missing+=(openssl)
    [[ ${#missing[@]} -eq 0 ]] && return 0
    if [[ $(id -u) -ne 0 ]]; then
        cluster_die "missing: ${missing[*]}; install with: sudo apt-get install -y ${missing[*]}"
    fi
    cluster_log "installing Debian packages: ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

cluster_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# cluster_http_status <port> <path>: the status code of a GET on 127.0.0.1 (none if nothing answers).
cluster_http_status() {
    local line
    line=$( (
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
        timeout 5 head -n 1 <&3
    ) 2>/dev/null) || return 0
    echo "$line" | awk '{print $2}'
}

cluster_pid_of() { [[ -f $CLUSTER_DIR/run/$1.pid ]] && cat "$CLUSTER_DIR/run/$1.pid"; }

cluster_running() { local pid; pid=$(cluster_pid_of "$1") && kill -0 "$pid" 2>/dev/null; }

# The primary's and the replica's data directories, as postgres.sh resolves them (see pg_resolve_datadir).
cluster_pg_dirs() {
    pg_find_bin
    pg_ensure_os_user
    pg_resolve_datadir "$CLUSTER_DIR/primary" && CLUSTER_PRIMARY_DATA=$PG_DATA
    pg_resolve_datadir "$CLUSTER_DIR/replica" && CLUSTER_REPLICA_DATA=$PG_DATA
}

# What every node is told: the primary (and the replica, where list and search read), the shared signing key
# and Redis, HAProxy as the proxy whose X-Forwarded-For is the client's address, smtp4dev, and links to HAProxy.
cluster_node_settings() {
    export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
    export ConnectionStrings__Users="Host=127.0.0.1;Port=$CLUSTER_PG_PORT;Database=users;Username=postgres"
    export ConnectionStrings__UsersReplica="Host=127.0.0.1;Port=$CLUSTER_REPLICA_PORT;Database=users;Username=postgres"
    export Jwt__Keys__0__Id=cluster Jwt__Keys__0__PemFile=$CLUSTER_DIR/keys/signing-key.pem
    export RateLimits__Redis=127.0.0.1:$CLUSTER_REDIS_PORT
    export Network__TrustedProxies__0=127.0.0.1
    export Mail__Host=127.0.0.1 Mail__Port=${CLUSTER_SMTP_PORTS[0]} Mail__Security=None
    export Mail__PublicBaseUrl=http://localhost:$CLUSTER_HTTP_PORT
}

# cluster_metrics_port <name>: the node's management port (api<i>, then worker<i>, in CLUSTER_METRICS_PORTS).
cluster_metrics_port() {
    local i=${1//[!0-9]/}
    [[ $1 == worker* ]] && i=$((i + ${#CLUSTER_API_PORTS[@]}))
    [[ -n ${CLUSTER_METRICS_PORTS[i - 1]:-} ]] || cluster_die "CLUSTER_METRICS_PORTS has no port for $1"
    echo "${CLUSTER_METRICS_PORTS[i - 1]}"
}

# cluster_node_start <name> <port> <role> [migrate]: one node in the background, its pid in run/<name>.pid.
cluster_node_start() {
    local name=$1 port=$2 role=$3 migrate=${4:-false} metrics
    metrics=$(cluster_metrics_port "$name")
    cluster_port_in_use "$port" && cluster_die "port $port on 127.0.0.1 is taken; stop that program or set the CLUSTER_*_PORTS"
    cluster_port_in_use "$metrics" && cluster_die "port $metrics on 127.0.0.1 is taken; stop that program or set CLUSTER_METRICS_PORTS"
    mkdir -p "$CLUSTER_DIR/run" "$CLUSTER_DIR/logs"
    # Its own session: Ctrl-C reaches this script only, which stops the parts in order.
    (cd "$CLUSTER_APP" && exec setsid env Jobs__Role="$role" Database__MigrateOnStartup="$migrate" \
        Management__Port="$metrics" Management__Address=127.0.0.1 \
        dotnet Users.Api.dll --urls "http://127.0.0.1:$port") </dev/null >>"$CLUSTER_DIR/logs/$name.log" 2>&1 &
    echo $! >"$CLUSTER_DIR/run/$name.pid"
}

# cluster_node_wait <name> <port> [seconds]: until its /health/ready answers 200.
cluster_node_wait() {
    local name=$1 port=$2 seconds=${3:-120} i
    for ((i = 0; i < seconds * 5; i++)); do
        [[ $(cluster_http_status "$port" /health/ready) == 200 ]] && return 0
        cluster_running "$name" || { tail -n 20 "$CLUSTER_DIR/logs/$name.log" >&2; cluster_die "$name exited (log: $CLUSTER_DIR/logs/$name.log)"; }
        sleep 0.2
    done
    cluster_die "$name is not ready on 127.0.0.1:$port after $seconds s (log: $CLUSTER_DIR/logs/$name.log)"
}

# cluster_node_stop <name>: SIGTERM (the node finishes its requests and jobs' cancellation), SIGKILL after 30 s.
cluster_node_stop() {
    local pid i
    pid=$(cluster_pid_of "$1") || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$pid" 2>/dev/null; then
            cluster_log "$1 did not stop within 30 s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$CLUSTER_DIR/run/$1.pid"
}

# HAProxy in front of the API nodes. Checks every second, down after 2 failures, up after 2 passes, so a node that
# stops answering /health/ready leaves within about 2 s (well inside a stopping node's Hosting:DrainTime, 5 s, while
# it still serves); a request whose connection a node refuses goes to another. A GET a node closed without answering
# (a keep-alive connection it shut as the request went out) is sent again, to another node: a read is safe to repeat;
# any other method is not (a POST may have been done), so only its connection failures are retried, when nothing was sent.
cluster_haproxy_config() {
    local i
    cat <<EOF
# written by scripts/cluster.sh at every start; servers going down and up are logged (stderr), requests are counted
# on the stats page (per server and status class) rather than logged
global
    maxconn 4096

defaults
    mode http
    option forwardfor
    option redispatch
    retries 2
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s

frontend users
    bind 127.0.0.1:$CLUSTER_HTTP_PORT
    default_backend api

backend api
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    # A check may take up to 3 s (a busy node is slow, not gone); a stopped node refuses at once.
    timeout check 3s
    default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2
    retry-on conn-failure empty-response
    http-request disable-l7-retry unless METH_GET
EOF
    for i in "${!CLUSTER_API_PORTS[@]}"; do
        echo "    server api$((i + 1)) 127.0.0.1:${CLUSTER_API_PORTS[i]} check"
    done
    cat <<EOF

listen stats
    bind 127.0.0.1:$CLUSTER_STATS_PORT
    stats enable
    stats uri /
    stats refresh 2s
EOF
}


# Run as a command only when executed, not when sourced.
if [[ ${BASH_SOURCE[0]} != "$0" ]]; then
    return 0
fi
cd "$CLUSTER_ROOT"

if [[ ${1:-} == seed-admin ]]; then
    [[ -f $CLUSTER_APP/Users.Api.dll ]] || cluster_die "start the cluster first (scripts/cluster.sh)"
    cluster_node_settings
    cd "$CLUSTER_APP" && exec dotnet Users.Api.dll "$@"
fi
fresh=0
case ${1:-} in
    --fresh) fresh=1 ;;
    "") ;;
    *) cluster_die "usage: $0 [--fresh] | seed-admin --email <email> [--full-name <name>]" ;;
esac

cluster_require_packages
cluster_pg_dirs
while read -r name _ _; do
    cluster_running "$name" && cluster_die "$name of a cluster is still running (pid $(cluster_pid_of "$name")); stop that cluster first"
done < <(cluster_nodes)
for port in "$CLUSTER_HTTP_PORT" "$CLUSTER_STATS_PORT" "${CLUSTER_API_PORTS[@]}" "${CLUSTER_WORKER_PORTS[@]}" "${CLUSTER_METRICS_PORTS[@]}"; do
    cluster_port_in_use "$port" && cluster_die "port $port on 127.0.0.1 is taken; stop that program or set the CLUSTER_*_PORT(S) variables"
done
if [[ $fresh == 1 ]]; then
    PG_DATA=$CLUSTER_PRIMARY_DATA
    pg_is_running && cluster_die "the cluster's PostgreSQL still runs; stop that cluster first"
    cluster_log "--fresh: deleting $CLUSTER_DIR"
    rm -rf "$CLUSTER_DIR" "$CLUSTER_PRIMARY_DATA" "$CLUSTER_REPLICA_DATA" "$CLUSTER_PRIMARY_DATA".* "$CLUSTER_REPLICA_DATA".*
fi
mkdir -p "$CLUSTER_DIR/run" "$CLUSTER_DIR/logs" "$CLUSTER_DIR/keys"

build_pid="" sleeper="" haproxy_pid="" primary_started=0 replica_started=0 redis_started=0 smtp4dev_started=0 stopping=0
# shellcheck disable=SC2317  # called from the traps
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stopping=1
    cluster_log "stopping the cluster"
    # Started in the background, so a Ctrl-C does not reach them (bash ignores SIGINT in background commands).
    for pid in $build_pid $sleeper; do kill -TERM "$pid" 2>/dev/null || true; done
    if [[ -n $haproxy_pid ]]; then kill -TERM "$haproxy_pid" 2>/dev/null || true; wait "$haproxy_pid" 2>/dev/null || true; fi
    rm -f "$CLUSTER_DIR/run/haproxy.pid"
    local name pids=()
    while read -r name _ _; do cluster_node_stop "$name" & pids+=($!); done < <(cluster_nodes)
    wait "${pids[@]}" 2>/dev/null || true
    [[ $smtp4dev_started == 1 ]] && { smtp4dev_stop "$CLUSTER_DIR/smtp4dev" || true; }
    [[ $redis_started == 1 ]] && { redis_stop "$CLUSTER_DIR/redis" || true; }
    [[ $replica_started == 1 ]] && { pg_stop "$CLUSTER_DIR/replica" || true; }
    [[ $primary_started == 1 ]] && { pg_stop "$CLUSTER_DIR/primary" || true; }
    cluster_log "stopped"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_start "$CLUSTER_DIR/primary" "$CLUSTER_PG_PORT"
primary_started=$PG_STARTED
pg_create_db "$CLUSTER_PG_PORT" users
pg_make_replica "$CLUSTER_PG_PORT" "$CLUSTER_DIR/replica" "$CLUSTER_REPLICA_PORT" "$CLUSTER_SLOT"
pg_start "$CLUSTER_DIR/replica" "$CLUSTER_REPLICA_PORT"
replica_started=$PG_STARTED
redis_start "$CLUSTER_DIR/redis" "$CLUSTER_REDIS_PORT"
redis_started=$REDIS_STARTED
smtp4dev_start "$CLUSTER_DIR/smtp4dev" "${CLUSTER_SMTP_PORTS[@]}"
smtp4dev_started=$SMTP4DEV_STARTED

# One signing key for every node, so a token any of them issued is good on all of them.
[[ -s $CLUSTER_DIR/keys/signing-key.pem ]] ||
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$CLUSTER_DIR/keys/signing-key.pem" 2>/dev/null
chmod 600 "$CLUSTER_DIR/keys/signing-key.pem"

# Built once for all the nodes, into a folder of its own, so rebuilding the repository never changes a running node;
# with no MSBuild or compiler server left running after it.
cluster_log "building the service (Release) into $CLUSTER_APP"
MSBUILDDISABLENODEREUSE=1 dotnet publish "$CLUSTER_ROOT/Users.Api" -c Release -o "$CLUSTER_APP" -nologo -v q \
    -p:UseSharedCompilation=false >"$CLUSTER_DIR/logs/build.log" 2>&1 &
build_pid=$!
wait "$build_pid" || { tail -n 30 "$CLUSTER_DIR/logs/build.log" >&2; cluster_die "the build failed (log: $CLUSTER_DIR/logs/build.log)"; }
build_pid=""

cluster_node_settings
# The first node applies the migrations before any other starts; the others only use the schema.
{ read -r first_name first_port first_role; read -r -d '' others || true; } < <(cluster_nodes)
cluster_log "starting $first_name, which applies the migrations"
cluster_node_start "$first_name" "$first_port" "$first_role" true
cluster_node_wait "$first_name" "$first_port"
while read -r name port role; do
    cluster_log "starting $name ($role) on 127.0.0.1:$port"
    cluster_node_start "$name" "$port" "$role"
done <<<"$others"
while read -r name port _; do cluster_node_wait "$name" "$port"; done <<<"$others"

cluster_haproxy_config >"$CLUSTER_DIR/haproxy.cfg"
haproxy -c -q -f "$CLUSTER_DIR/haproxy.cfg" || cluster_die "HAProxy refuses $CLUSTER_DIR/haproxy.cfg"
setsid haproxy -db -f "$CLUSTER_DIR/haproxy.cfg" </dev/null >>"$CLUSTER_DIR/logs/haproxy.log" 2>&1 &
haproxy_pid=$!
echo "$haproxy_pid" >"$CLUSTER_DIR/run/haproxy.pid"
for ((i = 0; i < 100; i++)); do
    [[ $(cluster_http_status "$CLUSTER_HTTP_PORT" /health/ready) == 200 ]] && break
    kill -0 "$haproxy_pid" 2>/dev/null || cluster_die "HAProxy exited (log: $CLUSTER_DIR/logs/haproxy.log)"
    sleep 0.2
done

api_urls=() worker_urls=()
for port in "${CLUSTER_API_PORTS[@]}"; do api_urls+=("http://127.0.0.1:$port"); done
for port in "${CLUSTER_WORKER_PORTS[@]}"; do worker_urls+=("http://127.0.0.1:$port"); done
cat >&2 <<EOF

cluster.sh: the cluster runs (Ctrl-C stops all of it; data stays in $CLUSTER_DIR, --fresh starts anew)
  the API, through HAProxy   http://localhost:$CLUSTER_HTTP_PORT  (round-robin over the API nodes)
  HAProxy's stats            http://127.0.0.1:$CLUSTER_STATS_PORT/
  API nodes (Jobs:Role Api)  ${api_urls[*]}
  workers (Jobs:Role Worker) ${worker_urls[*]}  (background jobs; /health only)
  each node's /metrics       ports ${CLUSTER_METRICS_PORTS[*]:0:${#CLUSTER_API_PORTS[@]} + ${#CLUSTER_WORKER_PORTS[@]}}  (Management:Port; API nodes first)
  PostgreSQL primary         127.0.0.1:$CLUSTER_PG_PORT  (database users, user postgres)
  PostgreSQL replica         127.0.0.1:$CLUSTER_REPLICA_PORT  (hot standby, streaming from the primary; slot $CLUSTER_SLOT)
  Redis                      127.0.0.1:$CLUSTER_REDIS_PORT  (the auth rate limits of every node)
  smtp4dev                   http://127.0.0.1:${CLUSTER_SMTP_PORTS[1]}  (SMTP ${CLUSTER_SMTP_PORTS[0]}, IMAP ${CLUSTER_SMTP_PORTS[2]}, POP3 ${CLUSTER_SMTP_PORTS[3]})
  logs                       $CLUSTER_DIR/logs/
  an admin                   USERS_ADMIN_PASSWORD='...' scripts/cluster.sh seed-admin --email admin@example.com
  a smoke check              scripts/cluster-smoke.sh
EOF

# Stay until stopped; say when a part exits (it is not restarted: scripts may stop and start nodes on purpose).
declare -A reported=()
while [[ $stopping == 0 ]]; do
    sleep 2 &
    sleeper=$!
    wait "$sleeper" || true
    while read -r name _ _; do
        pid=$(cluster_pid_of "$name") || continue
        if ! kill -0 "$pid" 2>/dev/null && [[ -z ${reported[$pid]:-} ]]; then
            reported[$pid]=1
            cluster_log "$name (pid $pid) has exited; see $CLUSTER_DIR/logs/$name.log"
        fi
    done < <(cluster_nodes)
    kill -0 "$haproxy_pid" 2>/dev/null || cluster_die "HAProxy exited (log: $CLUSTER_DIR/logs/haproxy.log)"
done
