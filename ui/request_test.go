package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/preconditions"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/requestpane"
)

// paneOn is a focused request pane showing the tour request titled title.
func paneOn(t *testing.T, title string) (requestpane.Model, *collections.Request) {
	t.Helper()
	r, err := tour(t).Find(title)
	if err != nil {
		t.Fatal(err)
	}
	p := newRequestPane(NewStyles())
	p.SetSize(90, 14)
	p.Focus()
	p.SetRequest(r)
	return p, r
}

// press feeds keys (names as keyMsg takes them, or text to type after "type:").
func pressReq(p requestpane.Model, keys ...string) requestpane.Model {
	for _, k := range keys {
		if s, ok := strings.CutPrefix(k, "type:"); ok {
			for _, msg := range typeText(s) {
				p, _ = p.Update(msg)
			}
			continue
		}
		p, _ = p.Update(keyMsg(k))
	}
	return p
}

func headerLines(r *collections.Request) []string {
	var out []string
	for _, h := range r.Headers {
		out = append(out, h.Name+": "+h.Value)
	}
	return out
}

func TestRequestPaneEditing(t *testing.T) {
	cases := []struct {
		name    string
		title   string
		keys    []string
		method  string
		url     string
		headers []string // as sent: disabled ones left out
		body    string
		view    string // text the view must show
	}{
		{name: "m cycles the method forward and M back", title: "Read item", keys: []string{"m", "m", "M"},
			method: "POST", url: "{{demo}}/items/1", headers: []string{"Accept: application/json"}},
		{name: "m wraps from OPTIONS to GET", title: "Read item", keys: []string{"M", "m"},
			method: "GET", url: "{{demo}}/items/1", headers: []string{"Accept: application/json"}},
		{name: "u edits the URL in place", title: "Read item", keys: []string{"u", "backspace", "type:2", "enter"},
			method: "GET", url: "{{demo}}/items/2", headers: []string{"Accept: application/json"}, view: "GET {{demo}}/items/2"},
		{name: "esc abandons a URL edit", title: "Read item", keys: []string{"u", "type:xyz", "esc"},
			method: "GET", url: "{{demo}}/items/1", headers: []string{"Accept: application/json"}},
		{name: "a adds a header", title: "Read item", keys: []string{"a", "type:X-Trace: 42", "enter"},
			method: "GET", url: "{{demo}}/items/1", headers: []string{"Accept: application/json", "X-Trace: 42"}, view: "X-Trace: 42"},
		{name: "a line without a colon adds nothing", title: "Read item", keys: []string{"a", "type:nonsense", "enter"},
			method: "GET", url: "{{demo}}/items/1", headers: []string{"Accept: application/json"}},
		{name: "enter edits the selected header", title: "Update item if unchanged",
			keys:   []string{"down", "enter", "home", "right", "right", "right", "type:None-", "enter"},
			method: "PUT", url: "{{demo}}/items/1",
			headers: []string{"Content-Type: application/json", "If-None-Match: {{readItem.response.headers.ETag}}"}, body: `{"name": "notebook (blue)"}`},
		{name: "d deletes the selected header", title: "Update item if unchanged", keys: []string{"d"},
			method: "PUT", url: "{{demo}}/items/1", headers: []string{"If-Match: {{readItem.response.headers.ETag}}"}, body: `{"name": "notebook (blue)"}`},
		{name: "x disables a header: shown, not sent", title: "Update item if unchanged", keys: []string{"down", "x"},
			method: "PUT", url: "{{demo}}/items/1", headers: []string{"Content-Type: application/json"}, body: `{"name": "notebook (blue)"}`,
			view: "# If-Match: {{readItem.response.headers.ETag}}  (disabled)"},
		{name: "x twice enables it again", title: "Update item if unchanged", keys: []string{"down", "x", "x"},
			method: "PUT", url: "{{demo}}/items/1", headers: []string{"Content-Type: application/json", "If-Match: {{readItem.response.headers.ETag}}"},
			body: `{"name": "notebook (blue)"}`},
		{name: "a query parameter added goes into the URL", title: "Read item", keys: []string{"alt+3", "a", "type:fields=name", "enter", "a", "type:x", "enter"},
			method: "GET", url: "{{demo}}/items/1?fields=name&x", headers: []string{"Accept: application/json"}, view: "fields = name"},
		{name: "a parameter typed into the URL shows in the list and can be deleted", title: "Read item",
			keys:   []string{"u", "type:?a=1&b=2", "enter", "alt+3", "d"},
			method: "GET", url: "{{demo}}/items/1?b=2", headers: []string{"Accept: application/json"}, view: "b = 2"},
		{name: "enter on the body tab types a body", title: "Read item", keys: []string{"alt+2", "enter", "type:{\"a\":", "enter", "type: 1}", "esc"},
			method: "GET", url: "{{demo}}/items/1", headers: []string{"Accept: application/json"}, body: "{\"a\":\n 1}"},
		{name: "t picks the content type: JSON, form, text, none", title: "Read item", keys: []string{"alt+2", "t"},
			method: "GET", url: "{{demo}}/items/1", headers: []string{"Accept: application/json", "Content-Type: application/json"}, view: "Content-Type: JSON"},
		{name: "t three times is text", title: "Read item", keys: []string{"alt+2", "t", "t", "t"},
			method: "GET", url: "{{demo}}/items/1", headers: []string{"Accept: application/json", "Content-Type: text/plain; charset=utf-8"}},
		{name: "t from JSON to form", title: "Update item if unchanged", keys: []string{"alt+2", "t"},
			method: "PUT", url: "{{demo}}/items/1",
			headers: []string{"Content-Type: application/x-www-form-urlencoded", "If-Match: {{readItem.response.headers.ETag}}"}, body: `{"name": "notebook (blue)"}`},
		{name: "t from text to none removes Content-Type", title: "Update item if unchanged", keys: []string{"alt+2", "t", "t", "t"},
			method: "PUT", url: "{{demo}}/items/1", headers: []string{"If-Match: {{readItem.response.headers.ETag}}"}, body: `{"name": "notebook (blue)"}`},
		{name: "b writes Basic auth", title: "Read item", keys: []string{"alt+4", "b", "type:ann:s3cret", "enter"},
			method: "GET", url: "{{demo}}/items/1", headers: []string{"Accept: application/json", "Authorization: Basic YW5uOnMzY3JldA=="},
			view: "Basic, user ann (password hidden)"},
		{name: "B writes Bearer auth over Basic", title: "Read item", keys: []string{"alt+4", "b", "type:a:b", "enter", "B", "type:tok123", "enter"},
			method: "GET", url: "{{demo}}/items/1", headers: []string{"Accept: application/json", "Authorization: Bearer tok123"}},
		{name: "z discards every edit", title: "Read item", keys: []string{"m", "a", "type:X: 1", "enter", "z"},
			method: "GET", url: "{{demo}}/items/1", headers: []string{"Accept: application/json"}},
		{name: "q and ctrl-less keys are text while a field is edited", title: "Read item", keys: []string{"a", "type:X-Q: qmdxv", "enter"},
			method: "GET", url: "{{demo}}/items/1", headers: []string{"Accept: application/json", "X-Q: qmdxv"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, _ := paneOn(t, c.title)
			p = pressReq(p, c.keys...)
			got := p.Request()
			if got.Method != c.method || got.URL != c.url {
				t.Errorf("request line %s %s, want %s %s", got.Method, got.URL, c.method, c.url)
			}
			if h := strings.Join(headerLines(got), "\n"); h != strings.Join(c.headers, "\n") {
				t.Errorf("headers sent:\n%s\nwant:\n%s", h, strings.Join(c.headers, "\n"))
			}
			if string(got.Body) != c.body {
				t.Errorf("body %q, want %q", got.Body, c.body)
			}
			if v := plain(p.View()); c.view != "" && !strings.Contains(v, c.view) {
				t.Errorf("view lacks %q:\n%s", c.view, v)
			}
			assertSize(t, p.View(), 90, 14)
		})
	}
}

func TestRequestPaneDirtyAndForget(t *testing.T) {
	p, r := paneOn(t, "Update item if unchanged")
	if p.Dirty() || len(p.DirtyKeys()) != 0 {
		t.Fatal("a request just opened is dirty")
	}
	p = pressReq(p, "down", "x")
	if p.Dirty() {
		t.Error("disabling a header is not an edit to save")
	}
	p = pressReq(p, "m")
	if !p.Dirty() || !p.DirtyKeys()[requestKey(r)] || !strings.Contains(p.Title(), "modified") {
		t.Errorf("an edited request is not marked: dirty %v, title %q", p.Dirty(), p.Title())
	}
	other, _ := tour(t).Find("Read item")
	p.SetRequest(other)
	if p.Dirty() || !p.DirtyKeys()[requestKey(r)] {
		t.Error("the edits of a request not shown are lost or attributed to the shown one")
	}
	p.SetRequest(r)
	if p.Request().Method != "PATCH" {
		t.Errorf("edits did not come back with the request: %s", p.Request().Method)
	}
	p.Forget(requestKey(r), r)
	if p.Dirty() || p.Request().Method != "PUT" {
		t.Error("Forget kept the edits")
	}
	if !strings.Contains(plain(p.View()), "(disabled)") {
		t.Error("Forget lost the session's disabled flag")
	}
}

func TestRequestPaneCondition(t *testing.T) {
	const url = "http://127.0.0.1:1/items/1"
	seen := func(etag, lm string) preconditions.Known {
		var k preconditions.Known
		k.Observe("GET", url, 200, etag, lm, time.Date(2026, 12, 2, 12, 0, 3, 0, time.UTC))
		k.Observe("GET", "http://127.0.0.1:1/cache/vary", 200, `"other-url"`, "", time.Now())
		return k
	}
	cases := []struct {
		name, title string
		known       preconditions.Known
		keys        []string
		want        string
	}{
		{"GET gets If-None-Match", "Read item", seen(`"v1"`, ""), []string{"i"}, `If-None-Match: "v1"`},
		{"PUT gets If-Match", "Read item", seen(`"v1"`, ""), []string{"m", "m", "i"}, `If-Match: "v1"`},
		{"DELETE replaces an If-Match", "Delete item if unchanged", seen(`"v2"`, ""), []string{"i"}, `If-Match: "v2"`},
		{"Last-Modified only: If-Unmodified-Since for a write", "Update item if unchanged",
			seen("", "Tue, 01 Jul 2025 10:00:00 GMT"), []string{"i"}, "If-Unmodified-Since: Tue, 01 Jul 2025 10:00:00 GMT"},
		{"Last-Modified only: If-Modified-Since for a read", "Read item",
			seen("", "Tue, 01 Jul 2025 10:00:00 GMT"), []string{"i"}, "If-Modified-Since: Tue, 01 Jul 2025 10:00:00 GMT"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, _ := paneOn(t, c.title)
			p.SetKnown(url, c.known, "")
			p = pressReq(p, c.keys...)
			hs := headerLines(p.Request())
			n := 0
			for _, h := range hs {
				if h == c.want {
					n++
				}
			}
			if n != 1 {
				t.Errorf("headers %q: want %q once", hs, c.want)
			}
			if notice, _ := p.TakeNotice(); !strings.Contains(notice, "from GET /items/1 at 12:00:03") {
				t.Errorf("the notice does not say where the value came from: %q", notice)
			}
		})
	}
	t.Run("another URL's validator is never used, and i says so", func(t *testing.T) {
		p, _ := paneOn(t, "Read item")
		p.SetKnown("http://127.0.0.1:1/items/2", seen(`"v1"`, ""), "")
		p = pressReq(p, "i")
		if p.Dirty() {
			t.Errorf("i added %q from another URL", headerLines(p.Request()))
		}
		if n, _ := p.TakeNotice(); !strings.Contains(n, "No validator known for /items/2") {
			t.Errorf("notice %q", n)
		}
	})
}

func TestRequestPaneResolvedView(t *testing.T) {
	p, r := paneOn(t, "Update item if unchanged")
	p = pressReq(p, "m")
	p, cmd := p.Update(keyMsg("v"))
	if cmd == nil {
		t.Fatal("v asked for nothing")
	}
	ask, ok := cmd().(requestpane.ResolveWanted)
	if !ok || ask.Key != requestKey(r) {
		t.Fatalf("v gave %#v", ask)
	}
	resolved := requests.Request{Method: "PATCH", URL: "http://127.0.0.1:9/items/1",
		Headers: []requests.Header{{Name: "If-Match", Value: `"abc"`}}}
	p, _ = p.Update(requestpane.Resolved{Key: ask.Key, Req: resolved})
	view := plain(p.View())
	if !strings.Contains(view, "PATCH http://127.0.0.1:9/items/1") || !strings.Contains(view, `If-Match: "abc"`) {
		t.Errorf("resolved view wrong:\n%s", view)
	}
	if !strings.HasSuffix(p.Title(), "resolved") {
		t.Errorf("title %q does not say resolved", p.Title())
	}
	p = pressReq(p, "v")
	if strings.Contains(plain(p.View()), "127.0.0.1:9") {
		t.Error("second v did not go back to the written form")
	}
	p = pressReq(p, "v")
	p, _ = p.Update(requestpane.Resolved{Key: ask.Key, Err: errors.New("{{x}}: unknown variable")})
	if !strings.Contains(plain(p.View()), "Cannot resolve: {{x}}: unknown variable") {
		t.Errorf("resolve error not shown:\n%s", plain(p.View()))
	}
	p = pressReq(p, "m")
	if strings.HasSuffix(p.Title(), "resolved") {
		t.Error("an edit left the stale resolved view up")
	}
	assertSize(t, p.View(), 90, 14)
}

func TestRequestPaneEditorKey(t *testing.T) {
	p, r := paneOn(t, "Update item if unchanged")
	p = pressReq(p, "alt+2")
	_, cmd := p.Update(keyMsg("e"))
	if cmd == nil {
		t.Fatal("e asked for nothing")
	}
	ready, ok := cmd().(requestpane.EditorReady)
	if !ok || ready.Err != nil || ready.Key != requestKey(r) || filepath.Ext(ready.Path) != ".json" {
		t.Fatalf("e gave %#v", ready)
	}
	t.Cleanup(func() { os.Remove(ready.Path) })
	if b, _ := os.ReadFile(ready.Path); string(b) != `{"name": "notebook (blue)"}` {
		t.Fatalf("the editor's file holds %q", b)
	}
	p, _ = p.Update(requestpane.BodyEdited{Key: ready.Key, Body: `{"name": "edited"}`})
	if string(p.Request().Body) != `{"name": "edited"}` || !p.Dirty() {
		t.Errorf("the edited body was not taken: %q", p.Request().Body)
	}
	p, _ = p.Update(requestpane.BodyEdited{Key: "r:elsewhere#0", Body: "nope"})
	if string(p.Request().Body) == "nope" {
		t.Error("a body edited for another request landed here")
	}
}

var _ tea.Model = Model{}

// TestHeaderWithoutColonIsRefused: a header typed without a colon changes
// nothing, and the notice says so with the text typed.
func TestHeaderWithoutColonIsRefused(t *testing.T) {
	p, _ := paneOn(t, "Read item")
	p = pressReq(p, "a", "type:X-Trace abc", "enter")
	if p.Dirty() {
		t.Errorf("a line without a colon was added: %q", headerLines(p.Request()))
	}
	if n, _ := p.TakeNotice(); !strings.Contains(n, "Not a header") || !strings.Contains(n, "X-Trace abc") {
		t.Errorf("notice %q", n)
	}
	p = pressReq(p, "a", "type:X-Trace: abc", "enter")
	if n, _ := p.TakeNotice(); !p.Dirty() || n != "" {
		t.Errorf("a good header was not added: %q", headerLines(p.Request()))
	}
}
