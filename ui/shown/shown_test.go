package shown

import (
	"testing"

	"github.com/httplens/httplens/ui/responsecontent"
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
