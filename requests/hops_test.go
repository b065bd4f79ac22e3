package requests

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// resetListener accepts connections on 127.0.0.1 and resets each one as soon as
// the request head has arrived: a hop that fails after the redirect that led to it.
func resetListener(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			buf := make([]byte, 4096)
			c.Read(buf)
			c.(*net.TCPConn).SetLinger(0) // close with RST
			c.Close()
		}
	}()
	return "http://" + ln.Addr().String()
}

func TestHopKeepsEachResponseWhenALaterHopFails(t *testing.T) {
	dead := resetListener(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", dead+"/gone")
		w.WriteHeader(http.StatusFound)
		io.WriteString(w, "moved")
	}))
	defer srv.Close()

	x := Send(context.Background(), Request{Method: "GET", URL: srv.URL + "/start"}, Options{FollowRedirects: true})
	if x.Err == nil {
		t.Fatalf("the reset hop must fail the exchange: %+v", x.Response)
	}
	if len(x.Hops) != 1 {
		t.Fatalf("hops = %+v, want the 302", x.Hops)
	}
	h := x.Hops[0]
	if h.Response == nil || h.Response.Status != 302 || !bytes.HasPrefix(h.Response.RawHead, []byte("HTTP/1.1 302 Found")) || string(h.Response.Body) != "moved" {
		t.Fatalf("the 302 that arrived is not kept: %+v", h.Response)
	}
	if h.Request.Method != "GET" || !strings.HasPrefix(string(h.Request.RawHead), "GET /start HTTP/1.1") || h.Received.IsZero() {
		t.Fatalf("the hop's request is not kept: %q at %v", h.Request.RawHead, h.Received)
	}
	if x.Request.URL != dead+"/gone" {
		t.Fatalf("the failed request is %s, want the Location", x.Request.URL)
	}
}

func TestHopRepeatsDeleteOn307(t *testing.T) {
	var seen []string
	mux := http.NewServeMux()
	mux.HandleFunc("/old/1", func(w http.ResponseWriter, r *http.Request) {
		seen = append(seen, r.Method+" "+r.URL.Path)
		http.Redirect(w, r, "/new/1", http.StatusTemporaryRedirect)
	})
	mux.HandleFunc("/new/1", func(w http.ResponseWriter, r *http.Request) {
		seen = append(seen, r.Method+" "+r.URL.Path)
		w.WriteHeader(http.StatusNoContent)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	x := Send(context.Background(), Request{Method: "DELETE", URL: srv.URL + "/old/1"}, Options{FollowRedirects: true})
	if x.Err != nil || x.Response.Status != 204 {
		t.Fatalf("err=%v resp=%+v", x.Err, x.Response)
	}
	if strings.Join(seen, ",") != "DELETE /old/1,DELETE /new/1" {
		t.Fatalf("server saw %v", seen)
	}
	if len(x.Hops) != 1 || x.Hops[0].Response == nil || x.Hops[0].Response.Status != 307 || x.Hops[0].Request.Method != "DELETE" {
		t.Fatalf("hops = %+v", x.Hops)
	}
}
