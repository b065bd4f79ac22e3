package requests

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/internal/rawtest"
)

// The faults a debugging tool meets, each served on 127.0.0.1 and each ending in
// a clear error (or an honest partial result), never a hang.

// faultServer serves connections on 127.0.0.1: it reads each request head and
// hands the connection and the head to serve, then closes the connection.
func faultServer(t *testing.T, serve func(c net.Conn, head string)) string {
	t.Helper()
	return "http://" + rawtest.Listen(t, serve) + "/"
}

func TestFaults(t *testing.T) {
	cases := []struct {
		name  string
		serve func(net.Conn, string)
		want  string // in the error
	}{
		{"reset in the middle of the body", func(c net.Conn, _ string) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial")
			c.(*net.TCPConn).SetLinger(0) // close with RST
		}, "reset the connection"},
		{"invalid chunked encoding", func(c net.Conn, _ string) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n")
		}, "invalid chunked encoding"},
		{"Content-Length longer than the body", func(c net.Conn, _ string) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nshort")
		}, "the server closed the connection after 5 B of the body (Content-Length: 50)"},
		{"header section over the limit", func(c net.Conn, _ string) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\n")
			line := "X-Big: " + strings.Repeat("a", 8000) + "\r\n"
			for i := 0; i < (maxHeadCapture/len(line))+2; i++ {
				if _, err := io.WriteString(c, line); err != nil {
					return
				}
			}
		}, "header section is larger than"},
		{"garbage instead of HTTP", func(c net.Conn, _ string) {
			io.WriteString(c, "SSH-2.0-OpenSSH_9.6\r\n\r\n")
		}, "did not answer in HTTP/1.x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			url := faultServer(t, c.serve)
			x := Send(context.Background(), Request{URL: url}, Options{Timeout: 20 * time.Second})
			if x.Err == nil || !strings.Contains(x.Err.Error(), c.want) {
				t.Fatalf("err = %v, want it to mention %q", x.Err, c.want)
			}
		})
	}
}

func TestDripCanBeCancelled(t *testing.T) {
	started := make(chan struct{}, 1)
	url := faultServer(t, func(c net.Conn, _ string) {
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 600\r\n\r\n")
		for i := 0; i < 600; i++ { // bounded: at most a minute
			if _, err := c.Write([]byte{'x'}); err != nil {
				return
			}
			if i == 2 {
				started <- struct{}{}
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	var seen int64
	done := make(chan Exchange, 1)
	go func() {
		done <- Send(ctx, Request{URL: url}, Options{Progress: func(n, total int64) {
			if total != 600 {
				t.Errorf("progress total = %d, want 600", total)
			}
			seen = n
		}})
	}()
	<-started
	cancel()
	select {
	case x := <-done:
		if x.Err == nil || !strings.Contains(x.Err.Error(), "cancelled") {
			t.Fatalf("err = %v, want cancelled", x.Err)
		}
		if x.Response == nil || len(x.Response.Body) == 0 || int64(len(x.Response.Body)) != seen {
			t.Fatalf("the bytes that arrived must be kept and reported: %+v, progress %d", x.Response, seen)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("a dripping body did not stop on cancel")
	}
}

func TestDNSFailure(t *testing.T) {
	// A resolver that answers nothing: the lookup fails here, without traffic.
	res := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, address string) (net.Conn, error) {
		return nil, errors.New("no DNS in tests")
	}}
	x := Send(context.Background(), Request{URL: "http://nosuchhost.invalid/"}, Options{Resolver: res})
	if x.Err == nil || !strings.HasPrefix(x.Err.Error(), "DNS lookup of nosuchhost.invalid failed") {
		t.Fatalf("err = %v", x.Err)
	}
}

// tlsServer serves HTTPS on 127.0.0.1 with a certificate made by mod from a valid
// template for 127.0.0.1.
func tlsServer(t *testing.T, mod func(*x509.Certificate)) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "httplens test"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	mod(tmpl)
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok")
	}))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestTLSErrorsSayWhy(t *testing.T) {
	cases := []struct {
		name string
		mod  func(*x509.Certificate)
		want string
	}{
		{"unknown authority", func(*x509.Certificate) {}, "unknown authority"},
		{"expired", func(c *x509.Certificate) {
			c.NotBefore, c.NotAfter = time.Now().Add(-48*time.Hour), time.Now().Add(-24*time.Hour)
		}, "expired"},
		{"wrong host", func(c *x509.Certificate) {
			c.IPAddresses, c.DNSNames = nil, []string{"example.invalid"}
		}, "not valid for this host"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			url := tlsServer(t, c.mod)
			x := Send(context.Background(), Request{URL: url}, Options{})
			if x.Err == nil || !strings.Contains(x.Err.Error(), c.want) || !strings.Contains(x.Err.Error(), "--insecure") {
				t.Fatalf("err = %v, want %q and the way out", x.Err, c.want)
			}
			x = Send(context.Background(), Request{URL: url}, Options{Insecure: true})
			if x.Err != nil || string(x.Response.Body) != "ok" {
				t.Fatalf("insecure send: %v", x.Err)
			}
		})
	}
}

func TestBodyPastTheCapIsSpooled(t *testing.T) {
	body := bytes.Repeat([]byte("0123456789"), 10000) // 100 kB
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(body) }))
	defer srv.Close()
	dir := t.TempDir()
	x := Send(context.Background(), Request{URL: srv.URL}, Options{MaxBody: 4096, SpoolDir: dir})
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	r := x.Response
	if !r.Truncated || len(r.Body) != 4096 || !bytes.Equal(r.Body, body[:4096]) {
		t.Fatalf("in memory: truncated=%v len=%d", r.Truncated, len(r.Body))
	}
	got, err := os.ReadFile(r.SpoolPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, body) || r.SpooledBytes != int64(len(body)) {
		t.Fatalf("spooled %d bytes (file %d), want the whole %d", r.SpooledBytes, len(got), len(body))
	}
}

func TestGzipBombIsCutAtTheCap(t *testing.T) {
	var z bytes.Buffer
	gz := gzip.NewWriter(&z)
	gz.Write(make([]byte, 10<<20)) // 10 MiB of zeros, about 10 kB compressed
	gz.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(z.Bytes())
	}))
	defer srv.Close()
	x := Send(context.Background(), Request{URL: srv.URL, Headers: []Header{{Name: "Accept-Encoding", Value: "gzip"}}}, Options{MaxBody: 1 << 20})
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	if len(x.Response.Decoded) != 1<<20 || !x.Response.DecodedTruncated {
		t.Fatalf("decoded %d bytes, truncated=%v; want the cap and the mark", len(x.Response.Decoded), x.Response.DecodedTruncated)
	}
	if x.Response.Truncated {
		t.Fatal("the compressed body itself fitted")
	}
}
