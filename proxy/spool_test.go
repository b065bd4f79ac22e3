package proxy

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/httplens/httplens/spool"
)

// A 5 MB body each way through the proxy with a 1 MB cap is recorded whole: the
// spool files hold exactly the bytes that crossed, memory holds the first 1 MB,
// and the spool folder goes when its owner removes it.
func TestBodiesPastTheCapAreSpooledWhole(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	sp, err := spool.New()
	if err != nil {
		t.Fatal(err)
	}
	const size, limit = 5 << 20, 1 << 20
	body := make([]byte, size)
	for i := range body {
		body[i] = byte(i*7 + i/251)
	}
	reqBody := make([]byte, size)
	for i := range reqBody {
		reqBody[i] = body[i] ^ 0x5a
	}
	up := rawServer(t, func(c net.Conn) {
		br := bufio.NewReader(c)
		readHead(br)
		if _, err := io.CopyN(io.Discard, br, size); err != nil {
			return
		}
		fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n", size)
		c.Write(body)
	})
	addr, rec, _ := startProxy(t, Options{MaxBody: limit, SpoolDir: sp.Path})

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	c, br := dialProxy(t, addr)
	fmt.Fprintf(c, "POST http://%s/upload HTTP/1.1\r\nHost: %s\r\nContent-Length: %d\r\n\r\n", up, up, size)
	if _, err := c.Write(reqBody); err != nil {
		t.Fatal(err)
	}
	if h := readHeadFrom(t, br); !strings.HasPrefix(h, "HTTP/1.1 200") {
		t.Fatalf("head %q", h)
	}
	got := make([]byte, 64<<10)
	var n int64
	for n < size {
		r, err := br.Read(got)
		if r > 0 && !bytes.Equal(got[:r], body[n:n+int64(r)]) {
			t.Fatalf("response bytes differ at %d", n)
		}
		n += int64(r)
		if err != nil {
			t.Fatalf("after %d bytes: %v", n, err)
		}
	}
	x := rec.wait(t, 1)[0]
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if x.Err != nil || x.SpoolErr != nil {
		t.Fatalf("exchange: %v, spool: %v", x.Err, x.SpoolErr)
	}
	// 10 MB crossed; the records hold 1 MB each in memory (grown by append).
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 6<<20 {
		t.Errorf("%d bytes allocated while 2 × 5 MB crossed: memory follows the body", alloc)
	}
	if len(x.Request.Body) != limit || !bytes.Equal(x.Request.Body, reqBody[:limit]) || x.RequestBodyBytes != size {
		t.Errorf("request body in memory: %d bytes of %d", len(x.Request.Body), x.RequestBodyBytes)
	}
	r := x.Response
	if len(r.Body) != limit || !bytes.Equal(r.Body, body[:limit]) || !r.Truncated || x.ResponseBodyBytes != size {
		t.Errorf("response body in memory: %d bytes of %d, truncated %v", len(r.Body), x.ResponseBodyBytes, r.Truncated)
	}
	for _, f := range []struct {
		name, path string
		want       []byte
	}{{"request", x.RequestSpoolPath, reqBody}, {"response", r.SpoolPath, body}} {
		if filepath.Dir(f.path) != sp.Path {
			t.Fatalf("%s spooled to %q, want a file in %s", f.name, f.path, sp.Path)
		}
		b, err := os.ReadFile(f.path)
		if err != nil || !bytes.Equal(b, f.want) {
			t.Errorf("%s spool file: %d bytes, equal %v, %v", f.name, len(b), bytes.Equal(b, f.want), err)
		}
	}
	if r.SpooledBytes != size {
		t.Errorf("SpooledBytes %d", r.SpooledBytes)
	}
	sp.Remove()
	if _, err := os.Stat(r.SpoolPath); !os.IsNotExist(err) {
		t.Errorf("spool file left after Remove: %v", err)
	}
}

// Without a spool folder the record keeps the first MaxBody bytes and names no file.
func TestNoSpoolDirKeepsTheCap(t *testing.T) {
	body := strings.Repeat("z", 3000)
	up := rawServer(t, func(c net.Conn) {
		readHead(bufio.NewReader(c))
		fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", len(body), body)
	})
	addr, rec, _ := startProxy(t, Options{MaxBody: 1000})
	c, br := dialProxy(t, addr)
	fmt.Fprintf(c, "GET http://%s/ HTTP/1.1\r\nHost: %s\r\n\r\n", up, up)
	readHeadFrom(t, br)
	readN(t, br, len(body))
	x := rec.wait(t, 1)[0]
	if x.Response.SpoolPath != "" || len(x.Response.Body) != 1000 || !x.Response.Truncated || x.ResponseBodyBytes != 3000 {
		t.Errorf("got spool %q, %d bytes kept of %d", x.Response.SpoolPath, len(x.Response.Body), x.ResponseBodyBytes)
	}
}
