// Package palette is the command palette: every action of the table with where
// it acts and its keys, filtered fuzzily as the user types. It hands up Run with
// the chosen action's id, or uimsg.Close; the root runs the action through its
// handler. It imports settings, termtext, uikit, uimsg and field, never the root.
package palette

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
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// Keys drive the command palette; typed characters filter it.
type Keys struct {
	Up    key.Binding
	Down  key.Binding
	Run   key.Binding
	Close key.Binding
}

// NewKeys returns the palette keys.
func NewKeys() Keys {
	return Keys{
		Up:    key.NewBinding(key.WithKeys("up", "ctrl+k"), key.WithHelp("↑", "up")),
		Down:  key.NewBinding(key.WithKeys("down", "ctrl+j", "ctrl+n"), key.WithHelp("↓", "down")),
		Run:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "run")),
		Close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

func (k Keys) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Run, k.Close} }

func (k Keys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Entry is one action as the palette lists it: the action table's text with the
// keys in force, where it acts, and whether it can act now.
type Entry struct {
	Info     settings.ActionInfo
	Keys     []string
	Label    string // the keys as help shows them; "" when unbound
	Where    string // the scope it acts in, as a title
	Disabled bool   // it cannot act now: drawn greyed
}

// Run asks the root to run action ID.
type Run struct{ ID settings.Action }

// Model is the open palette: the query and the highlighted match.
type Model struct {
	Query field.Line
	Sel   int
}

// New opens the palette with an empty query.
func New() Model {
	f := field.New("> ")
	f.Start()
	return Model{Query: f}
}

// Update moves the highlight, filters as the user types, and hands up Run for
// the highlighted action on enter (uimsg.Close when nothing matches).
func (m Model) Update(msg tea.KeyMsg, k Keys, entries []Entry) (Model, tea.Msg) {
	hits := Matches(entries, m.Query.Value())
	switch {
	case key.Matches(msg, k.Close):
		return m, uimsg.Close{}
	case key.Matches(msg, k.Up):
		m.Sel = max(m.Sel-1, 0)
	case key.Matches(msg, k.Down):
		m.Sel = min(m.Sel+1, max(len(hits)-1, 0))
	case key.Matches(msg, k.Run):
		if len(hits) == 0 {
			return m, uimsg.Close{}
		}
		return m, Run{ID: hits[uikit.Clamp(m.Sel, 0, len(hits)-1)].Info.ID}
	default:
		if m.Query.Update(msg) == field.Changed {
			m.Sel = 0
		}
	}
	return m, nil
}

// View draws the palette centred in a w×h area: the query, then the matching
// actions with where they act and their keys, the highlighted one marked.
func (m Model) View(st styles.Styles, entries []Entry, w, h int) string {
	bw := uikit.Clamp(w-8, 20, 76)
	hits := Matches(entries, m.Query.Value())
	room := max(h-6, 1) // border, query, blank, count line
	sel := uikit.Clamp(m.Sel, 0, max(len(hits)-1, 0))
	top := uikit.Clamp(sel-room+1, 0, max(len(hits)-room, 0))
	lines := []string{st.Bold.Render("Command palette") + "  " + m.Query.View(), ""}
	for i := top; i < min(top+room, len(hits)); i++ {
		e := hits[i]
		keys := e.Label
		if keys == "" {
			keys = "unbound"
		}
		right := fmt.Sprintf("%-10s %s", e.Where, keys)
		help := uikit.Fit(e.Info.Help, max(bw-lipgloss.Width(right)-3, 4))
		row := help + " " + st.Muted.Render(right)
		if e.Disabled {
			row = st.Muted.Render(help + " " + right) // greyed: cannot act now
		}
		if i == sel {
			row = st.Selected.Render("› " + help + " " + right)
		} else {
			row = "  " + row
		}
		lines = append(lines, row)
	}
	if len(hits) == 0 {
		lines = append(lines, st.Muted.Render("  no action matches"))
	}
	lines = append(lines, st.Muted.Render(fmt.Sprintf("%d of %d actions · enter runs · esc closes", len(hits), len(entries))))
	return uikit.Centre(st.Overlay, lines, w, h)
}

// Matches filters entries by query, fuzzily: every character of the query
// must appear in order in the action's help text or id. Closer matches come first;
// an empty query keeps the table's order.
func Matches(entries []Entry, query string) []Entry {
	query = strings.ToLower(strings.TrimSpace(query))
	if query == "" {
		return entries
	}
	type scored struct {
		e     Entry
		score int
	}
	var hits []scored
	for _, e := range entries {
		best := -1
		for _, text := range []string{e.Info.Help, string(e.Info.ID)} {
			if s, ok := fuzzyScore(strings.ToLower(text), query); ok && (best < 0 || s < best) {
				best = s
			}
		}
		if best >= 0 {
			hits = append(hits, scored{e, best})
		}
	}
	slices.SortStableFunc(hits, func(a, b scored) int { return a.score - b.score })
	out := make([]Entry, len(hits))
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
