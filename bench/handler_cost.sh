#!/usr/bin/env bash
# Measures what a small JetBrains response handler costs against the loopback
# exchange it follows (issue 20: under 10 %), for the worktree and, side by side in
# the same run, for a base revision: `go test ./runner -bench Run1000` (1,000
# requests with a handler each; µs/handler, µs/exchange, handler-%, their medians,
# the run's wall time, CPU time and page faults), Run1000Blocks (a handler block
# per request, as a file has them), Run1000Fresh (the same run alone in a new
# process, as `httplens run` meets it: the first handler and a heap still
# growing) and `go test ./scripts -bench 'Run$|RunCold$'` (one handler alone:
# ns/op and CPU ns/op; and after an 8 MB sweep, as a run meets it: median cold-ns
# and hot-ns, where the revision has that benchmark), the two builds alternating
# round by round (in turn first, so that a load changing through the run favours
# neither). The base is built with the worktree's runner benchmarks, so
# that both measure the same way (runner's API is the same). Prints the median
# and range of each figure. The machine may be shared: read the medians, run it
# more than once.
# Usage: bench/handler_cost.sh [BASE_REV] [ROUNDS]   (default: main, 5 rounds)
base=${1:-main}
rounds=${2:-5}
source "$(dirname "$0")/lib.sh"
base_tree "$base"
cp runner/bench_test.go runner/faults_*_test.go "$tmp/base/runner/"
(cd "$tmp/base" && go test -c -o "$tmp/base-runner.test" ./runner && go test -c -o "$tmp/base-scripts.test" ./scripts)
go test -c -o "$tmp/new-runner.test" ./runner
go test -c -o "$tmp/new-scripts.test" ./scripts
for r in $(seq "$rounds"); do
  order="base new"
  if ((r % 2 == 0)); then order="new base"; fi # ABBA: a load that rises or falls through the run favours neither
  for v in $order; do
    "$tmp/$v-runner.test" -test.run '^$' -test.bench 'Run1000$|Run1000Blocks' -test.benchtime 3x | metrics "$v" >>"$tmp/all"
    "$tmp/$v-runner.test" -test.run '^$' -test.bench 'Run1000Fresh' -test.benchtime 1x | metrics "$v" >>"$tmp/all"
    "$tmp/$v-scripts.test" -test.run '^$' -test.bench 'Run$|RunCold$' -test.benchtime 1s | metrics "$v" >>"$tmp/all"
  done
  echo "round $r done"
done
echo "medians over $rounds rounds (base = $base):"
medians "$tmp/all"
