package ui

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
)

// keySet is one scope's bindings, made from the action table in its order: the
// keys a pane (or the root, for the global scope) matches and shows in help. A
// pane is copied by value, so the bindings are copied before any change (copy on
// write) and one copy's changes never show in another.
type keySet struct {
	ids   []settings.Action // the scope's actions in table order; never changed
	hints []settings.Action // the hint line, in order; never changed
	b     []key.Binding     // b[i] binds ids[i]
}

// newKeySet binds the actions of scope to the keys km gives them (nil: the
// defaults).
func newKeySet(km settings.Keymap, scope settings.Scope) keySet {
	var s keySet
	type hinted struct {
		id  settings.Action
		pos int
	}
	var hs []hinted
	for _, a := range actionTable() {
		if !inScope(a.ActionInfo, scope) {
			continue
		}
		s.ids = append(s.ids, a.ID)
		s.b = append(s.b, bindingFor(km, a.ActionInfo))
		in := a.hintIn
		if in == "" {
			in = a.Scopes[0]
		}
		if a.hint > 0 && in == scope {
			hs = append(hs, hinted{a.ID, a.hint})
		}
	}
	slices.SortStableFunc(hs, func(a, b hinted) int { return a.pos - b.pos })
	for _, h := range hs {
		s.hints = append(s.hints, h.id)
	}
	return s
}

func (s keySet) index(id settings.Action) int { return slices.Index(s.ids, id) }

// get returns the binding of id; an action outside the scope has a disabled one.
func (s keySet) get(id settings.Action) key.Binding {
	if i := s.index(id); i >= 0 {
		return s.b[i]
	}
	return key.NewBinding(key.WithDisabled())
}

// enable turns id's binding on or off, so help never lists a key that cannot act.
func (s *keySet) enable(id settings.Action, on bool) {
	if i := s.index(id); i >= 0 && s.b[i].Enabled() != on {
		s.b = slices.Clone(s.b)
		s.b[i].SetEnabled(on)
	}
}

// setKeys replaces the keys of id's binding; none turns it off.
func (s *keySet) setKeys(id settings.Action, keys ...string) {
	if i := s.index(id); i >= 0 {
		s.b = slices.Clone(s.b)
		s.b[i].SetKeys(keys...)
	}
}

// match returns the action whose enabled binding msg presses. No two enabled
// bindings of a scope share a key (TestKeys), so the order does not matter.
func (s keySet) match(msg tea.KeyMsg) (settings.Action, bool) {
	for i, b := range s.b {
		if key.Matches(msg, b) {
			return s.ids[i], true
		}
	}
	return "", false
}

// list returns the bindings of ids.
func (s keySet) list(ids ...settings.Action) []key.Binding {
	out := make([]key.Binding, len(ids))
	for i, id := range ids {
		out[i] = s.get(id)
	}
	return out
}

// bindings returns every binding of the scope, in table order.
func (s keySet) bindings() []key.Binding { return s.b }

// ShortHelp is the hint line's part for this scope, from the table's hint column.
func (s keySet) ShortHelp() []key.Binding { return s.list(s.hints...) }

// FullHelp is every binding of the scope in table order, in columns of eight.
func (s keySet) FullHelp() [][]key.Binding {
	const rows = 8
	var cols [][]key.Binding
	for bs := s.b; len(bs) > 0; {
		n := min(len(bs), rows)
		cols, bs = append(cols, bs[:n]), bs[n:]
	}
	return cols
}
