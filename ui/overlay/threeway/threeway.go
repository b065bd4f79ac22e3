// Package threeway is the overlay after a 412's re-read: the version your change
// started from, the server's version now and your change, member by member, and
// the choice of what to send with If-Match set to the server's current ETag:
// yours, theirs or the merge. A merge with conflicts is refused, naming the
// members both sides changed differently. It hands Chosen or uimsg.Close up;
// sending is the root's business. It imports preconditions, termtext and the
// leaves under ui, never the root ui package.
package threeway

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/preconditions"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// Which body to send.
type Which string

// The choices.
const (
	Yours  Which = "yours"
	Theirs Which = "theirs"
	Merged Which = "merged"
)

// Chosen hands up the body to send for request Key with If-Match: ETag.
type Chosen struct {
	Key   string
	Which Which
	Body  []byte
	ETag  string
}

// Keys are the choices of the view.
type Keys struct {
	Yours  key.Binding
	Theirs key.Binding
	Merged key.Binding
	Close  key.Binding
}

// NewKeys returns the view's keys: y yours, t theirs, m merged, n/esc cancel.
func NewKeys() Keys {
	return Keys{
		Yours:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "send yours")),
		Theirs: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "send theirs")),
		Merged: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "send the merge")),
		Close:  key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "cancel")),
	}
}

func (k Keys) ShortHelp() []key.Binding { return []key.Binding{k.Yours, k.Theirs, k.Merged, k.Close} }

func (k Keys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Model is one three-way view.
type Model struct {
	Key     string // the request that got 412
	Request string // "PUT Update item", as shown
	Seen    preconditions.Seen
	W       preconditions.ThreeWay
	refused string // why the merge cannot be sent, once asked for
}

// New shows w for request key (named label) after the re-read seen.
func New(key, label string, seen preconditions.Seen, w preconditions.ThreeWay) Model {
	return Model{Key: key, Request: label, Seen: seen, W: w}
}

// Mergeable says why the merge cannot be sent ("" when it can).
func (m Model) Mergeable() string {
	switch {
	case m.W.Merged == nil:
		return "the three versions are not all JSON objects, so there is no member-by-member merge: send yours or theirs, or edit the body and send it with ctrl+r"
	case len(m.W.Conflicts) > 0:
		return "both you and the server changed " + strings.Join(m.W.Conflicts, ", ") +
			" to different values (marked !!): send yours or theirs, or edit the body and send it with ctrl+r"
	}
	return ""
}

// Update hands up Chosen for y, t and m (unless the merge is refused: the view
// then says why and stays), uimsg.Close for n and esc.
func (m Model) Update(msg tea.KeyMsg, k Keys) (Model, tea.Msg) {
	choose := func(w Which, body []byte) tea.Msg {
		return Chosen{Key: m.Key, Which: w, Body: body, ETag: m.Seen.ETag}
	}
	switch {
	case key.Matches(msg, k.Close):
		return m, uimsg.Close{}
	case key.Matches(msg, k.Yours):
		return m, choose(Yours, m.W.Mine)
	case key.Matches(msg, k.Theirs):
		return m, choose(Theirs, m.W.Server)
	case key.Matches(msg, k.Merged):
		if why := m.Mergeable(); why != "" {
			m.refused = "Not sent: " + why + "."
			return m, nil
		}
		return m, choose(Merged, m.W.Merged)
	}
	return m, nil
}

// Refused is why the last m did not send ("" when it did not happen).
func (m Model) Refused() string { return m.refused }

// Lines is the text of the view, safe to print (every value from the network or
// the request is sanitised), not yet wrapped.
func (m Model) Lines() []string {
	s := termtext.String
	out := []string{
		fmt.Sprintf("Re-read: the server's version now has ETag %s (%s).", s(m.Seen.ETag), s(m.Seen.Source())),
	}
	if m.refused != "" {
		// First, so that a short terminal shows it.
		out = append(out, m.refused)
	}
	if m.W.Rows == nil {
		out = append(out, "Started from: "+clip(m.W.Base), "Server now: "+clip(m.W.Server), "Yours: "+clip(m.W.Mine))
	} else {
		out = append(out, "member: started from → server now · yours")
		for _, r := range m.W.Rows {
			if r.Change == preconditions.Unchanged {
				continue
			}
			mark := "  "
			if r.Change == preconditions.Conflict {
				mark = "!!"
			}
			out = append(out, fmt.Sprintf("%s %s: %s → %s · %s (%s)", mark, s(r.Key), s(orNone(r.Base)), s(orNone(r.Server)), s(orNone(r.Mine)), why(r)))
		}
	}
	if m.W.Merged != nil && len(m.W.Conflicts) == 0 {
		out = append(out, "Merged: "+clip(m.W.Merged))
	} else {
		out = append(out, "No merge to send: "+m.Mergeable()+".")
	}
	out = append(out, "",
		fmt.Sprintf("Retry %s with If-Match: %s? Yours replaces the server's changes; theirs keeps the server's version; the merge keeps both changes.", s(m.Request), s(m.Seen.ETag)))
	return out
}

// why says who changed a member, and how, for a learner.
func why(r preconditions.Row) string {
	verb := func(now string) string {
		switch {
		case r.Base == "":
			return "added it"
		case now == "":
			return "removed it"
		}
		return "changed it"
	}
	switch r.Change {
	case preconditions.ServerOnly:
		return "the server " + verb(r.Server)
	case preconditions.MineOnly:
		return "you " + verb(r.Mine)
	case preconditions.Both:
		return "both, the same way"
	case preconditions.Conflict:
		return "CONFLICT: both, differently"
	}
	return string(r.Change)
}

// View draws the view centred in a w×h area, wrapped to the box, its choices last.
func (m Model) View(st styles.Styles, k Keys, w, h int) string {
	bw := min(max(w-8, 20), 100)
	var lines []string
	for i, l := range m.Lines() {
		for _, wl := range strings.Split(uikit.WrapText(l, bw), "\n") {
			switch {
			case strings.HasPrefix(l, "!!"):
				wl = st.SeverityError.Render(wl)
			case i == 0:
				wl = st.Bold.Render(wl)
			case m.refused != "" && l == m.refused:
				wl = st.SeverityError.Render(wl)
			}
			lines = append(lines, wl)
		}
	}
	choices := "y send yours · t send theirs · m send the merge · esc cancel"
	room := max(h-4, 3)
	if len(lines) > room-2 {
		lines = append(lines[:room-3], st.Muted.Render(fmt.Sprintf("… %d more lines: a taller terminal shows them", len(lines)-room+3)))
	}
	lines = append(lines, "", st.Muted.Render(choices))
	return uikit.Centre(st.Overlay, lines, w, h)
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// clip shortens a body for one line.
func clip(b []byte) string {
	s := termtext.String(string(b))
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200]) + "…"
	}
	if s == "" {
		return "(empty)"
	}
	return s
}
