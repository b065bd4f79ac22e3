package proxy

import (
	"bufio"
	"io"
	"net"
	"net/url"
	"strings"
	"testing"

	"github.com/httplens/httplens/requests"
)

// Header names and coding tokens fold in ASCII only (RFC 9110 §5.1). Unicode
// folding would read "Tran\u017ffer-Encoding" (a long s) as Transfer-Encoding and
// "chun\u212aed" (a Kelvin sign) as chunked, which no origin does: the proxy and
// the origin would then disagree on where the body ends, and requests get smuggled.
func TestBodyFramingFoldsASCIIOnly(t *testing.T) {
	for _, tc := range []struct {
		name    string
		hs      []requests.Header
		want    framing
		wantErr bool
	}{
		{"long s in the name", []requests.Header{{Name: "Tran\u017ffer-Encoding", Value: "chunked"}}, framing{}, false},
		{"long s beside a length", []requests.Header{{Name: "Tran\u017ffer-Encoding", Value: "chunked"}, {Name: "Content-Length", Value: "3"}}, framing{length: 3}, false},
		{"kelvin sign in the coding", []requests.Header{{Name: "Transfer-Encoding", Value: "chun\u212aed"}}, framing{}, true},
		{"ASCII case still folds", []requests.Header{{Name: "TRANSFER-encoding", Value: "gzip, CHUNKED"}}, framing{chunked: true}, false},
		{"content-length any case", []requests.Header{{Name: "content-LENGTH", Value: "7"}}, framing{length: 7}, false},
	} {
		got, err := bodyFraming(tc.hs, true)
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("%s: got %+v, %v; want %+v, error %v", tc.name, got, err, tc.want, tc.wantErr)
		}
	}
}

// Content-Length is 1*DIGIT (RFC 9110 §8.6). strconv.ParseInt also takes a
// sign, so "+5" read as 5 here while an origin that rejects or ignores the field
// reads no body and takes those 5 bytes as the next request.
func TestContentLengthIsDigitsOnly(t *testing.T) {
	for _, v := range []string{"+5", "-0", "0x5", "5 5", "", " "} {
		if got, err := bodyFraming([]requests.Header{{Name: "Content-Length", Value: v}}, true); err == nil {
			t.Errorf("Content-Length %q: framed as %+v, want an error", v, got)
		}
	}
	for v, n := range map[string]int64{"5": 5, " 007 ": 7, "0": 0} {
		if got, err := bodyFraming([]requests.Header{{Name: "Content-Length", Value: v}}, true); err != nil || got.length != n {
			t.Errorf("Content-Length %q: %+v, %v; want length %d", v, got, err, n)
		}
	}
}

// A chunk size is 1*HEXDIG (RFC 9112 §7.1); a signed one is refused before the
// proxy forwards a byte of the chunk line, as an origin may read it differently.
func TestChunkSizeIsHexDigitsOnly(t *testing.T) {
	for _, line := range []string{"+5", "-0", "0x5", " "} {
		var out strings.Builder
		dst := bufio.NewWriter(&out)
		src := bufio.NewReader(strings.NewReader(line + "\r\nhello\r\n0\r\n\r\n"))
		if n, err := copyBody(dst, src, framing{chunked: true}, nil, make([]byte, 512)); err == nil {
			t.Errorf("chunk size %q: copied %d bytes, want an error", line, n)
		}
		dst.Flush()
		if out.Len() != 0 {
			t.Errorf("chunk size %q: forwarded %q before refusing it", line, out.String())
		}
	}
	var out strings.Builder
	dst := bufio.NewWriter(&out)
	src := bufio.NewReader(strings.NewReader("5;ext=1\r\nhello\r\n0\r\n\r\n"))
	if n, err := copyBody(dst, src, framing{chunked: true}, nil, make([]byte, 512)); err != nil || n != 5 {
		t.Errorf("a good chunked body: %d, %v", n, err)
	}
}

// End to end: a request whose only framing field is named with a long s has no
// body, so the chunk that follows it is not forwarded as its body.
func TestLongSTransferEncodingIsNoBody(t *testing.T) {
	got := make(chan string, 2)
	up := rawServer(t, func(c net.Conn) {
		br := bufio.NewReader(c)
		h, err := readHead(br)
		if err != nil {
			return
		}
		got <- string(h)
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
	})
	addr, rec, _ := startProxy(t, Options{})
	c, br := dialProxy(t, addr)
	io.WriteString(c, "POST http://"+up+"/p HTTP/1.1\r\nHost: "+up+"\r\nTran\u017ffer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
	if h := <-got; !strings.HasPrefix(h, "POST /p HTTP/1.1\r\n") {
		t.Errorf("upstream got %q", h)
	}
	if r := readN(t, br, len("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")); !strings.HasSuffix(r, "ok") {
		t.Errorf("client got %q", r)
	}
	x := rec.wait(t, 1)[0]
	if x.RequestBodyBytes != 0 || len(x.Request.Body) != 0 {
		t.Errorf("the request was framed as chunked: %d body bytes %q", x.RequestBodyBytes, x.Request.Body)
	}
}

// The one-copy path for a head already buffered ends each head where reading it a
// line at a time does, whatever mix of line ends it has.
func TestBufferedHeadEndsWhereLinesEnd(t *testing.T) {
	for _, in := range []string{
		"GET / HTTP/1.1\r\nHost: a\r\n\r\nrest",
		"GET / HTTP/1.1\nHost: a\n\nrest",
		"GET / HTTP/1.1\r\nHost: a\n\r\n\r\nrest",
		"GET / HTTP/1.1\r\nHost: a\r\n\nrest",
		"GET / HTTP/1.1\nX: \r\n\r\nrest",
		"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n\r\n",
	} {
		fr := bufio.NewReader(strings.NewReader(in))
		fr.Peek(1)
		fast := bufferedHead(fr)
		br := bufio.NewReader(strings.NewReader(in))
		br.Peek(1) // fill, as readHead finds the reader
		slow, err := readHeadLines(br)
		if err != nil || string(fast) != string(slow) {
			t.Errorf("%q: buffered path %q, line by line %q (%v)", in, fast, slow, err)
		}
	}
	// Leading empty lines and heads not yet complete are left to the line reader.
	for _, in := range []string{"\r\nGET / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\n"} {
		br := bufio.NewReader(strings.NewReader(in))
		br.Peek(1)
		if h := bufferedHead(br); h != nil || br.Buffered() != len(in) {
			t.Errorf("%q: buffered path took %q", in, h)
		}
	}
}

// The head sent upstream drops the proxy's own fields in any ASCII letter case,
// with white space around the name or no colon at all, and keeps every other
// line byte for byte; only a plain request's line is made origin-form.
func TestWriteOutgoingHead(t *testing.T) {
	const head = "GET http://a.test/p?q=1 HTTP/1.1\r\nHost: a.test\r\nPROXY-authorization: Basic x\r\n" +
		"x-keep:  1 \r\n proxy-connection : keep-alive\r\nProxy-Connection\r\nProxy-Connections: kept\r\n\r\n"
	const rest = "Host: a.test\r\nx-keep:  1 \r\nProxy-Connections: kept\r\n\r\n"
	u, _ := url.Parse("http://a.test/p?q=1")
	for _, tc := range []struct {
		rewrite bool
		want    string
	}{
		{true, "GET /p?q=1 HTTP/1.1\r\n" + rest},
		{false, "GET http://a.test/p?q=1 HTTP/1.1\r\n" + rest},
	} {
		var b strings.Builder
		w := bufio.NewWriter(&b)
		writeOutgoingHead(w, []byte(head), "GET", u, "HTTP/1.1", tc.rewrite)
		w.Flush()
		if b.String() != tc.want {
			t.Errorf("rewrite %v: got %q, want %q", tc.rewrite, b.String(), tc.want)
		}
	}
}
