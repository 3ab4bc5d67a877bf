#!/usr/bin/env bash
# A local Redis (Debian's redis-server) for the shared rate limits: scripts/cluster.sh's and the tests'.
#
# Sourced by scripts/cluster.sh and scripts/test.sh for its functions:
#   redis_find_server            find redis-server; as root install Debian's package if it is missing, else fail saying
#                                how to install it
#   redis_available              whether redis-server is there, or can be installed (root); never fails
#   redis_start <datadir> <port> start in the background (unless one already answers on <port>) and wait until it
#                                answers PING; sets REDIS_STARTED
#   redis_stop <datadir>         stop the one started on <datadir> (found by its pid file)
#   redis_stop_if_started        stop it only if redis_start started it
# Also runnable:  scripts/redis.sh start|stop|status <datadir> <port>
# It listens on 127.0.0.1 only, keeps nothing on disk (no snapshots, no append-only file: rate-limit windows are worth
# losing), and runs as whoever runs the script (Redis runs as root too). Its config, log and pid file live in <datadir>.
set -euo pipefail

REDIS_SERVER=""    # the redis-server binary
REDIS_DATA=""      # absolute data directory
REDIS_STARTED=0    # 1 when redis_start started it (so we are the ones to stop it)

redis_log() { echo "redis.sh: $*" >&2; }
redis_die() { redis_log "error: $*"; exit 1; }

redis_find_server() {
    [[ -n $REDIS_SERVER ]] && return 0
    REDIS_SERVER=$(command -v redis-server || true)
    [[ -z $REDIS_SERVER && -x /usr/bin/redis-server ]] && REDIS_SERVER=/usr/bin/redis-server
    if [[ -z $REDIS_SERVER ]]; then
        if [[ $(id -u) -ne 0 ]]; then
            redis_die "redis-server not found; install it with: sudo apt-get install -y redis-server"
        fi
        redis_log "redis-server not found; installing Debian package 'redis-server'"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server
        REDIS_SERVER=$(command -v redis-server || echo /usr/bin/redis-server)
    fi
}

redis_available() { command -v redis-server >/dev/null 2>&1 || [[ -x /usr/bin/redis-server || $(id -u) -eq 0 ]]; }

redis_resolve_datadir() {
    mkdir -p "$1"
    REDIS_DATA=$(cd "$1" && pwd)
}

# Does a Redis on 127.0.0.1:<port> answer PING? (bash's /dev/tcp, no redis-cli needed)
redis_answers() {
    local reply
    reply=$( (
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf 'PING\r\n' >&3
        timeout 2 head -c 5 <&3
    ) 2>/dev/null) || return 1
    [[ $reply == "+PONG" ]]
}

redis_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

redis_pid_running() { [[ -f $REDIS_DATA/redis-server.pid ]] && kill -0 "$(cat "$REDIS_DATA/redis-server.pid")" 2>/dev/null; }

# redis_start <datadir> <port>
redis_start() {
    local port=$2
    REDIS_STARTED=0
    redis_resolve_datadir "$1"
    if redis_answers "$port"; then
        redis_log "reusing the Redis already answering on 127.0.0.1:$port (it will be left running)"
        return 0
    fi
    redis_port_in_use "$port" &&
        redis_die "port $port on 127.0.0.1 is taken by another program; stop it or pick another port"
    redis_find_server

    # Written at every start, so a changed port takes effect; nothing else lives here.
    cat >"$REDIS_DATA/redis.conf" <<EOF
# written by scripts/redis.sh
bind 127.0.0.1
port $port
protected-mode yes
daemonize no
dir $REDIS_DATA
logfile $REDIS_DATA/redis.log
save ""
appendonly no
EOF
    redis_log "starting Redis on 127.0.0.1:$port (log: $REDIS_DATA/redis.log)"
    # Its own session (setsid): a Ctrl-C at the terminal reaches the calling script, which stops it in order.
    setsid "$REDIS_SERVER" "$REDIS_DATA/redis.conf" </dev/null >/dev/null 2>&1 &
    echo $! >"$REDIS_DATA/redis-server.pid"
    REDIS_STARTED=1

    local i
    for ((i = 0; i < 100; i++)); do # 10 s
        redis_answers "$port" && return 0
        if ! redis_pid_running; then
            REDIS_STARTED=0
            tail -n 20 "$REDIS_DATA/redis.log" >&2 || true
            redis_die "redis-server exited at start-up (see $REDIS_DATA/redis.log)"
        fi
        sleep 0.1
    done
    redis_die "Redis did not answer on 127.0.0.1:$port within 10 s (see $REDIS_DATA/redis.log)"
}

# redis_stop <datadir>: TERM (it exits at once: nothing to save), then KILL.
redis_stop() {
    redis_resolve_datadir "$1"
    redis_pid_running || { rm -f "$REDIS_DATA/redis-server.pid"; return 0; }
    local pid i
    pid=$(cat "$REDIS_DATA/redis-server.pid")
    redis_log "stopping Redis (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        redis_log "Redis did not stop within 10 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$REDIS_DATA/redis-server.pid"
}

redis_stop_if_started() {
    if [[ $REDIS_STARTED == 1 ]]; then
        REDIS_STARTED=0
        redis_stop "$REDIS_DATA"
    fi
}

redis_status() {
    if redis_answers "$2"; then
        echo "Redis answers on 127.0.0.1:$2"
    else
        echo "no Redis answers on 127.0.0.1:$2"
        return 1
    fi
}

# Run as a command only when executed, not when sourced.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    usage="usage: $0 start|stop|status <datadir> <port>"
    case ${1:-} in
        start) [[ $# -ge 3 ]] || redis_die "$usage"; redis_start "$2" "$3" ;;
        stop) [[ $# -ge 2 ]] || redis_die "$usage"; redis_stop "$2" ;;
        status) [[ $# -ge 3 ]] || redis_die "$usage"; redis_status "$2" "$3" ;;
        *) redis_die "$usage" ;;
    esac
fi
