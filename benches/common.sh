# Shared set-up of the client-side benchmarks; source it, don't run it.
# After `start_index`, $iface is the release binary, $work a throw-away
# directory (removed on exit), and IFACE_INDEX points at a fresh
# `iface serve` whose admin token is $admin.

if ! command -v hyperfine >/dev/null; then
    echo "== installing hyperfine"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get install -y hyperfine >/dev/null
fi

cargo build --release --quiet
iface="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/iface"
work=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

export HOME=$work/home IFACE_CACHE_DIR=$work/cache NO_COLOR=1
mkdir -p "$HOME"
admin=bench-admin-token-0123456789

start_index() {
    echo "== starting an index"
    IFACE_ADMIN_TOKEN=$admin "$iface" serve --listen 127.0.0.1:0 --data "$work/data" \
        2>"$work/serve.log" &
    server_pid=$!
    for _ in $(seq 100); do
        grep -q "listening on" "$work/serve.log" 2>/dev/null && break
        sleep 0.05
    done
    url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/serve.log" | head -1)
    [ -n "$url" ] || { cat "$work/serve.log"; exit 1; }
    export IFACE_INDEX=$url
    echo "   $url"
}

# "mean ± stddev (min)" in milliseconds from a hyperfine JSON export.
mean_ms() {
    python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.1f ms ± %.1f (min %.1f)" % (r["mean"] * 1000, r["stddev"] * 1000, r["min"] * 1000))
PY
}
