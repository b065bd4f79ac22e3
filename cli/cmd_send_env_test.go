package cli

import (
	"bufio"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestSendUsesTheProxyOfTheEnvironment runs the binary (the proxy variables are
// read once a process) with HTTP_PROXY set: the request goes to the proxy with
// the absolute URL on its request line, as ProxyFromEnvironment says. The target
// names 0.0.0.0 (this machine) on the origin's port, so that its body tells which
// server answered. Without any proxy variable the same binary goes direct.
func TestSendUsesTheProxyOfTheEnvironment(t *testing.T) {
	bin := testBinary(t)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "proxied "+r.RequestURI)
	}))
	defer proxy.Close()
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "direct "+r.RequestURI)
	}))
	defer origin.Close()
	base := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		name, _, _ := strings.Cut(kv, "=")
		return strings.EqualFold(name, "http_proxy") || strings.EqualFold(name, "https_proxy") ||
			strings.EqualFold(name, "no_proxy") || name == "REQUEST_METHOD"
	})
	send := func(env []string, url string) string {
		t.Helper()
		cmd := exec.Command(bin, "send", "--no-history", url)
		cmd.Env = append(slices.Clone(base), env...)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("send %s with %v: %v\n%s", url, env, err, out)
		}
		_, body, _ := strings.Cut(string(out), "\r\n\r\n")
		return body
	}
	target := "http://0.0.0.0:" + origin.URL[strings.LastIndex(origin.URL, ":")+1:] + "/x?y=1"
	for _, name := range []string{"HTTP_PROXY", "http_proxy"} {
		if got, want := send([]string{name + "=" + proxy.URL}, target), "proxied "+target; got != want {
			t.Errorf("with %s: body %q, want %q", name, got, want)
		}
	}
	// HTTPS_PROXY is for https URLs only: a plain http one still goes direct.
	if got, want := send([]string{"HTTPS_PROXY=" + proxy.URL}, origin.URL+"/d"), "direct /d"; got != want {
		t.Errorf("with HTTPS_PROXY only: body %q, want %q", got, want)
	}
	if got, want := send(nil, origin.URL+"/d"), "direct /d"; got != want {
		t.Errorf("without a proxy variable: body %q, want %q", got, want)
	}
}

// A one-shot send leaves a plain connection for the kernel to close at exit, but
// still closes a TLS one itself, so that the server gets the client's
// close_notify, as from curl. (Go's TLS reader takes a bare end of the
// connection at a record boundary for io.EOF too, so the test counts the bytes
// that come after the response: the alert's record, or nothing.)
func TestSendEndsTLSWithCloseNotify(t *testing.T) {
	bin := testBinary(t)
	certs := httptest.NewTLSServer(http.NotFoundHandler()) // for its certificate only
	cfg := certs.TLS.Clone()
	certs.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	after := make(chan int64, 1)
	go func() {
		raw, err := ln.Accept()
		if err != nil {
			after <- -1
			return
		}
		defer raw.Close()
		counted := &countingConn{Conn: raw}
		tc := tls.Server(counted, cfg)
		br := bufio.NewReader(tc)
		req, err := http.ReadRequest(br)
		if err != nil {
			after <- -1
			return
		}
		io.Copy(io.Discard, req.Body)
		io.WriteString(tc, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")
		before := counted.n.Load()
		io.Copy(io.Discard, br) // until the client's close_notify or the end
		after <- counted.n.Load() - before
	}()
	out, err := exec.Command(bin, "send", "--no-history", "--insecure", "https://"+ln.Addr().String()+"/").CombinedOutput()
	if err != nil {
		t.Fatalf("send: %v\n%s", err, out)
	}
	select {
	case n := <-after:
		if n <= 0 {
			t.Errorf("the server read %d bytes after the response: no close_notify", n)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the connection did not end")
	}
}

// countingConn counts the bytes read from the connection.
type countingConn struct {
	net.Conn
	n atomic.Int64
}

func (c *countingConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	c.n.Add(int64(n))
	return n, err
}
