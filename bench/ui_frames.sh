#!/usr/bin/env bash
# The TUI's startup, send and response-frame benchmarks (issue 16: unchanged within
# noise while the root ui package is split) for the worktree and, side by side in
# the same run, for a base revision: `go test ./ui -bench 'Startup|SendFrame'` and
# `go test ./ui/responsepane -bench ResponseFrame`, the two builds alternating round
# by round. Prints every figure and the median of each (ns/op, B/op, allocs/op).
# Usage: bench/ui_frames.sh [BASE_REV] [ROUNDS]   (default: main, 5 rounds)
base=${1:-main}
rounds=${2:-5}
source "$(dirname "$0")/lib.sh"
base_tree "$base"
(cd "$tmp/base" && go test -c -o "$tmp/base-ui.test" ./ui && go test -c -o "$tmp/base-rp.test" ./ui/responsepane)
go test -c -o "$tmp/new-ui.test" ./ui
go test -c -o "$tmp/new-rp.test" ./ui/responsepane
for r in $(seq "$rounds"); do
  for v in base new; do
    (cd ui && "$tmp/$v-ui.test" -test.run '^$' -test.bench 'Startup|SendFrame' -test.benchmem) |
      metrics "$v" >>"$tmp/all"
    (cd ui/responsepane && "$tmp/$v-rp.test" -test.run '^$' -test.bench ResponseFrame -test.benchmem) |
      metrics "$v" >>"$tmp/all"
  done
  echo "round $r done"
done
cat "$tmp/all"
echo "medians over $rounds rounds (base = $base):"
medians "$tmp/all"
