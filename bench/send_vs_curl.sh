#!/usr/bin/env bash
# Times `httplens send URL > /dev/null` against `curl -s -o /dev/null URL` for a 10 MB
# and a 1 KB body from a loopback server, alternating them, and prints the mean of each
# and the ratio (targets: httplens within 1.5x of curl for 10 MB, 2x for 1 KB). httplens is timed twice: with
# --no-history (the send path alone, what curl does) and as by default, which also
# writes the exchange (its first 2 MiB of body) to the SQLite history.
# Usage: bench/send_vs_curl.sh [RUNS]
set -euo pipefail
runs=${1:-30}
cd "$(dirname "$0")/.."
command -v curl >/dev/null || { echo "curl is required (apt-get install curl)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'kill ${srvs:-} 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/httplens" .
go build -o "$tmp/bigbody" ./bench/bigbody
now() { date +%s%N; }
export HTTPLENS_HISTORY="$tmp/history.db" HTTPLENS_CONFIG="$tmp/config.toml"
: >"$HTTPLENS_CONFIG"
# One server per size; targets: 1.5x of curl for 10 MB, 2x for 1 KB (process start included).
for spec in "10MB $((10 << 20)) 1.5" "1KB 1024 2"; do
  set -- $spec
  "$tmp/bigbody" -size "$2" >"$tmp/url.$1" &
  srvs="${srvs:-} $!"
  for _ in $(seq 100); do [ -s "$tmp/url.$1" ] && break; sleep 0.05; done
  url=$(head -n1 "$tmp/url.$1")
  h=0 d=0 c=0
  for _ in $(seq "$runs"); do
    t0=$(now); "$tmp/httplens" send --no-history "$url" >/dev/null; t1=$(now)
    curl -s -o /dev/null "$url"; t2=$(now)
    "$tmp/httplens" send "$url" >/dev/null; t3=$(now)
    h=$((h + t1 - t0)); c=$((c + t2 - t1)); d=$((d + t3 - t2))
  done
  echo "== $1 body, $runs runs"
  awk -v h="$h" -v d="$d" -v c="$c" -v n="$runs" -v target="$3" 'BEGIN {
    printf "curl -s -o /dev/null:            %6.2f ms/run\n", c/n/1e6
    printf "httplens send --no-history:      %6.2f ms/run  %.2fx (target <= %sx)\n", h/n/1e6, h/c, target
    printf "httplens send (history kept):    %6.2f ms/run  %.2fx\n", d/n/1e6, d/c }'
done
