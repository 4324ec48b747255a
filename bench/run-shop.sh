#!/usr/bin/env bash
# Shop benchmark (issue 13): flash-sale claim attempts/s at 1, 8 and 200 clients against a raw conditional-UPDATE
# baseline measured in the same run, the catalogue's latency during the 200-client sale, and checkout throughput
# (cart -> orders -> bank payment created) at 1 and 8 clients. All of it runs inside the server (shop-app's ShopBench
# through Arquillian, over HTTPS to the shop's own REST API, bank tokens and payments from the in-container test bank),
# so the bank's password hashing and ledger are not part of the figures. See bench/README.md.
#
#   bench/run-shop.sh                         # defaults: 1000,2000,4000 attempts; 200 checkouts per client count
#   BENCH_ATTEMPTS=500,1000,2000 BENCH_CHECKOUTS=100 bench/run-shop.sh
#
# Needs the platform of THIS repository running (./triad start; MariaDB for figures worth comparing:
# TRIAD_DB=mysql ...). The script undeploys the shop, runs ShopBench, writes bench/results/shop-<date>T<time>.md and
# deploys the shop again (./triad start).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
RUN=$REPO/.run
log() { printf '\033[1m[run-shop]\033[0m %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

"$REPO/triad" status >/dev/null 2>&1 || die "the platform of $REPO is not running (./triad start)"
MVN_OFFLINE=${MVN_OFFLINE:--o}
ASADMIN=("$RUN/payara6/bin/asadmin" --interactive=false)
STAMP=$(date -u +%Y-%m-%dT%H%M)
OUT=$BENCH_DIR/results/shop-$STAMP.md
RAW=$REPO/shop-ear/shop-app/target/shop-bench.md

log "building the shop EAR (mvn package, tests skipped) ..."
(cd "$REPO" && mvn -B -q $MVN_OFFLINE -pl shop-ear/shop-app -am package -DskipTests)

log "undeploying the shop, running ShopBench through Arquillian ..."
"${ASADMIN[@]}" undeploy shop >/dev/null 2>&1 || true
rm -f "$RUN/deployed/shop" "$RAW"
(cd "$REPO" && mvn -B -q $MVN_OFFLINE -pl shop-ear/shop-app failsafe:integration-test failsafe:verify \
    -Dit.test=ShopBench -Dbench.out="$RAW" -Dbench.attempts="${BENCH_ATTEMPTS:-1000,2000,4000}" \
    -Dbench.checkouts="${BENCH_CHECKOUTS:-200}") \
    || die "ShopBench failed (see shop-ear/shop-app/target/failsafe-reports)"
[ -f "$RAW" ] || die "ShopBench wrote no $RAW"

log "deploying the shop again ..."
(cd "$REPO" && ./triad start >/dev/null)

COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
    echo "# Shop benchmark, $STAMP UTC"
    echo
    echo "- commit $COMMIT; $(java -version 2>&1 | head -n 1); database ${TRIAD_DB:-h2}; $(nproc) cores"
    echo "- in-container (shop-app ShopBench), HTTP/1.1 over TLS to https://localhost:10443/shop, closed loop"
    echo "- flash rounds: a fresh sale of attempts/4 units per round, buyers try several times each; the baseline"
    echo "  is the bare conditional UPDATE of the pool (JDBC autocommit) with the same number of threads; ratio ="
    echo "  our attempts/s ÷ the baseline's (goal ≥ 0.30)"
    echo
    cat "$RAW"
} > "$OUT"
log "written $OUT"
cat "$OUT"
