#!/usr/bin/env bash
# Measures what a small JetBrains response handler costs against the loopback
# exchange it follows (issue 20: under 10 %), for the worktree and, side by side in
# the same run, for a base revision: `go test ./runner -bench Run1000` (1,000
# requests with a handler each; µs/handler, µs/exchange, handler-%) and
# `go test ./scripts -bench 'Run$|RunCold$'` (one handler alone: ns/op and CPU
# ns/op; and after an 8 MB sweep, as a run meets it: median cold-ns and hot-ns, where
# the revision has that benchmark), the two binaries alternating round by round.
# Prints the median and range of each figure. The machine may be shared: read the
# medians, run it more than once.
# Usage: bench/handler_cost.sh [BASE_REV] [ROUNDS]   (default: main, 5 rounds)
set -euo pipefail
base=${1:-main}
rounds=${2:-5}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/base"
git archive "$base" | tar -x -C "$tmp/base"
(cd "$tmp/base" && go test -c -o "$tmp/base-runner.test" ./runner && go test -c -o "$tmp/base-scripts.test" ./scripts)
go test -c -o "$tmp/new-runner.test" ./runner
go test -c -o "$tmp/new-scripts.test" ./scripts
for r in $(seq "$rounds"); do
  for v in base new; do
    "$tmp/$v-runner.test" -test.run '^$' -test.bench Run1000 -test.benchtime 3x |
      awk -v v="$v" '/^Benchmark/ { for (i = 3; i < NF; i += 2) printf "%s runner %s %s\n", v, $(i+1), $i }' >>"$tmp/all"
    "$tmp/$v-scripts.test" -test.run '^$' -test.bench 'Run$|RunCold$' -test.benchtime 1s |
      awk -v v="$v" '/^Benchmark/ { for (i = 3; i < NF; i += 2) printf "%s scripts %s %s\n", v, $(i+1), $i }' >>"$tmp/all"
  done
  echo "round $r done"
done
echo "medians over $rounds rounds (base = $base):"
cut -d' ' -f1-3 "$tmp/all" | sort -u | while read -r v pkg metric; do
  awk -v k="$v $pkg $metric" '$1 " " $2 " " $3 == k { print $4 }' "$tmp/all" | sort -g |
    awk -v k="$v $pkg $metric" '{ a[NR] = $1 } END {
      m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2
      printf "  %-34s %10.2f   (range %s .. %s)\n", k, m, a[1], a[NR] }'
done
