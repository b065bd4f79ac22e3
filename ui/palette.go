package ui

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/field"
)

// paletteEntry is one action as the palette and the help overlay list it: the
// action table's text with the keys in force.
type paletteEntry struct {
	info settings.ActionInfo
	keys []string
	act  action
}

// entries lists every action with the keys bound to it now.
func (m *Model) entries() []paletteEntry {
	acts := m.acts
	out := make([]paletteEntry, len(acts))
	for i, a := range acts {
		out[i] = paletteEntry{info: a.ActionInfo, keys: keysFor(m.cfg.Keys, a.ActionInfo), act: a}
	}
	return out
}

// paletteMatches filters entries by query, fuzzily: every character of the query
// must appear in order in the action's help text or id. Closer matches come first;
// an empty query keeps the table's order.
func paletteMatches(entries []paletteEntry, query string) []paletteEntry {
	query = strings.ToLower(strings.TrimSpace(query))
	if query == "" {
		return entries
	}
	type scored struct {
		e     paletteEntry
		score int
	}
	var hits []scored
	for _, e := range entries {
		best := -1
		for _, text := range []string{e.info.Help, string(e.info.ID)} {
			if s, ok := fuzzyScore(strings.ToLower(text), query); ok && (best < 0 || s < best) {
				best = s
			}
		}
		if best >= 0 {
			hits = append(hits, scored{e, best})
		}
	}
	slices.SortStableFunc(hits, func(a, b scored) int { return a.score - b.score })
	out := make([]paletteEntry, len(hits))
	for i, h := range hits {
		out[i] = h.e
	}
	return out
}

// fuzzyScore matches q's characters in order in s; the score counts the characters
// skipped between them (lower is closer) and where the match starts, with a bonus
// for a match at the start of a word.
func fuzzyScore(s, q string) (int, bool) {
	if i := strings.Index(s, q); i >= 0 {
		if i == 0 || s[i-1] == ' ' || s[i-1] == '-' {
			return 0, true
		}
		return 1 + i/8, true
	}
	score, pos, first := 0, 0, -1
	for _, r := range q {
		j := strings.IndexRune(s[pos:], r)
		if j < 0 {
			return 0, false
		}
		if first < 0 {
			first = pos + j
		} else {
			score += j
		}
		pos += j + utf8.RuneLen(r)
	}
	return 10 + score + first/8, true
}

// openPalette opens the command palette with an empty query.
func (m *Model) openPalette() {
	f := field.New("> ")
	f.Start()
	m.openDialog(dialog{kind: overlayPalette, field: f})
}

// handlePaletteKey moves the highlight, filters as the user types, and runs the
// highlighted action on enter.
func (m Model) handlePaletteKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := newPaletteKeys()
	hits := paletteMatches(m.entries(), m.overlay.field.Value())
	switch {
	case key.Matches(msg, k.Close):
		m.overlay = dialog{}
	case key.Matches(msg, k.Up):
		m.overlay.sel = max(m.overlay.sel-1, 0)
	case key.Matches(msg, k.Down):
		m.overlay.sel = min(m.overlay.sel+1, max(len(hits)-1, 0))
	case key.Matches(msg, k.Run):
		sel := m.overlay.sel
		m.overlay = dialog{}
		if len(hits) > 0 {
			return m.runAction(hits[clamp(sel, 0, len(hits)-1)].act)
		}
	default:
		f := m.overlay.field
		if f.Update(msg) == field.Changed {
			m.overlay.sel = 0
		}
		m.overlay.field = f
	}
	return m, nil
}

// paneScope is the settings scope of pane p's keys.
func paneScope(p paneID) settings.Scope {
	return [paneCount]settings.Scope{scopeTree, scopeRequest, scopeResponse, scopeExplain}[p]
}

// scopeTitle names a scope in the palette and the help overlay.
func scopeTitle(s settings.Scope) string {
	switch s {
	case settings.ScopeGlobal:
		return "Global"
	case scopeTree:
		return "Collection"
	}
	return strings.ToUpper(string(s[:1])) + string(s[1:])
}

// paletteView draws the palette: the query, then the matching actions with where
// they act and their keys, the highlighted one marked.
func (m *Model) paletteView(h int) string {
	d := m.overlay
	w := clamp(m.w-8, 20, 76)
	hits := paletteMatches(m.entries(), d.field.Value())
	room := max(h-6, 1) // border, query, blank, count line
	sel := clamp(d.sel, 0, max(len(hits)-1, 0))
	top := clamp(sel-room+1, 0, max(len(hits)-room, 0))
	lines := []string{m.st.Bold.Render("Command palette") + "  " + d.field.View(), ""}
	for i := top; i < min(top+room, len(hits)); i++ {
		e := hits[i]
		where := scopeTitle(e.info.Scopes[0])
		if len(e.info.Scopes) > 1 {
			where = "panes"
		}
		keys := keysLabel(e.keys)
		if keys == "" {
			keys = "unbound"
		}
		right := fmt.Sprintf("%-10s %s", where, keys)
		row := fit(e.info.Help, max(w-lipgloss.Width(right)-3, 4)) + " " + m.st.Muted.Render(right)
		if m.disabledReason(e.act) != "" {
			row = m.st.Muted.Render(fit(e.info.Help, max(w-lipgloss.Width(right)-3, 4)) + " " + right) // greyed: cannot act now
		}
		if i == sel {
			row = m.st.Selected.Render("› " + fit(e.info.Help, max(w-lipgloss.Width(right)-3, 4)) + " " + right)
		} else {
			row = "  " + row
		}
		lines = append(lines, row)
	}
	if len(hits) == 0 {
		lines = append(lines, m.st.Muted.Render("  no action matches"))
	}
	lines = append(lines, m.st.Muted.Render(fmt.Sprintf("%d of %d actions · enter runs · esc closes", len(hits), len(m.entries()))))
	box := m.st.Overlay.Render(strings.Join(lines, "\n"))
	return lipgloss.Place(m.w, h, lipgloss.Center, lipgloss.Center, box)
}

// helpGroup is one group of actions for the help overlay, as a help.KeyMap made
// from the same entries the palette lists.
type helpGroup struct {
	name string
	cols [][]key.Binding
}

func (a helpGroup) ShortHelp() []key.Binding { return nil }

func (a helpGroup) FullHelp() [][]key.Binding { return a.cols }

// actionHelps groups the entries by where they act (actions of several panes
// together), in columns of at most helpRows bindings.
func (m *Model) actionHelps() []helpGroup {
	const helpRows = 8
	order := []string{"Global", "Every pane", "Collection", "Request", "Response", "Explain"}
	groups := map[string][]key.Binding{}
	for _, e := range m.entries() {
		name := scopeTitle(e.info.Scopes[0])
		if len(e.info.Scopes) > 1 {
			name = "Every pane"
			if len(e.info.Scopes) == 2 {
				name = scopeTitle(e.info.Scopes[0]) + " and " + scopeTitle(e.info.Scopes[1])
			}
		}
		if _, ok := groups[name]; !ok && !slices.Contains(order, name) {
			order = append(order, name)
		}
		b := key.NewBinding(key.WithKeys(e.keys...), key.WithHelp(keysLabel(e.keys), e.info.Help))
		groups[name] = append(groups[name], b)
	}
	var out []helpGroup
	for _, name := range order {
		bs := groups[name]
		if len(bs) == 0 {
			continue
		}
		h := helpGroup{name: name}
		for len(bs) > 0 {
			n := min(len(bs), helpRows)
			h.cols, bs = append(h.cols, bs[:n]), bs[n:]
		}
		out = append(out, h)
	}
	return out
}
