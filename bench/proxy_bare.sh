#!/usr/bin/env bash
# The proxy package alone as a process of its own (issue 23): `proxyload -serve`
# (a recording proxy whose Record only releases: no history, no rows) under 200
# concurrent connections fetching 1 KB, against a direct connection, rounds
# rotating, in one run. CPU per request counts the proxy process too, so
# "cpu/req" is (client + upstream + proxy) / (client + upstream). Given a base
# revision REV, its proxy runs beside this tree's and new/REV is printed too.
# Usage: bench/proxy_bare.sh [ROUNDS] [REV]   (env: N, CONNS, SIZE)
source "$(dirname "$0")/lib.sh"
rounds=${1:-9}
rev=${2:-}
pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/proxyload" ./bench/proxyload
args=()
# start NAME BINARY: a bare proxy on a free port, added to args as NAME=ADDR,PID.
start() {
  "$2" -serve 127.0.0.1:0 >"$tmp/$1.out" 2>&1 &
  local pid=$!
  pids="$pids $pid"
  for _ in $(seq 200); do grep -q '^proxy on ' "$tmp/$1.out" 2>/dev/null && break; sleep 0.05; done
  args+=("$1=$(sed -n 's/^proxy on //p' "$tmp/$1.out"),$pid")
}
if [ -n "$rev" ]; then
  base_tree "$rev"
  # The base may predate -serve: give it this tree's proxyload over its own proxy package.
  cp bench/proxyload/main.go "$tmp/base/bench/proxyload/main.go"
  (cd "$tmp/base" && go build -o "$tmp/proxyload.base" ./bench/proxyload)
  start base "$tmp/proxyload.base"
fi
start new "$tmp/proxyload"
"$tmp/proxyload" -rounds "$rounds" -n "${N:-20000}" -conns "${CONNS:-200}" -size "${SIZE:-1024}" "${args[@]}"
