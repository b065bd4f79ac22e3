package proxy

import (
	"bufio"
	"io"
	"net"
	"sync"
	"testing"
	"time"
)

// recorder collects the exchanges a proxy records.
type recorder struct {
	mu   sync.Mutex
	list []Exchange
	got  chan struct{}
}

func newRecorder() *recorder { return &recorder{got: make(chan struct{}, 10000)} }

func (r *recorder) record(x Exchange) {
	r.mu.Lock()
	r.list = append(r.list, x)
	r.mu.Unlock()
	r.got <- struct{}{}
}

// wait returns the first n exchanges once they are recorded.
func (r *recorder) wait(t *testing.T, n int) []Exchange {
	t.Helper()
	for range n {
		select {
		case <-r.got:
		case <-time.After(30 * time.Second):
			t.Fatalf("fewer than %d exchanges recorded", n)
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Exchange(nil), r.list...)
}

// startProxy serves a proxy on a loopback port until the test ends.
func startProxy(t *testing.T, opts Options) (addr string, rec *recorder, s *Server) {
	t.Helper()
	rec = newRecorder()
	if opts.Record == nil {
		opts.Record = rec.record
	}
	s = New(opts)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { s.Serve(ln); close(done) }()
	t.Cleanup(func() { s.Close(); <-done })
	return ln.Addr().String(), rec, s
}

// rawServer accepts connections on loopback and runs handle on each.
func rawServer(t *testing.T, handle func(c net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() { defer wg.Done(); defer c.Close(); handle(c) }()
		}
	}()
	return ln.Addr().String()
}

// readHeadFrom reads one head from c.
func readHeadFrom(t *testing.T, br *bufio.Reader) string {
	t.Helper()
	h, err := readHead(br)
	if err != nil {
		t.Errorf("reading a head: %v", err)
	}
	return string(h)
}

func dialProxy(t *testing.T, addr string) (net.Conn, *bufio.Reader) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(30 * time.Second))
	return c, bufio.NewReader(c)
}

func readN(t *testing.T, r io.Reader, n int) string {
	t.Helper()
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		t.Fatalf("reading %d bytes: %v", n, err)
	}
	return string(b)
}
