package requestpane

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/explainfold"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/tree"
	"github.com/httplens/httplens/ui/uikit"
)

// requestLines lays a resolved request out: request line, headers, a blank line,
// the body.
func (m *Model) requestLines(method, url string, hs []requests.Header, body []byte) []string {
	lines := []string{m.st.Method(method).Render(termtext.String(method)) + " " + termtext.String(url)}
	for _, h := range hs {
		lines = append(lines, m.st.Syntax.Key.Render(termtext.String(h.Name))+": "+termtext.String(h.Value))
	}
	if len(body) > 0 {
		lines = append(lines, "")
		lines = append(lines, termtext.Lines(body)...)
	}
	return lines
}

// View draws exactly w×h cells.
func (m Model) View() string {
	if m.req == nil {
		return uikit.FitBlock([]string{m.st.Muted.Render("Select a request in the collection.")}, m.w, m.h)
	}
	if m.resolved {
		end := min(m.top+m.h, len(m.resLines))
		return uikit.FitBlock(m.resLines[min(m.top, end):end], m.w, m.h)
	}
	lesson := m.lessonLines()
	lines := append(lesson, m.requestLine(), m.tabBar())
	lines = append(lines, m.content()...)
	if len(m.issues) > 0 {
		// The errors and notes sit under the list, below the lesson and the list.
		top := len(lesson) + 2 + m.listHeight()
		lines = append(lines[:min(len(lines), top)], make([]string, max(top-len(lines), 0))...)
		lines = append(lines, m.issues...)
	}
	return uikit.FitBlock(lines, m.w, m.h)
}

func (m *Model) requestLine() string {
	if m.purpose == fieldURL && m.field.Editing() {
		return m.st.Method(m.d.Method).Render(termtext.String(m.d.Method)) + " " + m.field.View()
	}
	return m.st.Method(m.d.Method).Render(termtext.String(m.d.Method)) + " " + termtext.String(m.d.URL)
}

func (m *Model) tabBar() string {
	bar := m.tabs()
	var notes []string
	if m.knownETag != "" {
		notes = append(notes, "ETag "+termtext.String(m.knownETag))
	}
	if m.auto {
		notes = append(notes, "auto If-Match")
	}
	if m.Dirty() {
		notes = append(notes, "● unsaved")
	}
	notes = append(notes, PropsOf(m.d.Method).String())
	if len(notes) > 0 {
		bar += "  " + m.st.Muted.Render(strings.Join(notes, " · "))
	}
	return bar
}

// tabs are the tabs, the active one marked: from the memo when the styles and
// the tab are the same (styling them was most of a frame's time in this pane,
// on every key press in any pane, issue 24).
func (m *Model) tabs() string {
	if c := m.tabMemo; c != nil && c.out != "" && c.st == m.st && c.tab == m.tab {
		return c.out
	}
	parts := make([]string, 0, TabCount)
	for i := range TabCount {
		st := m.st.Tab
		if i == m.tab {
			st = m.st.TabActive
		}
		parts = append(parts, st.Render(uikit.TabLabel(TabName(i), i == m.tab)))
	}
	out := strings.Join(parts, "")
	if m.tabMemo != nil {
		*m.tabMemo = tabsMemo{st: m.st, tab: m.tab, out: out}
	}
	return out
}

// tabsMemo is the tabs as last drawn, shared by the model's copies (a cache of
// a pure function).
type tabsMemo struct {
	st  styles.Styles
	tab int
	out string
}

// listHeight is the rows under the request line and the tab bar.
func (m *Model) listHeight() int {
	return max(m.h-2-len(m.issues)-len(m.lessonLines()), 1)
}

// maxIssueRows caps the rows a request's errors and notes take in the pane.
const maxIssueRows = 4

// requestIssues is what is wrong with r as written (its errors: it cannot be sent
// as it is) and what httplens does not act on (its notes), a line each, the file
// named by its base name so that the line and the words stay in view.
func requestIssues(r *collections.Request, st styles.Styles) []string {
	var out []string
	short := func(s string) string {
		if r.File != nil && r.File.Path != "" {
			s = strings.Replace(s, r.File.Path, filepath.Base(r.File.Path), 1)
		}
		return termtext.String(s)
	}
	for _, e := range r.Errors {
		out = append(out, st.ErrorText.Render(tree.MarkError+" "+short(e.Error())))
	}
	for _, u := range r.Unsupported {
		out = append(out, st.SeverityWarning.Render(tree.MarkNote+" "+short(u.Error())))
	}
	// The TUI runs the scripts (on every send): say so, without a warning.
	for _, p := range r.ScriptPlaces() {
		out = append(out, st.Muted.Render("  "+short(p)+" runs on each send"))
	}
	if len(out) > maxIssueRows {
		more := len(out) - maxIssueRows + 1
		out = append(out[:maxIssueRows-1], st.Muted.Render(fmt.Sprintf("… %d more: httplens list shows them all", more)))
	}
	return out
}

// lessonLines are the first lines of the request's lesson (its comment block),
// above the request line: at most three, and none when the pane is too short to
// keep two rows for the request itself. The Explain pane shows it whole until
// the request is sent.
func (m *Model) lessonLines() []string {
	if m.req == nil || m.req.Lesson == "" || m.h < 7 || m.w < 20 {
		return nil
	}
	all := explainfold.Wrap(explainfold.Prose(m.req.Lesson), m.w, "")
	n := min(3, m.h-6)
	if len(all) > n {
		all = append(all[:n-1:n-1], ansi.Truncate(all[n-1], m.w-1, "")+"…")
	}
	out := make([]string, len(all))
	for i, l := range all {
		out[i] = m.st.Muted.Render(l)
	}
	return out
}

// contentRows counts the rows of the current tab's content.
func (m *Model) contentRows() int { return len(m.allContent()) }

// content is the visible rows of the current tab.
func (m *Model) content() []string {
	if m.tab == TabBody && m.body.editing {
		return append([]string{m.bodyHeader()}, m.body.View(m.listHeight()-1)...)
	}
	all := m.allContent()
	h := m.listHeight()
	if m.tab == TabHeaders || m.tab == TabQuery {
		if m.sel < m.top {
			m.top = m.sel
		} else if m.sel >= m.top+h {
			m.top = m.sel - h + 1
		}
	}
	m.top = uikit.Clamp(m.top, 0, max(len(all)-h, 0))
	return all[m.top:min(m.top+h, len(all))]
}

// allContent is every row of the current tab.
func (m *Model) allContent() []string {
	switch m.tab {
	case TabHeaders:
		rows := make([]string, 0, len(m.d.Headers)+1)
		for i, h := range m.d.Headers {
			row := termtext.String(h.Name) + ": " + termtext.String(h.Value)
			if h.Disabled {
				row = m.st.Muted.Render("# " + row + "  (disabled)")
			}
			rows = append(rows, m.listRow(i, fieldHeaderEdit, row))
		}
		return m.withAddRow(rows, fieldHeaderAdd, "No headers. a adds one.")
	case TabQuery:
		ps := m.d.params()
		rows := make([]string, 0, len(ps)+1)
		for i, p := range ps {
			rows = append(rows, m.listRow(i, fieldParamEdit, termtext.String(p.Name)+" = "+termtext.String(p.Value)))
		}
		return m.withAddRow(rows, fieldParamAdd, "No query parameters. a adds one.")
	case TabBody:
		return append([]string{m.bodyHeader()}, m.bodyLines()...)
	}
	return m.authLines()
}

// listRow draws row i of a list, or the field when it is being edited.
func (m *Model) listRow(i int, p fieldPurpose, row string) string {
	switch {
	case m.field.Editing() && m.purpose == p && i == m.sel:
		return "› " + m.field.View()
	case m.focused && i == m.sel:
		return m.st.Selected.Render("› " + row)
	}
	return "  " + row
}

func (m *Model) withAddRow(rows []string, p fieldPurpose, empty string) []string {
	switch {
	case m.field.Editing() && m.purpose == p:
		rows = append(rows, "+ "+m.field.View())
	case len(rows) == 0:
		rows = append(rows, m.st.Muted.Render("  "+empty))
	}
	return rows
}

func (m *Model) bodyHeader() string {
	k := m.keys
	hint := keyset.Name(k.Get(ContentType)) + " type · " + keyset.Name(k.Get(Edit)) + " edit · " + keyset.Name(k.Get(Editor)) + " $EDITOR"
	if m.body.editing {
		hint = "editing · " + keyset.Name(m.body.keys.Done) + " done"
	}
	return m.st.Muted.Render(fmt.Sprintf("Content-Type: %s · %s", termtext.String(m.d.contentTypeLabel()), hint))
}

func (m *Model) bodyLines() []string {
	if m.d.Body == "" {
		return []string{m.st.Muted.Render("No body. " + keyset.Name(m.keys.Get(Edit)) + " types one, " + keyset.Name(m.keys.Get(Editor)) + " opens $EDITOR.")}
	}
	return termtext.Lines([]byte(m.d.Body))
}

func (m *Model) authLines() []string {
	lines := []string{termtext.String(m.d.authSummary()), ""}
	switch {
	case m.field.Editing() && m.purpose == fieldBasic:
		lines = append(lines, m.field.View())
	case m.field.Editing() && m.purpose == fieldBearer:
		lines = append(lines, m.field.View())
	default:
		lines = append(lines, m.st.Muted.Render(keyset.Name(m.keys.Get(AuthBasic))+" sets Basic (user:password) · "+
			keyset.Name(m.keys.Get(AuthBearer))+" sets a Bearer token"))
	}
	return lines
}
