package shown

import (
	"errors"
	"testing"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/tree"
)

// Selecting a request says whether it changed and gives its own exchange only.
func TestMemorySelectsEachRequestsOwn(t *testing.T) {
	var m Memory
	if _, ok, changed := m.Select(""); ok || changed {
		t.Fatalf("the empty selection changed: ok %v, changed %v", ok, changed)
	}
	m.Remember("a", Exchange{Source: "a's"})
	if m.Showing() != "a" || !m.Has("a") || m.Has("b") {
		t.Fatalf("showing %q", m.Showing())
	}
	if _, _, changed := m.Select("a"); changed {
		t.Error("selecting the request shown changed it")
	}
	if e, ok, changed := m.Select("b"); ok || !changed || e.Source != "" {
		t.Errorf("b: %+v %v %v", e, ok, changed)
	}
	if e, ok, _ := m.Select("a"); !ok || e.Source != "a's" {
		t.Errorf("a: %+v %v", e, ok)
	}
	m.Remember("", Exchange{Source: "ad hoc"})
	if m.Showing() != "a" || m.Has("") {
		t.Error("an ad-hoc exchange was kept")
	}
}

// Replace swaps a content wherever it is remembered, and nowhere else.
func TestMemoryReplacesAContent(t *testing.T) {
	old, other, new := &responsecontent.Content{}, &responsecontent.Content{}, &responsecontent.Content{}
	var m Memory
	m.Remember("a", Exchange{Content: old})
	m.Remember("b", Exchange{Content: other})
	m.Replace(old, new)
	if e, _, _ := m.Select("a"); e.Content != new {
		t.Error("a keeps the old content")
	}
	if e, _, _ := m.Select("b"); e.Content != other {
		t.Error("b's content was replaced")
	}
}

// Follow says what the panes show: nothing new while a send is in flight or
// for the request already shown; a request's own exchange; else its empty
// state, named safely.
func TestFollow(t *testing.T) {
	f := &collections.File{Path: "api.http"}
	a := &collections.Request{File: f, Index: 0, Title: "Read a"}
	b := &collections.Request{File: f, Index: 1, Title: "Read \x1b[2Jb"}
	var m Memory
	m.Remember(tree.RequestKey(a), Exchange{Source: "a's"})
	if _, changed := m.Follow(b, true); changed || m.Showing() != tree.RequestKey(a) {
		t.Fatal("a send in flight let the selection change the panes")
	}
	v, changed := m.Follow(b, false)
	if !changed || v.Found || v.Key != tree.RequestKey(b) || v.None != "Read ␛[2Jb" {
		t.Fatalf("b: %+v, changed %v", v, changed)
	}
	if _, changed := m.Follow(b, false); changed {
		t.Error("following the request shown changed the panes")
	}
	if v, _ := m.Follow(a, false); !v.Found || v.E.Source != "a's" || v.Key != tree.RequestKey(a) {
		t.Errorf("a: %+v", v)
	}
	if v, changed := m.Follow(nil, false); !changed || v.Found || v.None != "" || v.Key != "" {
		t.Errorf("none selected: %+v", v)
	}
}

// Loaded shows a stored exchange only for the request still shown and still
// without an exchange of this session; a failure is handed back to be said.
func TestLoaded(t *testing.T) {
	f := &collections.File{Path: "api.http"}
	ra, rb := &collections.Request{File: f, Index: 0, Title: "A"}, &collections.Request{File: f, Index: 1, Title: "B"}
	a := tree.RequestKey(ra)
	stored := LoadedMsg{Key: a, Shown: Exchange{Source: "from the history"}, OK: true}
	var m Memory
	m.Select(a)
	if _, show, _ := m.Loaded(stored, rb); show {
		t.Error("shown while another request is selected")
	}
	if _, show, _ := m.Loaded(stored, nil); show {
		t.Error("shown while no request is selected")
	}
	if _, show, err := m.Loaded(LoadedMsg{Key: a}, ra); show || err != nil {
		t.Errorf("an empty history: show %v, err %v", show, err)
	}
	boom := errors.New("database is locked")
	if _, show, err := m.Loaded(LoadedMsg{Key: a, Err: boom}, ra); show || err != boom {
		t.Errorf("a failed read: show %v, err %v", show, err)
	}
	v, show, err := m.Loaded(stored, ra)
	if !show || err != nil || !v.Found || v.E.Source != "from the history" || !m.Has(a) {
		t.Fatalf("the stored exchange: %+v %v %v", v, show, err)
	}
	// A send answered meanwhile: its exchange stays.
	m.Remember(a, Exchange{Source: "sent now"})
	if _, show, _ := m.Loaded(stored, ra); show {
		t.Error("the stored exchange replaced the one just sent")
	}
}

// Forget drops everything: the request shown is unsent again and following it
// reads the history again.
func TestForget(t *testing.T) {
	r := &collections.Request{File: &collections.File{Path: "tour/01.http", ReadOnly: true}, Title: "Create"}
	var m Memory
	v := m.Show(tree.RequestKey(r), Exchange{Source: "201"})
	if !v.Found || !m.Has(tree.RequestKey(r)) {
		t.Fatalf("show: %+v", v)
	}
	if v := m.Forget(r); v.Found || v.None != "Create" || m.Has(tree.RequestKey(r)) {
		t.Fatalf("forget: %+v", v)
	}
	if v, changed := m.Follow(r, false); !changed || v.Found {
		t.Errorf("after forgetting, following the same request: %+v %v", v, changed)
	}
}
