#!/usr/bin/env bash
# Client benchmarks (figures for the README, never timed tests):
#
#   1. cold `iface fetch` of 20 interfaces: one resolve, 20 downloads;
#   2. warm `iface fetch` of the same 20 (target <= 30 ms wall): one
#      conditional resolve answered 304, archives from the cache;
#   3. peak RSS of `iface fetch` of 100 interfaces, cold (target <= 32 MiB).
#
# It builds iface (release), starts `iface serve` on 127.0.0.1 with a
# throw-away data directory, publishes the sample interfaces under 100
# names, and measures with hyperfine (Debian package; installed when
# missing). Usage: benches/client.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-20}

. benches/common.sh
start_index

echo "== publishing the samples under 100 names"
token=$(IFACE_TOKEN=$admin "$iface" token create bench)
uris=()
for i in $(seq 20); do
    for sample in examples/interfaces/*/; do
        base=$(basename "$sample")
        name="$base-n$i"
        dir="$work/src/$name"
        mkdir -p "$work/src"
        cp -a "$sample" "$dir"
        sed -i "s/^name: .*/name: $name/" "$dir/interface.yaml"
        # Warnings about the legacy samples are expected; keep the output short.
        IFACE_TOKEN=$token "$iface" -q publish "$dir" >/dev/null 2>&1
        uris+=("interface:~bench/$name")
    done
done
twenty=("${uris[@]:0:20}")
echo "   ${#uris[@]} interfaces"

echo "== cold fetch of 20 (1 resolve + 20 downloads)"
hyperfine --runs "$runs" --warmup 1 --style basic \
    --prepare "rm -rf '$IFACE_CACHE_DIR' '$work/out'" \
    --export-json "$work/cold.json" \
    "'$iface' -q fetch -o '$work/out' ${twenty[*]}"

echo "== warm fetch of 20 (1 conditional resolve, archives from the cache)"
"$iface" -q fetch --cache-only "${twenty[@]}" >/dev/null
hyperfine --runs "$runs" --warmup 2 --style basic \
    --prepare "rm -rf '$work/out'" \
    --export-json "$work/warm.json" \
    "'$iface' -q fetch -o '$work/out' ${twenty[*]}"

echo "== peak RSS fetching 100 (cold)"
rm -rf "$IFACE_CACHE_DIR" "$work/out"
if /usr/bin/time -f %M true 2>/dev/null; then
    rss_kib=$( { /usr/bin/time -f %M "$iface" -q fetch -o "$work/out" "${uris[@]}" >/dev/null; } 2>&1 | tail -1)
else
    rss_kib=$(python3 - "$iface" "$work/out" "${uris[@]}" <<'EOF'
import resource, subprocess, sys
subprocess.run([sys.argv[1], "-q", "fetch", "-o", sys.argv[2], *sys.argv[3:]],
               check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
EOF
)
fi


echo
echo "| measurement | result | target |"
echo "|---|---|---|"
echo "| cold fetch, 20 interfaces | $(mean_ms "$work/cold.json") | |"
echo "| warm fetch, 20 interfaces | $(mean_ms "$work/warm.json") | <= 30 ms |"
echo "| peak RSS, fetch of 100 | $((rss_kib / 1024)) MiB ($rss_kib KiB) | <= 32 MiB |"
