package ui

import (
	"strings"
	"testing"

	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/ui/dialogs"
)

func TestHeaderNotesInHeadersTab(t *testing.T) {
	srv := demoServer(t)
	m := openModel(t, Config{DemoURL: srv.URL})
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	for m.focus != paneResponse {
		m, _ = drive(t, m, keyMsg("tab"))
	}
	m, _ = drive(t, m, keyMsg("3"))
	x := explaininput.From(m.sess.Exchange(), m.sess.Exchange().Received)
	notes := explain.HeaderNotes(x)
	v := plain(m.View())
	etag := -1
	for i, n := range notes {
		if !strings.Contains(v, n.Name) || !strings.Contains(v, "↳ "+firstWords(n.Meaning, 4)) {
			t.Errorf("header %s and its meaning %q are not shown:\n%s", n.Name, n.Meaning, v)
		}
		if n.Name == "Etag" || n.Name == "ETag" {
			etag = i
		}
	}
	if etag < 0 {
		t.Fatalf("no ETag among %v", notes)
	}
	moves := make([]string, etag)
	for i := range moves {
		moves[i] = "down"
	}
	m, _ = drive(t, m, keys(append(moves, "enter")...)...)
	if m.overlay.Kind() != dialogs.Text {
		t.Fatalf("enter on %s opened no overlay", notes[etag].Name)
	}
	v = plain(m.View())
	n := notes[etag]
	for _, want := range append([]string{"Header " + n.Name, firstWords(n.Meaning, 4), "See " + n.Refs[0]}, n.Parsed...) {
		if !strings.Contains(v, want) {
			t.Errorf("the note overlay lacks %q:\n%s", want, v)
		}
	}
}

// firstWords is the first n words of s, joined by single spaces.
func firstWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(n, len(w))], " ")
}

func TestMethodPropertiesShown(t *testing.T) {
	m := openModel(t, Config{DemoURL: "http://127.0.0.1:9"})
	for title, want := range map[string]string{"Read item": "safe · idempotent · cacheable §9.2",
		"Create item with POST":    "unsafe · not idempotent · cacheable only if told §9.3.3",
		"Update item if unchanged": "unsafe · idempotent · not cacheable §9.2"} {
		m = selectRequest(t, m, title)
		if v := plain(m.View()); !strings.Contains(v, want) {
			t.Errorf("%s: the request pane lacks %q:\n%s", title, want, v)
		}
	}
}

func TestResendingNonIdempotentAsks(t *testing.T) {
	srv := demoServer(t)
	m := openModel(t, Config{DemoURL: srv.URL})
	m = selectRequest(t, m, "Create item with POST")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	first := headerValue(m.sess.Exchange().Response.Headers, "Location")
	if m.sess.Exchange().Response.Status != 201 || m.overlay.Kind() != dialogs.None {
		t.Fatalf("the first POST: %q, overlay %v", m.status, m.overlay.Kind())
	}
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if m.overlay.Kind() != dialogs.Resend || !strings.Contains(plain(m.View()), "POST is not idempotent") {
		t.Fatalf("no question before the second POST:\n%s", plain(m.View()))
	}
	m, _ = drive(t, m, keyMsg("n"))
	if m.overlay.Kind() != dialogs.None || headerValue(m.sess.Exchange().Response.Headers, "Location") != first {
		t.Fatal("n sent the POST anyway")
	}
	m, _ = drive(t, m, keys("ctrl+r", "y")...)
	if second := headerValue(m.sess.Exchange().Response.Headers, "Location"); m.sess.Exchange().Response.Status != 201 || second == first {
		t.Errorf("y: %d at %q (first at %q)", m.sess.Exchange().Response.Status, second, first)
	}
	t.Run("idempotent requests are sent again without asking", func(t *testing.T) {
		m := selectRequest(t, m, "Read item")
		m, _ = drive(t, m, keys("ctrl+r", "ctrl+r")...)
		if m.overlay.Kind() != dialogs.None || m.sess.Exchange().Response.Status != 200 {
			t.Errorf("overlay %v, status %q", m.overlay.Kind(), m.status)
		}
	})
}

func TestCheckOverlayAgainstDemo(t *testing.T) {
	srv, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	m := openModel(t, Config{DemoURL: srv.URL()})
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keyMsg("C"))
	if m.overlay.Kind() != dialogs.Text {
		t.Fatalf("no check results; status %q", m.status)
	}
	v := plain(m.View())
	for _, want := range []string{"Live checks of GET " + srv.URL() + "/items/1", "[pass]", "If-None-Match", "← 304 Not Modified"} {
		if !strings.Contains(v, want) {
			t.Errorf("check overlay lacks %q:\n%s", want, v)
		}
	}
	if !strings.Contains(m.status, " 0 failed") {
		t.Errorf("a check failed against the demo: %q\n%s", m.status, v)
	}
	down := make([]string, 30)
	for i := range down {
		down[i] = "j"
	}
	m, _ = drive(t, m, keys(down...)...)
	if v := plain(m.View()); !strings.Contains(v, "[skip]") || !strings.Contains(v, "writes") {
		t.Errorf("the write checks are not reported skipped at the end:\n%s", v)
	}
	t.Run("esc cancels checks in flight", func(t *testing.T) {
		m, _ := drive(t, m, keyMsg("esc")) // close the overlay
		next, cmd := m.check()
		m = next.(Model)
		m, _ = drive(t, m, keyMsg("esc"))
		m, _ = drive(t, m, cmd())
		if m.overlay.Kind() != dialogs.None || !strings.HasPrefix(m.status, "Cancelled: checks of GET") {
			t.Errorf("overlay %v, status %q", m.overlay.Kind(), m.status)
		}
	})
}
