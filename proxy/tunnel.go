package proxy

import (
	"bufio"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"sync"
	"time"

	"github.com/httplens/httplens/requests"
)

const established = "HTTP/1.1 200 Connection Established\r\n\r\n"

// connect serves a CONNECT: a tunnel, or the decrypted exchanges inside it when a
// CA is set.
func (ss *session) connect(target string, head []byte, hs []requests.Header) {
	host, _, err := net.SplitHostPort(target)
	if err != nil || ss.scheme == "https" {
		ss.reply(400, "Bad Request", fmt.Sprintf("CONNECT %q: want host:port, outside any tunnel", target))
		return
	}
	x := Exchange{Sent: time.Now(), Request: requests.SentRequest{Method: "CONNECT", URL: target, Proto: "HTTP/1.1", Headers: hs, RawHead: head}}
	record := ss.s.recorded(host)
	if !ss.s.allowed(host) {
		ss.reply(403, "Forbidden", host+" is not among the hosts this proxy forwards to")
		ss.finish(record, x, fmt.Errorf("refused: %s is not allowed", host))
		return
	}
	if ss.s.opts.CA != nil {
		ss.intercept(target, host, x, record)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), ss.s.opts.DialTimeout)
	var d net.Dialer
	up, err := d.DialContext(ctx, "tcp", target)
	cancel()
	if err != nil {
		ss.replyUpstreamError(target, err)
		ss.finish(record, x, fmt.Errorf("upstream %s: %w", target, err))
		return
	}
	defer up.Close()
	if _, err := io.WriteString(ss.bw, established); err != nil || ss.bw.Flush() != nil {
		ss.finish(record, x, fmt.Errorf("client went away before the tunnel opened"))
		return
	}
	x.Received = time.Now()
	x.Response = &requests.Response{Proto: "HTTP/1.1", Status: 200, Reason: "Connection Established", RawHead: []byte(established)}
	t := ss.pipe(up)
	t.Host = target
	x.Tunnel = &t
	ss.finish(record, x, nil)
}

// pipe copies both ways between the client and up until both directions end;
// each direction's end is passed on as a half close where the connection has one.
// Silence longer than IdleTimeout ends the tunnel.
func (ss *session) pipe(up net.Conn) Tunnel {
	start := time.Now()
	ss.conn.d = ss.s.opts.IdleTimeout
	upc := &stallConn{Conn: up, d: ss.s.opts.IdleTimeout}
	var t Tunnel
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		// The client's buffered reader may already hold bytes sent after CONNECT.
		t.Up, _ = io.Copy(upc, ss.br)
		closeWrite(up)
	}()
	t.Down, _ = io.Copy(ss.conn, upc)
	closeWrite(ss.conn.Conn)
	// The other direction may wait on a client that never closes: end it too.
	ss.conn.stop.Store(true)
	ss.conn.Conn.SetReadDeadline(time.Now())
	wg.Wait()
	t.Duration = time.Since(start)
	return t
}

// pipeUpgraded passes bytes both ways after a 101 Switching Protocols (WebSocket).
func (ss *session) pipeUpgraded() {
	up := ss.up
	ss.up = nil
	defer up.conn.Close()
	// Bytes the upstream sent right after its 101 head are in its buffered reader.
	if n := up.br.Buffered(); n > 0 {
		b, _ := up.br.Peek(n)
		ss.bw.Write(b)
		ss.bw.Flush()
	}
	ss.pipe(up.conn)
}

func closeWrite(c net.Conn) {
	if cw, ok := c.(interface{ CloseWrite() error }); ok {
		cw.CloseWrite()
		return
	}
	c.Close()
}

// intercept ends the client's TLS with a leaf certificate for the target and
// serves the requests inside as https exchanges. A failed handshake (the client
// does not trust the CA) is recorded as the CONNECT's error.
func (ss *session) intercept(target, host string, x Exchange, record bool) {
	if _, err := io.WriteString(ss.bw, established); err != nil || ss.bw.Flush() != nil {
		ss.finish(record, x, fmt.Errorf("client went away before the tunnel opened"))
		return
	}
	cfg := &tls.Config{
		NextProtos: []string{"http/1.1"},
		GetCertificate: func(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
			name := hello.ServerName
			if name == "" {
				name = host
			}
			return ss.s.opts.CA.Leaf(name)
		},
	}
	tc := tls.Server(&bufferedConn{Conn: ss.conn.Conn, r: ss.br}, cfg)
	ss.conn.Conn.SetDeadline(time.Now().Add(ss.s.opts.StallTimeout))
	if err := tc.Handshake(); err != nil {
		x.Intercepted = true
		ss.finish(record, x, fmt.Errorf("TLS handshake with the client failed (does it trust the httplens CA?): %w", err))
		return
	}
	ss.conn.Conn.SetDeadline(time.Time{})
	inner := ss.s.newSession(tc, "https", target)
	defer inner.dropUpstream()
	inner.loop()
}

// bufferedConn reads through the bufio.Reader that already holds the bytes the
// client sent after CONNECT (the start of its TLS handshake, perhaps).
type bufferedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c *bufferedConn) Read(p []byte) (int, error) {
	if c.r.Buffered() > 0 {
		return c.r.Read(p)
	}
	return c.Conn.Read(p)
}
