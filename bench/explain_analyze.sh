#!/usr/bin/env bash
# Measures what explain.Analyze costs per exchange (ns/op, B/op, allocs/op of
# BenchmarkAnalyze, BenchmarkAnalyzeSmallJSON — the run / proxy case — and
# BenchmarkAnalyzeCache) and, as `httplens run` meets it, the handler's share of
# the exchange (runner's BenchmarkRun1000: handler-%, med-handler-%), for the
# worktree and a base revision side by side, the binaries alternating round by
# round. The base gets the worktree's analyze_test.go, so it has the same
# benchmarks. Prints the median and range of each figure.
# Usage: bench/explain_analyze.sh [BASE_REV] [ROUNDS]   (default: main, 5 rounds)
set -euo pipefail
base=${1:-main}
rounds=${2:-5}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/base"
git archive "$base" | tar -x -C "$tmp/base"
cp explain/analyze_test.go "$tmp/base/explain/"
(cd "$tmp/base" && go test -c -o "$tmp/base-explain.test" ./explain && go test -c -o "$tmp/base-runner.test" ./runner)
go test -c -o "$tmp/new-explain.test" ./explain
go test -c -o "$tmp/new-runner.test" ./runner
for r in $(seq "$rounds"); do
  for v in base new; do
    (cd explain && "$tmp/$v-explain.test" -test.run '^$' -test.bench 'Analyze$|AnalyzeSmallJSON$|AnalyzeCache$' -test.benchmem) |
      awk -v v="$v" '/^Benchmark/ { sub(/-[0-9]+$/, "", $1); for (i = 3; i < NF; i += 2) printf "%s %s %s %s\n", v, $1, $(i+1), $i }' >>"$tmp/all"
    "$tmp/$v-runner.test" -test.run '^$' -test.bench Run1000 -test.benchtime 3x |
      awk -v v="$v" '/^Benchmark/ { for (i = 3; i < NF; i += 2) if ($(i+1) ~ /handler|exchange/) printf "%s Run1000 %s %s\n", v, $(i+1), $i }' >>"$tmp/all"
  done
  echo "round $r done"
done
echo "medians over $rounds rounds (base = $base):"
cut -d' ' -f2-3 "$tmp/all" | sort -u | while read -r bench metric; do
  for v in base new; do
    awk -v k="$v $bench $metric" '$1 " " $2 " " $3 == k { print $4 }' "$tmp/all" | sort -g |
      awk -v k="$v $bench $metric" '{ a[NR] = $1 } END {
        m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2
        printf "  %-50s %10.2f   (range %s .. %s)\n", k, m, a[1], a[NR] }'
  done
done
