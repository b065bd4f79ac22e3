#!/usr/bin/env bash
# Times `httplens send URL > /dev/null` with the history kept (the default) for a
# 10 MB body from a loopback server, against `curl -s -o /dev/null URL` and
# `send --no-history`, with the same command built at an older revision beside
# it: ROUNDS x RUNS runs of each, one of each in turn (a shared machine's load
# comes and goes; taking turns spreads it over all four), each run's ratio taken
# to the curl run beside it. Prints each command's median time and the median
# and quartiles of its ratio to curl.
# Target (issue 24): send with history within 1.6x of curl at 10 MB.
# The server sends the same body every time, so after the first run the body
# is found by its hash and stored once (the usual loop while debugging); BODY=json
# serves a JSON body that changes with every request, which must be compressed
# and stored each time.
# Usage: bench/send_history.sh [ROUNDS] [RUNS]
#   OLD=<git revision> (default 1a38909, before issue 24's history work).
rounds=${1:-5}
runs=${2:-15}
source "$(dirname "$0")/lib.sh"
command -v curl >/dev/null || { echo "curl is required (apt-get install curl)" >&2; exit 2; }
trap 'kill ${srv:-} 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/new" .
go build -o "$tmp/bigbody" ./bench/bigbody
base_tree "${OLD:-1a38909}"
(cd "$tmp/base" && go build -o "$tmp/old" .)
"$tmp/bigbody" -size $((10 << 20)) ${BODY:+-json} >"$tmp/url" &
srv=$!
for _ in $(seq 100); do [ -s "$tmp/url" ] && break; sleep 0.05; done
url=$(head -n1 "$tmp/url")
export HTTPLENS_CONFIG="$tmp/config.toml"
: >"$HTTPLENS_CONFIG"
names=(curl no-history old new)
cmds=("curl -s -o /dev/null $url"
  "env HTTPLENS_HISTORY=$tmp/none.db $tmp/new send --no-history $url"
  "env HTTPLENS_HISTORY=$tmp/old.db $tmp/old send $url"
  "env HTTPLENS_HISTORY=$tmp/new.db $tmp/new send $url")
# Each binary keeps its own history, so the old one never reads rows the new one
# wrote. Three warm-up runs each, not timed.
for c in "${cmds[@]}"; do for _ in 1 2 3; do $c >/dev/null; done; done
for ((r = 1; r <= rounds * runs; r++)); do
  # One run of each command in turn, the order rotated, so that load that comes
  # and goes falls on all of them; each run's ratio is to the curl run beside it.
  for ((k = 0; k < 4; k++)); do
    i=$(((k + r) % 4))
    t0=$(date +%s%N)
    ${cmds[$i]} >/dev/null
    echo "$r $i $(($(date +%s%N) - t0))" >>"$tmp/times"
  done
done
awk '{ t[$1, $2] = $3 } END { for (k in t) { split(k, a, SUBSEP); print a[1], a[2], t[k] / 1e6, t[k] / t[a[1], 0] } }' \
  "$tmp/times" | sort -n >"$tmp/results"
# quartiles COLUMN I: "median q1 q3 count" of a column of command I's rows.
quartiles() {
  awk -v i="$2" -v f="$1" '$2 == i { print $f }' "$tmp/results" | sort -g |
    awk '{ v[NR] = $1 } END { printf "%s %s %s %d", v[int((NR + 1) / 2)], v[int((NR + 3) / 4)], v[int((3 * NR + 1) / 4)], NR }'
}
for i in 0 1 2 3; do
  read -r ms _ _ n <<<"$(quartiles 3 "$i")"
  read -r x q1 q3 _ <<<"$(quartiles 4 "$i")"
  printf "%-11s %7.2f ms (median of %d)   ratio to curl: median %.2f, quartiles %.2f .. %.2f\n" \
    "${names[$i]}" "$ms" "$n" "$x" "$q1" "$q3"
done
