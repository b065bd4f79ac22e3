#!/usr/bin/env bash
# The TUI's startup, send and response-frame benchmarks (issue 16: unchanged within
# noise while the root ui package is split) for the worktree and, side by side in
# the same run, for a base revision: `go test ./ui -bench 'Startup|SendFrame'` and
# `go test ./ui/responsepane -bench ResponseFrame`, the two builds alternating round
# by round. Prints every figure and the median of each (ns/op, B/op, allocs/op).
# Usage: bench/ui_frames.sh [BASE_REV] [ROUNDS]   (default: main, 5 rounds)
set -euo pipefail
base=${1:-main}
rounds=${2:-5}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/base"
git archive "$base" | tar -x -C "$tmp/base"
(cd "$tmp/base" && go test -c -o "$tmp/base-ui.test" ./ui && go test -c -o "$tmp/base-rp.test" ./ui/responsepane)
go test -c -o "$tmp/new-ui.test" ./ui
go test -c -o "$tmp/new-rp.test" ./ui/responsepane
for r in $(seq "$rounds"); do
  for v in base new; do
    (cd ui && "$tmp/$v-ui.test" -test.run '^$' -test.bench 'Startup|SendFrame' -test.benchmem) |
      awk -v v="$v" '/^Benchmark/ { for (i = 3; i < NF; i += 2) printf "%s %s %s %s\n", v, $1, $(i+1), $i }' >>"$tmp/all"
    (cd ui/responsepane && "$tmp/$v-rp.test" -test.run '^$' -test.bench ResponseFrame -test.benchmem) |
      awk -v v="$v" '/^Benchmark/ { for (i = 3; i < NF; i += 2) printf "%s %s %s %s\n", v, $1, $(i+1), $i }' >>"$tmp/all"
  done
  echo "round $r done"
done
cat "$tmp/all"
echo "medians over $rounds rounds (base = $base):"
cut -d' ' -f1-3 "$tmp/all" | sort -u -k2,3 -k1,1 | while read -r v b u; do
  med=$(awk -v v="$v" -v b="$b" -v u="$u" '$1 == v && $2 == b && $3 == u { print $4 }' "$tmp/all" | sort -g |
    awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  printf "%-4s %-36s %-10s %s\n" "$v" "$b" "$u" "$med"
done
