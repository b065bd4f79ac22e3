package requests

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/httplens/httplens/internal/rawtest"
)

// fileHeaders are fields as a .http file might give them: odd letter case, an order
// that is not alphabetical, a repeated name.
var fileHeaders = []Header{{Name: "x-Zeta", Value: "1"}, {Name: "ACCEPT", Value: "application/json"}, {Name: "x-alpha", Value: "2"}, {Name: "X-Zeta", Value: "3"}, {Name: "content-TYPE", Value: "text/plain"}}

// wantFileHead is the head httplens must write for fileHeaders: Host first, then the
// file's fields untouched, then what it adds.
func wantFileHead(method, target, host string) string {
	return method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nx-Zeta: 1\r\nACCEPT: application/json\r\nx-alpha: 2\r\nX-Zeta: 3\r\ncontent-TYPE: text/plain\r\nUser-Agent: httplens\r\nContent-Length: 4\r\n\r\n"
}

func TestRequestHeadOnTheWireIsTheFiles(t *testing.T) {
	s := newRawServer(t, "HTTP/1.1 204 No Content\r\n\r\n")
	host := strings.TrimPrefix(s.url(), "http://")
	x := Send(context.Background(), Request{Method: "post", URL: s.url() + "/returnBike?location=New York&bikeId=4", Headers: fileHeaders, Body: []byte("body")}, Options{})
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	head := <-s.heads
	want := wantFileHead("post", "/returnBike?location=New%20York&bikeId=4", host)
	if head != want {
		t.Fatalf("on the wire:\n%q\nwant:\n%q", head, want)
	}
	if string(x.Request.RawHead) != head {
		t.Fatalf("RawHead is not what was written:\n%q", x.Request.RawHead)
	}
	wantAdded := []bool{true, false, false, false, false, false, true, true}
	if !slices.Equal(x.Request.Added, wantAdded) {
		t.Fatalf("added marks = %v, want %v", x.Request.Added, wantAdded)
	}
	if x.Request.URL != s.url()+"/returnBike?location=New%20York&bikeId=4" || x.Request.Method != "post" {
		t.Fatalf("request as sent: %s %s", x.Request.Method, x.Request.URL)
	}
}

func TestURLEncoding(t *testing.T) {
	cases := []struct{ in, target string }{
		{"/a b", "/a%20b"},
		{"/caf\u00e9", "/caf%C3%A9"},
		{`/q?x="<y>"`, "/q?x=%22%3Cy%3E%22"},
		{"/already%20encoded?a=1&b=%2F", "/already%20encoded?a=1&b=%2F"},
		{"?only=query#frag ment", "/?only=query"},
		{"", "/"},
	}
	for _, c := range cases {
		tg, err := parseTarget("http://127.0.0.1:1" + c.in)
		if err != nil || tg.path != c.target {
			t.Errorf("%q: target %q (err %v), want %q", c.in, tg.path, err, c.target)
		}
	}
}

// connectProxy is a CONNECT proxy on 127.0.0.1 that records the tunnels it opened.
func connectProxy(t *testing.T) (proxyURL *url.URL, tunnels *atomic.Int32) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	tunnels = &atomic.Int32{}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				br := bufio.NewReader(c)
				req, err := http.ReadRequest(br)
				if err != nil || req.Method != "CONNECT" {
					io.WriteString(c, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
					return
				}
				up, err := net.Dial("tcp", req.Host)
				if err != nil {
					io.WriteString(c, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
					return
				}
				defer up.Close()
				tunnels.Add(1)
				io.WriteString(c, "HTTP/1.1 200 Connection established\r\n\r\n")
				go io.Copy(up, br)
				io.Copy(c, up)
			}()
		}
	}()
	u, _ := url.Parse("http://" + ln.Addr().String())
	return u, tunnels
}

func TestRequestHeadThroughAConnectProxy(t *testing.T) {
	// A TLS origin that hands back the request head it read, byte for byte.
	heads := make(chan string, 1)
	origin := tlsRawServer(t, func(c net.Conn, head string) {
		heads <- head
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
	})
	proxy, tunnels := connectProxy(t)
	opts := Options{Insecure: true, Proxy: func(*http.Request) (*url.URL, error) { return proxy, nil }}
	x := Send(context.Background(), Request{Method: "PUT", URL: origin + "/a b", Headers: fileHeaders, Body: []byte("body")}, opts)
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	if tunnels.Load() != 1 {
		t.Fatalf("tunnels opened: %d", tunnels.Load())
	}
	if got, want := <-heads, wantFileHead("PUT", "/a%20b", strings.TrimPrefix(origin, "https://")); got != want {
		t.Fatalf("through the tunnel:\n%q\nwant:\n%q", got, want)
	}
	if string(x.Response.Body) != "ok" || !x.Response.Complete {
		t.Fatalf("response: %+v", x.Response)
	}
}

func TestPlainHTTPProxyGetsTheAbsoluteURL(t *testing.T) {
	s := newRawServer(t, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
	proxy, _ := url.Parse(s.url())
	opts := Options{Proxy: func(*http.Request) (*url.URL, error) { return proxy, nil }}
	x := Send(context.Background(), Request{URL: "http://example.invalid:8080/x?y=1"}, opts)
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	head := <-s.heads
	if !strings.HasPrefix(head, "GET http://example.invalid:8080/x?y=1 HTTP/1.1\r\nHost: example.invalid:8080\r\n") {
		t.Fatalf("proxy received:\n%s", head)
	}
}

// tlsRawServer serves TLS (HTTP/1.1 by ALPN) on 127.0.0.1 with httptest's
// certificate, reading each request head and handing it to serve.
func tlsRawServer(t *testing.T, serve func(net.Conn, string)) string {
	t.Helper()
	srv := httptest.NewUnstartedServer(http.NotFoundHandler())
	srv.StartTLS()
	cfg := srv.TLS.Clone()
	srv.Close()
	cfg.NextProtos = []string{"http/1.1"}
	ln, err := tls.Listen("tcp", "127.0.0.1:0", cfg)
	if err != nil {
		t.Fatal(err)
	}
	rawtest.Serve(t, ln, serve)
	return "https://" + ln.Addr().String()
}

func TestTimingPhasesAddUp(t *testing.T) {
	s := newRawServer(t, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")
	x := Send(context.Background(), Request{URL: s.url()}, Options{})
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	tm := x.Timing
	var sum time.Duration
	for _, p := range tm.List() {
		sum += p.Duration
	}
	if sum != tm.Total {
		t.Fatalf("phases add up to %v, total %v: %+v", sum, tm.Total, tm.List())
	}
	if tm.Happened.Has(PhaseDNS) || tm.Happened.Has(PhaseTLS) {
		t.Fatalf("no DNS or TLS for http://127.0.0.1, yet they are marked: %+v", tm.List())
	}
	if !tm.Happened.Has(PhaseConnect | PhaseWrite | PhaseWait | PhaseTransfer) {
		t.Fatalf("phases missing: %+v", tm.List())
	}
}

func TestKeepAliveReusesTheConnection(t *testing.T) {
	var conns atomic.Int32
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			go func() {
				defer c.Close()
				br := bufio.NewReader(c)
				for {
					if _, err := http.ReadRequest(br); err != nil {
						return
					}
					io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
				}
			}()
		}
	}()
	c := NewClient(Options{})
	defer c.CloseIdleConnections()
	for i := 0; i < 3; i++ {
		x := c.Send(context.Background(), Request{URL: "http://" + ln.Addr().String() + "/"})
		if x.Err != nil || string(x.Response.Body) != "ok" {
			t.Fatalf("send %d: %v", i, x.Err)
		}
		if i > 0 && x.Timing.Happened.Has(PhaseConnect) {
			t.Fatalf("send %d on a kept-alive connection has a connect phase", i)
		}
	}
	if n := conns.Load(); n != 1 {
		t.Fatalf("%d connections for 3 requests, want 1", n)
	}
}

func TestExpectContinue(t *testing.T) {
	got := make(chan string, 1)
	url := faultServer(t, func(c net.Conn, head string) {
		// Nothing of the body may come before 100 Continue.
		c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
		early, _ := c.Read(make([]byte, 1))
		c.SetReadDeadline(time.Time{})
		io.WriteString(c, "HTTP/1.1 100 Continue\r\n\r\n")
		body := make([]byte, 4)
		io.ReadFull(c, body)
		got <- string(body) + map[bool]string{true: " (early)"}[early > 0]
		io.WriteString(c, "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")
	})
	x := Send(context.Background(), Request{Method: "PUT", URL: url, Headers: []Header{{Name: "Expect", Value: "100-continue"}}, Body: []byte("data")}, Options{})
	if x.Err != nil || x.Response.Status != 201 {
		t.Fatalf("err=%v resp=%+v", x.Err, x.Response)
	}
	if b := <-got; b != "data" {
		t.Fatalf("server got body %q", b)
	}
	if !bytes.HasPrefix(x.Response.RawHead, []byte("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201")) {
		t.Fatalf("raw head = %q", x.Response.RawHead)
	}
}

func TestLenientReaderKeepsBrokenHeads(t *testing.T) {
	cases := []struct {
		name, reply string
		status      int
		problem     string
		body        string
	}{
		{"control byte in a value", "HTTP/1.1 200 OK\r\nX-Evil: a\x1b[31mred\r\nContent-Length: 2\r\n\r\nok", 200, "control character 0x1b", "ok"},
		{"control byte in a name", "HTTP/1.1 200 OK\r\nX-E\x01vil: a\r\nContent-Length: 2\r\n\r\nok", 200, "is not a token", "ok"},
		{"conflicting Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 7\r\n\r\nokokokok", 200, "conflicting Content-Length values (2, 7)", "okokokok"},
		{"HTTP/0.9", "<html>hello</html>\n", 0, "no status line", "<html>hello</html>\n"},
		{"banner", "SSH-2.0-OpenSSH_9.6p1\r\n", 0, "no status line", "SSH-2.0-OpenSSH_9.6p1\r\n"},
		{"bad status code", "HTTP/1.1 2x0 Odd\r\nContent-Length: 0\r\n\r\n", 0, "not three digits", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newRawServer(t, c.reply)
			x := Send(context.Background(), Request{URL: s.url()}, Options{})
			r := x.Response
			if r == nil {
				t.Fatalf("no response kept: %v", x.Err)
			}
			if r.Status != c.status || string(r.Body) != c.body {
				t.Fatalf("status %d body %q", r.Status, r.Body)
			}
			if !strings.Contains(strings.Join(r.Problems, "\n"), c.problem) {
				t.Fatalf("problems %q, want %q", r.Problems, c.problem)
			}
			if got := string(r.RawHead) + string(r.Body) + string(r.Extra); got != c.reply {
				t.Fatalf("bytes kept %q, want all of %q", got, c.reply)
			}
		})
	}
}

func TestBrokenChunkedKeepsTheRest(t *testing.T) {
	reply := "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\nmore bytes"
	s := newRawServer(t, reply)
	x := Send(context.Background(), Request{URL: s.url()}, Options{})
	if x.Err == nil || !strings.Contains(x.Err.Error(), "invalid chunked encoding") || !strings.Contains(x.Err.Error(), "after 5 B of the body") {
		t.Fatalf("err = %v", x.Err)
	}
	r := x.Response
	if string(r.Body) != "hello" || string(r.Extra) != "zz\r\nmore bytes" || r.ExtraNote == "" || r.Complete || !x.Incomplete() {
		t.Fatalf("body %q extra %q note %q complete %v", r.Body, r.Extra, r.ExtraNote, r.Complete)
	}
}

func TestErrorsInWords(t *testing.T) {
	t.Run("drip in the head, then the timeout", func(t *testing.T) {
		url := faultServer(t, func(c net.Conn, _ string) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nX-Slow: ")
			time.Sleep(2 * time.Second)
		})
		x := Send(context.Background(), Request{URL: url}, Options{Timeout: 200 * time.Millisecond})
		if x.Err == nil || x.Err.Error() != "timed out after 200ms reading the response (the 25 B that arrived are kept)" {
			t.Fatalf("err = %v", x.Err)
		}
		if x.Response == nil || string(x.Response.RawHead) != "HTTP/1.1 200 OK\r\nX-Slow: " || !x.Incomplete() {
			t.Fatalf("partial head not kept: %+v", x.Response)
		}
	})
	t.Run("reset in the head", func(t *testing.T) {
		url := faultServer(t, func(c net.Conn, _ string) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nX-Cut")
			time.Sleep(50 * time.Millisecond)
			c.(*net.TCPConn).SetLinger(0)
		})
		x := Send(context.Background(), Request{URL: url}, Options{})
		if x.Err == nil || !strings.Contains(x.Err.Error(), "in the middle of the response head, after 22 B") {
			t.Fatalf("err = %v", x.Err)
		}
		if x.Response == nil || string(x.Response.RawHead) != "HTTP/1.1 200 OK\r\nX-Cut" {
			t.Fatalf("partial head not kept: %+v", x.Response)
		}
	})
}

func FuzzLenientReader(f *testing.F) {
	for _, s := range []string{
		"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA",
		"HTTP/1.1 204 No Content\r\n\r\nsurprise",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nT: 1\r\n\r\nafter",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nrest",
		"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\n\nbody",
		"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nabc",
		"SSH-2.0-x\r\n", "HTTP/1.1 200", "", "HTT",
	} {
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, in []byte, head bool) {
		method := "GET"
		if head {
			method = "HEAD"
		}
		rd := newMsgReader(bytes.NewReader(in))
		resp, st, _ := readWire(rd, method, Options{MaxBody: 1 << 20}, newPhaseClock(time.Now()), nil, nil)
		if resp == nil {
			if len(in) != 0 {
				t.Fatalf("%d bytes arrived and no response was kept", len(in))
			}
			return
		}
		// Every input byte is accounted for: the reader consumed all of it, as head,
		// body as framed, or extra; and what it kept holds no invented byte.
		if st.wire != int64(len(in)) {
			t.Fatalf("consumed %d of %d bytes", st.wire, len(in))
		}
		if kept := len(resp.RawHead) + len(resp.Extra); kept > len(in) {
			t.Fatalf("kept %d bytes of head and extra from %d", kept, len(in))
		}
		if !bytes.HasPrefix(in, resp.RawHead) {
			t.Fatalf("raw head %q is not the start of the input", resp.RawHead)
		}
		if !resp.Reconstructed && len(resp.Extra) > 0 && !bytes.HasSuffix(in, resp.Extra) {
			t.Fatalf("extra %q is not the end of the input", resp.Extra)
		}
	})
}
