package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/history"
)

// TestPreflightNeverShownAsTheRequestsAnswer: P stores the OPTIONS it sends
// under the request, but a new session showing the request's newest stored
// exchange shows the request's own answer (or none), never the preflight.
func TestPreflightNeverShownAsTheRequestsAnswer(t *testing.T) {
	srv := demoServer(t)
	store := openStore(t)
	path := filepath.Join(t.TempDir(), "cors.http")
	src := "### First\nGET {{demo}}/items/1\n\n" +
		"### Patch from the page\nPATCH {{demo}}/cors/items/2\nOrigin: https://app.example\nContent-Type: application/json\n\n{\"name\":\"pen\"}\n\n" +
		"### Patch again\nPATCH {{demo}}/cors/items/2\nOrigin: https://app.example\nContent-Type: application/json\n\n{\"name\":\"ink\"}\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	m := openModel(t, Config{DemoURL: srv.URL, Path: path, History: store})
	m = selectRequest(t, m, "Patch from the page")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	sent := m.sess.Exchange()
	if sent.Response == nil || sent.Request.Method != "PATCH" {
		t.Fatalf("PATCH: %q", m.status)
	}
	m, _ = drive(t, m, keyMsg("P"), keyMsg("esc"))
	m = selectRequest(t, m, "Patch again")
	m, _ = drive(t, m, keyMsg("P"), keyMsg("esc"))
	for name, want := range map[string]string{"Patch from the page": "OPTIONS PATCH", "Patch again": "OPTIONS"} {
		rows, err := store.List(context.Background(), history.Filter{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		var methods []string
		for _, r := range rows {
			methods = append(methods, r.Method)
		}
		if strings.Join(methods, " ") != want {
			t.Fatalf("%s stored %v (newest first), want %s: the browser stops after the refused preflight", name, methods, want)
		}
	}

	m2 := openModel(t, Config{DemoURL: srv.URL, Path: path, History: store})
	m2 = selectRequest(t, m2, "Patch from the page")
	if x := m2.sess.Exchange(); x.Response == nil || x.Request.Method != "PATCH" || x.Response.Status != sent.Response.Status {
		t.Errorf("a new session shows %s %v for the PATCH, not its own answer:\n%s", x.Request.Method, x.Response != nil, plain(m2.View()))
	}
	m2 = selectRequest(t, m2, "Patch again")
	if resp := plain(m2.resp.View()); m2.sess.Exchange().Response != nil || !strings.Contains(resp, "Not sent yet") {
		t.Errorf("a request only preflighted shows %s as its answer:\n%s", m2.sess.Exchange().Request.Method, resp)
	}
}
