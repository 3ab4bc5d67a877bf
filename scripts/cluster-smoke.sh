#!/usr/bin/env bash
# A quick check of a running scripts/cluster.sh (same CLUSTER_* ports): through HAProxy, sign up, sign in and read
# /me several times; then see that both API nodes answered (HAProxy's counters), that the replica streams and has the
# new account, and that the auth rate limits were counted in Redis. Exits non-zero, saying what failed, otherwise
# prints "cluster smoke check passed". Needs curl.
set -euo pipefail
# shellcheck source=scripts/cluster.sh
source "$(dirname "$0")/cluster.sh"

command -v curl >/dev/null || cluster_die "curl is missing: sudo apt-get install -y curl"
fail() { cluster_log "smoke check failed: $*"; exit 1; }
pg_find_bin

api=http://127.0.0.1:$CLUSTER_HTTP_PORT/api/v1
email="smoke-$(date +%s)-$RANDOM@example.com"
password="copper harbor smoke lantern"
reads=6

# Requests each API node has served so far (column 8, stot, of HAProxy's CSV), as "api1 17 api2 16".
served() { curl -fs "http://127.0.0.1:$CLUSTER_STATS_PORT/;csv" | awk -F, '$1 == "api" && $2 ~ /^api[0-9]+$/ { print $2, $8 }' | xargs; }

before=$(served) || fail "no HAProxy stats on 127.0.0.1:$CLUSTER_STATS_PORT: is the cluster running?"

status=$(curl -s -o /dev/null -w '%{http_code}' "$api/auth/signup" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"fullName\":\"Smoke Check\",\"password\":\"$password\"}")
[[ $status == 201 ]] || fail "sign-up through HAProxy answered $status, not 201"
tokens=$(curl -fs "$api/auth/token" -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}") ||
    fail "sign-in through HAProxy failed"
access=${tokens#*\"accessToken\":\"}
access=${access%%\"*}
for ((i = 1; i <= reads; i++)); do
    me=$(curl -fs "$api/users/me" -H "Authorization: Bearer $access") || fail "read $i of /me through HAProxy failed"
    [[ $me == *"\"email\":\"$email\""* ]] || fail "read $i of /me did not return $email: $me"
done
after=$(served)

read -r -a was <<<"$before"
read -r -a now <<<"$after"
for ((i = 0; i < ${#now[@]}; i += 2)); do
    [[ ${now[i + 1]} -gt ${was[i + 1]:-0} ]] || fail "${now[i]} served no request (HAProxy counters before: $before; after: $after)"
done
cluster_log "sign-up, sign-in and $reads reads of /me through HAProxy: 200s, served by every API node (requests per node before: $before; after: $after)"

state=$(pg_psql -h 127.0.0.1 -p "$CLUSTER_PG_PORT" -U postgres -d postgres -tAc \
    "SELECT state FROM pg_stat_replication WHERE application_name <> '' LIMIT 1")
[[ $state == streaming ]] || fail "the primary has no streaming replica (pg_stat_replication: '${state}')"
for ((i = 0; i < 50; i++)); do
    found=$(pg_psql -h 127.0.0.1 -p "$CLUSTER_REPLICA_PORT" -U postgres -d users -tAc \
        "SELECT count(*) FROM users WHERE email = '$email'") || true
    [[ $found == 1 ]] && break
    sleep 0.1
done
[[ $found == 1 ]] || fail "the new account did not reach the replica on 127.0.0.1:$CLUSTER_REPLICA_PORT within 5 s"
cluster_log "the replica streams from the primary and has the new account"

if command -v redis-cli >/dev/null; then
    keys=$(redis-cli -h 127.0.0.1 -p "$CLUSTER_REDIS_PORT" --scan --pattern 'rl:fw:{users:*}' | wc -l)
    [[ $keys -gt 0 ]] || fail "no rate-limit window in Redis on 127.0.0.1:$CLUSTER_REDIS_PORT"
    cluster_log "the auth rate limits are counted in Redis ($keys windows)"
fi
echo "cluster smoke check passed"
