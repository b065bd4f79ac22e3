// Package rawtest serves raw bytes on 127.0.0.1 for the tests of misbehaving
// servers (hostile heads, resets, drips, silence) that an http.Handler cannot
// write. It is for tests only.
package rawtest

import (
	"bytes"
	"io"
	"net"
	"strings"
	"testing"
)

// Serve accepts connections on ln until the test ends. Each connection's request
// head is read (up to and including the blank line; what arrived when the client
// stopped short) and handed with the connection to serve, which runs on its own
// goroutine; the connection is closed when serve returns.
func Serve(t testing.TB, ln net.Listener, serve func(c net.Conn, head string)) {
	t.Helper()
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				serve(c, ReadHead(c))
			}()
		}
	}()
}

// Listen is Serve on a new loopback listener; it returns the listener's address
// (host:port).
func Listen(t testing.TB, serve func(c net.Conn, head string)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	Serve(t, ln, serve)
	return ln.Addr().String()
}

// Answer is Listen for servers that speak only once a whole request head has
// arrived: a client that stops short gets no answer.
func Answer(t testing.TB, serve func(c net.Conn)) string {
	t.Helper()
	return Listen(t, func(c net.Conn, head string) {
		if strings.HasSuffix(head, "\r\n\r\n") {
			serve(c)
		}
	})
}

// ReadHead reads c up to the blank line that ends a request head and returns the
// head with it, or what arrived before the client stopped or closed.
func ReadHead(c net.Conn) string {
	var got []byte
	buf := make([]byte, 1024)
	for {
		if i := bytes.Index(got, []byte("\r\n\r\n")); i >= 0 {
			return string(got[:i+4])
		}
		n, err := c.Read(buf)
		if err != nil {
			return string(got)
		}
		got = append(got, buf[:n]...)
	}
}

// Hanging returns the base URL of a server that reads each request and never
// answers: a request ends only when its client gives up (cancels or times out).
func Hanging(t testing.TB) string {
	t.Helper()
	return "http://" + Listen(t, func(c net.Conn, _ string) { io.Copy(io.Discard, c) })
}
