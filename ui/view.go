package ui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/layout"
	"github.com/httplens/httplens/ui/statusbar"
	"github.com/httplens/httplens/ui/uikit"
)

// View draws the whole screen: exactly the terminal's size, never more.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	bodyH := m.lay.Status.Y
	var body string
	switch {
	case m.overlay.IsOpen():
		o := m // keeps a pointer to the model: only a dialog's frames pay for a heap copy
		body = o.overlay.View(o.dialogScreen(bodyH))
	case m.lay.Single:
		body = m.paneBar() + "\n" + m.paneView(m.focus)
		if bodyH <= 1 {
			body = m.paneBar()
		}
	case m.tiled():
		// The panes tile the screen and each box is exactly its rectangle, so
		// their lines are put side by side (or one above the other) as they are:
		// only the status and help lines are measured.
		return m.tiledScreen()
	case m.lay.Stacked:
		body = lipgloss.JoinVertical(lipgloss.Left, m.paneView(paneTree), m.paneView(paneRequest),
			m.paneView(paneResponse), m.paneView(paneExplain))
	default:
		top := lipgloss.JoinHorizontal(lipgloss.Top, m.paneView(paneTree), m.paneView(paneRequest))
		bottom := lipgloss.JoinHorizontal(lipgloss.Top, m.paneView(paneResponse), m.paneView(paneExplain))
		body = top + "\n" + bottom
	}
	lines := strings.Split(body, "\n")
	if bodyH == 0 {
		lines = nil
	}
	lines = append(lines, m.statusLine(), m.helpLine())
	return uikit.FitBlock(lines[:min(len(lines), m.h)], m.w, m.h)
}

// paneView is pane p framed in its rectangle.
func (m *Model) paneView(p paneID) string {
	r := m.lay.Panes[p]
	title, body := m.paneContent(p)
	return layout.Frame(m.st, title, body, r.W, r.H, p == m.focus)
}

// paneContent is pane p's title and its view.
func (m *Model) paneContent(p paneID) (title, body string) {
	switch p {
	case paneTree:
		return m.tree.Title(), m.tree.View()
	case paneRequest:
		return m.req.Title(), m.req.View()
	case paneResponse:
		return m.resp.Title(), m.resp.View()
	default:
		return m.expl.Title(), m.expl.View()
	}
}

// tiled reports whether the four panes tile the body exactly, each at least 2×2
// (a box with its border): in two rows of two (tree and request, response and
// explain) or one above the other. The layouts always make them so at the sizes
// they are used; anything else is drawn the general way.
func (m *Model) tiled() bool {
	if m.lay.Single || m.h < 2 || m.lay.Status.Y != m.h-2 {
		return false
	}
	p := m.lay.Panes
	for _, r := range p {
		if r.W < 2 || r.H < 2 {
			return false
		}
	}
	if m.lay.Stacked {
		y := 0
		for _, r := range p {
			if r.X != 0 || r.W != m.w || r.Y != y {
				return false
			}
			y += r.H
		}
		return y == m.lay.Status.Y
	}
	t, q, s, e := p[paneTree], p[paneRequest], p[paneResponse], p[paneExplain]
	return t.X == 0 && t.Y == 0 && q.X == t.W && q.Y == 0 && t.W+q.W == m.w && t.H == q.H &&
		s.X == 0 && s.Y == t.H && e.X == s.W && e.Y == t.H && s.W+e.W == m.w && s.H == e.H &&
		t.H+s.H == m.lay.Status.Y
}

// tiledScreen is a tiled screen: the boxes' lines (they tile the body, see
// tiled), each exactly m.w cells, then the status and help lines. It is
// written into one buffer, each box's side, body row and side straight into
// it: the screen is made once per key press, and building each box's lines
// first (or joining rows) were copies of the whole screen, the biggest part of
// a Down key's garbage (issue 24). Only the edges of the boxes are kept (see
// layout.Memo); a pane's rows are cut from its View as they are written.
func (m *Model) tiledScreen() string {
	var boxes [paneCount]layout.Box
	n := 0
	for p := range paneCount {
		boxes[p] = m.paneBox(p)
		n += boxes[p].Size()
	}
	status, help := uikit.Fit(m.statusLine(), m.w), uikit.Fit(m.helpLine(), m.w)
	var b strings.Builder
	b.Grow(n + len(status) + len(help) + 1)
	if m.lay.Stacked {
		for p := range paneCount {
			for range boxes[p].H {
				boxes[p].WriteLine(&b)
				b.WriteByte('\n')
			}
		}
	} else {
		for _, row := range [2][2]paneID{{paneTree, paneRequest}, {paneResponse, paneExplain}} {
			left, right := &boxes[row[0]], &boxes[row[1]]
			for range left.H {
				left.WriteLine(&b)
				right.WriteLine(&b)
				b.WriteByte('\n')
			}
		}
	}
	b.WriteString(status)
	b.WriteByte('\n')
	b.WriteString(help)
	return b.String()
}

// paneBox is pane p's box in its rectangle, ready to be written line by line.
// The response pane, the one a scrolling key changes, gives its lines as they
// are: they are fitted as they are written, with no joined copy.
func (m *Model) paneBox(p paneID) layout.Box {
	r := m.lay.Panes[p]
	if w, h := m.resp.Size(); p == paneResponse && w == r.W-2 && h == r.H-2 {
		e := m.frames.Edges(p, m.st, m.resp.Title(), r.W, p == m.focus)
		lines := m.resp.Lines()
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.IndexByte(l, '\n') >= 0 }) {
			return layout.LinesBox(e, lines, r)
		}
		// A line of several rows: as View shows it.
		return layout.TextBox(e, uikit.FitBlock(lines, r.W-2, r.H-2), r)
	}
	title, body := m.paneContent(p)
	e := m.frames.Edges(p, m.st, title, r.W, p == m.focus)
	return layout.TextBox(e, body, r)
}

// paneNames are the panes' names in focus order, as the pane bar lists them.
var paneNames = func() []string {
	n := make([]string, paneCount)
	for p := range paneCount {
		n[p] = p.String()
	}
	return n
}()

// paneBar lists the panes in single-pane mode; the focused one is marked.
func (m *Model) paneBar() string {
	return statusbar.PaneBar(m.st, paneNames, int(m.focus), keyset.Name(m.keys.Get(actionFocusNext)))
}

func (m *Model) statusLine() string {
	s := statusbar.Status{Text: m.status, Err: m.errMsg, Env: m.env}
	if f := m.sess.Flight(); f.Busy() {
		s.Busy = f.Status()
	}
	return m.help.statusLine(m.st, s, m.w)
}

// helpLine is the short help of the global keys and the focused pane.
func (m *Model) helpLine() string { return m.help.line(m.focusedHints(), m.w) }

// hintLine is the help model with the hint line and the status line it last
// drew. The lines are the same on most key presses, and drawing them styles
// every hint anew: a fifth of a Down key's garbage (issue 24). A cache of a
// pure function, so the model's copies share it.
type hintLine struct {
	help.Model
	w, hw int
	hints []hint // what out was drawn from
	out   string

	status    statusKey // what statusOut was drawn from
	statusOut string
}

// statusKey is what the status line shows.
type statusKey struct {
	st Styles
	s  statusbar.Status
	w  int
}

// statusLine is statusbar.Line, drawn again only when what it shows changed.
func (h *hintLine) statusLine(st Styles, s statusbar.Status, w int) string {
	if k := (statusKey{st, s, w}); h.statusOut == "" || h.status != k {
		h.status, h.statusOut = k, statusbar.Line(st, s, w)
	}
	return h.statusOut
}

// hint is what the hint line shows of a binding.
type hint struct {
	key, desc string
	on        bool
}

// line is statusbar.Hints of the bindings of parts (the global ones and the
// pane's, compared in turn, not joined first), drawn again only when a hint,
// the width or the help model's width changed.
func (h *hintLine) line(parts [2][]key.Binding, w int) string {
	if h.out != "" && h.w == w && h.hw == h.Width && h.same(parts) {
		return h.out
	}
	h.hints = h.hints[:0]
	for _, bs := range parts {
		for _, b := range bs {
			h.hints = append(h.hints, hint{key: b.Help().Key, desc: b.Help().Desc, on: b.Enabled()})
		}
	}
	h.w, h.hw = w, h.Width
	h.out = statusbar.Hints(h.Model, staticKeys(append(parts[0], parts[1]...)), w)
	return h.out
}

// same reports whether parts show the hints the line was drawn from.
func (h *hintLine) same(parts [2][]key.Binding) bool {
	if len(parts[0])+len(parts[1]) != len(h.hints) {
		return false
	}
	i := 0
	for _, bs := range parts {
		for _, b := range bs {
			if k := h.hints[i]; k.on != b.Enabled() || k.key != b.Help().Key || k.desc != b.Help().Desc {
				return false
			}
			i++
		}
	}
	return true
}

// staticKeys is a help.KeyMap of bindings already listed.
type staticKeys []key.Binding

func (k staticKeys) ShortHelp() []key.Binding  { return k }
func (k staticKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k} }

// focusedHints are the hint line's bindings: the global ones and the focused
// pane's (or the text field's while one is edited), or an open overlay's. Each
// pane's hints are asked of its own type: joining them in a help.KeyMap, as
// the line once did, boxed the key sets on every frame (issue 24).
func (m *Model) focusedHints() [2][]key.Binding {
	var pane []key.Binding
	switch {
	case m.overlay.IsOpen():
		if j, ok := m.overlay.KeyMap().(statusbar.Joined); ok {
			return [2][]key.Binding{j.Global.ShortHelp(), j.Pane.ShortHelp()}
		}
		return [2][]key.Binding{m.overlay.KeyMap().ShortHelp()}
	case m.focus == paneTree && m.tree.Editing():
		pane = m.tree.FieldKeys().ShortHelp()
	case m.focus == paneRequest && m.req.Editing():
		pane = m.req.EditKeys().ShortHelp()
	case m.focus == paneResponse && m.resp.Editing():
		pane = m.resp.FieldKeys().ShortHelp()
	case m.focus == paneTree:
		pane = m.tree.KeyMap().ShortHelp()
	case m.focus == paneRequest:
		pane = m.req.KeyMap().ShortHelp()
	case m.focus == paneResponse:
		pane = m.resp.KeyMap().ShortHelp()
	default:
		pane = m.expl.KeyMap().ShortHelp()
	}
	return [2][]key.Binding{m.keys.ShortHelp(), pane}
}

// handleMouse focuses the pane under a click and hands the event to it, in the
// pane's own coordinates.
func (m Model) handleMouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if m.overlay.IsOpen() || msg.Action == tea.MouseActionMotion {
		return m, nil
	}
	press := msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft
	if m.lay.Single && m.lay.Bar.Contains(msg.X, msg.Y) {
		if p, ok := statusbar.PaneAt(paneNames, msg.X); ok && press {
			m.setFocus(paneID(p))
		}
		return m, nil
	}
	for p := range paneCount {
		r := m.lay.Panes[p]
		if m.lay.Single && p != m.focus || !r.Contains(msg.X, msg.Y) {
			continue
		}
		if press {
			m.setFocus(p)
		}
		msg.X, msg.Y = msg.X-r.X-1, msg.Y-r.Y-1
		if msg.X < 0 || msg.Y < 0 || msg.X >= r.W-2 || msg.Y >= r.H-2 {
			return m, nil // on the frame
		}
		return m.updatePane(p, msg)
	}
	return m, nil
}
