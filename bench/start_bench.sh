#!/usr/bin/env bash
# The Go benchmarks of the TUI's start pieces (issue 24), this tree against a
# base revision, the two test binaries alternating round by round so that both
# see the same load: the model (NewWithStyles: the built-in tour, 160x45), its
# first View, the settings file (none, empty, with [keys]) and the theme's
# styles. Prints each one's median ns/op, B/op and allocs/op and their range.
# Their cold cost, once a process, is bench/start_pieces.sh's.
# Usage: bench/start_bench.sh [ROUNDS] [BASE_REV]   (default 6 rounds, base 0b9c51d)
set -euo pipefail
rounds=${1:-6}
base=${2:-0b9c51d}
source "$(dirname "$0")/lib.sh"
pattern='^Benchmark(NewWithStyles|FirstView|SettingsOpen|ThemeStyles)$'
go test -c -o "$tmp/new.test" ./ui
base_tree "$base"
cp ui/startup_bench_test.go "$tmp/base/ui/" # the base may predate the benchmarks
(cd "$tmp/base" && go test -c -o "$tmp/old.test" ./ui)
for ((r = 1; r <= rounds; r++)); do
  for v in old new; do
    (cd ui && "$tmp/$v.test" -test.run '^$' -test.bench "$pattern" -test.benchmem -test.benchtime 1s) |
      metrics "$v" >>"$tmp/all"
  done
done
echo "medians over $rounds rounds (old = $base):"
medians "$tmp/all"
