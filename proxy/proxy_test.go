package proxy

import (
	"bufio"
	"io"
	"net"
	"strings"
	"testing"
)

// The upstream sees the client's head with only the request line made origin-form
// and the proxy's own fields gone; the client sees the upstream's bytes unchanged;
// the record keeps both heads as they crossed, and the connection is reused.
func TestForwardByteExact(t *testing.T) {
	const resp = "HTTP/1.1 200 OK\r\nX-Odd-CASE: 1\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nTransfer-Encoding: chunked\r\n\r\n" +
		"5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"
	got := make(chan string, 2)
	up := rawServer(t, func(c net.Conn) {
		br := bufio.NewReader(c)
		for range 2 {
			h, err := readHead(br)
			if err != nil {
				return
			}
			body := ""
			if strings.HasPrefix(string(h), "POST") {
				body = readN(t, br, 4)
			}
			got <- string(h) + body
			io.WriteString(c, resp)
		}
	})
	addr, rec, _ := startProxy(t, Options{})
	c, br := dialProxy(t, addr)
	req := "GET http://" + up + "/x?y=1 HTTP/1.1\r\nHost: " + up + "\r\nx-lower: a\r\nProxy-Connection: keep-alive\r\nAccept:  */*\r\n\r\n"
	io.WriteString(c, req)
	if h := <-got; h != "GET /x?y=1 HTTP/1.1\r\nHost: "+up+"\r\nx-lower: a\r\nAccept:  */*\r\n\r\n" {
		t.Errorf("upstream got %q", h)
	}
	if r := readN(t, br, len(resp)); r != resp {
		t.Errorf("client got %q", r)
	}
	// Same connection, a body this time.
	req2 := "POST http://" + up + "/p HTTP/1.1\r\nHost: " + up + "\r\nContent-Length: 4\r\n\r\nabcd"
	io.WriteString(c, req2)
	if h := <-got; h != "POST /p HTTP/1.1\r\nHost: "+up+"\r\nContent-Length: 4\r\n\r\nabcd" {
		t.Errorf("upstream got %q", h)
	}
	readN(t, br, len(resp))
	xs := rec.wait(t, 2)
	x := xs[0]
	if string(x.Request.RawHead) != req || x.Request.URL != "http://"+up+"/x?y=1" {
		t.Errorf("recorded request %q %s", x.Request.RawHead, x.Request.URL)
	}
	if x.Response == nil || !strings.HasPrefix(resp, string(x.Response.RawHead)) || string(x.Response.Body) != "hello world" || x.ResponseBodyBytes != 11 {
		t.Fatalf("recorded response %+v", x.Response)
	}
	if x.Response.Headers[0].Name != "X-Odd-CASE" || x.Response.Headers[2].Value != "b=2" || x.Err != nil {
		t.Errorf("headers %v err %v", x.Response.Headers, x.Err)
	}
	if string(xs[1].Request.Body) != "abcd" || xs[1].Request.Method != "POST" {
		t.Errorf("second exchange %+v", xs[1].Request)
	}
}

func TestRefusesWhatItCannotForward(t *testing.T) {
	addr, _, _ := startProxy(t, Options{})
	for _, c := range []struct{ name, req, want string }{
		{"origin-form to a plain proxy", "GET /x HTTP/1.1\r\nHost: a\r\n\r\n", "400 Bad Request"},
		{"https as a plain request", "GET https://a/ HTTP/1.1\r\nHost: a\r\n\r\n", "go through CONNECT"},
		{"both lengths", "POST http://127.0.0.1:1/ HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", "both Transfer-Encoding and Content-Length"},
	} {
		t.Run(c.name, func(t *testing.T) {
			conn, br := dialProxy(t, addr)
			io.WriteString(conn, c.req)
			all, _ := io.ReadAll(br)
			if !strings.Contains(string(all), c.want) {
				t.Errorf("got %q", all)
			}
		})
	}
}
