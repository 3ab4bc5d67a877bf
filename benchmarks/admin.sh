#!/usr/bin/env bash
# Sourced by the benchmarks: wrk, a signing key for the service they start, and an admin's access token.
#   bench_require_wrk                   makes sure wrk is there (Debian's package, installed when run as root)
#   bench_signing_key <dir>             writes an ES256 (P-256) key there and points Jwt__Keys__0 at it
#   bench_admin_token <api-url> <dll>   seeds an admin with the built service and prints its access token
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
