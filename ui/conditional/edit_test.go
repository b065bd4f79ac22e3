package conditional

import (
	"slices"
	"testing"
)

// pane records the edits made on it, in order.
type pane struct {
	key  string
	done []string
}

func (p *pane) Key() string              { return p.key }
func (p *pane) SetBody(key, body string) { p.done = append(p.done, "body "+key+" "+body) }
func (p *pane) SetIfMatch(tag string)    { p.done = append(p.done, "If-Match "+tag) }
func (p *pane) RemoveHeader(name string) { p.done = append(p.done, "remove "+name) }

// An edit changes the request it is for, only while that one is shown, and
// leaves alone what it does not set.
func TestEditApplyTo(t *testing.T) {
	body := `{"n":2}`
	e := &Edit{Key: "put", Body: &body, IfMatch: `"b"`, Remove: []string{"If-Unmodified-Since"}}
	other := &pane{key: "read"}
	if e.ApplyTo(other) || len(other.done) != 0 {
		t.Fatalf("edited another request: %v", other.done)
	}
	p := &pane{key: "put"}
	want := []string{`body put {"n":2}`, `If-Match "b"`, "remove If-Unmodified-Since"}
	if !e.ApplyTo(p) || !slices.Equal(p.done, want) {
		t.Fatalf("edits %q, want %q", p.done, want)
	}
	p = &pane{key: "put"}
	if !(&Edit{Key: "put", Remove: []string{"If-Match"}}).ApplyTo(p) || !slices.Equal(p.done, []string{"remove If-Match"}) {
		t.Fatalf("drop only: %q", p.done)
	}
	var none *Edit
	if none.ApplyTo(p) {
		t.Fatal("no edit edited")
	}
}
