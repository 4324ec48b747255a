#!/usr/bin/env bash
# Identity benchmark (issue 5): the refresh grant at 1 and 8 clients, first-party (POST /api/v1/auth/refresh) and at
# the OAuth token endpoint (POST /oauth2/token, grants of the public demo app obtained through the sign-in and consent
# forms), against the bank's health endpoint, the shop's token-protected GET /api/v1/me against the shop's health endpoint, and in-process
# access-token validation (signature + claims + revocation list) against the signature check alone.
# Results go to bench/results/identity-<date>T<time>.md and .json. See bench/README.md.
#
#   bench/run-identity.sh [--option=value ...]      options go to IdentityBench (--help lists them)
#
# Needs the platform of THIS repository running with rate limits off (the refresh rule allows 600 per minute and
# address):
#   export TRIAD_BANK_RATE_LIMIT_ENABLED=false; ./triad start && bench/run-identity.sh; ./triad stop
# Environment: BENCH_JAVA_OPTS (default -Xms256m -Xmx512m), MVN_OFFLINE (default -o).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
TRUST=$REPO/certs/trust.pem
log() { printf '\033[1m[run-identity]\033[0m %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[ -f "$TRUST" ] || die "$TRUST is missing; start the platform with ./triad start"
[ "${TRIAD_BANK_RATE_LIMIT_ENABLED:-true}" = false ] \
    || die "export TRIAD_BANK_RATE_LIMIT_ENABLED=false before ./triad start (and keep it for this script)"
"$REPO/triad" status >/dev/null 2>&1 || die "the platform of $REPO is not running (./triad start)"
MVN_OFFLINE=${MVN_OFFLINE:--o}

log "building bench (mvn package, tests skipped) ..."
(cd "$REPO" && mvn -B -q $MVN_OFFLINE -pl bench -am package -DskipTests)

JAR=$(ls "$BENCH_DIR"/target/bench-*.jar | grep -v -e sources -e tests | head -n 1)
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$REPO/pom.xml" | head -n 1; }
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    COMMIT="$COMMIT (with uncommitted changes)"
fi

# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms256m -Xmx512m} -cp "$JAR:$BENCH_DIR/target/lib/*" org.triad.bench.identity.IdentityBench \
    --trust="$TRUST" --out="$BENCH_DIR/results" --commit="$COMMIT" --payara-version="$(pom_property payara.version)" \
    --db="${TRIAD_DB:-h2}" "$@"
