package tourreset

import (
	"context"
	"net"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
)

// TestStartOver: the demo's items come back as seeded and only the tour's
// exchanges leave the history.
func TestStartOver(t *testing.T) {
	srv, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	store, err := history.Open(filepath.Join(t.TempDir(), "h.db"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	c := requests.NewClient(requests.Options{})
	defer c.CloseIdleConnections()
	ctx := context.Background()
	send := func(method, path, body string) requests.Exchange {
		x := c.Send(ctx, requests.Request{Method: method, URL: srv.URL() + path, Body: []byte(body),
			Headers: []requests.Header{{Name: "Content-Type", Value: "application/json"}}})
		if x.Response == nil {
			t.Fatalf("%s %s: %v", method, path, x.Err)
		}
		return x
	}
	seeded := send("GET", "/items/1", "").Response.Body
	send("PUT", "/items/1", `{"name": "changed"}`)
	for _, file := range []string{"tour/01-etags.http", "tour/02-caching.http", "mine.http"} {
		x := send("GET", "/items/2", "")
		if _, err := store.Add(ctx, history.Entry{File: file, Name: "r", Request: x.Request, Response: x.Response}); err != nil {
			t.Fatal(err)
		}
	}

	msg := Cmd(nil, srv.URL()+"/", store)().(DoneMsg)
	if msg.Err != nil || msg.Status != 204 || msg.Forgotten != 2 {
		t.Fatalf("start over: %+v", msg)
	}
	if !strings.Contains(msg.Text(), "the demo answered 204 to its reset and 2 tour exchanges left") {
		t.Errorf("text: %q", msg.Text())
	}
	if got := send("GET", "/items/1", "").Response.Body; string(got) != string(seeded) {
		t.Errorf("item 1 after the reset: %s, want %s", got, seeded)
	}
	rows, err := store.List(ctx, history.Filter{})
	if err != nil || len(rows) != 1 || rows[0].File != "mine.http" {
		t.Errorf("history after the reset: %+v, %v", rows, err)
	}
}

// TestStartOverFails: no demo answering says so, with the URL; without a demo
// there is nothing to start over.
func TestStartOverFails(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + l.Addr().String()
	l.Close()
	msg := Cmd(nil, url, nil)().(DoneMsg)
	if msg.Err == nil || !strings.Contains(msg.Text(), "Start over failed: POST "+url+"/reset") {
		t.Errorf("closed port: %q", msg.Text())
	}
	if Disabled("") == "" || Disabled(url) != "" {
		t.Errorf("disabled: %q, %q", Disabled(""), Disabled(url))
	}
}

// TestStartWithoutTheDemo: with no demo running there is nothing to reset, and
// the status line says why instead of sending anywhere.
func TestStartWithoutTheDemo(t *testing.T) {
	status, isErr, cmd := Start(nil, "", nil)
	if cmd != nil || !isErr || status != "Cannot start over: the demo API is not running (--no-demo)." {
		t.Errorf("got %q, %v, %v", status, isErr, cmd != nil)
	}
	status, isErr, cmd = Start(nil, "http://127.0.0.1:9", nil)
	if cmd == nil || isErr || status != "Starting over: resetting the demo…" {
		t.Errorf("got %q, %v, %v", status, isErr, cmd != nil)
	}
}
