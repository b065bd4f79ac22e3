// Package keyset is one scope's key bindings, made from the rows of the action
// table the root hands in: what a pane or overlay matches keys against and shows
// in help. It imports settings only, so the panes under ui can hold their keys
// without importing the root.
package keyset

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
)

// Set is one scope's bindings, made from the action table in its order: the
// keys a pane (or the root, for the global scope) matches and shows in help. A
// pane is copied by value, so the bindings are copied before any change (copy on
// write) and one copy's changes never show in another.
type Set struct {
	ids   []settings.Action // the scope's actions in table order; never changed
	hints []settings.Action // the hint line, in order; never changed
	b     []key.Binding     // b[i] binds ids[i]
	// hintB are the bindings of hints, what ShortHelp gives on every frame:
	// made when b changes, not per call (issue 24). Copy on write, as b.
	hintB []key.Binding
}

// Row is one action of the table as a key set needs it: its settings side and
// where the hint line shows it (the first scope when HintIn is empty; Hint 0
// leaves it out).
type Row struct {
	settings.ActionInfo
	Hint   int
	HintIn settings.Scope
}

// New binds the actions of rows in scope to the keys km gives them (nil: the
// defaults), in the rows' order.
func New(rows []Row, km settings.Keymap, scope settings.Scope) Set {
	n := 0 // the slices are made to size: a model binds five sets at start
	for _, a := range rows {
		if slices.Contains(a.Scopes, scope) {
			n++
		}
	}
	s := Set{ids: make([]settings.Action, 0, n), b: make([]key.Binding, 0, n)}
	type hinted struct {
		id  settings.Action
		pos int
	}
	var hs []hinted
	for _, a := range rows {
		if !slices.Contains(a.Scopes, scope) {
			continue
		}
		s.ids = append(s.ids, a.ID)
		s.b = append(s.b, Binding(km, a.ActionInfo))
		in := a.HintIn
		if in == "" {
			in = a.Scopes[0]
		}
		if a.Hint > 0 && in == scope {
			hs = append(hs, hinted{a.ID, a.Hint})
		}
	}
	slices.SortStableFunc(hs, func(a, b hinted) int { return a.pos - b.pos })
	s.hints = make([]settings.Action, len(hs))
	for i, h := range hs {
		s.hints[i] = h.id
	}
	s.listHints()
	return s
}

// listHints makes hintB anew from b.
func (s *Set) listHints() { s.hintB = s.List(s.hints...) }

func (s Set) index(id settings.Action) int { return slices.Index(s.ids, id) }

// Get returns the binding of id; an action outside the scope has a disabled one.
func (s Set) Get(id settings.Action) key.Binding {
	if i := s.index(id); i >= 0 {
		return s.b[i]
	}
	return key.NewBinding(key.WithDisabled())
}

// Enable turns id's binding on or off, so help never lists a key that cannot act.
func (s *Set) Enable(id settings.Action, on bool) { s.EnableAll(Switch{id, on}) }

// Switch turns one action's binding on or off; see EnableAll.
type Switch struct {
	ID settings.Action
	On bool
}

// EnableAll is Enable for several actions: the bindings are copied (copies of
// the set share them) and the hint line listed once for the batch, not once
// an action (a pane's tab change switches up to eight; issue 24).
func (s *Set) EnableAll(sw ...Switch) {
	cloned := false
	for _, w := range sw {
		i := s.index(w.ID)
		if i < 0 || s.b[i].Enabled() == w.On {
			continue
		}
		if !cloned {
			s.b, cloned = slices.Clone(s.b), true
		}
		s.b[i].SetEnabled(w.On)
	}
	if cloned {
		s.listHints()
	}
}

// SetKeys replaces the keys of id's binding; none turns it off.
func (s *Set) SetKeys(id settings.Action, keys ...string) {
	if i := s.index(id); i >= 0 {
		s.b = slices.Clone(s.b)
		s.b[i].SetKeys(keys...)
		s.listHints()
	}
}

// Match returns the action whose enabled binding msg presses. No two enabled
// bindings of a scope share a key (TestKeys), so the order does not matter.
// The key's name is made once: key.Matches made it for every binding, most of
// the garbage of a key's dispatch (issue 24).
func (s Set) Match(msg tea.KeyMsg) (settings.Action, bool) {
	name := msg.String()
	for i, b := range s.b {
		if b.Enabled() && slices.Contains(b.Keys(), name) {
			return s.ids[i], true
		}
	}
	return "", false
}

// List returns the bindings of ids.
func (s Set) List(ids ...settings.Action) []key.Binding {
	out := make([]key.Binding, len(ids))
	for i, id := range ids {
		out[i] = s.Get(id)
	}
	return out
}

// Bindings returns every binding of the scope, in table order.
func (s Set) Bindings() []key.Binding { return s.b }

// ShortHelp is the hint line's part for this scope, from the table's hint
// column. The slice is shared: it has no room to append into.
func (s Set) ShortHelp() []key.Binding { return slices.Clip(s.hintB) }

// FullHelp is every binding of the scope in table order, in columns of eight.
func (s Set) FullHelp() [][]key.Binding {
	const rows = 8
	var cols [][]key.Binding
	for bs := s.b; len(bs) > 0; {
		n := min(len(bs), rows)
		cols, bs = append(cols, bs[:n]), bs[n:]
	}
	return cols
}

// KeysFor returns the keys bound to info in km, or its defaults when km says
// nothing of it (a nil keymap, as the panes' constructors use).
func KeysFor(km settings.Keymap, info settings.ActionInfo) []string {
	if keys, ok := km[info.ID]; ok {
		return keys
	}
	return info.Keys
}

// Binding is the binding of the action info: the keys km gives it and the help
// text of the action table. An action bound to no key is a disabled binding.
func Binding(km settings.Keymap, info settings.ActionInfo) key.Binding {
	// Set on a value, as key.NewBinding's options do to the Binding it
	// allocates for them: that was one allocation a binding (issue 24).
	var b key.Binding
	keys := KeysFor(km, info)
	if len(keys) == 0 {
		b.SetHelp("", info.Help)
		b.SetEnabled(false)
		return b
	}
	b.SetKeys(keys...)
	b.SetHelp(Label(keys), info.Help)
	return b
}

// Label shows a binding's keys for help, briefly: the first key, and the
// second when both are short ("↑/k", "g/home"; "q" for q and ctrl+c).
func Label(keys []string) string {
	out := make([]string, 0, 2)
	for _, k := range keys[:min(len(keys), 2)] {
		out = append(out, shortName(k))
	}
	if len(out) == 2 && utf8.RuneCountInString(out[0]+out[1]) > 6 {
		out = out[:1]
	}
	return strings.Join(out, "/")
}

// Name is the key of b for a hint in the UI ("Press ctrl+r to send"), as help
// shows it, so the hint follows a rebinding; an unbound action says so.
func Name(b key.Binding) string {
	if k := b.Help().Key; k != "" {
		return k
	}
	return "(unbound)"
}

// shortName is how help shows key k. A switch, not a map literal: Label runs
// for every binding of every set a model binds (issue 24).
func shortName(k string) string {
	switch k {
	case "up":
		return "↑"
	case "down":
		return "↓"
	case "left":
		return "←"
	case "right":
		return "→"
	case " ":
		return "space"
	case "pgdown":
		return "pgdn"
	}
	return k
}
