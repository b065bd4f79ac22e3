#!/usr/bin/env bash
# Times the start-up-bound case of issue 24: `httplens send --no-history` of a 1 KB
# body from a loopback server against `curl -s -o /dev/null` (target: within 1.2x),
# the commands alternating round by round (bench/altrun) so that a machine whose
# load changes slows them alike. Rows besides curl and httplens (`go build`):
#   static    the same source built with CGO_ENABLED=0: no libc to load, threads
#             made without pthread (see below);
#   floor     a program linking every package httplens links and doing nothing
#             (bench/oneframe -tags heavy -exit): the runtime's start, the package
#             initialisers and the page faults of the binary, no httplens work;
#   base      the same send built from revision BASE (when given).
# Usage: bench/send_start.sh [ROUNDS] [BASE_REV]   (default 60 rounds, no base)
#
# Where a 1 KB send's time goes (2026-12-03, 2 cores under load; perf record -g
# over 100 runs, GODEBUG=inittrace=1, strace -c, perf stat -e page-faults):
#   - The Go runtime's start (schedinit: itab table, module data check, heap):
#     ~15 % of the process's CPU; a hello-world Go program takes 9-11 ms here, an
#     empty program linking everything httplens links (the floor) ~30-35 ms,
#     curl ~34-39 ms.
#   - Package initialisers: ~28 % (13-23 ms per process under inittrace, most
#     of it first-touch page faults: 770 faults against hello-world's 185).
#     Third-party and essential: modernc libc + sqlite/lib + mathutil +
#     go-humanize (SQLite, the history) ~2 ms; google/pprof/profile (25
#     regexps), regexp2 v1, x/text/{cases,collate,language}, goja/parser (all
#     pulled in by goja, the script engine) ~2 ms; bubbletea (key tables)
#     0.6 ms; chroma + regexp2/v2 0.4 ms; BurntSushi/toml/internal 0.5 ms
#     (reads /etc/localtime to learn the local zone); x/ansi/parser 0.4 ms;
#     runtime/metrics 0.5 ms (heapfloor, scripts). httplens's own packages
#     together ~0.3 ms. The two regexp2 major versions come from goja (v1)
#     and chroma (v2), not from httplens; neither has a release on the other.
#   - Dynamic linking: a default `go build` with a C compiler present links
#     net's and os/user's cgo code, so the binary loads libc through ld.so and
#     makes its threads with pthread_create. CGO_ENABLED=0 gives a static
#     binary: 2-8 ms less CPU per run here and ~60 fewer page faults (the
#     largest single item; a program that only links net: 18.8 -> 13.3 ms).
#   - httplens's own work before the request, before this change: the settings
#     file (even empty) checked every pair of the TUI's 87 actions for key
#     conflicts (~1 ms, 1,568 allocations) and built the action table; cobra
#     built all twelve commands (0.3 ms, 84 KB). Now: the one command the
#     arguments name, the action table only when the file has [keys], the
#     conflict check only for keys the file binds. go test ./cli -bench
#     SendSetup, alternated with 1a38909: 0.69-0.97 ms, 186 KB, 2,088 allocs
#     -> 89-119 us, 24 KB, 105 allocs.
#   - The exchange itself (dial, write, read, print): ~3 % of the CPU. No DNS
#     (an IP literal), no terminal query (stdout is not a terminal: one failed
#     ioctl), no explain work unless --explain.
#   - Measured with this script, 6 runs of 60 rounds, load 9-14 on 2 cores
#     (wall times are unreliable at that load; CPU and faults hold): httplens
#     CPU 1.05-1.19x curl (1a38909: 1.12-1.29x), page faults 749-754 (830-836;
#     curl 595); static 0.96-1.10x, 682-697 faults; the floor (dynamic)
#     0.93-1.02x, 701-706 faults.
#   - -ldflags '-s -w' drops the symbol table and DWARF (37.7 -> 26 MB on disk);
#     those sections are not mapped at run time, and the run time did not move.
#
# httplens's own work after the package initialisers (s8d, 2026-12-03; in-process
# marks of a -tags starttrace build, dynamic, medians of 40 runs, in ms): cli start
# to run 0.10; the command tree (root + send's 20 flags) 0.26-0.31; cobra to RunE
# (help flag, the hidden __complete command, parsing) 0.11-0.15; settings 0.22
# with the script's empty file (0.10 with none: the read and toml's first use);
# the request built 0.05; the exchange 1.32-1.47, of which connect ~1.1 (Go's
# cold dial, socket options and netpoll park; a bare Go program's dial is
# 0.7-0.8, curl's whole exchange ~1.0); printing 0.02; after it 0.01. perf over
# 60 static runs: main.main 8.3 -> 7.5 % of the process's samples; the exchange
# is mostly the kernel's loopback connect, which curl pays too. strace -tt:
# execve to the last init ~75 % of the wall (under strace), then main.main; exit_group
# follows the last write by 0.16-0.33 ms (0.54-0.84 before; strace-inflated).
#   Removed: the connection's close before a one-shot send exits (the kernel
#   closes it at exit; `send --all` and the in-process tests still close);
#   cookiejar made and asked on every send (now at the first cookie set; an
#   empty jar answers nil); http.ProxyFromEnvironment's set-up when no proxy
#   variable is set (read once, as ProxyFromEnvironment reads it once).
#   Not removed: cobra's per-run set-up (only by bypassing cobra for send, which
#   would duplicate its flag rules and help), pflag's CSV default of the two
#   string-array flags, and the settings file's read (package settings).
#   Measured (8 runs of 60 rounds, load 2-9 on 2 cores; ratios of wall to curl,
#   httplens / base 976e857 in the same run): 1.03/1.09, 1.05/1.14, 1.09/1.10,
#   1.10/1.21, 1.12/1.19, 1.10/1.09, 1.10/1.10, 1.08/1.13; wall 0.2 ms more
#   to 2.6 ms less than base (median 1.15 ms less; bimodal: 3 runs ~0); CPU 1.22-1.30x curl (base 1.27-1.40x); faults
#   721-757 (base 726-763); static 0.91-1.02x, the floor 0.92-1.00x.
set -euo pipefail
rounds=${1:-60}
base=${2:-}
source "$(dirname "$0")/lib.sh"
command -v curl >/dev/null || { echo "curl is required (apt-get install curl)" >&2; exit 2; }
go build -o "$tmp/httplens" .
CGO_ENABLED=0 go build -o "$tmp/httplens-static" .
go build -tags heavy -o "$tmp/floor" ./bench/oneframe
go build -o "$tmp/altrun" ./bench/altrun
go build -o "$tmp/bigbody" ./bench/bigbody
rows=()
if [ -n "$base" ]; then
  base_tree "$base"
  (cd "$tmp/base" && go build -o "$tmp/httplens-base" .)
fi
export HTTPLENS_HISTORY="$tmp/history.db" HTTPLENS_CONFIG="$tmp/config.toml"
: >"$HTTPLENS_CONFIG"
"$tmp/bigbody" -size 1024 >"$tmp/url" &
srv=$!
trap 'kill $srv 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do [ -s "$tmp/url" ] && break; sleep 0.05; done
url=$(head -n1 "$tmp/url")
rows=("curl=curl -s -o /dev/null $url"
  "httplens=$tmp/httplens send --no-history $url"
  "static=$tmp/httplens-static send --no-history $url"
  "floor=$tmp/floor -exit")
[ -n "$base" ] && rows+=("base=$tmp/httplens-base send --no-history $url")
echo "1 KB body, $rounds rounds; ratios to curl (target: httplens within 1.2x)"
"$tmp/altrun" -runs "$rounds" "${rows[@]}"
