#!/usr/bin/env bash
# Bank benchmark (issue 4): transfers/s with 1 and 8 clients through the REST API and through the service layer
# (MoneyMovements, in-container), each against a raw JDBC loop measured in-container in the same run.
# Results go to bench/results/bank-<date>T<time>.md and .json. See bench/README.md.
#
#   bench/run-bank.sh [--option=value ...]      options go to BankBench (--help lists them)
#
# Needs the platform of THIS repository running with rate limits off, ideally on MariaDB:
#   export TRIAD_DB=mysql TRIAD_DB_USER=... TRIAD_DB_PASSWORD=... TRIAD_BANK_RATE_LIMIT_ENABLED=false
#   ./triad start && bench/run-bank.sh; ./triad stop
# Steps: (1) stop this repository's dev mail catcher (the benchmark runs its own SMTP server on 127.0.0.1:3025);
# (2) undeploy the bank and run bank-app's LedgerBench through Arquillian (it deploys the bank EAR + the bench
# class, measures the service layer and raw JDBC inside the server and writes bank-app/target/ledger-bench.txt);
# (3) deploy the bank again (./triad start); (4) run BankBench: REST phases, then the report.
# Environment: BENCH_JAVA_OPTS (default -Xms256m -Xmx512m), BENCH_SERVICE_SECONDS (8), BENCH_SERVICE_WARMUP (3),
# MVN_OFFLINE (default -o).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
TRUST=$REPO/certs/trust.pem
RUN=$REPO/.run
log() { printf '\033[1m[run-bank]\033[0m %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[ -f "$TRUST" ] || die "$TRUST is missing; start the platform with ./triad start"
[ "${TRIAD_BANK_RATE_LIMIT_ENABLED:-true}" = false ] \
    || die "export TRIAD_BANK_RATE_LIMIT_ENABLED=false before ./triad start (and keep it for this script)"
"$REPO/triad" status >/dev/null 2>&1 || die "the platform of $REPO is not running (./triad start)"
MVN_OFFLINE=${MVN_OFFLINE:--o}
SECONDS_MEASURED=${BENCH_SERVICE_SECONDS:-8}
SECONDS_WARMUP=${BENCH_SERVICE_WARMUP:-3}
ASADMIN=("$RUN/payara6/bin/asadmin" --interactive=false)

if [ -f "$RUN/mail.pid" ]; then
    log "stopping the dev mail catcher (pid $(cat "$RUN/mail.pid")): the benchmark reads the codes itself"
    kill "$(cat "$RUN/mail.pid")" 2>/dev/null || true
    rm -f "$RUN/mail.pid"
    sleep 1
fi

log "building bench and the bank EAR (mvn package, tests skipped) ..."
(cd "$REPO" && mvn -B -q $MVN_OFFLINE -pl bench,bank-ear/bank-app -am package -DskipTests)

log "in-container phases: undeploying bank, running LedgerBench through Arquillian ..."
"${ASADMIN[@]}" undeploy bank >/dev/null 2>&1 || true
rm -f "$RUN/deployed/bank"
SERVICE_RESULTS=$REPO/bank-ear/bank-app/target/ledger-bench.txt
rm -f "$SERVICE_RESULTS"
(cd "$REPO" && mvn -B -q $MVN_OFFLINE -pl bank-ear/bank-app failsafe:integration-test failsafe:verify \
    -Dit.test=LedgerBench -Dbench.out="$SERVICE_RESULTS" -Dbench.seconds="$SECONDS_MEASURED" \
    -Dbench.warmup-seconds="$SECONDS_WARMUP") \
    || die "LedgerBench failed (see bank-ear/bank-app/target/failsafe-reports)"
[ -f "$SERVICE_RESULTS" ] || die "LedgerBench wrote no $SERVICE_RESULTS"

log "deploying the bank again ..."
(cd "$REPO" && ./triad start >/dev/null)
if [ -f "$RUN/mail.pid" ]; then kill "$(cat "$RUN/mail.pid")" 2>/dev/null || true; rm -f "$RUN/mail.pid"; sleep 1; fi

JAR=$(ls "$BENCH_DIR"/target/bench-*.jar | grep -v -e sources -e tests | head -n 1)
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$REPO/pom.xml" | head -n 1; }
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    COMMIT="$COMMIT (with uncommitted changes)"
fi

log "REST phases and report ..."
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms256m -Xmx512m} -cp "$JAR:$BENCH_DIR/target/lib/*" org.triad.bench.bank.BankBench \
    --trust="$TRUST" --out="$BENCH_DIR/results" --service-results="$SERVICE_RESULTS" \
    --commit="$COMMIT" --payara-version="$(pom_property payara.version)" --db="${TRIAD_DB:-h2}" \
    --service-seconds="$SECONDS_MEASURED" --service-warmup-seconds="$SECONDS_WARMUP" "$@"
