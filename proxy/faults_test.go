package proxy

import (
	"bufio"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

func TestUpstreamRefused(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	dead := ln.Addr().String()
	ln.Close() // nothing listens there now
	addr, rec, _ := startProxy(t, Options{})
	c, br := dialProxy(t, addr)
	io.WriteString(c, "GET http://"+dead+"/ HTTP/1.1\r\nHost: "+dead+"\r\n\r\n")
	all, _ := io.ReadAll(br)
	if !strings.HasPrefix(string(all), "HTTP/1.1 502 Bad Gateway\r\n") || !strings.Contains(string(all), "connection refused") {
		t.Errorf("client got %q", all)
	}
	x := rec.wait(t, 1)[0]
	if x.Response != nil || x.Err == nil || !strings.Contains(x.Err.Error(), "refused") {
		t.Errorf("recorded %+v", x)
	}
}

// An upstream that dies in the middle of a body: the client gets the bytes that
// came and then a closed connection (never a complete-looking message), and the
// record says how far it got.
func TestUpstreamResetMidBody(t *testing.T) {
	up := rawServer(t, func(c net.Conn) {
		readHead(bufio.NewReader(c))
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"+strings.Repeat("x", 100))
		c.(*net.TCPConn).SetLinger(0) // RST, not FIN
	})
	addr, rec, _ := startProxy(t, Options{})
	c, br := dialProxy(t, addr)
	io.WriteString(c, "GET http://"+up+"/ HTTP/1.1\r\nHost: "+up+"\r\n\r\n")
	all, _ := io.ReadAll(br)
	if !strings.HasPrefix(string(all), "HTTP/1.1 200 OK\r\n") || strings.Count(string(all), "x") != 100 {
		t.Errorf("client got %q", all)
	}
	x := rec.wait(t, 1)[0]
	if x.Err == nil || !strings.Contains(x.Err.Error(), "failed after 100 body bytes") || x.ResponseBodyBytes != 100 {
		t.Errorf("recorded err %v, %d bytes", x.Err, x.ResponseBodyBytes)
	}
}

// A client that goes away mid-body: the proxy stops reading the upstream and
// closes it (the upstream's writes fail), and records why.
func TestClientGoesAwayMidBody(t *testing.T) {
	upstreamDone := make(chan error, 1)
	up := rawServer(t, func(c net.Conn) {
		readHead(bufio.NewReader(c))
		io.WriteString(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
		chunk := "8000\r\n" + strings.Repeat("y", 0x8000) + "\r\n"
		c.SetWriteDeadline(time.Now().Add(30 * time.Second))
		for {
			if _, err := io.WriteString(c, chunk); err != nil {
				upstreamDone <- err
				return
			}
		}
	})
	addr, rec, _ := startProxy(t, Options{})
	c, br := dialProxy(t, addr)
	io.WriteString(c, "GET http://"+up+"/ HTTP/1.1\r\nHost: "+up+"\r\n\r\n")
	readN(t, br, 1000)
	c.(*net.TCPConn).SetLinger(0)
	c.Close()
	x := rec.wait(t, 1)[0]
	if x.Err == nil || !strings.Contains(x.Err.Error(), "client went away") {
		t.Errorf("recorded err %v", x.Err)
	}
	if err := <-upstreamDone; err == nil || strings.Contains(err.Error(), "timeout") {
		t.Errorf("the upstream was not closed: %v", err)
	}
	// Bounded: what was kept is at most the cap, however long the body ran.
	if int64(len(x.Response.Body)) > DefaultMaxBody || !x.Response.Truncated && x.ResponseBodyBytes > DefaultMaxBody {
		t.Errorf("kept %d bytes of %d", len(x.Response.Body), x.ResponseBodyBytes)
	}
}

// A client that stops reading holds the upstream back instead of making the proxy
// buffer: the upstream's writes block once the socket buffers are full.
func TestBackpressure(t *testing.T) {
	wrote := make(chan int64, 1)
	release := make(chan struct{})
	up := rawServer(t, func(c net.Conn) {
		readHead(bufio.NewReader(c))
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n")
		var n int64
		buf := make([]byte, 64<<10)
		for {
			// A write that cannot finish for a while means the path is full.
			c.SetWriteDeadline(time.Now().Add(500 * time.Millisecond))
			m, err := c.Write(buf)
			n += int64(m)
			if err != nil {
				wrote <- n
				<-release
				return
			}
		}
	})
	addr, _, _ := startProxy(t, Options{MaxBody: 1 << 10})
	c, _ := dialProxy(t, addr)
	io.WriteString(c, "GET http://"+up+"/ HTTP/1.1\r\nHost: "+up+"\r\n\r\n")
	n := <-wrote
	close(release)
	// Socket buffers on loopback hold a few MB at most; the body is 1 GiB.
	if n > 64<<20 {
		t.Errorf("the upstream wrote %d bytes to a client that reads nothing", n)
	}
}

// When the client's connection ends, so does the proxy's connection upstream: the
// upstream reads EOF rather than waiting for a request that never comes.
func TestUpstreamClosedWithClient(t *testing.T) {
	sawEOF := make(chan error, 1)
	up := rawServer(t, func(c net.Conn) {
		br := bufio.NewReader(c)
		readHead(br)
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
		c.SetReadDeadline(time.Now().Add(30 * time.Second))
		_, err := readHead(br)
		sawEOF <- err
	})
	addr, rec, _ := startProxy(t, Options{})
	c, br := dialProxy(t, addr)
	io.WriteString(c, "GET http://"+up+"/ HTTP/1.1\r\nHost: "+up+"\r\nConnection: close\r\n\r\n")
	if all, _ := io.ReadAll(br); !strings.HasSuffix(string(all), "\r\n\r\nok") {
		t.Errorf("client got %q", all)
	}
	rec.wait(t, 1)
	if err := <-sawEOF; err != io.EOF {
		t.Errorf("the upstream connection was left open: %v", err)
	}
}
