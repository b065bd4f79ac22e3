#!/usr/bin/env bash
# Times `httplens send URL > /dev/null` against `curl -s -o /dev/null URL` for a 10 MB
# body from a loopback server, alternating the two, and prints the mean of each and
# their ratio (target: httplens within 1.5x of curl). Usage: bench/send_vs_curl.sh [RUNS]
set -euo pipefail
runs=${1:-30}
cd "$(dirname "$0")/.."
command -v curl >/dev/null || { echo "curl is required (apt-get install curl)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'kill "${srv:-}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/httplens" .
go build -o "$tmp/bigbody" ./bench/bigbody
"$tmp/bigbody" -size $((10 << 20)) >"$tmp/url" &
srv=$!
for _ in $(seq 100); do [ -s "$tmp/url" ] && break; sleep 0.05; done
url=$(head -n1 "$tmp/url")

now() { date +%s%N; }
h=0 c=0
for _ in $(seq "$runs"); do
  t0=$(now); "$tmp/httplens" send "$url" >/dev/null; t1=$(now)
  curl -s -o /dev/null "$url"; t2=$(now)
  h=$((h + t1 - t0)); c=$((c + t2 - t1))
done
awk -v h="$h" -v c="$c" -v n="$runs" 'BEGIN {
  printf "httplens send: %.2f ms/run\ncurl:          %.2f ms/run\nratio:         %.2fx (target <= 1.5x)\n", h/n/1e6, c/n/1e6, h/c }'
