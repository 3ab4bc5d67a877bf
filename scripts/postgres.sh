#!/usr/bin/env bash
# Local PostgreSQL clusters for development and tests.
#
# Sourced by scripts/run.sh and scripts/test.sh for its functions:
#   pg_start <datadir> <port> [fast]   init (if needed) and start; sets PG_DATA, PG_PORT, PG_STARTED
#   pg_create_db <port> <name>         create a database if it does not exist
#   pg_stop <datadir>                  stop the cluster if it runs
#   pg_stop_if_started                 stop the cluster only if pg_start started it
# Also runnable:  scripts/postgres.sh start|stop|status <datadir> <port> [fast]
# "fast" turns off fsync & co.: only for throw-away (test) clusters.
set -euo pipefail

PG_BIN=""      # directory holding initdb, pg_ctl, postgres, pg_isready
PG_DATA=""     # data directory actually used (may differ from the requested one, see pg_resolve_datadir)
PG_PORT=""
PG_STARTED=0   # 1 when pg_start started the server (so we are the ones to stop it)

pg_log() { echo "postgres.sh: $*" >&2; }
pg_die() { pg_log "error: $*"; exit 1; }

# Find the newest server binaries (prefer 15); install Debian's package when root.
pg_find_bin() {
    [[ -n $PG_BIN ]] && return 0
    if [[ -x /usr/lib/postgresql/15/bin/pg_ctl ]]; then
        PG_BIN=/usr/lib/postgresql/15/bin
        return 0
    fi
    # shellcheck disable=SC2012  # Debian's fixed layout: /usr/lib/postgresql/<major>/bin
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [[ -z $PG_BIN || ! -x $PG_BIN/pg_ctl ]]; then
        if [[ $(id -u) -ne 0 ]]; then
            pg_die "PostgreSQL server not found in /usr/lib/postgresql/*/bin; install it with: sudo apt-get install -y postgresql"
        fi
        pg_log "PostgreSQL server not found; installing Debian package 'postgresql'"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
        # shellcheck disable=SC2012
        PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
}

# psql: the one on PATH (Debian's wrapper) or the one next to the server.
pg_psql() {
    local psql
    psql=$(command -v psql || echo "$PG_BIN/psql")
    "$psql" "$@"
}

# The server refuses to run as root: then run its tools as the postgres OS user.
# `cd /` so the postgres user never trips over an unreadable current directory.
pg_as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

pg_ensure_os_user() {
    [[ $(id -u) -eq 0 ]] || return 0
    id postgres >/dev/null 2>&1 ||
        useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
}

# Absolute data dir path. As root, if the postgres user cannot reach the requested
# directory (e.g. repo under /root), use a stable directory under /tmp instead.
# Deterministic, so stop/status find the same directory as start.
pg_resolve_datadir() {
    local dir=$1 parent name hash
    parent=$(mkdir -p "$(dirname "$dir")" && cd "$(dirname "$dir")" && pwd)
    name=$(basename "$dir")
    dir=$parent/$name
    if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -x "$parent"; then
        hash=$(printf '%s' "$parent" | sha256sum | cut -c1-8)
        dir=/tmp/users-postgres-$hash-$name
        pg_log "user 'postgres' cannot enter $parent; using data directory $dir instead"
    fi
    PG_DATA=$dir
}

pg_is_running() { pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

# Is anything at all listening on 127.0.0.1:port? (bash's /dev/tcp, no extra tools)
pg_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_init() {
    local fast=$1 log=$PG_DATA.initdb.log
    pg_log "creating cluster in $PG_DATA"
    if [[ -d $PG_DATA && -n $(ls -A "$PG_DATA") ]]; then
        pg_die "$PG_DATA is not empty but holds no cluster (no PG_VERSION); remove it or pick another directory"
    fi
    mkdir -p "$PG_DATA"
    chmod 700 "$PG_DATA"
    if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$PG_DATA"; fi
    local args=(-D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8)
    if ! pg_as_owner "$PG_BIN/initdb" "${args[@]}" --locale=C.UTF-8 >"$log" 2>&1; then
        pg_log "initdb with locale C.UTF-8 failed; retrying with locale C"
        find "$PG_DATA" -mindepth 1 -delete
        pg_as_owner "$PG_BIN/initdb" "${args[@]}" --locale=C >"$log" 2>&1 ||
            { cat "$log" >&2; pg_die "initdb failed"; }
    fi
    # TCP on 127.0.0.1 only and no unix socket: no /var/run/postgresql permission
    # problems and no socket path-length limit.
    {
        echo "# added by scripts/postgres.sh"
        echo "listen_addresses = '127.0.0.1'"
        echo "port = $PG_PORT"
        echo "unix_socket_directories = ''"
        echo "max_connections = 200"
        if [[ $fast == fast ]]; then
            # Throw-away test data: durability is not worth the time.
            echo "fsync = off"
            echo "synchronous_commit = off"
            echo "full_page_writes = off"
        fi
    } | pg_as_owner tee -a "$PG_DATA/postgresql.conf" >/dev/null
}

# pg_make_replica <primary port> <datadir> <port> <slot>: a hot standby of the primary in <datadir> (unless one is
# there already): a base backup that writes its own connection settings (-R) and a replication slot (-C -S), so the
# primary keeps the WAL a stopped replica still needs. Start it with pg_start <datadir> <port>.
pg_make_replica() {
    local primary_port=$1 slot=$4
    PG_PORT=$3
    pg_find_bin
    pg_ensure_os_user
    pg_resolve_datadir "$2"
    [[ -f $PG_DATA/PG_VERSION ]] && return 0
    [[ $(pg_psql -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres -tAc 'SHOW wal_level') != minimal ]] ||
        pg_die "the primary's wal_level is minimal; a replica needs replica or logical"
    pg_log "making a replica of 127.0.0.1:$primary_port in $PG_DATA (pg_basebackup)"
    pg_psql -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres -qAtc \
        "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '$slot'" >/dev/null
    # Into a directory of its own first, so an interrupted copy never passes for a replica.
    local partial=$PG_DATA.partial
    rm -rf "$partial"
    mkdir -p "$partial"
    chmod 700 "$partial"
    if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$partial"; fi
    # --checkpoint=fast: a spread checkpoint would hold the copy back for minutes.
    pg_as_owner "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$partial" \
        --checkpoint=fast -R -X stream -C -S "$slot" || pg_die "pg_basebackup failed"
    {
        echo "# added by scripts/postgres.sh: the replica's own port; reads keep the primary from vacuuming rows they see"
        echo "port = $PG_PORT"
        echo "hot_standby = on"
        echo "hot_standby_feedback = on"
    } | pg_as_owner tee -a "$partial/postgresql.conf" >/dev/null
    rm -rf "$PG_DATA"
    mv "$partial" "$PG_DATA"
}

# pg_start <datadir> <port> [fast]
pg_start() {
    local fast=${3:-}
    PG_PORT=$2
    PG_STARTED=0
    pg_find_bin
    pg_ensure_os_user
    pg_resolve_datadir "$1"

    if [[ -f $PG_DATA/PG_VERSION ]]; then
        local have want
        have=$(cat "$PG_DATA/PG_VERSION")
        want=$("$PG_BIN/pg_ctl" --version | awk '{print $3}' | cut -d. -f1)
        [[ $have == "$want" ]] ||
            pg_die "$PG_DATA was made by PostgreSQL $have but the server is $want; remove that directory"
    else
        pg_init "$fast"
    fi

    if pg_is_running; then
        pg_log "reusing the server already running on $PG_DATA (it will be left running)"
    else
        pg_port_in_use "$PG_PORT" &&
            pg_die "port $PG_PORT on 127.0.0.1 is taken by another program; stop it or pick another port"
        local log=$PG_DATA.log   # beside the data dir; pre-created so the postgres user can write it
        touch "$log"
        if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$log"; fi
        pg_log "starting PostgreSQL on 127.0.0.1:$PG_PORT (log: $log)"
        pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$log" -o "-p $PG_PORT" -w -t 60 start >/dev/null ||
            { tail -n 20 "$log" >&2; pg_die "could not start PostgreSQL (see $log)"; }
        PG_STARTED=1
    fi

    local i
    for ((i = 0; i < 60; i++)); do
        "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && return 0
        sleep 1
    done
    pg_die "PostgreSQL on 127.0.0.1:$PG_PORT is not accepting connections"
}

# pg_create_db <port> <name>
pg_create_db() {
    local port=$1 db=$2
    pg_find_bin
    if [[ -z $(pg_psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname='$db'") ]]; then
        pg_log "creating database $db"
        pg_psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE \"$db\""
    fi
}

# pg_stop <datadir>
pg_stop() {
    pg_find_bin
    pg_resolve_datadir "$1"
    if pg_is_running; then
        pg_log "stopping PostgreSQL on $PG_DATA"
        pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
    fi
}

pg_stop_if_started() {
    if [[ $PG_STARTED == 1 ]]; then
        PG_STARTED=0
        pg_stop "$PG_DATA"
    fi
}

pg_status() {
    pg_find_bin
    pg_resolve_datadir "$1"
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status || true
    "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$2"
}

# Run as a command only when executed, not when sourced.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    usage="usage: $0 start|stop|status <datadir> <port> [fast]"
    [[ $# -ge 3 ]] || pg_die "$usage"
    case $1 in
        start) pg_start "$2" "$3" "${4:-}" ;;
        stop) pg_stop "$2" ;;
        status) pg_status "$2" "$3" ;;
        *) pg_die "$usage" ;;
    esac
fi
