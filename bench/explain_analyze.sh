#!/usr/bin/env bash
# Measures what explain.Analyze costs per exchange (ns/op, B/op, allocs/op of
# BenchmarkAnalyze, BenchmarkAnalyzeSmallJSON — the run / proxy case — and
# BenchmarkAnalyzeCache) and, as `httplens run` meets it, the handler's share of
# the exchange (runner's BenchmarkRun1000: handler-%, med-handler-%), for the
# worktree and a base revision side by side, the binaries alternating round by
# round. The base gets the worktree's analyze_test.go, so it has the same
# benchmarks. Prints the median and range of each figure.
# Usage: bench/explain_analyze.sh [BASE_REV] [ROUNDS]   (default: main, 5 rounds)
base=${1:-main}
rounds=${2:-5}
source "$(dirname "$0")/lib.sh"
base_tree "$base"
cp explain/analyze_test.go "$tmp/base/explain/"
(cd "$tmp/base" && go test -c -o "$tmp/base-explain.test" ./explain && go test -c -o "$tmp/base-runner.test" ./runner)
go test -c -o "$tmp/new-explain.test" ./explain
go test -c -o "$tmp/new-runner.test" ./runner
for r in $(seq "$rounds"); do
  for v in base new; do
    (cd explain && "$tmp/$v-explain.test" -test.run '^$' -test.bench 'Analyze$|AnalyzeSmallJSON$|AnalyzeCache$' -test.benchmem) |
      metrics "$v" >>"$tmp/all"
    "$tmp/$v-runner.test" -test.run '^$' -test.bench Run1000 -test.benchtime 3x | metrics "$v" 'handler|exchange' >>"$tmp/all"
  done
  echo "round $r done"
done
echo "medians over $rounds rounds (base = $base):"
medians "$tmp/all"
