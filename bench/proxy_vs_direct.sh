#!/usr/bin/env bash
# The recording proxy as users run it (issue 23): times `curl URL` against
# `curl -x PROXY URL` through `httplens proxy` (which stores every exchange in
# the history and prints its explained row), for a 10 MB and a 1 KB body from a
# loopback server, in alternation, RUNS times each, and prints the medians and
# their ratio (target <= 1.5x). The machine may be shared: run it more than once.
# Usage: bench/proxy_vs_direct.sh [RUNS]
set -euo pipefail
runs=${1:-30}
cd "$(dirname "$0")/.."
command -v curl >/dev/null || { echo "curl is required (apt-get install curl)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'kill ${pids:-} 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/httplens" .
go build -o "$tmp/bigbody" ./bench/bigbody
export HTTPLENS_HISTORY="$tmp/history.db" HTTPLENS_CONFIG="$tmp/config.toml"
: >"$HTTPLENS_CONFIG"
"$tmp/httplens" proxy --listen 127.0.0.1:0 >"$tmp/proxy.out" 2>&1 &
pids=$!
for _ in $(seq 100); do grep -q '^httplens proxy on ' "$tmp/proxy.out" 2>/dev/null && break; sleep 0.05; done
proxy=$(sed -n 's/^httplens proxy on \([^ ]*\) .*/\1/p' "$tmp/proxy.out")
[ -n "$proxy" ] || { cat "$tmp/proxy.out" >&2; exit 1; }
now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for spec in "10MB $((10 << 20))" "1KB 1024"; do
  set -- $spec
  "$tmp/bigbody" -size "$2" >"$tmp/url.$1" &
  pids="$pids $!"
  for _ in $(seq 100); do [ -s "$tmp/url.$1" ] && break; sleep 0.05; done
  url=$(head -n1 "$tmp/url.$1")
  : >"$tmp/d" && : >"$tmp/p"
  for _ in $(seq "$runs"); do
    t0=$(now); curl -s -o /dev/null "$url"; t1=$(now)
    curl -s -o /dev/null -x "http://$proxy" "$url"; t2=$(now)
    echo $((t1 - t0)) >>"$tmp/d"
    echo $((t2 - t1)) >>"$tmp/p"
  done
  d=$(median <"$tmp/d") p=$(median <"$tmp/p")
  awk -v n="$1" -v d="$d" -v p="$p" 'BEGIN {
    printf "%-5s curl direct %7.2f ms, through httplens proxy %7.2f ms: %.2fx (median of each; target <= 1.5x)\n", n, d / 1e6, p / 1e6, p / d }'
done
