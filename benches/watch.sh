#!/usr/bin/env bash
# Benchmarks the RPC API's watchers on loopback and prints one table.
#
#   benches/watch.sh                 # 1,000 watchers
#   WATCHERS=200 benches/watch.sh    # fewer
#
# What it measures (targets from the RPC issue):
#   - 1,000 watchers, each on its own /api connection and blocked in
#     RevisionWatcher.Next, then one publish through REST: the time from
#     sending the publish until every watcher has the revision   p99 <= 100 ms
#   - the server's RSS with those 1,000 watchers open (and idle, for scale)
#
# The watchers are driven by the `watch_bench` load generator in
# tests/rpc.rs (an ignored test), against `iface serve` in its own process.
# Latencies include the publish itself (upload, checks, store commit),
# because that is what a watcher waits for.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
WATCHERS=${WATCHERS:-1000}
ADMIN=bench-admin-token-0123456789abcdef

# Each watcher is one socket on each side; the default of 1024 is too few.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [[ $(ulimit -n) != unlimited && $(ulimit -n) -lt $((WATCHERS + 256)) ]]; then
    echo "error: ulimit -n is $(ulimit -n); $WATCHERS watchers need $((WATCHERS + 256))" >&2
    exit 1
fi

WORK=$(mktemp -d /tmp/iface-watch-bench.XXXXXX)
SERVER_PID=
cleanup() {
    [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "building (release) ..." >&2
cargo build --release --quiet
cargo test --release --quiet --test rpc --no-run 2>/dev/null
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
IFACE=$TARGET/release/iface

IFACE_LOG=warn IFACE_ADMIN_TOKEN=$ADMIN "$IFACE" serve --listen 127.0.0.1:0 \
    --data "$WORK/data" 2>"$WORK/serve.log" &
SERVER_PID=$!
SERVER=
for _ in $(seq 100); do
    SERVER=$(sed -n 's/^listening on //p' "$WORK/serve.log")
    [[ -n "$SERVER" ]] && break
    sleep 0.1
done
[[ -n "$SERVER" ]] || { echo "error: iface serve did not start:" >&2; cat "$WORK/serve.log" >&2; exit 1; }

echo "opening $WATCHERS watchers on $SERVER ..." >&2
IFACE_BENCH_INDEX=$SERVER IFACE_BENCH_SERVER_PID=$SERVER_PID IFACE_BENCH_ADMIN=$ADMIN \
IFACE_BENCH_WATCHERS=$WATCHERS \
    cargo test --release --quiet --test rpc watch_bench -- --ignored --exact --nocapture \
    >"$WORK/out.txt" 2>"$WORK/err.txt" || { cat "$WORK/out.txt" "$WORK/err.txt" >&2; exit 1; }

get() { awk -v k="$1" '$1 == k { print $2 }' "$WORK/out.txt"; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "ok" : "MISSED" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

printf '%-58s %12s %10s %7s\n' "measure" "result" "target" ""
printf '%-58s %9s ms %7s ms %7s\n' "publish to all $WATCHERS watchers, p50" "$(get p50_ms)" "" ""
printf '%-58s %9s ms %7s ms %7s\n' "publish to all $WATCHERS watchers, p99" "$(get p99_ms)" "100" \
    "$(verdict "$(get p99_ms)" 100)"
printf '%-58s %9s ms %7s ms %7s\n' "publish to all $WATCHERS watchers, max" "$(get max_ms)" "" ""
printf '%-58s %9s ms %7s ms %7s\n' "  of which the publish request itself" "$(get publish_ms)" "" ""
printf '%-58s %9s s  %7s    %7s\n' "time to open $WATCHERS watchers" "$(get connect_s)" "" ""
printf '%-58s %8s MiB %6s MiB %7s\n' "iface serve RSS, no watchers" "$(mib "$(get rss_idle_kib)")" "" ""
printf '%-58s %8s MiB %6s MiB %7s\n' "iface serve RSS with $WATCHERS watchers open" \
    "$(mib "$(get rss_watching_kib)")" "" ""
