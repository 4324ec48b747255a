#!/usr/bin/env bash
# CA benchmark (issue 3): builds bench/ and runs org.triad.bench.ca.CaBench against a running
# platform (./triad start). Results go to bench/results/ca-<date>T<time>.md and .json.
#
#   bench/run-ca.sh [PLATFORM_ROOT] [--option=value ...]
#
# PLATFORM_ROOT is the repository the platform was started from; its certs/trust.pem (the CA root)
# is trusted for https://localhost:8443/ca. Defaults to the repository this script sits in.
# Options are passed to CaBench (run with --help to list them), e.g. --issue-requests=100.
# Environment: BENCH_JAVA_OPTS (default -Xms512m -Xmx512m), TRIAD_DB (recorded in the report).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
PLATFORM=$REPO
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
    PLATFORM=$(cd "$1" && pwd)
    shift
fi
TRUST=$PLATFORM/certs/trust.pem
[ -f "$TRUST" ] || { echo "run-ca.sh: $TRUST is missing; start the platform with ./triad start" >&2; exit 1; }

log() { printf '\033[1m[run-ca]\033[0m %s\n' "$*" >&2; }

log "building bench (mvn -pl bench -am package -DskipTests) ..."
MVN_OFFLINE=${MVN_OFFLINE:--o}
(cd "$REPO" && mvn -B -q $MVN_OFFLINE -pl bench -am package -DskipTests)

JAR=$(ls "$BENCH_DIR"/target/bench-*.jar | grep -v -e sources -e tests | head -n 1)
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$REPO/pom.xml" | head -n 1; }
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    COMMIT="$COMMIT (with uncommitted changes)"
fi
PLATFORM_COMMIT=$(git -C "$PLATFORM" rev-parse --short HEAD 2>/dev/null || echo unknown)

log "running CaBench against the platform of $PLATFORM (trust $TRUST) ..."
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms512m -Xmx512m} -cp "$JAR:$BENCH_DIR/target/lib/*" org.triad.bench.ca.CaBench \
    --trust="$TRUST" --out="$BENCH_DIR/results" \
    --commit="bench $COMMIT, platform $PLATFORM_COMMIT" --payara-version="$(pom_property payara.version)" \
    --db="${TRIAD_DB:-h2}" "$@"
