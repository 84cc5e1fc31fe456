#!/usr/bin/env bash
# Benchmarks the index service on loopback and prints one table.
#
#   benches/server.sh            # full size: 10,000 x 3 revisions, 100,000 for search
#   SMALL=1 benches/server.sh    # a quick run at a tenth of the size
#
# What it measures (targets from the index-service issue):
#   - bulk resolve of 50 URIs per request at 64 connections   p99 <= 5 ms
#   - search over 100,000 interfaces                           p50 <= 5 ms
#   - archive download throughput vs nginx on the same files   >= 70 % of nginx
#   - the server's peak RSS under that load                    <= 64 MiB
#
# Needs wrk and nginx (Debian packages; installed with apt-get when missing
# and running as root). Seeds through the store itself (tests/server_bench_seed.rs),
# which is the code the server publishes with, minus HTTP.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=benches/wrk-common.sh
source benches/wrk-common.sh
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
# Search is measured for latency, not under saturation: at 64 connections a
# 2-core machine measures its queue, not the query.
SEARCH_CONNECTIONS=${SEARCH_CONNECTIONS:-4}
if [[ -n "${SMALL:-}" ]]; then
    RESOLVE_INTERFACES=1000
    SEARCH_INTERFACES=10000
else
    RESOLVE_INTERFACES=10000
    SEARCH_INTERFACES=100000
fi

need wrk wrk
need nginx nginx

WORK=$(mktemp -d /tmp/iface-bench.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "building (release) ..." >&2
cargo build --release --quiet
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
IFACE=$TARGET/release/iface


start_server() { # DATA -> sets SERVER_PID, SERVER
    local log=$WORK/serve-$RANDOM.log
    IFACE_LOG=warn "$IFACE" serve --listen 127.0.0.1:0 --data "$1" 2>"$log" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    for _ in $(seq 1 100); do
        SERVER=$(sed -n 's/^listening on //p' "$log")
        [[ -n "$SERVER" ]] && return
        sleep 0.1
    done
    echo "error: iface serve did not start:" >&2; cat "$log" >&2; exit 1
}


verdict() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = (op == "<=") ? a <= b : a >= b; print ok ? "ok" : "MISSED" }'; }
WRK=(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)

# --- resolve and downloads on the 10k x 3 index -------------------------
seed "$WORK/resolve" "$RESOLVE_INTERFACES" 3
start_server "$WORK/resolve"
cat >"$WORK/resolve.lua" <<EOF
local uris = {}
for line in io.lines("$WORK/resolve/uris.txt") do uris[#uris + 1] = line end
math.randomseed(os.time())
request = function()
    local pick = {}
    for i = 1, 50 do pick[i] = '"' .. uris[math.random(#uris)] .. '-' .. math.random(3) .. '"' end
    return wrk.format("POST", "/v1/resolve", {["Content-Type"] = "application/json"},
        '{"uris":[' .. table.concat(pick, ",") .. ']}')
end
EOF
# One resolve by hand first: the benchmark is meaningless if it fails.
first=$(head -1 "$WORK/resolve/uris.txt")
curl -fsS "$SERVER/v1/resolve?uris=$first" | grep -q '"digest"' ||
    { echo "error: resolve of $first failed" >&2; exit 1; }
echo "wrk: resolve ..." >&2
"${WRK[@]}" -s "$WORK/resolve.lua" "$SERVER" >"$WORK/resolve.out"

archive_path=$(curl -fsS "$SERVER/v1/resolve?uris=$first" | sed 's/.*"archive_url":"\([^"]*\)".*/\1/')
digest=$(curl -fsS "$SERVER/v1/resolve?uris=$first" | sed 's/.*"digest":"\([0-9a-f]*\)".*/\1/')
echo "wrk: archive download from iface ..." >&2
"${WRK[@]}" "$SERVER$archive_path" >"$WORK/archive.out"
RSS_KIB=$(awk '/^VmHWM/ { print $2 }' "/proc/$SERVER_PID/status")

NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<EOF
user root;
worker_processes $THREADS;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/resolve/archives;
        location / {
            default_type application/gzip;
            etag on;
            add_header Cache-Control "public, max-age=31536000, immutable";
        }
    }
}
EOF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
PIDS+=("$!")
sleep 0.5
NGINX_URL="http://127.0.0.1:$NGINX_PORT/${digest:0:2}/$digest.tar.gz"
curl -fsS -o /dev/null "$NGINX_URL" || { echo "error: nginx does not serve $NGINX_URL" >&2; exit 1; }
echo "wrk: archive download from nginx ..." >&2
"${WRK[@]}" "$NGINX_URL" >"$WORK/nginx.out"
kill "$SERVER_PID"

# --- search on the 100k index -------------------------------------------
seed "$WORK/search" "$SEARCH_INTERFACES" 1
start_server "$WORK/search"
cat >"$WORK/search.lua" <<EOF
local words = {}
for line in io.lines("$WORK/search/words.txt") do words[#words + 1] = line end
math.randomseed(os.time())
request = function()
    return wrk.format("GET", "/v1/search?limit=20&q=" .. words[math.random(#words)])
end
EOF
echo "wrk: search ..." >&2
wrk -t"$THREADS" -c"$SEARCH_CONNECTIONS" -d"$DURATION" --latency -s "$WORK/search.lua" "$SERVER" \
    >"$WORK/search.out"
SEARCH_RSS_KIB=$(awk '/^VmHWM/ { print $2 }' "/proc/$SERVER_PID/status")
kill "$SERVER_PID"

resolve_p99=$(percentile_ms "$WORK/resolve.out" 99%)
search_p50=$(percentile_ms "$WORK/search.out" 50%)
iface_mib=$(transfer_mib "$WORK/archive.out")
nginx_mib=$(transfer_mib "$WORK/nginx.out")
ratio=$(awk -v a="$iface_mib" -v b="$nginx_mib" 'BEGIN { printf "%.0f", (b > 0) ? 100 * a / b : 0 }')
rss_mib=$(awk -v a="$RSS_KIB" -v b="$SEARCH_RSS_KIB" 'BEGIN { m = (a > b) ? a : b; printf "%.1f", m / 1024 }')

printf '\n%-52s %14s %10s %8s\n' "measure ($CONNECTIONS connections, $DURATION, $(nproc) cores)" "result" "target" "verdict"
printf '%-52s %11s ms %7s ms %8s\n' "resolve 50 URIs, p99 ($RESOLVE_INTERFACES x 3 index)" "$resolve_p99" "5" "$(verdict "$resolve_p99" "<=" 5)"
printf '%-52s %14s %10s %8s\n' "resolve requests/s" "$(requests_per_sec "$WORK/resolve.out")" "" ""
printf '%-52s %11s ms %7s ms %8s\n' "search p50 ($SEARCH_INTERFACES interfaces, $SEARCH_CONNECTIONS conns)" "$search_p50" "5" "$(verdict "$search_p50" "<=" 5)"
printf '%-52s %14s %10s %8s\n' "search requests/s" "$(requests_per_sec "$WORK/search.out")" "" ""
printf '%-52s %9s MiB/s %10s %8s\n' "archive download, iface" "$iface_mib" "" ""
printf '%-52s %9s MiB/s %10s %8s\n' "archive download, nginx (same file)" "$nginx_mib" "" ""
printf '%-52s %13s%% %9s%% %8s\n' "iface / nginx" "$ratio" "70" "$(verdict "$ratio" ">=" 70)"
printf '%-52s %10s MiB %6s MiB %8s\n' "iface serve peak RSS" "$rss_mib" "64" "$(verdict "$rss_mib" "<=" 64)"
