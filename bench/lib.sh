# Sourced by the bench scripts that compare the worktree with a base revision,
# the two builds alternating round by round. Leaves the shell in the repository's
# root with $tmp, a folder removed at exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# base_tree REV: the files of revision REV in $tmp/base.
base_tree() {
  mkdir "$tmp/base"
  git archive "$1" | tar -x -C "$tmp/base"
}

# metrics TAG [PATTERN]: each "Benchmark… N value unit value unit…" line of the
# standard input as "TAG benchmark unit value" lines (only the units matching
# PATTERN, a regular expression, when given).
metrics() {
  awk -v tag="$1" -v keep="${2:-.}" '/^Benchmark/ {
    sub(/-[0-9]+$/, "", $1)
    for (i = 3; i < NF; i += 2) if ($(i+1) ~ keep) printf "%s %s %s %s\n", tag, $1, $(i+1), $i }'
}

# medians FILE: for each "TAG benchmark unit" of FILE's metrics lines, the
# median of its values and their range.
medians() {
  cut -d' ' -f1-3 "$1" | sort -u -k2,3 -k1,1 | while read -r tag bench unit; do
    awk -v k="$tag $bench $unit" '$1 " " $2 " " $3 == k { print $4 }' "$1" | sort -g |
      awk -v k="$tag $bench $unit" '{ a[NR] = $1 } END {
        m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2
        printf "  %-56s %12.2f   (range %s .. %s)\n", k, m, a[1], a[NR] }'
  done
}
