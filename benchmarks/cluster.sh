#!/usr/bin/env bash
# Failures under load: a cluster of its own (scripts/cluster.sh --fresh, under .local/cluster-bench), a steady mixed
# load through HAProxy (benchmarks/ClusterLoad: GET by id, list pages, creates, sign-ins; every answer's status and
# every acknowledged create written down), and meanwhile, one after another:
#   (a) each API node restarted in turn with SIGTERM (it drains, HAProxy takes it out, it stops; then it starts again)
#   (b) a CSV import sent, and the worker running it killed with SIGKILL mid-way, then started again
#   (c) the replica stopped for a few seconds, then started again
# Prints, per phase and overall, the statuses clients got and requests/s, and checks: no 5xx and no request left
# unanswered during (a) and (c) (and that list reads, which go to the replica, keep answering 2xx without it); the
# import succeeds with every row stored once (the primary's count of its emails, distinct and not, and its report);
# every create answered 201 is stored (the primary, by id and email). Exits non-zero if a check fails.
# Settings it gives every node, for the benchmark only: the auth rate limits raised (every client here is 127.0.0.1,
# which would get 30 sign-ins a minute), and Jobs:InvisibilityTimeout at its least, 30 s (the default, 5 minutes, is how
# long a killed worker's import waits before another worker takes it over).
# Ports: scripts/cluster.sh's CLUSTER_* variables (5080, 5180-5185, 9481-9484, 54350, 54351, 6390, 2527, 1145, 1112): it cannot
# run beside a scripts/cluster.sh on the same ports. Needs curl and the .NET SDK.
# Usage: benchmarks/cluster.sh   (BENCH_WORKERS: the load's concurrent loops, 6; BENCH_STEADY_SECONDS: the phase before
# (a), 15; BENCH_IMPORT_ROWS: the import's rows, 200000; BENCH_REPLICA_DOWN_SECONDS: (c), 8)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=benchmarks/own-cluster.sh
source benchmarks/own-cluster.sh

workers=${BENCH_WORKERS:-6} steady=${BENCH_STEADY_SECONDS:-15} rows=${BENCH_IMPORT_ROWS:-200000}
replica_down=${BENCH_REPLICA_DOWN_SECONDS:-8}
out=$PWD/.local/cluster-bench-out
api=http://127.0.0.1:$CLUSTER_HTTP_PORT
export RateLimits__PerClientIp__PermitLimit=1000000 RateLimits__PerEmail__PermitLimit=1000000
export Jobs__InvisibilityTimeout=00:00:30
command -v curl >/dev/null || cluster_die "curl is missing: sudo apt-get install -y curl"

say() { echo "cluster bench: $*" >&2; }
now_ms() { date +%s%3N; }
sql() { pg_psql -h 127.0.0.1 -p "$CLUSTER_PG_PORT" -U postgres -d users -qAt "$@"; }

load_pid=""
# shellcheck disable=SC2317  # called from the traps
finish() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n $load_pid ]]; then kill -TERM "$load_pid" 2>/dev/null || true; wait "$load_pid" 2>/dev/null || true; fi
    bench_cluster_stop
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$out"
mkdir -p "$out"
say "building the load (benchmarks/ClusterLoad)"
dotnet build benchmarks/ClusterLoad -c Release -v q -nologo -p:UseSharedCompilation=false >"$out/load-build.log" 2>&1 ||
    { tail -n 30 "$out/load-build.log" >&2; exit 1; }

bench_cluster_start "$out"

phase_start() { phase=$1 phase_began=$(now_ms); say "phase $1"; }
phase_end() { echo "$phase $phase_began $(now_ms)" >>"$out/phases.tsv"; }

say "starting the load: $workers loops of reads and creates, 2 sign-ins/s (through $api)"
CLUSTER_LOAD_ADMIN_PASSWORD=$BENCH_ADMIN_PASSWORD dotnet benchmarks/ClusterLoad/bin/Release/net10.0/ClusterLoad.dll \
    --base "$api/" --admin-email "$BENCH_ADMIN_EMAIL" --out "$out" --workers "$workers" >"$out/load.log" 2>&1 &
load_pid=$!
for ((i = 0; i < 600; i++)); do
    [[ -f $out/ready ]] && break
    kill -0 "$load_pid" 2>/dev/null || { cat "$out/load.log" >&2; cluster_die "the load generator exited"; }
    sleep 0.1
done
[[ -f $out/ready ]] || cluster_die "the load generator did not get ready within 60 s"
uptime_at() { echo "$1 $(bench_load_average)" >>"$out/uptime.txt"; }

phase_start steady
sleep "$steady"
phase_end
uptime_at steady

# (a) Each API node in turn: SIGTERM (it drains for Hosting:DrainTime, HAProxy sees /health/ready 503 and takes it out,
# then it stops), started again, and back in HAProxy before the next one goes.
phase_start a-rolling-restart
while read -r name port role; do
    [[ $role == Api ]] || continue
    t0=$(now_ms)
    cluster_node_stop "$name"
    t1=$(now_ms)
    cluster_node_start "$name" "$port" "$role"
    cluster_node_wait "$name" "$port"
    bench_wait_haproxy_up "$name"
    say "  $name: stopped in $(((t1 - t0) / 1000)).$(((t1 - t0) % 1000 / 100)) s, back in HAProxy $((($(now_ms) - t1) / 1000)) s later"
    sleep 2
done < <(cluster_nodes)
phase_end
uptime_at a-rolling-restart

# (b) An import of distinct new users; once its first batch has committed, the worker running it is killed outright.
phase_start b-worker-kill
tag=imp$(date +%s)
awk -v n="$rows" -v t="$tag" 'BEGIN { print "email,fullName"; for (i = 1; i <= n; i++) printf "%s-%d@example.com,Imported %d\n", t, i, i }' >"$out/import.csv"
token=$(bench_admin_access "$api")
location=$(curl -fs -D - -o /dev/null -X POST "$api/api/v1/users/imports" -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
    --upload-file "$out/import.csv" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
import_id=${location##*/}
[[ -n $import_id ]] || cluster_die "the import was not accepted"
report() { curl -fs "$api/api/v1/users/imports/$import_id" -H "Authorization: Bearer $token"; }
field() { grep -o "\"$1\":[^,}]*" <<<"$2" | head -1 | cut -d: -f2 | tr -d '"'; }
victim=""
for ((i = 0; i < 1200; i++)); do
    r=$(report) || true
    if [[ $(field state "$r") == running && $(field created "$r") -gt 0 ]]; then
        # The import's job (the outbox message naming it), and the worker whose pid its Hangfire server id (host:pid:guid) holds.
        pid=$(sql -c "SELECT split_part(s.data::json->>'ServerId', ':', 2) FROM outbox_messages m
                      JOIN hangfire.job j ON j.id::text = m.job_id JOIN hangfire.state s ON s.id = j.stateid
                      WHERE m.payload::text LIKE '%$import_id%' AND j.statename = 'Processing'")
        while read -r name port role; do
            [[ $role == Worker && -n $pid && $(cluster_pid_of "$name") == "$pid" ]] && victim="$name $port $role"
        done < <(cluster_nodes)
        [[ -n $victim ]] && break
    fi
    sleep 0.1
done
[[ -n $victim ]] || cluster_die "could not find the worker running the import (report: $(report))"
read -r vname vport vrole <<<"$victim"
before_kill=$(report)
kill -KILL "$(cluster_pid_of "$vname")"
killed_at=$(now_ms)
say "  killed $vname (SIGKILL) with the import at $(field created "$before_kill") of $rows rows"
sleep 2
rm -f "$CLUSTER_DIR/run/$vname.pid"
cluster_node_start "$vname" "$vport" "$vrole"
cluster_node_wait "$vname" "$vport"
say "  $vname started again; waiting for the import to finish (another worker takes it after Jobs:InvisibilityTimeout, 30 s)"
for ((i = 0; i < 6000; i++)); do
    r=$(report) || true
    [[ $(field state "$r") == succeeded || $(field state "$r") == failed ]] && break
    sleep 0.2
done
say "  the import ended ($(field state "$r")) $((($(now_ms) - killed_at) / 1000)) s after the kill"
phase_end
uptime_at b-worker-kill
import_report=$r

# (c) The replica stopped for a while and started again; reads on it (once the service sends them there) must fall back.
phase_start c-replica-stop
pg_stop "$CLUSTER_DIR/replica" >/dev/null 2>&1
say "  replica stopped"
sleep "$replica_down"
pg_start "$CLUSTER_DIR/replica" "$CLUSTER_REPLICA_PORT" >/dev/null 2>&1
say "  replica started again"
sleep 4
phase_end
uptime_at c-replica-stop

kill -TERM "$load_pid"
wait "$load_pid" || true
load_pid=""

# The figures: per phase, requests/s and statuses; then per kind of request, overall.
echo
echo "statuses clients got (0: no answer), through HAProxy, $workers load loops:"
awk -F'[\t ]' 'FNR == NR { name[++p] = $1; from[p] = $2; to[p] = $3; next }
    { ph = "between"; for (i = 1; i <= p; i++) if ($1 >= from[i] && $1 < to[i]) { ph = name[i]; break }
      n[ph]++; n["overall"]++; c[ph, $3]++; c["overall", $3]++; codes[$3] = 1 }
    END {
        for (i = 1; i <= p; i++) secs[name[i]] = (to[i] - from[i]) / 1000
        nc = 0; for (s in codes) sorted[++nc] = s + 0
        for (i = 2; i <= nc; i++) for (j = i; j > 1 && sorted[j - 1] > sorted[j]; j--) { t = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = t }
        order[1] = "steady"; order[2] = "a-rolling-restart"; order[3] = "b-worker-kill"; order[4] = "c-replica-stop"; order[5] = "between"; order[6] = "overall"
        printf "%-18s %7s %8s %7s  %s\n", "phase", "seconds", "requests", "req/s", "statuses"
        for (k = 1; k <= 6; k++) { ph = order[k]; if (!(ph in n)) continue
            line = ""; for (i = 1; i <= nc; i++) if ((ph, sorted[i]) in c) line = line " " sorted[i] ":" c[ph, sorted[i]]
            if (ph == "overall") { secs[ph] = 0; for (i = 1; i <= p; i++) secs[ph] += secs[name[i]] }
            printf "%-18s %7s %8d %7s %s\n", ph, (ph == "between" ? "-" : sprintf("%.1f", secs[ph])), n[ph],
                (ph == "between" ? "-" : sprintf("%.0f", n[ph] / secs[ph])), line }
    }' "$out/phases.tsv" "$out/responses.tsv"
echo
awk -F'\t' '{ n[$2]++; c[$2, $3]++; codes[$3] = 1 } END {
        for (k in n) { line = ""; for (s in codes) if ((k, s) in c) line = line " " s ":" c[k, s]; printf "%-7s %7d %s\n", k, n[k], line } }' \
    "$out/responses.tsv" | sort
echo "load average (1, 5, 15 min) at the end of each phase:"
sed 's/^/  /' "$out/uptime.txt"

# The checks.
failed=0
check() { if [[ $2 == 1 ]]; then echo "ok    $1"; else echo "FAIL  $1"; failed=1; fi; }
bad_in() { # phase [kind] -> answers in that phase that are 5xx or none at all
    awk -F'[\t ]' -v ph="$1" -v kind="${2:-}" 'FNR == NR { if ($1 == ph) { a = $2; b = $3 } next }
        $1 >= a && $1 < b && (kind == "" || $2 == kind) && ($3 >= 500 || $3 == 0) { n++ } END { print n + 0 }' "$out/phases.tsv" "$out/responses.tsv"
}
echo
bad_a=$(bad_in a-rolling-restart) bad_c=$(bad_in c-replica-stop) bad_c_list=$(bad_in c-replica-stop list)
check "no 5xx and no unanswered request during (a), the rolling restart ($bad_a)" $((bad_a == 0))
check "no 5xx and no unanswered request during (c), the replica stopped ($bad_c)" $((bad_c == 0))
check "list reads answered 2xx while the replica was stopped ($bad_c_list did not)" $((bad_c_list == 0))
echo "      import report: $import_report"
state=$(field state "$import_report") created=$(field created "$import_report")
skipped=$(field skipped "$import_report") refused=$(field failed "$import_report")
check "the import succeeded after its worker was killed ($state)" "$([[ $state == succeeded ]] && echo 1)"
check "its report: every row created ($created of $rows), none skipped ($skipped) or failed ($refused)" \
    $((created == rows && skipped == 0 && refused == 0))
read -r stored distinct < <(sql -F ' ' -c "SELECT count(*), count(DISTINCT lower(email)) FROM users WHERE email LIKE '$tag-%'")
check "the primary holds each imported row once ($stored users, $distinct distinct emails, of $rows rows)" \
    $((stored == rows && distinct == rows))
acknowledged=$(wc -l <"$out/created.tsv")
lost=$(sql -c "CREATE TEMP TABLE acknowledged (id uuid, email text)" -c "\\copy acknowledged FROM '$out/created.tsv'" \
    -c "SELECT count(*) FROM acknowledged a LEFT JOIN users u ON u.id = a.id AND lower(u.email) = lower(a.email) WHERE u.id IS NULL" | tail -n 1)
check "every acknowledged create (201) is stored on the primary ($acknowledged acknowledged, $lost missing)" \
    $((acknowledged > 0 && lost == 0))
replication=$(sql -c "SELECT state FROM pg_stat_replication LIMIT 1")
check "the replica streams again after (c) ($replication)" "$([[ $replication == streaming ]] && echo 1)"
echo "(responses: $out/responses.tsv; created: $out/created.tsv; logs: $CLUSTER_DIR/logs/)"
exit "$failed"
