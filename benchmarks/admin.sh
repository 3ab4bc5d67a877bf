#!/usr/bin/env bash
# Sourced by the benchmarks: wrk, a signing key for the service they start, and an admin's access token.
#   bench_require_wrk                   makes sure wrk is there (Debian's package, installed when run as root)
#   bench_signing_key <dir>             writes an ES256 (P-256) key there and points Jwt__Keys__0 at it
#   bench_admin_token <api-url> <dll>   seeds an admin with the built service and prints its access token
#   bench_create_script <file> <email-prefix> <token>
#                                       writes a wrk script of creates whose emails never repeat (every answer a 201)
BENCH_ADMIN_EMAIL=bench-admin@example.com
BENCH_ADMIN_PASSWORD="bench violet anchor maple drums"

bench_require_wrk() {
    command -v wrk >/dev/null && return
    [[ $(id -u) -eq 0 ]] || { echo "wrk is missing: sudo apt-get install -y wrk" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
}

bench_signing_key() {
    mkdir -p "$1"
    [[ -s $1/signing-key.pem ]] || openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1/signing-key.pem" 2>/dev/null
    export Jwt__Keys__0__Id=bench Jwt__Keys__0__PemFile="$PWD/$1/signing-key.pem"
}

bench_admin_token() {
    local api=$1 dll=$2
    USERS_ADMIN_PASSWORD=$BENCH_ADMIN_PASSWORD dotnet "$dll" seed-admin --email "$BENCH_ADMIN_EMAIL" --contentRoot "$PWD/$(dirname "$dll")" >/dev/null
    curl -fs -X POST "$api/api/v1/auth/token" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$BENCH_ADMIN_EMAIL\",\"password\":\"$BENCH_ADMIN_PASSWORD\"}" |
        grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4
}

bench_create_script() {
    local file=$1 prefix=$2 token=$3
    cat >"$file" <<LUA
-- Each wrk thread gets its own number, and each run its own stamp: emails never repeat, so every answer is a 201.
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("id", threads) end
local n, tag = 0, nil
request = function()
  tag = tag or string.format("%d.%d.%d", os.time(), math.random(1000000), id)
  n = n + 1
  local body = string.format('{"email":"$prefix%s.%d@example.com","fullName":"Created %d"}', tag, n, n)
  return wrk.format("POST", "/api/v1/users", { ["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json" }, body)
end
LUA
}
