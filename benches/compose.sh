#!/usr/bin/env bash
# compose benchmarks (figures for the README, never timed tests):
#
#   1. `iface compose` of a charm using 10 interfaces with a warm cache
#      (target <= 20 ms wall): one resolve, archives from the cache, every
#      interface spliced and the lock written;
#   2. the no-op second run (faster still): nothing written.
#
# It builds iface (release), starts `iface serve` on 127.0.0.1 with a
# throw-away data directory, publishes 10 interfaces made from the samples,
# and measures with hyperfine (Debian package; installed when missing).
# Usage: benches/compose.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-30}

. benches/common.sh
start_index

echo "== publishing 10 interfaces and a charm that uses them"
token=$(IFACE_TOKEN=$admin "$iface" token create bench)
charm=$work/charm
mkdir -p "$charm"
{
    echo "name: bench"
    echo "summary: a charm using 10 interfaces"
    echo "requires:"
} >"$charm/metadata.yaml"
i=0
for round in a b; do
    for sample in examples/interfaces/*/; do
        base=$(basename "$sample")
        name="$base-$round"
        cp -a "$sample" "$work/$name"
        sed -i "s/^name: .*/name: $name/" "$work/$name/interface.yaml"
        IFACE_TOKEN=$token "$iface" -q publish "$work/$name" >/dev/null 2>&1
        IFACE_TOKEN=$admin "$iface" -q promulgate "interface:~bench/$name" >/dev/null
        # The role each sample implements for a requirer (cluster is peer-only).
        if [ "$base" = cluster ]; then
            peers+=("  ep-$name:\n    interface: $name")
        else
            echo "  ep-$name:" >>"$charm/metadata.yaml"
            echo "    interface: $name" >>"$charm/metadata.yaml"
        fi
        i=$((i + 1))
    done
done
echo "peers:" >>"$charm/metadata.yaml"
printf '%b\n' "${peers[@]}" >>"$charm/metadata.yaml"
echo "   $i interfaces"

echo "== warm cache: compose the charm once"
"$iface" -q compose "$charm" >/dev/null

echo "== compose of 10 interfaces, warm cache"
hyperfine --runs "$runs" --warmup 2 --style basic \
    --prepare "rm -rf '$charm/hooks' '$charm/iface.lock' '$charm/requirements.txt'" \
    --export-json "$work/compose.json" \
    "'$iface' -q compose '$charm'"

echo "== no-op second run"
"$iface" -q compose "$charm" >/dev/null
hyperfine --runs "$runs" --warmup 2 --style basic \
    --export-json "$work/noop.json" \
    "'$iface' -q compose '$charm'"


echo
echo "| measurement | result | target |"
echo "|---|---|---|"
echo "| compose, 10 interfaces, warm cache | $(mean_ms "$work/compose.json") | <= 20 ms |"
echo "| no-op second compose | $(mean_ms "$work/noop.json") | faster still |"
