#!/usr/bin/env bash
# Lints the service's OpenAPI document as client generators and API tooling read it: Redocly's recommended rules and
# Spectral's spectral:oas ruleset, both through npx (pinned versions; npm's registry must be reachable). It builds the
# service, runs it on a throw-away PostgreSQL (.local/postgres-lint, port 54338) at http://127.0.0.1:5097, saves
# /openapi/v1.json to .local/openapi/v1.json, stops it, and lints that file. Prints both reports, and exits non-zero when
# either reports an error or a warning: the document's bar is 0 of each.
# Usage: scripts/openapi-lint.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh

redocly=@redocly/cli@2.77.0 spectral=@stoplight/spectral-cli@6.16.3
url=http://127.0.0.1:5097 out=.local/openapi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Development Jobs__Role=Api Management__Port=5098

command -v npx >/dev/null || { echo "openapi-lint.sh: npx is missing; install Node.js (Debian: apt-get install -y npm)" >&2; exit 1; }
app=""
cleanup() {
    [[ -z $app ]] || { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }
    pg_stop_if_started || true
}
trap cleanup EXIT

mkdir -p "$out"
dotnet build Users.Api -c Release -v q -nologo >"$out/build.log" || { cat "$out/build.log"; exit 1; }
pg_start .local/postgres-lint 54338 fast
pg_create_db 54338 users_lint
ConnectionStrings__Users="Host=127.0.0.1;Port=54338;Database=users_lint;Username=postgres" Database__MigrateOnStartup=true \
    dotnet Users.Api/bin/Release/net10.0/Users.Api.dll --urls "$url" >"$out/service.log" 2>&1 &
app=$!
for _ in $(seq 60); do curl -sf "$url/openapi/v1.json" -o "$out/v1.json" && break; sleep 1; done
[[ -s $out/v1.json ]] || { tail -20 "$out/service.log" >&2; echo "openapi-lint.sh: the service did not serve its document" >&2; exit 1; }
kill "$app"
wait "$app" 2>/dev/null || true
app=""

printf 'extends: ["spectral:oas"]\n' >"$out/.spectral.yaml"
status=0
echo "== Redocly ($redocly, recommended) =="
# Redocly exits 0 on warnings; its summary line counts them ("You have 2 warnings.").
npx --yes "$redocly" lint --extends recommended "$out/v1.json" 2>&1 | tee "$out/redocly.txt" || status=1
if grep -Eq '^You have [0-9]+ warnings?' "$out/redocly.txt"; then status=1; fi
echo "== Spectral ($spectral, spectral:oas) =="
npx --yes "$spectral" lint --fail-severity warn --ruleset "$out/.spectral.yaml" "$out/v1.json" || status=1
if [[ $status == 0 ]]; then echo "openapi-lint.sh: 0 errors, 0 warnings"; else echo "openapi-lint.sh: the linters found problems (above)" >&2; fi
exit "$status"
