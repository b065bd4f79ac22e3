package ui

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/internal/rawtest"

	"github.com/charmbracelet/x/exp/teatest"

	"github.com/httplens/httplens/requests"
)

// rawServer answers every connection on 127.0.0.1 with serve, after reading the
// request head; it stops with the test.
func rawServer(t *testing.T, serve func(net.Conn)) string {
	t.Helper()
	return "http://" + rawtest.Answer(t, serve)
}

// sendOne opens a folder holding one request to url, sends it and waits for want.
func sendOne(t *testing.T, cfg Config, url string, want ...string) *teatest.TestModel {
	t.Helper()
	dir := t.TempDir()
	writeHTTP(t, dir, "fault.http", "### Fault\nGET "+url+"\n")
	cfg.Dir = dir
	tm := startRoot(t, cfg, 140, 40)
	waitText(t, tm, "Fault")
	sendKeys(tm, "ctrl+r")
	waitText(t, tm, want...)
	return tm
}

func TestFaultsEndInClearMessages(t *testing.T) {
	gz := func() []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write(bytes.Repeat([]byte("z"), 1<<20))
		w.Close()
		return b.Bytes()
	}()
	cases := []struct {
		name  string
		opts  requests.Options
		serve func(net.Conn)
		want  []string
	}{
		{"reset in the middle of the body keeps what arrived", requests.Options{}, func(c net.Conn) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial-bytes")
			c.(*net.TCPConn).SetLinger(0)
		}, []string{"reset the connection", "partial body: 13 B arrived before the error", "partial-bytes"}},
		{"invalid chunked encoding", requests.Options{}, func(c net.Conn) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n")
		}, []string{"invalid chunked encoding"}},
		{"Content-Length longer than the body", requests.Options{}, func(c net.Conn) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nshort")
		}, []string{"the server closed the connection after 5", "partial body: 5 B"}},
		{"header section over the limit", requests.Options{}, func(c net.Conn) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\n")
			line := "X-Big: " + strings.Repeat("a", 8000) + "\r\n"
			for range 200 {
				if _, err := io.WriteString(c, line); err != nil {
					return
				}
			}
		}, []string{"Response 200 OK", "header section is larger"}},
		{"gzip inflating past the cap", requests.Options{MaxBody: 64 << 10}, func(c net.Conn) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/plain\r\nContent-Length: "+strconv.Itoa(len(gz))+"\r\n\r\n")
			c.Write(gz)
		}, []string{"gzip body inflates past 65.5 KB"}},
		{"a server that never answers times out", requests.Options{Timeout: 300 * time.Millisecond}, func(c net.Conn) {
			c.Read(make([]byte, 1)) // until the client gives up
		}, []string{"Request failed", "timed out"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tm := sendOne(t, Config{Options: c.opts}, rawServer(t, c.serve)+"/", c.want...)
			sendKeys(tm, "tab", "tab", "?") // still usable: the help opens
			waitText(t, tm, "esc or ? closes this help")
			sendKeys(tm, "esc", "q")
			tm.WaitFinished(t, teatest.WithFinalTimeout(waitLong))
		})
	}
}

func TestDNSFailureIsNamed(t *testing.T) {
	res := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, address string) (net.Conn, error) {
		return nil, errors.New("no DNS in tests")
	}}
	tm := sendOne(t, Config{Options: requests.Options{Resolver: res}}, "http://nosuchhost.invalid/",
		"Request failed", "DNS lookup of nosuchhost.invalid failed")
	sendKeys(tm, "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(waitLong))
}

func TestRefusedCertificateCanBeResentInsecurely(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "over TLS")
	}))
	t.Cleanup(srv.Close)
	tm := sendOne(t, Config{}, srv.URL+"/", "signed by an unknown authority", "press i in the response pane")
	sendKeys(tm, "tab", "tab", "i")
	waitText(t, tm, "Response 200 OK", "over TLS", "(certificate not checked) → 200")
	sendKeys(tm, "ctrl+r") // the next send checks again
	waitText(t, tm, "Failed: TLS certificate rejected")
	sendKeys(tm, "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(waitLong))
}

func TestDripCanBeCancelledAndShowsProgress(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	url := rawServer(t, func(c net.Conn) {
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2000000\r\n\r\n")
		c.Write(bytes.Repeat([]byte("d"), 1000000))
		<-release // then nothing more: the rest never comes
	})
	tm := sendOne(t, Config{}, url+"/", "1.0 MB of 2.0 MB (50%)", "Sending GET Fault")
	sendKeys(tm, "esc")
	waitText(t, tm, "Cancelled: GET Fault", "partial body: 1.0 MB arrived")
	sendKeys(tm, "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(waitLong))
}

func TestProgressOfUnknownLength(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	url := rawServer(t, func(c net.Conn) {
		io.WriteString(c, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
		c.Write(bytes.Repeat([]byte("u"), 300000))
		<-release
	})
	tm := sendOne(t, Config{}, url+"/", "300.0 KB received ·", "/s")
	sendKeys(tm, "esc", "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(waitLong))
}

// Bytes a server sends after the end of a message reach the explain panel: a 204
// with content is named as the framing error it is, here as in `send --explain`.
func TestBytesAfterA204AreExplained(t *testing.T) {
	url := rawServer(t, func(c net.Conn) {
		io.WriteString(c, "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n{\"oops\":true}")
	})
	tm := sendOne(t, Config{}, url, "Response 204 No Content", "204 No Content with content", "The 13 bytes that followed")
	sendKeys(tm, "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(waitLong))
}
