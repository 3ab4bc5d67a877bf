#!/usr/bin/env bash
# README command 1: run the service.
# Without ConnectionStrings__Users it starts a local dev PostgreSQL (.local/postgres,
# port 54329), and without Mail__Host a local smtp4dev that catches every mail the service
# sends (.local/smtp4dev; SMTP 2525, web UI http://localhost:5081, IMAP 1143, POP3 1110);
# each is stopped again on exit if it was this script that started it.
# Extra arguments are passed to the app:  scripts/run.sh --Logging:LogLevel:Default=Debug
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=scripts/smtp4dev.sh
source scripts/smtp4dev.sh

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development} # Development applies EF migrations at start-up
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

app_pid=""
# shellcheck disable=SC2317  # called from the traps
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
        # `dotnet run` forwards SIGTERM to the service and waits for its graceful shutdown.
        kill -TERM "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    smtp4dev_stop_if_started || true
    pg_stop_if_started || true
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z ${ConnectionStrings__Users:-} ]]; then
    pg_start .local/postgres 54329
    pg_create_db 54329 users
    export ConnectionStrings__Users="Host=127.0.0.1;Port=54329;Database=users;Username=postgres"
fi

urls=${ASPNETCORE_URLS:-http://localhost:5080}
if [[ -z ${Mail__Host:-} ]]; then
    smtp4dev_start .local/smtp4dev 2525 5081 1143 1110
    export Mail__Host=127.0.0.1 Mail__Port=2525 Mail__Security=None
    # Links in mails lead to this service, unless told otherwise (or it listens on a wildcard address).
    first_url=${urls%%;*}
    if [[ -z ${Mail__PublicBaseUrl:-} && $first_url != *[*+]* ]]; then
        export Mail__PublicBaseUrl=$first_url
    fi
    smtp4dev_log "the mail the service sends: http://localhost:5081"
fi

# Not exec: the script must outlive dotnet to stop PostgreSQL afterwards. Run it in the
# background and `wait`, because bash runs traps only between commands and a trapped
# signal interrupts `wait` (with a foreground child, a TERM would wait for dotnet to end).
# Ctrl-C reaches this script, whose INT trap then stops dotnet via cleanup.
dotnet run --project Users.Api -c Release --urls "$urls" -- "$@" &
app_pid=$!
rc=0
wait "$app_pid" || rc=$?
app_pid=""
exit "$rc"
