// Package requests sends one resolved HTTP request and captures the exchange exactly:
// the request head and response head as they crossed the connection, the headers in
// their order and letter case, the body (bounded), and the timing of each phase.
//
// # Design: HTTP/1.1 is written and read here, not by net/http
//
// A debugger must show the wire, and net/http stands between the user and it: it
// writes request headers sorted by name, adds fields of its own, and on the response
// side it throws away, with all its bytes, any head it finds malformed (a control character in a field, two different
// Content-Length values, no status line) — exactly the responses a person debugging
// a server needs to see. Capturing bytes under net/http (a tapped net.Conn) keeps the
// bytes of a good exchange but not the exchange of a bad one. So HTTP/1.1, which is
// text and small, is done here:
//
//   - Writing (h1write.go): the request line carries the method as written (RFC 9110
//     §9.1: methods are case-sensitive) and the URL with only the characters a
//     request-target cannot hold percent-encoded (space, non-ASCII, `"`, `<`, ...), as
//     browsers and the VS Code REST Client do. The user's fields follow in their order
//     and letter case, duplicates kept. httplens adds only what HTTP/1.1 or an option
//     needs — Host (first, when absent), User-Agent, Content-Length, the jar's Cookie,
//     Authorization from user:password in the URL, Proxy-Authorization — and marks
//     each addition in SentRequest.Added. RawHead is the very buffer written.
//   - Reading (h1read.go, h1.go, and package h1 for the head and its framing, which
//     explain.ReadResponse uses too): one lenient reader, which never drops a byte. The
//     head is read up to its empty line (CRLF or bare LF), bounded at 1 MiB; it is
//     parsed as well as it can be, and what is wrong goes into Response.Problems
//     while the exchange goes on. Framing follows RFC 9112 §6.3: no body for HEAD,
//     1xx, 204 and 304; chunked when Transfer-Encoding ends in chunked; a valid
//     Content-Length; otherwise (no length, or conflicting ones) until the server
//     closes. A reply without a status line (HTTP/0.9, an SSH banner) is kept as a
//     body with Status 0. Bytes after the end of a message (content on a 204, past
//     Content-Length, after the last chunk, after broken chunked framing) go to
//     Response.Extra with ExtraNote saying why they are not part of it; such a
//     connection is never reused. A failure at any point keeps what arrived, sets
//     Response.Complete false and says in Err, in words, what happened and where.
//   - Connections (h1conn.go): a small keep-alive pool per origin and proxy; TLS
//     with SNI and ALPN offering http/1.1 only; proxies from Options.Proxy (by default
//     HTTP_PROXY, HTTPS_PROXY and NO_PROXY), with the absolute URL on the request
//     line for http and a CONNECT tunnel for https. A kept-alive connection the
//     server closed while idle gets one retry on a fresh one, for idempotent methods.
//   - Redirects and cookies (h1.go): 301/302 turn POST into GET, 303 anything but
//     HEAD; 307/308 repeat method and body; Authorization and Cookie stay with their
//     host. The jar is asked before and told after every hop.
//   - Timing (phases.go): the phases are contiguous — entering one ends the one
//     before — so DNS + connect + TLS + request written + waiting + transfer (+ the
//     redirects before the final hop) is the total exactly; Timing.Happened says
//     which phases took place, so a view shows "—" rather than "0 µs".
//   - Cancel: the context's end sets a past deadline on the connection, which
//     unblocks any read or write at once; the bytes read so far stay.
//
// # Speed: where the time of `send` went, and what was done (issue 24)
//
// Profiled with cli's BenchmarkSend (in process, loopback server, output to
// io.Discard: go test ./cli -bench Send -cpuprofile -memprofile) and, for whole
// processes, bench/send_vs_curl.sh. Before, per 10 MB send: 72 ms and 10.5 MB
// allocated without history, 163 ms with it; 35 ms for 1 KB with history.
//
//   - Body: the whole body was gathered in one 10 MB slice (make zeroes it: a
//     quarter of the CPU samples were memclrNoHeapPointers, plus the page faults
//     of fresh memory, which showed as system time) and written out after.
//     Options.Stream now hands each piece to the caller's writer as it is read
//     (one 128 KiB buffer, socket to stdout once) and StreamKeep keeps only what
//     someone still reads: nothing for send --no-history, the history's 2 MiB
//     otherwise. send streams when stdout is a pipe or file and neither --json
//     nor --cache needs the whole exchange first; a terminal still gets the bytes
//     made visible after the read. The head is not parsed twice, the body never
//     converted or sanitised on this path, and explain runs only for --explain
//     or --json (it did already).
//   - History: half of the rest was SQLite writing 2 MiB of body to the WAL and
//     copying it again into the database at close (the checkpoint), with fsyncs.
//     Bodies of 1 KiB and more are now deflated and stored once by SHA-256
//     (history/bodies.go), so a repeated send stores no body at all; Open checks
//     a current schema without taking the write lock; and the insert runs after
//     the output is written, waiting at most 2 s before leaving the entry in a
//     pending file for the next run (history.Store.AddWithin).
//
// After, same benchmark: 10 MB without history 8.7 ms and 0.2 MB allocated, with
// history 23.5 ms; 1 KB with history 9.7 ms (the fixed cost of opening SQLite,
// the cookie jar and the close-time checkpoint, mostly fsync waits).
//
// HTTP/2 (Options.HTTP2 with an https URL) still goes through net/http: its frames
// are binary and HPACK-compressed, so there is no text head to keep; the heads are
// rebuilt from the parsed fields and marked Reconstructed. Why not extend net/http
// instead: its reader is internal and strict by design (it protects servers and
// proxies from smuggling); a client that only shows what came can afford leniency,
// and leniency is the feature.
package requests
