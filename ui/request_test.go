package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/httplens/httplens/requests"
)

func TestRequestPane(t *testing.T) {
	c := tour(t)
	r, err := c.Find("Update item if unchanged")
	if err != nil {
		t.Fatal(err)
	}
	p := newRequestPane(NewStyles())
	p.SetSize(70, 10)
	p.SetRequest(r)
	view := plain(p.View())
	for _, w := range []string{"PUT {{demo}}/items/1", "If-Match: {{readItem.response.headers.ETag}}", `{"name"`} {
		if !strings.Contains(view, w) {
			t.Errorf("unresolved view lacks %q:\n%s", w, view)
		}
	}
	p, cmd := p.Update(keyMsg("v"))
	if cmd == nil {
		t.Fatal("v asked for nothing")
	}
	ask, ok := cmd().(resolveRequestMsg)
	if !ok || ask.key != requestKey(r) {
		t.Fatalf("v gave %#v", ask)
	}
	resolved := requests.Request{Method: "PUT", URL: "http://127.0.0.1:9/items/1",
		Headers: []requests.Header{{Name: "If-Match", Value: `"abc"`}}}
	p, _ = p.Update(resolvedMsg{key: ask.key, req: resolved})
	view = plain(p.View())
	if !strings.Contains(view, "PUT http://127.0.0.1:9/items/1") || !strings.Contains(view, `If-Match: "abc"`) {
		t.Errorf("resolved view wrong:\n%s", view)
	}
	if !strings.HasSuffix(p.Title(), "resolved") {
		t.Errorf("title %q does not say resolved", p.Title())
	}
	p, _ = p.Update(keyMsg("v"))
	if strings.Contains(plain(p.View()), "127.0.0.1:9") {
		t.Error("second v did not go back to the written form")
	}
	p, _ = p.Update(keyMsg("v"))
	p, _ = p.Update(resolvedMsg{key: ask.key, err: errors.New("{{x}}: unknown variable")})
	if !strings.Contains(plain(p.View()), "Cannot resolve: {{x}}: unknown variable") {
		t.Errorf("resolve error not shown:\n%s", plain(p.View()))
	}
	assertSize(t, p.View(), 70, 10)
}
