#!/usr/bin/env bash
# README command 1: run the service.
# Without ConnectionStrings__Users it starts a local dev PostgreSQL (.local/postgres,
# port 54329) and stops it again on exit if it was this script that started it.
# Extra arguments are passed to the app:  scripts/run.sh --Logging:LogLevel:Default=Debug
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh

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

# Not exec: the script must outlive dotnet to stop PostgreSQL afterwards. Run it in the
# background and `wait`, because bash runs traps only between commands and a trapped
# signal interrupts `wait` (with a foreground child, a TERM would wait for dotnet to end).
# Ctrl-C reaches this script, whose INT trap then stops dotnet via cleanup.
dotnet run --project Users.Api -c Release --urls "${ASPNETCORE_URLS:-http://localhost:5080}" -- "$@" &
app_pid=$!
rc=0
wait "$app_pid" || rc=$?
app_pid=""
exit "$rc"
