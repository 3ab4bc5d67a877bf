#!/usr/bin/env bash
# A local smtp4dev (the SMTP server development and the tests send to; pinned in .config/dotnet-tools.json).
#
# Sourced by scripts/run.sh and scripts/test.sh for its functions:
#   smtp4dev_start <datadir> <smtp> <web> <imap> <pop3> [fresh]
#                              start in the background (unless one already answers on <web>) and wait until its
#                              HTTP API answers; sets SMTP4DEV_URL, SMTP4DEV_STARTED
#   smtp4dev_stop <datadir>    stop the one started on <datadir> (found by its pid file)
#   smtp4dev_stop_if_started   stop it only if smtp4dev_start started it
# Also runnable:  scripts/smtp4dev.sh start|stop|status <datadir> <smtp> <web> <imap> <pop3> [fresh]
# Every port listens on 127.0.0.1 only, all above 1024 so no privileges are needed; no TLS. Its SQLite database
# and settings live in <datadir>, its log and pid file beside it. "fresh" empties the database at start (tests).
set -euo pipefail

SMTP4DEV_DATA=""     # absolute data directory
SMTP4DEV_URL=""      # its web UI and HTTP API, e.g. http://127.0.0.1:5081
SMTP4DEV_STARTED=0   # 1 when smtp4dev_start started it (so we are the ones to stop it)

smtp4dev_log() { echo "smtp4dev.sh: $*" >&2; }
smtp4dev_die() { smtp4dev_log "error: $*"; exit 1; }

# The repository root: where .config/dotnet-tools.json pins the tool, so `dotnet tool run` finds it.
SMTP4DEV_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

smtp4dev_resolve_datadir() {
    mkdir -p "$1"
    SMTP4DEV_DATA=$(cd "$1" && pwd)
}

# Does an HTTP server on 127.0.0.1:<port> answer GET /api/version with 200? (bash's /dev/tcp, no extra tools)
smtp4dev_api_answers() {
    local status
    status=$( (
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf 'GET /api/version HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
        timeout 5 head -n 1 <&3
    ) 2>/dev/null) || return 1
    [[ $status == "HTTP/1."?" 200"* ]]
}

# Is anything at all listening on 127.0.0.1:port?
smtp4dev_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

smtp4dev_pid_running() { [[ -f $SMTP4DEV_DATA.pid ]] && kill -0 "$(cat "$SMTP4DEV_DATA.pid")" 2>/dev/null; }

# smtp4dev_start <datadir> <smtp> <web> <imap> <pop3> [fresh]
smtp4dev_start() {
    local smtp=$2 web=$3 imap=$4 pop3=$5 fresh=${6:-}
    SMTP4DEV_STARTED=0
    SMTP4DEV_URL=http://127.0.0.1:$web
    smtp4dev_resolve_datadir "$1"

    if smtp4dev_api_answers "$web"; then
        smtp4dev_port_in_use "$smtp" ||
            smtp4dev_die "something answers on $SMTP4DEV_URL but nothing listens for SMTP on 127.0.0.1:$smtp"
        smtp4dev_log "reusing the smtp4dev already answering on $SMTP4DEV_URL (it will be left running)"
        return 0
    fi
    local port
    for port in "$smtp" "$web" "$imap" "$pop3"; do
        smtp4dev_port_in_use "$port" &&
            smtp4dev_die "port $port on 127.0.0.1 is taken by another program; stop it or pick another port"
    done

    # From a fresh clone the tool is not there yet; restoring is a no-op once it is.
    (cd "$SMTP4DEV_ROOT" && dotnet tool restore >/dev/null) || smtp4dev_die "dotnet tool restore failed"

    local log=$SMTP4DEV_DATA.log
    local args=(
        --baseappdatapath="$SMTP4DEV_DATA" --db=smtp4dev.db --nousersettings --locksettings
        --hostname=localhost --bindaddress=127.0.0.1 --allowremoteconnections- --tlsmode=None
        --smtpport="$smtp" --imapport="$imap" --pop3port="$pop3" --urls="$SMTP4DEV_URL"
    )
    if [[ $fresh == fresh ]]; then args+=(--recreatedb); fi
    smtp4dev_log "starting smtp4dev: SMTP 127.0.0.1:$smtp, web UI and API $SMTP4DEV_URL, IMAP $imap, POP3 $pop3 (log: $log)"
    # Its own session (setsid): a Ctrl-C at the terminal reaches the calling script, which stops it in order, and
    # `dotnet tool run` and the server it runs form one process group that a stop can end whole.
    (cd "$SMTP4DEV_ROOT" && exec setsid dotnet tool run smtp4dev -- "${args[@]}") </dev/null >"$log" 2>&1 &
    echo $! >"$SMTP4DEV_DATA.pid"
    SMTP4DEV_STARTED=1

    local i
    for ((i = 0; i < 600; i++)); do # 60 s: the first start creates its database
        if smtp4dev_api_answers "$web" && smtp4dev_port_in_use "$smtp"; then
            return 0
        fi
        if ! smtp4dev_pid_running; then
            SMTP4DEV_STARTED=0
            tail -n 20 "$log" >&2
            smtp4dev_die "smtp4dev exited at start-up (see $log)"
        fi
        sleep 0.1
    done
    tail -n 20 "$log" >&2
    smtp4dev_die "smtp4dev did not answer on $SMTP4DEV_URL within 60 s (see $log)"
}

# smtp4dev_stop <datadir>: TERM (dotnet passes it on and smtp4dev shuts down cleanly), then KILL the group.
smtp4dev_stop() {
    smtp4dev_resolve_datadir "$1"
    smtp4dev_pid_running || { rm -f "$SMTP4DEV_DATA.pid"; return 0; }
    local pid i
    pid=$(cat "$SMTP4DEV_DATA.pid")
    smtp4dev_log "stopping smtp4dev (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        smtp4dev_log "smtp4dev did not stop within 15 s; killing it"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$SMTP4DEV_DATA.pid"
}

smtp4dev_stop_if_started() {
    if [[ $SMTP4DEV_STARTED == 1 ]]; then
        SMTP4DEV_STARTED=0
        smtp4dev_stop "$SMTP4DEV_DATA"
    fi
}

smtp4dev_status() {
    smtp4dev_resolve_datadir "$1"
    if smtp4dev_api_answers "$2"; then
        echo "smtp4dev answers on http://127.0.0.1:$2"
    else
        echo "no smtp4dev answers on http://127.0.0.1:$2"
        return 1
    fi
}

# Run as a command only when executed, not when sourced.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    usage="usage: $0 start <datadir> <smtp> <web> <imap> <pop3> [fresh] | stop <datadir> | status <datadir> <web>"
    case ${1:-} in
        start) [[ $# -ge 6 ]] || smtp4dev_die "$usage"; smtp4dev_start "$2" "$3" "$4" "$5" "$6" "${7:-}" ;;
        stop) [[ $# -ge 2 ]] || smtp4dev_die "$usage"; smtp4dev_stop "$2" ;;
        status) [[ $# -ge 3 ]] || smtp4dev_die "$usage"; smtp4dev_status "$2" "$3" ;;
        *) smtp4dev_die "$usage" ;;
    esac
fi
