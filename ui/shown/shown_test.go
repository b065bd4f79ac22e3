package shown

import "testing"

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
