package ui

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/ui/dialogs"
)

// otherWriter is somebody else changing /items/1 between your read and your
// write: a PUT with the ETag of the current version, straight to the demo.
func otherWriter(t *testing.T, base, body string) {
	t.Helper()
	get, err := http.Get(base + "/items/1")
	if err != nil {
		t.Fatal(err)
	}
	get.Body.Close()
	req, _ := http.NewRequest("PUT", base+"/items/1", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("If-Match", get.Header.Get("ETag"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 204 {
		t.Fatalf("the other writer's PUT got %d", resp.StatusCode)
	}
}

// itemNow is the demo's /items/1 as stored.
func itemNow(t *testing.T, base string) string {
	t.Helper()
	resp, err := http.Get(base + "/items/1")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// to412 reads item 1, lets another writer change it as other, and sends the
// tour's "Update item if unchanged" (its If-Match quotes the read): 412, then R.
func to412AndReread(t *testing.T, other string) (Model, string) {
	t.Helper()
	srv := demoServer(t)
	m := openModel(t, Config{DemoURL: srv.URL})
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	otherWriter(t, srv.URL, other)
	m = selectRequest(t, m, "Update item if unchanged")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if r := m.sess.Exchange().Response; r == nil || r.Status != 412 {
		t.Fatalf("PUT with the stale ETag: %q", m.status)
	}
	m, _ = drive(t, m, keyMsg("R"))
	if m.sess.Exchange().Request.Method != "GET" || m.overlay.Kind() != dialogs.Retry {
		t.Fatalf("R sent %s; overlay %v; status %q", m.sess.Exchange().Request.Method, m.overlay.Kind(), m.status)
	}
	return m, srv.URL
}

// TestMergeAfter412: the other writer added a member, you changed another; the
// three-way view shows both and m sends the merge with If-Match set to the
// server's current ETag: 204, and the server holds both changes.
func TestMergeAfter412(t *testing.T) {
	m, base := to412AndReread(t, `{"id":1,"name":"notebook","color":"red"}`)
	current := headerValue(m.sess.Exchange().Response.Headers, "ETag")
	v := strings.Join(strings.Fields(plain(m.View())), " ")
	for _, want := range []string{"color: (none) → \"red\" · (none) (the server added it)",
		"name: \"notebook\" → \"notebook\" · \"notebook (blue)\" (you changed it)",
		`Merged: {"color":"red","name":"notebook (blue)"}`, "m send the merge"} {
		if !strings.Contains(v, want) {
			t.Errorf("three-way view lacks %q:\n%s", want, plain(m.View()))
		}
	}
	m, _ = drive(t, m, keyMsg("m"))
	if r := m.sess.Exchange().Response; r == nil || r.Status != 204 || m.sess.Exchange().Request.Method != "PUT" {
		t.Fatalf("m sent %s: %q", m.sess.Exchange().Request.Method, m.status)
	}
	if got := sentHeader(m, "If-Match"); got != current {
		t.Errorf("If-Match %q, want the re-read's %q", got, current)
	}
	if got := itemNow(t, base); got != `{"color":"red","name":"notebook (blue)"}` {
		t.Errorf("the server holds %s", got)
	}
	if got := string(m.req.Request().Body); got != `{"color":"red","name":"notebook (blue)"}` {
		t.Errorf("the request pane's body is %q, not what was sent", got)
	}
}

// TestConflictingMergeIsRefused: both changed name; the view marks it, m is
// refused with the reason and sends nothing; y sends yours.
func TestConflictingMergeIsRefused(t *testing.T) {
	m, base := to412AndReread(t, `{"id":1,"name":"notebook (green)"}`)
	v := strings.Join(strings.Fields(plain(m.View())), " ")
	if !strings.Contains(v, `!! name: "notebook" → "notebook (green)" · "notebook (blue)" (CONFLICT: both, differently)`) ||
		!strings.Contains(v, "No merge to send: both you and the server changed name") {
		t.Errorf("the conflict is not shown:\n%s", plain(m.View()))
	}
	m, _ = drive(t, m, keyMsg("m"))
	v = strings.Join(strings.Fields(plain(m.View())), " ")
	if m.sess.Exchange().Request.Method != "GET" || m.overlay.Kind() != dialogs.Retry || !strings.Contains(v, "Not sent: both you and the server changed name") {
		t.Fatalf("m with a conflict: sent %s, overlay %v\n%s", m.sess.Exchange().Request.Method, m.overlay.Kind(), plain(m.View()))
	}
	m, _ = drive(t, m, keyMsg("y"))
	if r := m.sess.Exchange().Response; r == nil || r.Status != 204 || m.sess.Exchange().Request.Method != "PUT" {
		t.Fatalf("y sent %s: %q", m.sess.Exchange().Request.Method, m.status)
	}
	if got := itemNow(t, base); got != `{"name": "notebook (blue)"}` {
		t.Errorf("the server holds %s", got)
	}
}

// hint says whether the hint line offers R.
func rereadHint(m Model) bool { return strings.Contains(plain(m.View()), "re-read after 412") }

// TestRereadHintIsPerRequest: R and its hint belong to the request whose last
// exchange was the 412, never to another one selected or answered since; going
// back shows the 412's banner and R again.
func TestRereadHintIsPerRequest(t *testing.T) {
	srv := demoServer(t)
	m := openModel(t, Config{DemoURL: srv.URL})
	m = selectRequest(t, m, "Create item with PUT")
	m, _ = drive(t, m, keyMsg("ctrl+r"), keyMsg("ctrl+r"))
	if r := m.sess.Exchange().Response; r == nil || r.Status != 412 || !rereadHint(m) {
		t.Fatalf("second PUT: %q", m.status)
	}
	m = selectRequest(t, m, "Check an item with HEAD")
	if rereadHint(m) || m.keys.Get(actionReread).Enabled() {
		t.Errorf("R is offered on HEAD, never sent:\n%s", plain(m.View()))
	}
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if r := m.sess.Exchange().Response; r == nil || r.Status != 200 || rereadHint(m) {
		t.Fatalf("HEAD 200: %q; hint %v", m.status, rereadHint(m))
	}
	m = selectRequest(t, m, "Create item with PUT")
	words := strings.Join(strings.Fields(plain(m.View())), " ")
	if !rereadHint(m) || !strings.Contains(words, "If-None-Match: * failed") {
		t.Fatalf("back on the PUT that got 412, R or its banner is gone:\n%s", plain(m.View()))
	}
	m, _ = drive(t, m, keyMsg("R"))
	if !strings.Contains(m.status, "If-None-Match: * removed") || rereadHint(m) {
		t.Errorf("R on the 412'd PUT: %q", m.status)
	}
}

// twoRequests is a collection of two GETs of the demo, in a temporary file.
func twoRequests(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "two.http")
	src := "### First\nGET {{demo}}/items/1\n\n### Second\nGET {{demo}}/items/2\n\n" +
		"### Write from the page\nPUT {{demo}}/cors/items/2\nOrigin: https://app.example\nContent-Type: application/json\n\n{\"name\":\"pen\"}\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// run runs cmd and every command it leads to, through m.
func runCmd(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	if cmd == nil {
		return m
	}
	m, _ = drive(t, m, cmd())
	return m
}

// TestChecksAndPreflightPerRequest: the answers of C and P belong to the request
// they ran for: one landing after another request was selected does not open
// over it, K shows the selected request's own answers only.
func TestChecksAndPreflightPerRequest(t *testing.T) {
	srv := demoServer(t)
	path := twoRequests(t)
	m := openModel(t, Config{DemoURL: srv.URL, Path: path})
	m = selectRequest(t, m, "First")
	// Clear the tree's filter now: while the checks run, esc cancels them.
	for m.focus != paneTree {
		m, _ = drive(t, m, keyMsg("tab"))
	}
	m, _ = drive(t, m, keyMsg("esc"))
	if r := m.req.Request(); r == nil || r.Title != "First" {
		t.Fatalf("First is not selected after clearing the filter: %v", r)
	}
	next, cmd := m.Update(keyMsg("C"))
	m = next.(Model)
	m = selectRequest(t, m, "Second")
	m = runCmd(t, m, cmd)
	if m.overlay.Kind() != dialogs.None {
		t.Fatalf("First's checks opened over Second:\n%s", plain(m.View()))
	}
	if !strings.Contains(m.status, "GET First") {
		t.Errorf("the status does not say whose checks finished: %q", m.status)
	}
	m, _ = drive(t, m, keyMsg("K"))
	if m.overlay.Kind() != dialogs.None || m.keys.Get(actionAnswers).Enabled() || strings.Contains(plain(m.View()), "C and P answers") {
		t.Errorf("K on Second, which has no answers: overlay %v, status %q\n%s", m.overlay.Kind(), m.status, plain(m.View()))
	}
	if a, _ := m.action(actionAnswers); !strings.Contains(m.disabledReason(a), "neither C nor P ran for this request") {
		t.Errorf("the palette's reason for K on Second: %q", m.disabledReason(a))
	}
	m, _ = drive(t, m, keyMsg("C"))
	if v := plain(m.View()); m.overlay.Kind() != dialogs.Text || !strings.Contains(v, "/items/2") {
		t.Fatalf("C on Second:\n%s", v)
	}
	m, _ = drive(t, m, keyMsg("esc"))

	m = selectRequest(t, m, "First")
	if !strings.Contains(plain(m.View()), "K this request's C and P answers") {
		t.Errorf("back on First, the hint line does not offer K:\n%s", plain(m.View()))
	}
	m, _ = drive(t, m, keyMsg("K"))
	if v := plain(m.View()); m.overlay.Kind() != dialogs.Text || !strings.Contains(v, "/items/1") || strings.Contains(v, "/items/2") {
		t.Fatalf("K on First does not show First's checks:\n%s", v)
	}
	m, _ = drive(t, m, keyMsg("esc"))
	m = selectRequest(t, m, "Write from the page")
	m, _ = drive(t, m, keyMsg("P"))
	if v := plain(m.View()); m.overlay.Kind() != dialogs.Text || !strings.Contains(v, "OPTIONS") {
		t.Fatalf("P:\n%s", v)
	}
	m, _ = drive(t, m, keyMsg("esc"))
	m = selectRequest(t, m, "Second")
	m, _ = drive(t, m, keyMsg("K"))
	if v := plain(m.View()); strings.Contains(v, "OPTIONS") || strings.Contains(v, "/cors/") {
		t.Errorf("K on Second shows the preflight of another request:\n%s", v)
	}
	m, _ = drive(t, m, keyMsg("esc"))
	m = selectRequest(t, m, "Write from the page")
	m, _ = drive(t, m, keyMsg("K"))
	if v := plain(m.View()); m.overlay.Kind() != dialogs.Text || !strings.Contains(v, "OPTIONS") {
		t.Errorf("K back on the write does not show its preflight:\n%s", v)
	}
}

// TestPreflightIsStored: the OPTIONS P sends, and the request after it, are
// kept in the history under the request, like every exchange sent.
func TestPreflightIsStored(t *testing.T) {
	srv := demoServer(t)
	store := openStore(t)
	path := twoRequests(t)
	m := openModel(t, Config{DemoURL: srv.URL, Path: path, History: store})
	m = selectRequest(t, m, "Write from the page")
	m, _ = drive(t, m, keyMsg("P"))
	rows, err := store.List(context.Background(), history.Filter{Name: "Write from the page"})
	if err != nil {
		t.Fatal(err)
	}
	var methods []string
	for _, r := range rows {
		methods = append(methods, r.Method)
		if r.File != path {
			t.Errorf("stored under file %q, want %q", r.File, path)
		}
	}
	if strings.Join(methods, " ") != "PUT OPTIONS" {
		t.Errorf("stored %v (newest first), want the PUT after the OPTIONS", methods)
	}
}
