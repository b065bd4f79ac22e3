#!/usr/bin/env bash
# Proxy overhead (issue 23): runs the proxy package's benchmarks direct, through a
# bare TCP relay and through the recording proxy, in alternation, ROUNDS times, and
# prints the range of each ratio: for the 10 MB body the time per fetch (target
# proxy/direct <= 1.5x), for 1 KB responses at 200 connections the requests per
# second and the p99 latency (targets <= 1.5x). The relay copies bytes and does
# nothing else: relay/direct is the floor any user-space proxy pays on this
# machine, proxy/relay what parsing and recording add on top.
# Alternating keeps a shared machine's load alike for both sides of a ratio; read
# the medians, and run it more than once.
# Usage: bench/proxy_overhead.sh [ROUNDS] [PROXY_TEST_BINARY]
# (a binary from `go test -c ./proxy` on another commit is run instead of this
# tree's, to compare commits the same way)
set -euo pipefail
rounds=${1:-8}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=${2:-}
if [ -z "$bin" ]; then
  go test -c -o "$tmp/proxy.test" ./proxy
  bin=$tmp/proxy.test
fi
# metric BENCHMARK BENCHTIME UNIT: the benchmark's figure in that unit.
metric() {
  "$bin" -test.run '^$' -test.bench "$1" -test.benchtime "$2" |
    awk -v m="$3" '/^Benchmark/ { for (i = 1; i < NF; i++) if ($(i + 1) == m) print $i }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", a / b }'; }
summary() { # label, file of ratios
  sort -g "$tmp/$2" | awk -v l="$1" '{ r[NR] = $1 } END {
    printf "%-36s min %.2fx  median %.2fx  max %.2fx  (%d rounds)\n", l, r[1], r[int((NR + 1) / 2)], r[NR], NR }'
}
for i in $(seq "$rounds"); do
  d=$(metric 'Body10MB/direct$' 20x ns/op)
  r=$(metric 'Body10MB/relay$' 20x ns/op)
  p=$(metric 'Body10MB/proxy$' 20x ns/op)
  s=$(metric 'Body10MB/proxy-spool$' 20x ns/op)
  ratio "$p" "$d" >>"$tmp/big"
  ratio "$r" "$d" >>"$tmp/bigrelay"
  ratio "$p" "$r" >>"$tmp/bigpr"
  ratio "$s" "$p" >>"$tmp/bigspool"
  dq=$(metric '1KB200Conns/direct$' 20000x req/s)
  rq=$(metric '1KB200Conns/relay$' 20000x req/s)
  pq=$(metric '1KB200Conns/proxy$' 20000x req/s)
  dl=$(metric '1KB200Conns/direct$' 20000x p99-ms)
  pl=$(metric '1KB200Conns/proxy$' 20000x p99-ms)
  ratio "$dq" "$pq" >>"$tmp/rps"
  ratio "$dq" "$rq" >>"$tmp/rpsrelay"
  ratio "$rq" "$pq" >>"$tmp/rpspr"
  ratio "$pl" "$dl" >>"$tmp/p99"
  echo "round $i: 10 MB direct $((d / 1000)) µs, relay $((r / 1000)) µs, proxy $((p / 1000)) µs, proxy+spool $((s / 1000)) µs;" \
    "1 KB x 200 req/s direct $dq, relay $rq, proxy $pq; p99 direct $dl ms, proxy $pl ms" >&2
done
summary "10 MB: proxy/direct time" big
summary "10 MB: relay/direct time (floor)" bigrelay
summary "10 MB: proxy/relay time" bigpr
summary "10 MB: proxy+spool/proxy time" bigspool
summary "1 KB x 200: direct/proxy req/s" rps
summary "1 KB x 200: direct/relay req/s (floor)" rpsrelay
summary "1 KB x 200: relay/proxy req/s" rpspr
summary "1 KB x 200: proxy/direct p99" p99
