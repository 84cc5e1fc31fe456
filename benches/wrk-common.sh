# shellcheck shell=bash
# Shared helpers of the service benchmarks (server.sh, replicas.sh); source
# it, don't run it. `seed` needs $TARGET (the cargo target directory).

# need COMMAND PACKAGE: installs the Debian package when the command is
# missing and we are root; fails saying what is needed otherwise.
need() {
    command -v "$1" >/dev/null 2>&1 && return
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "installing $2 ..." >&2
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    fi
    command -v "$1" >/dev/null 2>&1 || { echo "error: $1 is needed (Debian package $2)" >&2; exit 1; }
}

# seed DIR INTERFACES REVISIONS: a copy of a seeded SQLite index in DIR,
# seeded through the store (tests/server_bench_seed.rs) once and kept in
# $TARGET/bench-index-NxM for next time.
seed() {
    local cached="$TARGET/bench-index-$2x$3"
    if [[ ! -f "$cached/uris.txt" ]]; then
        echo "seeding $2 interfaces x $3 revisions (kept in $cached for next time) ..." >&2
        rm -rf "$cached" && mkdir -p "$cached"
        IFACE_BENCH_DATA=$cached IFACE_BENCH_INTERFACES=$2 IFACE_BENCH_REVISIONS=$3 \
            cargo test --release --quiet --test server_bench_seed -- --ignored >&2
    fi
    cp -a "$cached" "$1"
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
        2>/dev/null || echo $((20000 + RANDOM % 20000))
}

# wrk latency percentile ($2 = 50%, 99%) in milliseconds.
percentile_ms() {
    awk -v p="$2" '$1 == p { v=$2; u=v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
        if (u == "us") v /= 1000; else if (u == "s") v *= 1000; printf "%.2f", v }' "$1"
}
requests_per_sec() { awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$1"; }
# Transfer/sec in MiB/s.
transfer_mib() {
    awk '/^Transfer\/sec/ { v=$2; u=v; sub(/[0-9.]+/, "", u); sub(/[A-Za-z]+$/, "", v);
        if (u == "KB") v /= 1024; else if (u == "GB") v *= 1024; else if (u == "B") v /= 1048576;
        printf "%.1f", v }' "$1"
}
