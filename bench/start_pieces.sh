#!/usr/bin/env bash
# Times the TUI's pieces of work before its first frame cold, once a process
# (bench/startpieces: settings file, theme, model, first View: microseconds and
# minor page faults, which vary less than the time on a shared machine),
# over RUNS processes, and prints each piece's median and quartiles. With
# BASE_REV, the same program built from that revision runs in turn with this
# one, so both see the same load (issue 24; the warm figures are the Go
# benchmarks: go test ./ui -run X -bench 'NewWithStyles|FirstView|SettingsOpen|ThemeStyles' -benchmem).
# CONFIG=FILE reads that settings file (default: an empty one).
# Usage: bench/start_pieces.sh [RUNS] [BASE_REV]
set -euo pipefail
runs=${1:-40}
base=${2:-}
source "$(dirname "$0")/lib.sh"
go build -o "$tmp/new" ./bench/startpieces
bins=(new)
if [ -n "$base" ]; then
  base_tree "$base"
  mkdir -p "$tmp/base/bench/startpieces"
  cp bench/startpieces/main.go "$tmp/base/bench/startpieces/" # the base may predate it
  (cd "$tmp/base" && go build -o "$tmp/base.bin" ./bench/startpieces)
  mv "$tmp/base.bin" "$tmp/base"/startpieces.bin
  ln -s "$tmp/base/startpieces.bin" "$tmp/old"
  bins=(old new)
fi
conf=${CONFIG:-$tmp/config.toml}
[ -n "${CONFIG:-}" ] || : >"$conf"
export HTTPLENS_CONFIG="$conf"
for _ in $(seq "$runs"); do
  for b in "${bins[@]}"; do
    "$tmp/$b" | sed "s/^/$b /" >>"$tmp/out"
  done
done
for b in "${bins[@]}"; do
  for piece in settings theme model view total; do
    for col in 3 4; do
      awk -v b="$b" -v p="$piece" -v c=$col '$1 == b && $2 == p { print $c }' "$tmp/out" | sort -g |
        awk -v k="$b $piece" -v u="$([ $col = 3 ] && echo us || echo faults)" '{ a[NR] = $1 } END {
          printf "  %-16s median %7.0f %-6s   q1-q3 %6.0f-%-6.0f\n", k, a[int((NR+1)/2)], u, a[int((NR+3)/4)], a[int((3*NR+1)/4)] }'
    done
  done
done
