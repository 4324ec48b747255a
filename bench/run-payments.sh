#!/usr/bin/env bash
# Payments benchmark (payment-rail issue): the confirmation of a payment to three payees at 1 and 8 clients, the
# service layer (PaymentSteps.pay, in-container) against a raw JDBC transaction doing the same postings, measured
# in the same run. Results go to bench/results/payments-<date>T<time>.md and .json. See bench/README.md.
#
#   bench/run-payments.sh
#
# Needs the platform of THIS repository running (./triad start), ideally on MariaDB. Steps: (1) undeploy the bank
# and run bank-app's PaymentsBench through Arquillian (it deploys the bank EAR + the bench class and writes
# bank-app/target/payments-bench.txt); (2) deploy the bank again (./triad start); (3) the report.
# Environment: BENCH_SERVICE_SECONDS (8), BENCH_SERVICE_WARMUP (3), MVN_OFFLINE (default -o).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
RUN=$REPO/.run
log() { printf '\033[1m[run-payments]\033[0m %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

awk --version 2>/dev/null | grep -q GNU || die "needs GNU awk for the report (apt-get install gawk)"
"$REPO/triad" status >/dev/null 2>&1 || die "the platform of $REPO is not running (./triad start)"
MVN_OFFLINE=${MVN_OFFLINE:--o}
SECONDS_MEASURED=${BENCH_SERVICE_SECONDS:-8}
SECONDS_WARMUP=${BENCH_SERVICE_WARMUP:-3}
ASADMIN=("$RUN/payara6/bin/asadmin" --interactive=false)

log "building the bank EAR (mvn package, tests skipped) ..."
(cd "$REPO" && mvn -B -q $MVN_OFFLINE -pl bank-ear/bank-app -am package -DskipTests)

log "in-container phases: undeploying bank, running PaymentsBench through Arquillian ..."
"${ASADMIN[@]}" undeploy bank >/dev/null 2>&1 || true
rm -f "$RUN/deployed/bank"
RESULTS=$REPO/bank-ear/bank-app/target/payments-bench.txt
rm -f "$RESULTS"
(cd "$REPO" && mvn -B -q $MVN_OFFLINE -pl bank-ear/bank-app failsafe:integration-test failsafe:verify \
    -Dit.test=PaymentsBench -Dbench.out="$RESULTS" -Dbench.seconds="$SECONDS_MEASURED" \
    -Dbench.warmup-seconds="$SECONDS_WARMUP") \
    || die "PaymentsBench failed (see bank-ear/bank-app/target/failsafe-reports)"
[ -f "$RESULTS" ] || die "PaymentsBench wrote no $RESULTS"

log "deploying the bank again ..."
(cd "$REPO" && ./triad start >/dev/null)

STAMP=$(date -u +%Y-%m-%dT%H%M)
OUT_MD=$BENCH_DIR/results/payments-$STAMP.md
OUT_JSON=$BENCH_DIR/results/payments-$STAMP.json
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
DB=$(sed -n 's/^database //p' "$RESULTS")

# per phase: calls, p50/p90/p99 (ms) and the throughput of the timed calls (calls per second of timed time per
# client, times clients: the untimed creation of each payment is left out)
stats() {
    awk '
    /^phase / { name=$2; clients=$3; errors=$6; next }
    /^lat/ {
        n = NF - 1; sum = 0
        for (i = 2; i <= NF; i++) { v[i-1] = $i; sum += $i }
        asort(v)
        p50 = v[int(n*0.50) > 0 ? int(n*0.50) : 1] / 1e6
        p90 = v[int(n*0.90) > 0 ? int(n*0.90) : 1] / 1e6
        p99 = v[int(n*0.99) > 0 ? int(n*0.99) : 1] / 1e6
        tput = (sum > 0) ? n / (sum / 1e9 / clients) : 0
        printf "%s %d %d %.3f %.3f %.3f %.1f %d\n", name, clients, n, p50, p90, p99, tput, errors
        delete v
    }' "$RESULTS"
}
STATS=$(stats)
{
    echo "# Payments benchmark $STAMP"
    echo
    echo "Commit $COMMIT, database: $DB. Confirmation of a payment to three payees (PaymentSteps.pay: lock the"
    echo "payment, settle buyer and three payees, mark PAID, outbox row, audit) against raw JDBC doing the same"
    echo "postings in one local transaction, in-container, same run. ${SECONDS_WARMUP} s warm-up, ${SECONDS_MEASURED} s measured."
    echo
    echo "| phase | clients | calls | p50 ms | p90 ms | p99 ms | timed calls/s | errors |"
    echo "|---|---|---|---|---|---|---|---|"
    echo "$STATS" | awk '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
    echo
    echo "| clients | service / jdbc (throughput) | goal |"
    echo "|---|---|---|"
    echo "$STATS" | awk '{ t[$1" "$2] = $7; c[$2] = 1 } END { for (k in c) printf "| %s | %.2f | >= 0.70 |\n", k, (t["jdbc "k] > 0 ? t["service "k] / t["jdbc "k] : 0) }' | sort
    grep '^check' "$RESULTS" | sed 's/^/    /'
} > "$OUT_MD"
echo "$STATS" | awk -v commit="$COMMIT" -v db="$DB" 'BEGIN { printf "{\"commit\":\"%s\",\"database\":\"%s\",\"phases\":[", commit, db }
    { printf "%s{\"phase\":\"%s\",\"clients\":%s,\"calls\":%s,\"p50_ms\":%s,\"p90_ms\":%s,\"p99_ms\":%s,\"timed_calls_per_s\":%s,\"errors\":%s}", (NR > 1 ? "," : ""), $1, $2, $3, $4, $5, $6, $7, $8 }
    END { print "]}" }' > "$OUT_JSON"
log "wrote $OUT_MD and $OUT_JSON"
cat "$OUT_MD"
