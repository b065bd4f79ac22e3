// Package explainview is the Explain pane: what the response means (its status
// for this method, the findings by severity, the validators, the caching
// verdict), scrolled with the movement actions of its key set. It imports
// explain, settings, termtext and the leaves under ui, never the root.
package explainview

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/explainfold"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/nav"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// Model shows what the response means: its status for this method, the
// findings by severity, the validators and the caching verdict.
type Model struct {
	st      styles.Styles
	Keys    keyset.Set // the explain scope's bindings, from the action table
	w, h    int
	focused bool
	report  *explain.Report
	reason  string // the response's reason phrase, sanitised
	note    string // what the session adds, e.g. what a 412 means for the request sent
	empty   string // shown without a report: the request's lesson, or how to start
	source  string // whose exchange the report is: "GET Read item · 12:00:03"
	owner   string // the key of the request whose exchange is shown
	doc     explainfold.Doc
	cursor  int             // the item the cursor is on
	itemAt  []int           // the first line of each item in the content
	vp      *viewport.Model // copied on write (editVP): 1.2 KB the root model, boxed on every key press, need not carry (issue 24)
	text    string          // what vp holds, for memo's key
	lines   []string        // text's lines, as vp holds them; never changed (shown)
	memo    *viewMemo       // the last View, shared by the model's copies; nil before New
}

// viewMemo is the last View and what it was drawn from. Every key press redraws
// the screen, and the viewport measures each line it shows again: a quarter of
// a Down key in the response pane went to redrawing this unchanged pane
// (issue 24). It caches a pure function, so copies of the model may share it.
type viewMemo struct {
	text    string
	y, w, h int
	out     string
}

// Actions of the explain scope the pane runs itself, besides scrolling. The
// action table declares them with these ids.
const (
	ActionToggle  settings.Action = "explain-toggle"
	ActionOpenAll settings.Action = "explain-open-all"
)

// New returns an empty pane that matches keys against keys.
func New(st styles.Styles, keys keyset.Set) Model {
	vp := viewport.New(0, 0)
	vp.KeyMap = viewport.KeyMap{} // keys are routed through the key set instead
	return Model{st: st, Keys: keys, vp: &vp, memo: &viewMemo{}}
}

// editVP is the viewport, copied for a change: a copy of the Model made before
// keeps its viewport as it was, as it would a value.
func (m *Model) editVP() *viewport.Model {
	vp := *m.vp
	m.vp = &vp
	return m.vp
}

// SetSize sets the inner size and re-wraps the text for it.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	vp := m.editVP()
	vp.Width, vp.Height = w, h
	m.render()
}

// Focus and Blur tell the pane whether keys come to it.
func (m *Model) Focus() { m.focused = true }

// Blur see Focus.
func (m *Model) Blur() { m.focused = false }

// KeyMap is the pane's bindings for the help views.
func (m *Model) KeyMap() keyset.Set { return m.Keys }

// Title is the frame title: it names the exchange explained.
func (m *Model) Title() string {
	if m.report != nil && m.source != "" {
		return "Explain · " + m.source
	}
	return "Explain"
}

// SetSource names the exchange the report is about (request and time) and the
// key of its request, so that switching requests can tell whose it is.
func (m *Model) SetSource(label, owner string) { m.source, m.owner = label, owner }

// Owner is the key of the request whose exchange is shown ("" for none).
func (m *Model) Owner() string {
	if m.report == nil {
		return ""
	}
	return m.owner
}

// SetReport shows the analysis of a new response; nil clears the panel. The note
// of the previous response goes with it.
func (m *Model) SetReport(r *explain.Report, reason string) {
	m.report, m.reason, m.note = r, reason, ""
	m.cursor = 0
	if r != nil {
		m.doc = explainfold.New(*r, reason, nil)
		// The status meaning is the lesson of every answer, and an error is what
		// must be read: both start open, the rest as headlines.
		for i, it := range m.doc.Items {
			if i == 0 || it.Severity == explain.Error && it.Members == nil {
				m.doc.Toggle(i)
			}
		}
	}
	m.render()
	m.editVP().GotoTop()
}

// SetEmpty sets what the pane shows without a report ("" for the default hint).
func (m *Model) SetEmpty(s string) {
	m.empty = s
	m.render()
}

// SetNote shows text above the analysis ("" removes it).
func (m *Model) SetNote(s string) {
	m.note = s
	m.render()
	m.editVP().GotoTop()
}

// Update scrolls with keys and the mouse wheel.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		id, _ := m.Keys.Match(msg)
		return m.do(id), nil
	case uimsg.RunAction:
		return m.do(msg.ID), nil
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			m.editVP().ScrollUp(3)
		case tea.MouseButtonWheelDown:
			m.editVP().ScrollDown(3)
		}
	}
	return m, nil
}

// do runs the explain panel's action id: up and down move the cursor over the
// headlines, enter opens or folds one, o opens or folds all, the rest scrolls.
func (m Model) do(id settings.Action) Model {
	n := len(m.doc.Items)
	switch {
	case m.report != nil && n > 0 && (id == "up" || id == "down"):
		if id == "up" {
			m.cursor = max(m.cursor-1, 0)
		} else {
			m.cursor = min(m.cursor+1, n-1)
		}
		m.render()
		if m.cursor < len(m.itemAt) {
			at := m.itemAt[m.cursor]
			if at < m.vp.YOffset || at >= m.vp.YOffset+m.vp.Height-1 {
				m.editVP().SetYOffset(max(at-1, 0))
			}
		}
		return m
	case id == ActionToggle && m.report != nil:
		m.doc.Toggle(m.cursor)
		m.render()
		return m
	case id == ActionOpenAll && m.report != nil:
		m.doc.SetAll(!m.doc.AllOpen())
		m.render()
		return m
	}
	y := nav.Scroll(id, m.vp.YOffset, m.vp.Height, m.vp.TotalLineCount())
	m.editVP().SetYOffset(y)
	return m
}

// View draws exactly w×h cells. When the text is longer than the pane, the last
// row says how much more there is, so nothing is cut off unseen.
func (m Model) View() string {
	if c := m.memo; c != nil && c.out != "" && c.text == m.text && c.y == m.vp.YOffset && c.w == m.w && c.h == m.h {
		return c.out
	}
	out := m.view()
	if m.memo != nil {
		*m.memo = viewMemo{text: m.text, y: m.vp.YOffset, w: m.w, h: m.h, out: out}
	}
	return out
}

// view is View drawn afresh.
func (m *Model) view() string {
	lines := m.shown()
	total := m.vp.TotalLineCount()
	if total > m.h && m.h > 1 && len(lines) >= m.h {
		below := total - m.vp.YOffset - m.h
		mark := fmt.Sprintf("↕ %d–%d of %d lines · o opens all", m.vp.YOffset+1, min(m.vp.YOffset+m.h, total), total)
		if below > 0 {
			mark = fmt.Sprintf("↓ %d more lines · %d–%d of %d", below, m.vp.YOffset+1, m.vp.YOffset+m.h-1, total)
		}
		lines[m.h-1] = m.st.Muted.Render(uikit.WrapText(mark, m.w))
	}
	return uikit.FitBlock(lines, m.w, m.h)
}

// shown is the viewport's lines on screen, as its View draws them before
// FitBlock pads them. The viewport's View pads them with a lipgloss style of
// the pane's size, which measures and wraps every line again (a sixth of the
// first frame's View; issue 24). When every line fits the width and has no tab
// or carriage return (the text is wrapped to the width; the viewport neither
// cuts nor scrolls sideways), its lines are the visible ones as they are, and
// FitBlock pads them the same. Otherwise the viewport draws them.
func (m *Model) shown() []string {
	if m.vp.HorizontalScrollPercent() >= 1 && m.w > 0 {
		top := max(0, m.vp.YOffset)
		lines := m.lines[min(top, len(m.lines)):min(max(top+m.h, top), len(m.lines))]
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.ContainsAny(l, "\t\r") }) {
			return slices.Clone(lines) // view writes the scroll mark into its last line
		}
	}
	return strings.Split(m.vp.View(), "\n")
}

// render rebuilds the text; it depends only on the report, what is open and
// the width.
func (m *Model) render() {
	if m.report == nil && m.note != "" {
		// Nothing came back (a pre-request script failed, say): the note alone.
		m.setContent(strings.Join(explainfold.Wrap(explainfold.Prose(m.note), m.w, ""), "\n"))
		return
	}
	if m.report == nil {
		text := "Send a request to see what its response means."
		if m.empty != "" {
			text = m.empty
		}
		var b strings.Builder
		for _, l := range explainfold.Wrap(explainfold.Prose(text), m.w, "") {
			b.WriteString(m.st.Muted.Render(l) + "\n")
		}
		m.setContent(strings.TrimRight(b.String(), "\n"))
		return
	}
	var b strings.Builder
	row := 0
	if m.note != "" {
		for _, l := range explainfold.Wrap(explainfold.Prose(m.note), m.w, "") {
			b.WriteString(m.st.Bold.Render(l) + "\n")
			row++
		}
		b.WriteString("\n")
		row++
	}
	m.itemAt = make([]int, len(m.doc.Items))
	seen := make([]bool, len(m.doc.Items))
	m.doc.Tail = m.tail()
	for _, l := range m.doc.Lines(m.w) {
		if l.Item >= 0 && !seen[l.Item] {
			seen[l.Item], m.itemAt[l.Item] = true, row
		}
		b.WriteString(m.styleLine(l) + "\n")
		row++
	}
	m.setContent(strings.TrimRight(b.String(), "\n"))
}

// setContent gives the viewport its text.
func (m *Model) setContent(s string) {
	m.text = s
	m.editVP().SetContent(s)
	m.lines = strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") // as SetContent splits it
}

// styleLine colours one laid-out line by its kind; the cursor's headline is
// marked when the pane has focus.
func (m *Model) styleLine(l explainfold.Line) string {
	switch l.Kind {
	case explainfold.Status:
		if m.focused && l.Item == m.cursor && strings.HasPrefix(l.Text, "▸") || m.focused && l.Item == m.cursor && strings.HasPrefix(l.Text, "▾") {
			return m.st.Selected.Render(l.Text)
		}
		return m.st.Status(m.report.Status.Code).Render(l.Text)
	case explainfold.Group:
		return m.severityStyle(l.Severity).Render(l.Text)
	case explainfold.Headline:
		if m.focused && l.Item == m.cursor && (strings.HasPrefix(l.Text, "▸") || strings.HasPrefix(l.Text, "▾")) {
			return m.st.Selected.Render(l.Text)
		}
		return l.Text
	case explainfold.Refs:
		return m.st.Muted.Render(l.Text)
	}
	return l.Text
}

// tail is the validators and the caching verdict, always shown after the findings.
func (m *Model) tail() []string {
	var out []string
	v := m.report.Validators
	if v.ETag != "" {
		kind := "strong"
		if v.ETagWeak {
			kind = "weak"
		}
		if !v.ETagValid {
			kind += ", malformed"
		}
		out = append(out, fmt.Sprintf("Validators: ETag %s (%s)", v.ETag, kind))
	}
	if v.LastModified != "" {
		out = append(out, "Validators: Last-Modified "+v.LastModified)
	}
	c := m.report.Cache
	cache := "Caching: Private cache: " + cacheView(c.Private) + ". Shared cache: " + cacheView(c.Shared) + "."
	switch {
	case !c.StorablePrivate && !c.StorableShared:
		cache += " Not stored by any cache."
	case c.Fresh:
		cache += fmt.Sprintf(" Age %s; fresh for %s more.", seconds(c.AgeS), seconds(c.FreshForS))
	case c.FreshnessLifetimeS > 0 || c.AgeS > 0:
		cache += fmt.Sprintf(" Age %s; stale by %s: reuse needs revalidation.", seconds(c.AgeS), seconds(-c.FreshForS))
	}
	if len(c.Vary) > 0 {
		cache += " Varies on: " + strings.Join(c.Vary, ", ") + "."
	}
	if len(c.Invalidates) > 0 {
		cache += " Invalidates stored responses for: " + strings.Join(c.Invalidates, ", ") + "."
	}
	return append(out, cache)
}

func (m *Model) severityStyle(s explain.Severity) lipgloss.Style {
	switch s {
	case explain.Error:
		return m.st.SeverityError
	case explain.Warning:
		return m.st.SeverityWarning
	}
	return m.st.SeverityInfo
}

// cacheView is one cache's verdict in a sentence.
func cacheView(v explain.CacheView) string {
	if !v.Storable {
		s := "not storable"
		if v.Reason != "" {
			s += " — " + v.Reason
		}
		return s
	}
	s := "storable"
	if v.Reason != "" {
		s += " (" + v.Reason + ")"
	}
	if v.FreshnessSource == "none" || v.FreshnessSource == "" {
		return s + "; no freshness lifetime, so every reuse is revalidated"
	}
	s += fmt.Sprintf("; lifetime %s from %s", seconds(v.FreshnessLifetimeS), v.FreshnessSource)
	if v.MustRevalidate {
		// Per view: must-revalidate binds every cache, proxy-revalidate and
		// s-maxage only shared ones (RFC 9111 §5.2.2.2, §5.2.2.8, §5.2.2.10).
		s += "; once stale it must be revalidated"
	}
	return s
}

// seconds formats a whole number of seconds.
func seconds(n int64) string {
	if n == 1 {
		return "1 second"
	}
	return fmt.Sprintf("%d seconds", n)
}
