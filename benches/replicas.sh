#!/usr/bin/env bash
# Benchmarks the index service on PostgreSQL with one and with two replicas,
# beside the embedded SQLite store, on loopback, and prints one table.
#
#   benches/replicas.sh            # full size: 10,000 interfaces x 3 revisions
#   SMALL=1 benches/replicas.sh    # a quick run: 1,000 x 3
#
# Environment: DURATION (10s), CONNECTIONS (64), THREADS (wrk threads, 2),
# NGINX_WORKERS (2), PG_OPTIONS (extra `postgres` options, e.g.
# "-c fsync=off"; PostgreSQL's durable defaults otherwise), KEEP=1 (keep the
# wrk outputs and logs in the work directory, which it names, for a look).
#
# How:
#   1. builds iface (release) and seeds a SQLite index through the store
#      (tests/server_bench_seed.rs), reusing the seed benches/server.sh keeps
#      in $TARGET/bench-index-NxM;
#   2. starts a throwaway PostgreSQL cluster (initdb + pg_ctl in a temporary
#      directory, 127.0.0.1, a free port, trust authentication; as root it
#      runs as the `postgres` user), stopped and removed on exit;
#   3. loads the index into it with the real command,
#      `iface store copy --from sqlite:DIR --to postgres://...`, and times it;
#   4. measures three set-ups, each with wrk at CONNECTIONS connections for
#      DURATION per measure:
#        sqlite       one `iface serve --data DIR`
#        postgres x1  one `iface serve --database postgres://...`
#        postgres x2  two of them on the same database
#      and three measures on each: bulk resolve of 50 URIs per request (the
#      Lua of benches/server.sh), the download of one archive (which the
#      server answers from its in-memory archive cache whatever the store),
#      and downloads of random archives across the index (which the cache
#      cannot hold at full size, so they reach the store);
#   5. prints the figures (no targets: these are figures, not a gate) and
#      the peak RSS (VmHWM) of every replica.
#
# Fairness: the same nginx reverse proxy (round-robin upstream, HTTP/1.1
# keepalive to the upstream) stands in front in ALL three set-ups, so the
# only differences are the store and the number of replicas; the figures
# include the proxy's hop and are not comparable with benches/server.sh,
# which talks to the server directly. Everything shares the machine's cores:
# wrk, nginx, the replicas and PostgreSQL; on 2 cores a second replica adds
# no CPU, only a second process competing for it.
#
# Needs wrk, nginx, curl and PostgreSQL's server binaries (Debian packages;
# installed with apt-get when missing and running as root).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=benches/wrk-common.sh
source benches/wrk-common.sh
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
NGINX_WORKERS=${NGINX_WORKERS:-2}
PG_OPTIONS=${PG_OPTIONS:-}
if [[ -n "${SMALL:-}" ]]; then
    INTERFACES=1000
else
    INTERFACES=10000
fi
REVISIONS=3

need wrk wrk
need nginx nginx
need curl curl

# PostgreSQL's server binaries: on the PATH, else Debian's versioned
# directories, newest first (as tests/common/postgres.rs finds them).
pg_bin() {
    local initdb dir
    if initdb=$(command -v initdb) && command -v pg_ctl >/dev/null; then
        dirname "$(readlink -f "$initdb")"
        return
    fi
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -1)
    [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}
PG_BIN=$(pg_bin) || true
if [[ -z "$PG_BIN" && $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "installing postgresql ..." >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN=$(pg_bin) || true
fi
[[ -n "$PG_BIN" ]] || { echo "error: initdb and pg_ctl are needed (Debian package postgresql)" >&2; exit 1; }
# PostgreSQL refuses to run as root.
AS_PG=()
if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 ||
        { echo "error: running as root, and there is no postgres user to run PostgreSQL as" >&2; exit 1; }
    AS_PG=(runuser -u postgres --)
fi

WORK=$(mktemp -d /tmp/iface-bench.XXXXXX)
PGDIR=$(mktemp -d /tmp/iface-bench-pg.XXXXXX)
PIDS=()
PG_STARTED=""
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [[ -n "$PG_STARTED" ]]; then
        "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [[ -n "${KEEP:-}" ]]; then
        cp "$PGDIR/server.log" "$WORK/postgres.log" 2>/dev/null || true
        echo "kept $WORK" >&2
        rm -rf "$PGDIR"
    else
        rm -rf "$WORK" "$PGDIR"
    fi
}
trap cleanup EXIT

echo "building (release) ..." >&2
cargo build --release --quiet
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
IFACE=$TARGET/release/iface



# --- PostgreSQL -----------------------------------------------------------
start_postgres() { # -> sets PG_URL
    [[ ${#AS_PG[@]} -gt 0 ]] && chown postgres: "$PGDIR"
    "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --no-locale -N \
        >"$WORK/initdb.log" 2>&1 || { echo "error: initdb failed:" >&2; cat "$WORK/initdb.log" >&2; exit 1; }
    local port
    for _ in 1 2 3; do # a port found free may be taken before the server binds it
        port=$(free_port)
        if "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $PGDIR -c max_connections=200 $PG_OPTIONS" \
            start >/dev/null 2>&1; then
            PG_STARTED=1
            PG_PORT=$port
            "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres iface
            PG_URL="postgres://postgres@127.0.0.1:$port/iface"
            return
        fi
    done
    echo "error: PostgreSQL did not start:" >&2; cat "$PGDIR/server.log" >&2; exit 1
}

# --- iface serve and the proxy -------------------------------------------
SERVE_LOGS=()
start_server() { # serve arguments... -> sets SERVER_PID, SERVER (host:port)
    local log=$WORK/serve-${#SERVE_LOGS[@]}.log
    SERVE_LOGS+=("$log")
    IFACE_LOG=warn NO_COLOR=1 "$IFACE" serve --listen 127.0.0.1:0 "$@" 2>"$log" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    for _ in $(seq 1 300); do
        SERVER=$(sed -n 's|^listening on http://||p' "$log")
        [[ -n "$SERVER" ]] && return
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "error: iface serve $* did not start:" >&2; cat "$log" >&2; exit 1
}

start_proxy() { # upstream host:port... -> sets PROXY_PID, PROXY (URL)
    local dir=$WORK/nginx-$RANDOM port upstreams="" addr
    port=$(free_port)
    mkdir -p "$dir"
    for addr in "$@"; do upstreams+="        server $addr;"$'\n'; done
    cat >"$dir/nginx.conf" <<EOF
user root;
worker_processes $NGINX_WORKERS;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    keepalive_requests 1000000;
    upstream iface {
        # round-robin (nginx's default), connections to the replicas kept alive
$upstreams        keepalive 64;
        keepalive_requests 1000000;
    }
    server {
        listen 127.0.0.1:$port;
        location / {
            proxy_pass http://iface;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
        }
    }
}
EOF
    nginx -c "$dir/nginx.conf" -p "$dir" &
    PROXY_PID=$!
    PIDS+=("$PROXY_PID")
    PROXY=http://127.0.0.1:$port
    for _ in $(seq 1 50); do
        curl -fsS -o /dev/null "$PROXY/v1/resolve?uris=$FIRST" 2>/dev/null && return
        sleep 0.1
    done
    echo "error: nginx in front of $* does not answer:" >&2; cat "$dir/error.log" >&2; exit 1
}

# --- wrk output -----------------------------------------------------------
# Non-2xx/3xx answers; socket errors (connect, read, write, and requests
# that took longer than wrk's 2 s timeout).
wrk_non2xx() { awk '/Non-2xx or 3xx responses:/ { n += $NF } END { print n + 0 }' "$1"; }
wrk_socket_errors() {
    awk '/Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$1"
}
WRK=(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)

# --- the index, in SQLite and in PostgreSQL --------------------------------
seed "$WORK/index" "$INTERFACES" "$REVISIONS"
FIRST=$(head -1 "$WORK/index/uris.txt")
start_postgres
echo "copying the index into PostgreSQL (iface store copy) ..." >&2
copy_start=$EPOCHREALTIME
"$IFACE" --no-progress store copy --from "sqlite:$WORK/index" --to "$PG_URL" >"$WORK/copy.log" 2>&1 ||
    { echo "error: iface store copy failed:" >&2; cat "$WORK/copy.log" >&2; exit 1; }
COPY_SECONDS=$(awk -v a="$copy_start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
PG_SIZE=$("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d iface -Atc \
    "SELECT pg_size_pretty(pg_database_size('iface'))")
echo "  copied in ${COPY_SECONDS}s; database size $PG_SIZE" >&2

cat >"$WORK/resolve.lua" <<EOF
local uris = {}
for line in io.lines("$WORK/index/uris.txt") do uris[#uris + 1] = line end
math.randomseed(os.time())
request = function()
    local pick = {}
    for i = 1, 50 do pick[i] = '"' .. uris[math.random(#uris)] .. '-' .. math.random(3) .. '"' end
    return wrk.format("POST", "/v1/resolve", {["Content-Type"] = "application/json"},
        '{"uris":[' .. table.concat(pick, ",") .. ']}')
end
EOF
# interface:~owner/name -> /v1/interfaces/~owner/name/revisions/N/archive
cat >"$WORK/archives.lua" <<EOF
local paths = {}
for line in io.lines("$WORK/index/uris.txt") do
    paths[#paths + 1] = "/v1/interfaces/~" .. line:sub(#"interface:~" + 1) .. "/revisions/"
end
math.randomseed(os.time())
request = function()
    return wrk.format("GET", paths[math.random(#paths)] .. math.random($REVISIONS) .. "/archive")
end
EOF

# --- the measures, per set-up ---------------------------------------------
SETUPS=(sqlite pg1 pg2)
declare -A LABEL=([sqlite]="sqlite" [pg1]="postgres x1" [pg2]="postgres x2")
declare -A RSS
measure() { # SETUP serve-arguments-of-each-replica (one string per replica)
    local setup=$1 replica pids=() addrs=() pid rss=""
    shift
    echo "== $setup: $# replica(s)" >&2
    for replica in "$@"; do
        # shellcheck disable=SC2086 # one string of arguments per replica
        start_server $replica
        pids+=("$SERVER_PID")
        addrs+=("$SERVER")
    done
    start_proxy "${addrs[@]}"
    # One resolve by hand first, through the proxy: the figures mean
    # nothing if it does not answer a digest. Once per replica (round-robin).
    for _ in "$@"; do
        curl -fsS "$PROXY/v1/resolve?uris=$FIRST" | grep -q '"digest"' ||
            { echo "error: resolve of $FIRST through the proxy ($setup) failed" >&2; exit 1; }
    done
    local archive_path
    archive_path=$(curl -fsS "$PROXY/v1/resolve?uris=$FIRST" | sed 's/.*"archive_url":"\([^"]*\)".*/\1/')
    curl -fsS -o /dev/null "$PROXY$archive_path" ||
        { echo "error: download of $PROXY$archive_path failed ($setup)" >&2; exit 1; }

    echo "wrk: resolve ..." >&2
    "${WRK[@]}" -s "$WORK/resolve.lua" "$PROXY" >"$WORK/$setup-resolve.out"
    echo "wrk: one archive ..." >&2
    "${WRK[@]}" "$PROXY$archive_path" >"$WORK/$setup-archive.out"
    echo "wrk: random archives ..." >&2
    "${WRK[@]}" -s "$WORK/archives.lua" "$PROXY" >"$WORK/$setup-archives.out"

    for pid in "${pids[@]}"; do
        kill -0 "$pid" 2>/dev/null || { echo "error: a replica of $setup died" >&2; exit 1; }
        rss+="${rss:+ + }$(awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")"
    done
    RSS[$setup]=$rss
    kill "${pids[@]}" "$PROXY_PID"
    for pid in "${pids[@]}" "$PROXY_PID"; do wait "$pid" 2>/dev/null || true; done
}

measure sqlite "--data $WORK/index"
measure pg1 "--database $PG_URL"
measure pg2 "--database $PG_URL" "--database $PG_URL"

# --- the table ------------------------------------------------------------
row() { # LABEL FUNCTION FILE-SUFFIX [ARG]
    local label=$1 fn=$2 suffix=$3 setup
    printf '%-40s' "$label"
    for setup in "${SETUPS[@]}"; do printf ' %16s' "$("$fn" "$WORK/$setup-$suffix.out" "${4:-}")"; done
    printf '\n'
}
errors_all() { # LABEL FUNCTION
    local setup n suffix
    printf '%-40s' "$1"
    for setup in "${SETUPS[@]}"; do
        n=0
        for suffix in resolve archive archives; do n=$((n + $("$2" "$WORK/$setup-$suffix.out"))); done
        printf ' %16s' "$n"
    done
    printf '\n'
}

printf '\n%s interfaces x %s revisions; wrk %s threads, %s connections, %s per measure; %s cores;\n' \
    "$INTERFACES" "$REVISIONS" "$THREADS" "$CONNECTIONS" "$DURATION" "$(nproc)"
printf 'nginx (%s workers, round-robin, keepalive) in front of every set-up.\n' "$NGINX_WORKERS"
printf 'iface store copy sqlite -> postgres: %s s (database %s)\n\n' "$COPY_SECONDS" "$PG_SIZE"
printf '%-40s' "measure"
for setup in "${SETUPS[@]}"; do printf ' %16s' "${LABEL[$setup]}"; done
printf '\n'
row "resolve 50 URIs, requests/s" requests_per_sec resolve
row "resolve 50 URIs, p50 ms" percentile_ms resolve 50%
row "resolve 50 URIs, p99 ms" percentile_ms resolve 99%
row "one archive, requests/s" requests_per_sec archive
row "one archive, MiB/s" transfer_mib archive
row "one archive, p99 ms" percentile_ms archive 99%
row "random archives, requests/s" requests_per_sec archives
row "random archives, MiB/s" transfer_mib archives
row "random archives, p99 ms" percentile_ms archives 99%
errors_all "non-2xx answers, all measures" wrk_non2xx
errors_all "socket errors + timeouts (> 2 s), all" wrk_socket_errors
printf '%-40s' "peak RSS per replica (VmHWM), MiB"
for setup in "${SETUPS[@]}"; do printf ' %16s' "${RSS[$setup]}"; done
printf '\n'

# Anything the replicas or PostgreSQL complained about (bar the expected
# "no admin token": the benchmark only reads).
serve_complaints() { cat "${SERVE_LOGS[@]}" | grep -iE 'warn|error' | grep -v 'no admin token' || true; }
complaints=$(serve_complaints | wc -l)
pg_complaints=$(grep -cE 'ERROR|FATAL|PANIC' "$PGDIR/server.log" || true)
if [[ "$complaints" -gt 0 || "$pg_complaints" -gt 0 ]]; then
    printf '\nlog lines: %s warnings/errors from iface serve, %s errors from PostgreSQL; the first:\n' \
        "$complaints" "$pg_complaints"
    serve_complaints | sort | uniq -c | sort -rn | head -5
    { grep -E 'ERROR|FATAL|PANIC' "$PGDIR/server.log" || true; } | head -5
fi
