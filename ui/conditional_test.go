package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/requestpane"
)

// sentHeader is the value of header name in the last request sent.
func sentHeader(m Model, name string) string {
	return headerValue(m.sess.Exchange().Request.Headers, name)
}

func TestConditionalWorkflowAgainstDemo(t *testing.T) {
	srv := demoServer(t)
	m := openModel(t, Config{DemoURL: srv.URL})
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if m.sess.Exchange().Response == nil || m.sess.Exchange().Response.Status != 200 {
		t.Fatalf("GET: %q", m.status)
	}
	tag1 := headerValue(m.sess.Exchange().Response.Headers, "ETag")
	if !strings.Contains(plain(m.View()), "ETag "+tag1) {
		t.Errorf("the request pane does not show the known ETag %s", tag1)
	}
	steps := []struct {
		name   string
		keys   []string
		status int
		check  func(t *testing.T, m Model)
	}{
		{"PUT with If-Match from the GET's ETag: 204", []string{"m", "m", "alt+2", "t", "enter", "type:{\"name\": \"edited\"}", "esc", "i", "ctrl+r"}, 204,
			func(t *testing.T, m Model) {
				if got := sentHeader(m, "If-Match"); got != tag1 {
					t.Errorf("If-Match sent %q, want %q", got, tag1)
				}
			}},
		{"the same PUT again, its ETag now stale: 412, explained, R offered", []string{"ctrl+r"}, 412,
			func(t *testing.T, m Model) {
				v := plain(m.View())
				if !strings.Contains(v, "412: If-Match failed") || !strings.Contains(v, "Press R to re-read") || !m.keys.Get(actionReread).Enabled() {
					t.Errorf("the 412 is not explained with the re-read offer:\n%s", v)
				}
			}},
		{"R re-reads with a GET and offers the retry", []string{"R"}, 200,
			func(t *testing.T, m Model) {
				if m.sess.Exchange().Request.Method != "GET" || m.overlay.Kind() != dialogs.Retry || sentHeader(m, "If-Match") != "" {
					t.Errorf("re-read sent %s, overlay %v", m.sess.Exchange().Request.Method, m.overlay.Kind())
				}
				if v := plain(m.View()); !strings.Contains(v, "Retry PUT Read item") || !strings.Contains(v, "version now has ETag "+m.overlay.Current().Tag) || !strings.Contains(v, "name: ") {
					t.Errorf("retry dialog:\n%s", plain(m.View()))
				}
			}},
		{"y retries the PUT with the new ETag: 204", []string{"y"}, 204,
			func(t *testing.T, m Model) {
				if m.sess.Exchange().Request.Method != "PUT" || sentHeader(m, "If-Match") == tag1 {
					t.Errorf("retry sent %s with If-Match %q", m.sess.Exchange().Request.Method, sentHeader(m, "If-Match"))
				}
			}},
		{"auto If-Match: DELETE without the header gets the known ETag: 204", []string{"alt+1", "g", "d", "d", "m", "m", "A", "ctrl+r"}, 204,
			func(t *testing.T, m Model) {
				known := m.sess.ETags()
				if m.sess.Exchange().Request.Method != "DELETE" || sentHeader(m, "If-Match") == "" || len(known) != 0 {
					t.Errorf("sent %s with If-Match %q; known ETags after the delete %v", m.sess.Exchange().Request.Method, sentHeader(m, "If-Match"), known)
				}
			}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			m, _ = drive(t, m, keys(s.keys...)...)
			if r := m.sess.Exchange().Response; r == nil || r.Status != s.status {
				t.Fatalf("status line %q, want %d", m.status, s.status)
			}
			s.check(t, m)
		})
	}
}

func TestUnsavedEditsAreWhatIsSent(t *testing.T) {
	srv := demoServer(t)
	m := openModel(t, Config{DemoURL: srv.URL})
	m = selectRequest(t, m, "Check an item with HEAD")
	m, _ = drive(t, m, keys("m", "m", "u", "backspace", "type:3?x=1", "enter", "a", "type:X-Draft: yes", "enter", "ctrl+r")...)
	x := m.sess.Exchange()
	if x.Request.Method != "GET" || !strings.HasSuffix(x.Request.URL, "/items/3?x=1") || sentHeader(m, "X-Draft") != "yes" {
		t.Errorf("sent %s %s %v", x.Request.Method, x.Request.URL, x.Request.Headers)
	}
}

func TestEditorRewritesBody(t *testing.T) {
	script := filepath.Join(t.TempDir(), "editor.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '{\"name\": \"from the editor\"}\\n' > \"$1\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	m := openModel(t, Config{DemoURL: "http://127.0.0.1:9"})
	m = selectRequest(t, m, "Update item if unchanged")
	next, _ := m.Update(keyMsg("alt+2"))
	m = next.(Model)
	_, cmd := m.Update(keyMsg("e"))
	ready := cmd().(requestpane.EditorReady)
	if b, _ := os.ReadFile(ready.Path); string(b) != `{"name": "notebook (blue)"}` || filepath.Ext(ready.Path) != ".json" {
		t.Fatalf("the editor's file %s holds %q", ready.Path, b)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", script)
	if requestpane.EditorCmd(ready) == nil {
		t.Fatal("no command to run the editor")
	}
	// The program runs the editor through tea.ExecProcess; here it is run directly.
	err := exec.Command(script, ready.Path).Run()
	m, _ = drive(t, m, requestpane.EditorDone{Key: ready.Key, Path: ready.Path, Err: err})
	if got := string(m.req.Request().Body); got != `{"name": "from the editor"}` || !m.req.Dirty() {
		t.Errorf("body after the editor %q (status %q)", got, m.status)
	}
	if _, err := os.Stat(ready.Path); !os.IsNotExist(err) {
		t.Error("the temporary file was left behind")
	}
}

// TestCreateTwiceAnd428 follows two lessons of the tour: "Create item with PUT"
// sent twice gets 412 for If-None-Match: *, and the banner says the item exists
// (never "changed since you read it"); R drops If-None-Match: * instead of adding
// If-Match. After a 428, R reads the item and adds If-Match, and the PUT goes
// through.
func TestCreateTwiceAnd428(t *testing.T) {
	srv := demoServer(t)
	m := openModel(t, Config{DemoURL: srv.URL})
	m = selectRequest(t, m, "Create item with PUT")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if r := m.sess.Exchange().Response; r == nil || r.Status != 201 {
		t.Fatalf("first PUT: %q", m.status)
	}
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if r := m.sess.Exchange().Response; r == nil || r.Status != 412 {
		t.Fatalf("second PUT: %q", m.status)
	}
	v := plain(m.View())
	words := strings.Join(strings.Fields(v), " ")
	for _, want := range []string{"If-None-Match: * failed", "already exists", "Press R to drop If-None-Match: *"} {
		if !strings.Contains(words, want) {
			t.Errorf("412 view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(words, "changed since you read it") || strings.Contains(words, "If-Match failed") {
		t.Errorf("412 view blames If-Match:\n%s", v)
	}
	m, _ = drive(t, m, keyMsg("R"))
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if r := m.sess.Exchange().Response; r == nil || r.Status != 204 || sentHeader(m, "If-None-Match") != "" || sentHeader(m, "If-Match") != "" {
		t.Fatalf("after R: %q, If-None-Match %q, If-Match %q", m.status, sentHeader(m, "If-None-Match"), sentHeader(m, "If-Match"))
	}

	m = selectRequest(t, m, "Update without If-Match on a strict resource")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if r := m.sess.Exchange().Response; r == nil || r.Status != 428 {
		t.Fatalf("strict PUT: %q", m.status)
	}
	if !m.keys.Get(actionReread).Enabled() || !strings.Contains(strings.Join(strings.Fields(plain(m.View())), " "), "add If-Match") {
		t.Errorf("428 does not offer R:\n%s", plain(m.View()))
	}
	m, _ = drive(t, m, keyMsg("R"))
	if m.sess.Exchange().Request.Method != "GET" || !strings.Contains(m.status, "If-Match: ") || !strings.Contains(m.status, "from GET /strict/items/2") {
		t.Fatalf("R after 428 sent %s; status %q", m.sess.Exchange().Request.Method, m.status)
	}
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if r := m.sess.Exchange().Response; r == nil || r.Status != 204 || sentHeader(m, "If-Match") == "" {
		t.Fatalf("PUT after R: %q with If-Match %q", m.status, sentHeader(m, "If-Match"))
	}
}
