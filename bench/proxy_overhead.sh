#!/usr/bin/env bash
# Proxy overhead (issue 23): runs the proxy package's benchmarks direct, through a
# bare TCP relay and through the recording proxy, in alternation, ROUNDS times, and
# prints the range of each ratio. Targets: proxy/direct <= 1.5x for the 10 MB
# body's time, and for 1 KB responses at 200 connections both requests per second
# and p99 latency.
# The relay copies bytes and does nothing else: relay/direct is the floor any
# proxy that copies in user space pays on this machine (it doubles the kernel's
# copies), proxy/relay what parsing and recording add on top. CPU per operation
# (the whole process: client, proxy, upstream) is printed beside the times, as it
# moves much less than time when other processes share the machine.
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
# run BENCHMARK BENCHTIME: its result line.
run() { "$bin" -test.run '^$' -test.bench "$1" -test.benchtime "$2" | grep '^Benchmark'; }
# metric LINE UNIT: the figure in that unit.
metric() { echo "$1" | awk -v m="$2" '{ for (i = 1; i < NF; i++) if ($(i + 1) == m) print $i }'; }
ratio() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { printf "%.3f\n", a / b }' >>"$tmp/$3"; }
summary() { # label, file of ratios
  sort -g "$tmp/$2" | awk -v l="$1" '{ r[NR] = $1 } END {
    printf "%-42s min %.2fx  median %.2fx  max %.2fx  (%d rounds)\n", l, r[1], r[int((NR + 1) / 2)], r[NR], NR }'
}
for i in $(seq "$rounds"); do
  d=$(run 'Body10MB/direct$' 20x)
  r=$(run 'Body10MB/relay$' 20x)
  p=$(run 'Body10MB/proxy$' 20x)
  ratio "$(metric "$p" ns/op)" "$(metric "$d" ns/op)" big
  ratio "$(metric "$r" ns/op)" "$(metric "$d" ns/op)" bigrelay
  ratio "$(metric "$p" ns/op)" "$(metric "$r" ns/op)" bigpr
  ratio "$(metric "$p" cpu-ms/op)" "$(metric "$d" cpu-ms/op)" bigcpu
  ratio "$(metric "$r" cpu-ms/op)" "$(metric "$d" cpu-ms/op)" bigcpurelay
  dq=$(run '1KB200Conns/direct$' 20000x)
  rq=$(run '1KB200Conns/relay$' 20000x)
  pq=$(run '1KB200Conns/proxy$' 20000x)
  ratio "$(metric "$dq" req/s)" "$(metric "$pq" req/s)" rps
  ratio "$(metric "$dq" req/s)" "$(metric "$rq" req/s)" rpsrelay
  ratio "$(metric "$pq" p99-ms)" "$(metric "$dq" p99-ms)" p99
  ratio "$(metric "$rq" p99-ms)" "$(metric "$dq" p99-ms)" p99relay
  ratio "$(metric "$pq" cpu-ms/op)" "$(metric "$dq" cpu-ms/op)" smallcpu
  echo "round $i: 10 MB ms direct $(metric "$d" ns/op | awk '{ printf "%.1f", $1 / 1e6 }')," \
    "relay $(metric "$r" ns/op | awk '{ printf "%.1f", $1 / 1e6 }'), proxy $(metric "$p" ns/op | awk '{ printf "%.1f", $1 / 1e6 }');" \
    "1 KB x 200 req/s direct $(metric "$dq" req/s), relay $(metric "$rq" req/s), proxy $(metric "$pq" req/s)" >&2
done
summary "10 MB: time proxy/direct (target 1.5x)" big
summary "10 MB: time relay/direct (the floor)" bigrelay
summary "10 MB: time proxy/relay" bigpr
summary "10 MB: CPU proxy/direct" bigcpu
summary "10 MB: CPU relay/direct (the floor)" bigcpurelay
summary "1 KB x 200: req/s direct/proxy (target 1.5x)" rps
summary "1 KB x 200: req/s direct/relay (the floor)" rpsrelay
summary "1 KB x 200: p99 proxy/direct (target 1.5x)" p99
summary "1 KB x 200: p99 relay/direct (the floor)" p99relay
summary "1 KB x 200: CPU proxy/direct" smallcpu
