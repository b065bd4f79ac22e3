package requests

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// rawServer answers each request on 127.0.0.1 with reply, byte for byte. Every
// request head it reads is sent on heads.
type rawServer struct {
	base  string
	heads chan string
}

func newRawServer(t *testing.T, reply string) *rawServer {
	t.Helper()
	return startRawServer(t, reply, false)
}

// startRawServer is newRawServer that, with byteByByte, writes the reply one byte
// per write, as a faulty server might.
func startRawServer(t *testing.T, reply string, byteByByte bool) *rawServer {
	t.Helper()
	s := &rawServer{heads: make(chan string, 16)}
	s.base = faultServer(t, func(c net.Conn, head string) {
		s.heads <- head
		if !byteByByte {
			io.WriteString(c, reply)
			return
		}
		for i := range len(reply) {
			c.Write([]byte{reply[i]})
		}
	})
	return s
}

func (s *rawServer) url() string { return strings.TrimSuffix(s.base, "/") }
func TestHeaderCaseOrderAndDuplicatesKept(t *testing.T) {
	reply := "HTTP/1.1 200 OK\r\neTaG: \"x\"\r\nX-B: 1\r\nset-cookie: a=1\r\nX-A: 2\r\nset-cookie: b=2\r\nContent-Length: 2\r\n\r\nok"
	s := newRawServer(t, reply)
	x := Send(context.Background(), Request{Method: "GET", URL: s.url() + "/"}, Options{})
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	want := []Header{{Name: "eTaG", Value: `"x"`}, {Name: "X-B", Value: "1"}, {Name: "set-cookie", Value: "a=1"}, {Name: "X-A", Value: "2"}, {Name: "set-cookie", Value: "b=2"}, {Name: "Content-Length", Value: "2"}}
	if !slices.Equal(x.Response.Headers, want) {
		t.Fatalf("headers = %q, want %q", x.Response.Headers, want)
	}
	wantHead := reply[:strings.Index(reply, "\r\n\r\n")+4]
	if string(x.Response.RawHead) != wantHead {
		t.Fatalf("raw head = %q, want %q", x.Response.RawHead, wantHead)
	}
	if x.Response.Reason != "OK" || x.Response.Status != 200 || string(x.Response.Body) != "ok" {
		t.Fatalf("got %d %q body %q", x.Response.Status, x.Response.Reason, x.Response.Body)
	}
	if x.Response.Reconstructed {
		t.Fatal("HTTP/1.1 head must not be marked reconstructed")
	}
}

func TestNoUnrequestedHeaders(t *testing.T) {
	s := newRawServer(t, "HTTP/1.1 204 No Content\r\n\r\n")
	r := Request{Method: "PUT", URL: s.url() + "/items/1",
		Headers: []Header{{Name: "content-type", Value: "application/json"}, {Name: "If-Match", Value: `"abc"`}},
		Body:    []byte(`{"a":1}`)}
	x := Send(context.Background(), r, Options{})
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	head := <-s.heads
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(head), "\r\n")[1:] {
		name, _, _ := strings.Cut(line, ":")
		names = append(names, name)
	}
	slices.Sort(names)
	want := []string{"Content-Length", "Host", "If-Match", "User-Agent", "content-type"}
	if !slices.Equal(names, want) {
		t.Fatalf("server received headers %q, want exactly %q\n%s", names, want, head)
	}
	if !strings.Contains(head, "User-Agent: httplens") {
		t.Fatalf("default User-Agent missing:\n%s", head)
	}
	if string(x.Request.RawHead) != head {
		t.Fatalf("captured request head differs from what the server read:\n%q\n%q", x.Request.RawHead, head)
	}
}

func TestUserAgentOverride(t *testing.T) {
	s := newRawServer(t, "HTTP/1.1 204 No Content\r\n\r\n")
	r := Request{URL: s.url(), Headers: []Header{{Name: "user-agent", Value: "mine/1"}}}
	if x := Send(context.Background(), r, Options{UserAgent: "httplens/9"}); x.Err != nil {
		t.Fatal(x.Err)
	}
	head := <-s.heads
	// Sent in the letter case given: the head is written by httplens, not net/http.
	if !strings.Contains(head, "user-agent: mine/1\r\n") || strings.Contains(head, "httplens") {
		t.Fatalf("user's User-Agent not the one sent:\n%s", head)
	}
}

func TestNoContentAndHead(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v2"`)
		if r.Method == http.MethodPut {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		w.Header().Set("Content-Length", "5")
		io.WriteString(w, "hello")
	}))
	defer srv.Close()
	c := NewClient(Options{})
	defer c.CloseIdleConnections()

	x := c.Send(context.Background(), Request{Method: "PUT", URL: srv.URL, Body: []byte("{}")})
	if x.Err != nil || x.Response.Status != 204 || x.Response.Reason != "No Content" || len(x.Response.Body) != 0 {
		t.Fatalf("PUT: err=%v resp=%+v", x.Err, x.Response)
	}
	x = c.Send(context.Background(), Request{Method: "HEAD", URL: srv.URL})
	if x.Err != nil || x.Response.Status != 200 || len(x.Response.Body) != 0 || x.Response.Extra != nil {
		t.Fatalf("HEAD: err=%v resp=%+v", x.Err, x.Response)
	}
	// The same client reuses its connection: each capture must hold its own head.
	x = c.Send(context.Background(), Request{Method: "GET", URL: srv.URL})
	if x.Err != nil || string(x.Response.Body) != "hello" || !bytes.HasPrefix(x.Response.RawHead, []byte("HTTP/1.1 200 OK\r\n")) {
		t.Fatalf("GET: err=%v head=%q body=%q", x.Err, x.Response.RawHead, x.Response.Body)
	}
	if !bytes.HasPrefix(x.Request.RawHead, []byte("GET / HTTP/1.1\r\n")) {
		t.Fatalf("request head = %q", x.Request.RawHead)
	}
}

func TestBytesAfterTheMessageAreKept(t *testing.T) {
	cases := []struct {
		name, reply, method, extra string
		byteByByte                 bool
	}{
		{"204 with body", "HTTP/1.1 204 No Content\r\nETag: \"1\"\r\n\r\nsurprise", "GET", "surprise", false},
		// The demo's /broken cases: each byte its own write, then close. The bytes
		// after the head arrive after the transport is done with the message.
		{"204 with body, dripped", "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\nsurprise", "GET", "surprise", true},
		{"past Content-Length, dripped", "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nokEXTRA", "GET", "EXTRA", true},
		{"HEAD with body", "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody", "HEAD", "body", false},
		{"past Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA", "GET", "EXTRA", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := startRawServer(t, c.reply, c.byteByByte)
			x := Send(context.Background(), Request{Method: c.method, URL: s.url()}, Options{})
			if x.Err != nil {
				t.Fatal(x.Err)
			}
			if string(x.Response.Extra) != c.extra {
				t.Fatalf("extra = %q, want %q", x.Response.Extra, c.extra)
			}
		})
	}
}

func TestInterimHeadIsKept(t *testing.T) {
	reply := "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nLocation: /items/9\r\nContent-Length: 0\r\n\r\n"
	s := newRawServer(t, reply)
	x := Send(context.Background(), Request{Method: "POST", URL: s.url(), Body: []byte("x")}, Options{})
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	if string(x.Response.RawHead) != reply {
		t.Fatalf("raw head = %q", x.Response.RawHead)
	}
	if x.Response.Status != 201 || !slices.Equal(x.Response.Headers, []Header{{Name: "Location", Value: "/items/9"}, {Name: "Content-Length", Value: "0"}}) {
		t.Fatalf("final head parsed wrong: %d %q", x.Response.Status, x.Response.Headers)
	}
}

func TestBodyCapTruncates(t *testing.T) {
	big := strings.Repeat("a", 5000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, big)
	}))
	defer srv.Close()
	x := Send(context.Background(), Request{URL: srv.URL}, Options{MaxBody: 1000})
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	if !x.Response.Truncated || len(x.Response.Body) != 1000 || x.Response.BodyBytes != 1000 {
		t.Fatalf("truncated=%v len=%d", x.Response.Truncated, len(x.Response.Body))
	}
	x = Send(context.Background(), Request{URL: srv.URL}, Options{MaxBody: 5000})
	if x.Response.Truncated || len(x.Response.Body) != 5000 {
		t.Fatalf("a body exactly at the cap is whole: truncated=%v len=%d", x.Response.Truncated, len(x.Response.Body))
	}
}

func TestCompressionOnlyWhenAsked(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept-Encoding") == "" {
			io.WriteString(w, "plain")
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		io.WriteString(gz, "decoded text")
		gz.Close()
	}))
	defer srv.Close()
	x := Send(context.Background(), Request{URL: srv.URL}, Options{})
	if string(x.Response.Body) != "plain" || x.Response.Decoded != nil {
		t.Fatalf("without Accept-Encoding the server must see none: body %q", x.Response.Body)
	}
	x = Send(context.Background(), Request{URL: srv.URL, Headers: []Header{{Name: "Accept-Encoding", Value: "gzip"}}}, Options{})
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	if !bytes.HasPrefix(x.Response.Body, []byte{0x1f, 0x8b}) {
		t.Fatalf("raw body must stay gzip: %q", x.Response.Body)
	}
	if string(x.Response.Decoded) != "decoded text" {
		t.Fatalf("decoded = %q", x.Response.Decoded)
	}
}

func TestRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/b", http.StatusFound) })
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "at b") })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	x := Send(context.Background(), Request{URL: srv.URL + "/a"}, Options{})
	if x.Err != nil || x.Response.Status != 302 || len(x.Hops) != 0 {
		t.Fatalf("not following: err=%v status=%d hops=%v", x.Err, x.Response.Status, x.Hops)
	}
	x = Send(context.Background(), Request{URL: srv.URL + "/a"}, Options{FollowRedirects: true})
	if x.Err != nil || x.Response.Status != 200 || string(x.Response.Body) != "at b" {
		t.Fatalf("following: err=%v resp=%+v", x.Err, x.Response)
	}
	if len(x.Hops) != 1 || x.Hops[0].Method != "GET" || x.Hops[0].URL != srv.URL+"/a" || x.Hops[0].Status != 302 || x.Hops[0].Location != "/b" {
		t.Fatalf("hops = %+v, want GET %s/a 302 -> /b", x.Hops, srv.URL)
	}
	if x.Request.URL != srv.URL+"/b" || !bytes.HasPrefix(x.Request.RawHead, []byte("GET /b HTTP/1.1")) {
		t.Fatalf("final request = %s %q", x.Request.URL, x.Request.RawHead)
	}
}

// hangingServer accepts requests and never answers until the test ends; got receives
// a value when a request has arrived.
func hangingServer(t *testing.T) (url string, got chan struct{}) {
	got = make(chan struct{}, 4)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(release); srv.Close() })
	return srv.URL, got
}

func TestCancelEndsTheRequest(t *testing.T) {
	url, got := hangingServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan Exchange, 1)
	go func() { done <- Send(ctx, Request{URL: url}, Options{}) }()
	<-got
	cancel()
	select {
	case x := <-done:
		if x.Err == nil || !strings.Contains(x.Err.Error(), "cancelled") {
			t.Fatalf("err = %v, want a cancelled error", x.Err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Send did not return after cancel")
	}
}

func TestTimeout(t *testing.T) {
	url, _ := hangingServer(t)
	x := Send(context.Background(), Request{URL: url}, Options{Timeout: 50 * time.Millisecond})
	if x.Err == nil || !strings.Contains(x.Err.Error(), "timed out") {
		t.Fatalf("err = %v, want timed out", x.Err)
	}
}

func TestConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	x := Send(context.Background(), Request{URL: "http://" + addr + "/"}, Options{})
	if x.Err == nil || x.Response != nil {
		t.Fatalf("want an error and no response, got %v", x.Err)
	}
	if !strings.Contains(x.Err.Error(), "cannot connect to "+addr) || !strings.Contains(x.Err.Error(), "refused") {
		t.Fatalf("unclear error: %v", x.Err)
	}
}

func TestBodyCutShortKeepsWhatArrived(t *testing.T) {
	s := newRawServer(t, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this")
	x := Send(context.Background(), Request{URL: s.url()}, Options{})
	if x.Err == nil || x.Response == nil {
		t.Fatalf("want a body error with the response kept: err=%v", x.Err)
	}
	if string(x.Response.Body) != "only this" {
		t.Fatalf("body = %q", x.Response.Body)
	}
}

func TestTimingPhases(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, strings.Repeat("x", 100000))
	}))
	defer srv.Close()
	x := Send(context.Background(), Request{URL: srv.URL}, Options{})
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	tm := x.Timing
	if tm.Connect <= 0 || tm.TTFB <= 0 || tm.Total <= 0 {
		t.Fatalf("phases missing: %+v", tm)
	}
	if tm.DNS != 0 || tm.TLS != 0 {
		t.Fatalf("no DNS or TLS for http://127.0.0.1: %+v", tm)
	}
	if sum := tm.DNS + tm.Connect + tm.TLS + tm.TTFB + tm.Transfer; sum > tm.Total {
		t.Fatalf("phases add up to %v, more than the total %v", sum, tm.Total)
	}
	if x.Received.Before(x.Sent) {
		t.Fatalf("received %v before sent %v", x.Received, x.Sent)
	}
}

func TestTLSPhaseAndVerification(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header()["x-Mixed"] = []string{"1"}
		io.WriteString(w, "secure")
	}))
	defer srv.Close()
	x := Send(context.Background(), Request{URL: srv.URL}, Options{})
	if x.Err == nil || !strings.Contains(x.Err.Error(), "certificate") {
		t.Fatalf("self-signed certificate must be rejected clearly: %v", x.Err)
	}
	x = Send(context.Background(), Request{URL: srv.URL}, Options{Insecure: true})
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	if x.Timing.TLS <= 0 {
		t.Fatalf("TLS phase missing: %+v", x.Timing)
	}
	// The tap sits above TLS: the raw head is plaintext with the server's case.
	if !bytes.Contains(x.Response.RawHead, []byte("x-Mixed: 1\r\n")) || x.Response.Reconstructed {
		t.Fatalf("raw head over TLS = %q", x.Response.RawHead)
	}
}

func TestBadURL(t *testing.T) {
	for _, u := range []string{"", "://x", "/relative"} {
		x := Send(context.Background(), Request{URL: u}, Options{})
		if x.Err == nil || !strings.HasPrefix(x.Err.Error(), "bad request") {
			t.Fatalf("URL %q: err = %v", u, x.Err)
		}
	}
}

func TestHTTP2RawIsMarkedReconstructed(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"h2"`)
		io.WriteString(w, "over h2")
	}))
	srv.EnableHTTP2 = true
	srv.StartTLS()
	defer srv.Close()

	x := Send(context.Background(), Request{URL: srv.URL}, Options{Insecure: true, HTTP2: true})
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	r := x.Response
	if r.Proto != "HTTP/2.0" || !r.Reconstructed || string(r.Body) != "over h2" {
		t.Fatalf("proto=%s reconstructed=%v body=%q", r.Proto, r.Reconstructed, r.Body)
	}
	if !bytes.HasPrefix(r.RawHead, []byte("HTTP/2.0 200 OK\r\n")) || !bytes.Contains(r.RawHead, []byte("Etag: \"h2\"\r\n")) {
		t.Fatalf("rebuilt head = %q", r.RawHead)
	}
	// Without HTTP2 the same server is spoken to in HTTP/1.1, byte for byte.
	x = Send(context.Background(), Request{URL: srv.URL}, Options{Insecure: true})
	if x.Err != nil || x.Response.Proto != "HTTP/1.1" || x.Response.Reconstructed {
		t.Fatalf("default: err=%v proto=%s", x.Err, x.Response.Proto)
	}
}
