package requests

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// BenchmarkSend compares Client.Send (HTTP/1.1 written and read by httplens) with the
// old path (net/http under a tapped connection) and with plain net/http doing the same exchange
// (keep-alive GET, whole body read into memory) against a loopback server, for a 1 KB
// and a 10 MB body. Compare the pairs: run with -benchmem.
func BenchmarkSend(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"1KB", 1 << 10}, {"10MB", 10 << 20}} {
		body := make([]byte, size.n)
		for i := range body {
			body[i] = 'a' + byte(i%26)
		}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.Header().Set("ETag", `"bench"`)
			w.Write(body)
		}))

		b.Run(size.name+"/net-http", func(b *testing.B) {
			tr := &http.Transport{DisableCompression: true}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr}
			b.SetBytes(int64(size.n))
			b.ReportAllocs()
			for b.Loop() {
				req, _ := http.NewRequestWithContext(context.Background(), "GET", srv.URL, nil)
				req.Header.Set("User-Agent", "httplens")
				resp, err := client.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				got, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil || len(got) != size.n {
					b.Fatalf("read %d bytes: %v", len(got), err)
				}
			}
		})
		// The path before issue 17: net/http with the tapped connection.
		b.Run(size.name+"/old-net-http-tap", func(b *testing.B) {
			c := NewClient(Options{})
			c.netHTTP = true
			defer c.CloseIdleConnections()
			b.SetBytes(int64(size.n))
			b.ReportAllocs()
			for b.Loop() {
				x := c.Send(context.Background(), Request{Method: "GET", URL: srv.URL})
				if x.Err != nil || len(x.Response.Body) != size.n {
					b.Fatalf("err=%v", x.Err)
				}
			}
		})
		b.Run(size.name+"/httplens", func(b *testing.B) {
			c := NewClient(Options{})
			defer c.CloseIdleConnections()
			b.SetBytes(int64(size.n))
			b.ReportAllocs()
			for b.Loop() {
				x := c.Send(context.Background(), Request{Method: "GET", URL: srv.URL})
				if x.Err != nil || len(x.Response.Body) != size.n {
					b.Fatalf("err=%v", x.Err)
				}
			}
		})
		srv.Close()
	}
}
