#!/usr/bin/env bash
# README command 2: run the whole test suite.
# Without ConnectionStrings__UsersTests it starts a throw-away test PostgreSQL
# (.local/postgres-test, port 54330: apart from the dev cluster, so tests never touch
# dev data and can run while the service runs) and a hot-standby replica of it for the replica-read tests
# (.local/postgres-test-replica, port 54337; ConnectionStrings__UsersTestsReplica names another), and without Smtp4dev__ApiUrl a throw-away
# smtp4dev for the mail the tests send (.local/smtp4dev-test; SMTP 2526, API
# http://127.0.0.1:5082, IMAP 1144, POP3 1111), and without Redis__Port a throw-away Redis for the shared rate-limit
# tests (.local/redis-test, port 6391; Debian's redis-server, installed first when run as root). Extra arguments go to
# `dotnet test`.
# The last line printed is always "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=scripts/smtp4dev.sh
source scripts/smtp4dev.sh
# shellcheck source=scripts/redis.sh
source scripts/redis.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export MSBUILDDISABLENODEREUSE=1 # no msbuild node processes outliving the run

summary_printed=0
test_primary="" test_replica=""
# The replica first: stopped after its primary, it would wait for the primary it streams from.
stop_test_postgres() {
    if [[ -n $test_replica ]]; then pg_stop "$test_replica"; test_replica=""; fi
    if [[ -n $test_primary ]]; then pg_stop "$test_primary"; test_primary=""; fi
}
# shellcheck disable=SC2317  # called from the trap
on_exit() {
    local rc=$?
    redis_stop_if_started || true
    smtp4dev_stop_if_started || true
    stop_test_postgres || true
    # Aborted early (e.g. PostgreSQL would not start): still end with the summary line.
    if [[ $summary_printed == 0 ]]; then
        echo "0 passed, 1 failed"
        [[ $rc -ne 0 ]] || rc=1
    fi
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z ${ConnectionStrings__UsersTests:-} ]]; then
    pg_start .local/postgres-test 54330 fast
    [[ $PG_STARTED == 0 ]] || test_primary=$PG_DATA
    # The NUnit set-up fixture creates this database and applies the migrations.
    export ConnectionStrings__UsersTests="Host=127.0.0.1;Port=54330;Database=users_tests;Username=postgres"
    if [[ -z ${ConnectionStrings__UsersTestsReplica:-} ]]; then
        # A hot standby of the test cluster, made afresh each run (a base backup of a test cluster takes seconds), for
        # the tests of replica reads (Users.Tests/Replicas); the database reaches it by streaming once the fixture makes it.
        pg_stop .local/postgres-test-replica >/dev/null 2>&1 || true
        rm -rf .local/postgres-test-replica
        pg_make_replica 54330 .local/postgres-test-replica 54337 users_tests_replica
        pg_start .local/postgres-test-replica 54337
        [[ $PG_STARTED == 0 ]] || test_replica=$PG_DATA
        export ConnectionStrings__UsersTestsReplica="Host=127.0.0.1;Port=54337;Database=users_tests;Username=postgres"
    fi
fi

if [[ -z ${Smtp4dev__ApiUrl:-} ]]; then
    smtp4dev_start .local/smtp4dev-test 2526 5082 1144 1111 fresh
    # What Users.Tests/Support/TestMailServer reads (the same as appsettings.Tests.json says, made explicit).
    export Smtp4dev__SmtpHost=127.0.0.1 Smtp4dev__SmtpPort=2526 Smtp4dev__ApiUrl=$SMTP4DEV_URL
fi

if [[ -z ${Redis__Port:-} ]]; then
    if redis_available; then
        redis_start .local/redis-test 6391
        export Redis__Port=6391
    else
        echo "test.sh: redis-server is not installed, so the Redis tests (Users.Tests/Cluster) will fail;" \
            "install it with: sudo apt-get install -y redis-server" >&2
    fi
fi

results=.local/test-results
rm -rf "$results"

# LogFilePrefix, not LogFileName: with a fixed name every test project of the
# solution would overwrite the same file (microsoft/vstest#3026).
set +e
dotnet test Users.sln -c Release --logger "trx;LogFilePrefix=results" --results-directory "$results" "$@"
test_rc=$?
set -e

# Clean up now rather than in the EXIT trap, so the summary stays the last line.
redis_stop_if_started
smtp4dev_stop_if_started
stop_test_postgres
dotnet build-server shutdown >/dev/null 2>&1 || true

# Sum the <Counters .../> element of every TRX file (one per test project); no python here.
counters=$(find "$results" -name '*.trx' -exec cat {} + 2>/dev/null | tr '\r\n' '  ' | grep -o '<Counters [^>]*>' || true)
count() { # count <attribute>: sum of that attribute over all Counters elements
    printf '%s\n' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" | awk '{ s += $1 } END { print s + 0 }'
}
passed=$(count passed)
failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
if [[ -z $counters ]]; then
    echo "test.sh: no TRX results in $results; counting the run as failed" >&2
    failed=1
fi

echo "$passed passed, $failed failed"
summary_printed=1
# A run that executed no test is not green either.
if [[ $test_rc -ne 0 || $failed -gt 0 || $passed -eq 0 ]]; then
    exit 1
fi
