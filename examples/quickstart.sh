#!/usr/bin/env bash
# The README's first command: build iface, then run the main job on the
# embedded default with nothing else installed: a local index (iface serve
# on SQLite) with the sample interfaces published, and the sample charm
# composed from it.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
iface="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/iface"
work=$(mktemp -d)
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# Everything this run writes stays in $work: config, cache, index data.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" IFACE_CACHE_DIR="$work/cache"
mkdir -p "$HOME"
admin=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')

step() { printf '\n== %s\n' "$*"; }

step "check the sample interfaces"
for dir in examples/interfaces/*/; do
    "$iface" check "$dir" | grep -v "^info" || true
done

step "start a local index (iface serve, embedded SQLite store)"
IFACE_ADMIN_TOKEN="$admin" "$iface" serve --listen 127.0.0.1:0 --data "$work/index" 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do
    url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/serve.log")
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log"; exit 1; }
export IFACE_INDEX="$url"
echo "index at $url"

step "publish every sample as ~samples and promulgate it"
token=$(IFACE_TOKEN="$admin" "$iface" token create samples --label quickstart)
for dir in examples/interfaces/*/; do
    IFACE_TOKEN="$token" "$iface" publish -q "$dir"
    IFACE_TOKEN="$admin" "$iface" promulgate -q "interface:~samples/$(basename "$dir")"
done
"$iface" list

step "compose the sample charm (examples/charms/webapp)"
cp -R examples/charms/webapp "$work/webapp"
"$iface" compose "$work/webapp"
(cd "$work/webapp" && find hooks -type f -o -type l | sort)

step "compose again: nothing to do"
"$iface" compose "$work/webapp"

step "fetch an interface, as charm-tools' CHARM_INTERFACES_DIR wants it"
"$iface" fetch interface:pgsql -o "$work/interfaces"

step "the index's pages"
curl -fsS "$url/" >/dev/null 2>&1 && echo "home page: $url/" || echo "home page: $url/ (open it in a browser)"
