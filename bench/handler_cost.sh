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
#
# 2026-12-03 evening (s8a: 24 allocations and 1,570 B a small handler, against 27
# and 1,672 B; see the scripts package doc for where they go), three runs of
# `bench/handler_cost.sh 0b9c51d N` (3, 4 and 4 rounds; the first before the lazy
# object shrank) on a machine shared by three engineers (load 2-8), the medians
# of each run, new/base: BenchmarkRun cpu-ns/op
# 5937/5651, 4803/5292, 4465/4828; Run1000 handler-% 15.5/11.9, 11.8/12.5,
# 11.5/13.0; med-µs/handler 3.79/4.03, 3.77/3.85, 4.30/3.89; µs/handler
# 9.80/7.48, 7.97/8.19, 7.55/8.06. Eight more rounds of Run1000 alone, in turn
# first: med-µs/handler 3.57-4.84 against 3.70-4.32, handler-% 11.5-14.0 against
# 10.8-15.4. The change is below what this machine resolves (~3-5 % of a handler
# by its allocations); the lead's quiet machine should say.
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
