#!/usr/bin/env bash
# Times a Down key in the response pane: BenchmarkModelScroll, the root model's
# Update and View at 160x45 (httplens's own processing, without the terminal)
# with a JSON body of 1, 10 and 50 MB. Each size runs in its own process, the
# sizes in turn, ROUNDS times: in one process the first size would carry the
# warm-up and the later ones the earlier bodies' heap. Prints each size's
# median and range of the wall time and of cpu-ms (the process's CPU per press,
# garbage collection included), the bytes a key allocates (garbage is what
# makes a small session collect often), the collections per 1,000 keys and the
# page faults a key (-1: a revision without these metrics), and max/min of the
# medians across sizes.
# Targets (issue 24): max/min under 1.3, under 2 ms a press.
# Usage: bench/tui_scroll.sh [ROUNDS] [ITERATIONS]
#   OLD=<git revision> adds that revision's rows, run in turn with the others.
rounds=${1:-5}
iters=${2:-3000}
source "$(dirname "$0")/lib.sh"
go test -c -o "$tmp/new.test" ./ui
bins=(new)
if [ -n "${OLD:-}" ]; then
  base_tree "$OLD"
  (cd "$tmp/base" && go test -c -o "$tmp/old.test" ./ui)
  bins=(old new)
fi
for ((r = 0; r < rounds; r++)); do
  for size in 1MB 10MB 50MB; do
    for bin in "${bins[@]}"; do
      (cd ui && "$tmp/$bin.test" -test.run '^$' -test.bench "ModelScroll/$size\$" -test.benchtime "${iters}x") |
        awk -v bin="$bin" -v size="$size" '/^BenchmarkModelScroll/ {
          v["gc/1000op"] = v["faults/op"] = -1 # revisions before these metrics
          for (i = 4; i <= NF; i++) v[$i] = $(i - 1)
          print bin, size, $3 / 1e6, v["cpu-ms/op"], v["B/op"], v["gc/1000op"], v["faults/op"]
        }' >>"$tmp/results"
    done
  done
done
# stats FIELD BIN SIZE: "median min max" of a column of the results.
stats() {
  awk -v b="$2" -v s="$3" -v f="$1" '$1 == b && $2 == s {print $f}' "$tmp/results" | sort -g |
    awk '{v[NR] = $1} END {printf "%.3f %.3f %.3f", v[int((NR + 1) / 2)], v[1], v[NR]}'
}
for bin in "${bins[@]}"; do
  meds=()
  for size in 1MB 10MB 50MB; do
    read -r wm wlo whi <<<"$(stats 3 "$bin" "$size")"
    read -r cm clo chi <<<"$(stats 4 "$bin" "$size")"
    read -r bm _ _ <<<"$(stats 5 "$bin" "$size")"
    read -r gm _ _ <<<"$(stats 6 "$bin" "$size")"
    read -r fm _ _ <<<"$(stats 7 "$bin" "$size")"
    printf '%-4s %-5s  wall median %s ms (%s-%s)   cpu %s ms (%s-%s)   %.0f B, %s GCs per 1000, %s faults a key\n' "$bin" "$size" "$wm" "$wlo" "$whi" "$cm" "$clo" "$chi" "$bm" "$gm" "$fm"
    meds+=("$wm $cm")
  done
  printf '%s\n' "${meds[@]}" | awk -v b="$bin" '
    NR == 1 {wmin = wmax = $1; cmin = cmax = $2}
    {if ($1 < wmin) wmin = $1; if ($1 > wmax) wmax = $1; if ($2 < cmin) cmin = $2; if ($2 > cmax) cmax = $2}
    END {printf "%-4s max/min of the medians: wall %.2f, cpu %.2f (target under 1.3)\n", b, wmax / wmin, cmax / cmin}'
done
