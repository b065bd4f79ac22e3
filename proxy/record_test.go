package proxy

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"runtime"
	"testing"
)

// Bodies are read straight into the record while it has room (and through the
// copy buffer past it): whatever the framing and chunk sizes, and wherever the
// cap falls, the client gets the upstream's bytes unchanged and the record holds
// exactly the payload's first MaxBody bytes.
func TestRecordHoldsThePayloadsFirstBytes(t *testing.T) {
	const limit = 100 << 10
	payload := make([]byte, 700<<10)
	for i := range payload {
		payload[i] = byte(i*13 + i/977)
	}
	chunked := func(sizes ...int) (wire, body []byte) {
		var b bytes.Buffer
		off := 0
		for _, n := range sizes {
			fmt.Fprintf(&b, "%x\r\n", n)
			b.Write(payload[off : off+n])
			b.WriteString("\r\n")
			off += n
		}
		b.WriteString("0\r\n\r\n")
		return b.Bytes(), payload[:off]
	}
	type tc struct {
		name        string
		framing     string // the response's framing header line, if any
		wire, body  []byte
		closeDelims bool
	}
	var cases []tc
	w, b := chunked(10, 3000, 300<<10, 1, 200<<10)
	cases = append(cases, tc{"chunked, the cap inside a big chunk", "Transfer-Encoding: chunked\r\n", w, b, false})
	w, b = chunked(40<<10, 60<<10, 5)
	cases = append(cases, tc{"chunked, the cap at a chunk's end", "Transfer-Encoding: chunked\r\n", w, b, false})
	w, b = chunked(7, 9)
	cases = append(cases, tc{"chunked, under the cap", "Transfer-Encoding: chunked\r\n", w, b, false})
	cases = append(cases, tc{"Content-Length", fmt.Sprintf("Content-Length: %d\r\n", len(payload)), payload, payload, false})
	cases = append(cases, tc{"until close", "", payload[:333<<10], payload[:333<<10], true})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			head := "HTTP/1.1 200 OK\r\n" + c.framing
			if c.closeDelims {
				head += "Connection: close\r\n"
			}
			head += "\r\n"
			up := rawServer(t, func(conn net.Conn) {
				readHead(bufio.NewReader(conn))
				io.WriteString(conn, head)
				// Uneven writes, so reads end anywhere.
				for rest := c.wire; len(rest) > 0; {
					n := min(len(rest), 1+len(rest)%70001)
					conn.Write(rest[:n])
					rest = rest[n:]
				}
			})
			addr, rec, _ := startProxy(t, Options{MaxBody: limit})
			conn, br := dialProxy(t, addr)
			fmt.Fprintf(conn, "GET http://%s/ HTTP/1.1\r\nHost: %s\r\n\r\n", up, up)
			if h := readHeadFrom(t, br); h != head {
				t.Fatalf("head %q", h)
			}
			if got := readN(t, br, len(c.wire)); got != string(c.wire) {
				t.Fatalf("the client got different bytes (%d of them)", len(got))
			}
			x := rec.wait(t, 1)[0]
			want := c.body[:min(len(c.body), limit)]
			r := x.Response
			if x.Err != nil || !bytes.Equal(r.Body, want) || x.ResponseBodyBytes != int64(len(c.body)) || r.Truncated != (len(c.body) > limit) {
				t.Errorf("record: err %v, %d bytes kept (equal %v), %d counted of %d, truncated %v",
					x.Err, len(r.Body), bytes.Equal(r.Body, want), x.ResponseBodyBytes, len(c.body), r.Truncated)
			}
			if cap(r.Body) > limit {
				t.Errorf("record capacity %d past the cap %d", cap(r.Body), limit)
			}
		})
	}
}

// A record the caller keeps is never reused: the bodies of exchanges not
// released stay as they were while others cross. After Release, the next large
// body reuses the buffer instead of a fresh one.
func TestReleaseReusesOnlyReleasedRecords(t *testing.T) {
	const limit, size = 256 << 10, 600 << 10
	bodies := make(chan []byte, 10)
	up := rawServer(t, func(c net.Conn) {
		br := bufio.NewReader(c)
		for {
			if _, err := readHead(br); err != nil {
				return
			}
			b := <-bodies
			fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n", len(b))
			c.Write(b)
		}
	})
	addr, rec, _ := startProxy(t, Options{MaxBody: limit})
	conn, br := dialProxy(t, addr)
	fetch := func(fill byte, body []byte) Exchange {
		t.Helper()
		bodies <- body
		fmt.Fprintf(conn, "GET http://%s/%c HTTP/1.1\r\nHost: %s\r\n\r\n", up, fill, up)
		readHeadFrom(t, br)
		if _, err := io.CopyN(io.Discard, br, size); err != nil {
			t.Fatal(err)
		}
		xs := rec.wait(t, 1)
		return xs[len(xs)-1]
	}
	filled := func(fill byte) []byte { return bytes.Repeat([]byte{fill}, size) }
	a := fetch('a', filled('a'))
	b := fetch('b', filled('b'))
	b.Release()
	b.Release() // a second call gives nothing back twice
	c := fetch('c', filled('c'))
	d := fetch('d', filled('d')) // would share c's buffer if b's had gone back twice
	for _, x := range []struct {
		x    Exchange
		fill byte
	}{{a, 'a'}, {c, 'c'}, {d, 'd'}} {
		if !bytes.Equal(x.x.Response.Body, bytes.Repeat([]byte{x.fill}, limit)) {
			t.Errorf("the record of %c changed after others crossed", x.fill)
		}
	}
	c.Release()
	e := filled('e')
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fetch('e', e).Release()
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n >= limit {
		t.Errorf("%d bytes allocated for a large body after Release: the record buffer was not reused", n)
	}
}
