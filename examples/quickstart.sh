#!/usr/bin/env bash
# The README's first command: build iface, then run the main job on the
# sample interfaces in examples/ with nothing else installed.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
iface=target/release/iface
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== check every sample interface"
for dir in examples/interfaces/*/; do
    "$iface" check "$dir"
done

echo
echo "== pack them into deterministic archives"
for dir in examples/interfaces/*/; do
    "$iface" pack -o "$work/$(basename "$dir").tar.gz" "$dir"
done

echo
echo "== scaffold a new interface and check it"
"$iface" init demo "$work/demo" --maintainer "Demo <demo@example.com>" >/dev/null
"$iface" check --strict "$work/demo"
