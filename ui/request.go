package ui

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/preconditions"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/explainfold"
	"github.com/httplens/httplens/ui/field"
	"github.com/httplens/httplens/ui/highlight"
	"github.com/httplens/httplens/ui/tree"
	"github.com/httplens/httplens/ui/uimsg"
)

// Request pane tabs, in the order they are shown.
const (
	reqTabHeaders = iota
	reqTabBody
	reqTabQuery
	reqTabAuth
	reqTabCount
)

func reqTabName(i int) string {
	return [reqTabCount]string{"Headers", "Body", "Query", "Auth"}[i]
}

// fieldPurpose says what the pane's line field is editing.
type fieldPurpose int

const (
	fieldNone fieldPurpose = iota
	fieldURL
	fieldHeaderAdd
	fieldHeaderEdit
	fieldParamAdd
	fieldParamEdit
	fieldBasic
	fieldBearer
)

// requestPane shows and edits the selected request. Edits live in drafts, one per
// request, until they are saved (the root writes them) or discarded; what the pane
// shows is what ctrl+r sends.
type requestPane struct {
	st      Styles
	keys    requestKeys
	w, h    int
	focused bool

	req    *collections.Request // the saved request shown, or nil
	key    string
	issues []string          // req's errors and notes, styled, shown under the content
	drafts map[string]edited // by request key: every request edited in this session
	d      draft             // the draft of req
	tab    int
	sel    int // selected row of the Headers or Query list
	top    int // first content row shown

	field   field.Line
	purpose fieldPurpose
	body    textEditor

	resolved bool     // show the resolved form (once it has arrived)
	wantKey  string   // the request whose resolution is awaited
	resLines []string // the resolved form's lines

	validator validator           // of the last response, for the condition key
	knownURL  string              // the shown request's URL, resolved
	known     preconditions.Known // validators seen, by URL: the condition key quotes knownURL's only
	knownWhy  string              // why knownURL is not known, or ""
	notice    string              // what the last action has to say, for the status line
	knownETag string              // the last ETag seen for this request's URL
	auto      bool                // auto If-Match on PUT, PATCH and DELETE
}

// edited is a request's draft and the saved form it started from.
type edited struct {
	cur, base draft
	orig      *collections.Request // the saved request the edit started from: its identity
}

// validator is what the last response said about the version of its resource.
type validator struct {
	etag, lastModified string
}

func newRequestPane(st Styles) requestPane {
	return requestPane{st: st, keys: newRequestKeys(nil), drafts: map[string]edited{}, field: field.New(""), body: newTextEditor()}
}

// SetSize sets the inner size the pane draws into.
func (m *requestPane) SetSize(w, h int) { m.w, m.h = w, h }

// Focus and Blur tell the pane whether keys come to it.
func (m *requestPane) Focus() { m.focused = true }

// Blur see Focus.
func (m *requestPane) Blur() { m.focused = false }

// Editing reports whether a text field or the body editor takes typed keys.
func (m *requestPane) Editing() bool { return m.field.Editing() || m.body.editing }

// KeyMap is the pane's bindings for the help views.
func (m *requestPane) KeyMap() requestKeys { return m.keys }

// EditKeys is the help of whatever is taking text, while Editing.
func (m *requestPane) EditKeys() help.KeyMap {
	if m.body.editing {
		return m.body.keys
	}
	return m.field.Keys
}

// Title is the frame title.
func (m *requestPane) Title() string {
	if m.req == nil {
		return "Request"
	}
	t := "Request · " + termtext.String(requestLabel(m.req))
	if m.Dirty() {
		t += " · modified"
	}
	if m.resolved {
		t += " · resolved"
	}
	return t
}

// Request is the request as edited (what ctrl+r sends), or nil.
func (m *requestPane) Request() *collections.Request {
	if m.req == nil {
		return nil
	}
	if _, ok := m.drafts[m.key]; !ok {
		return m.req
	}
	return m.d.request(m.req, false)
}

// Saved is the request as saved on disk, or nil.
func (m *requestPane) Saved() *collections.Request { return m.req }

// Dirty reports whether the shown request has unsaved edits.
func (m *requestPane) Dirty() bool {
	return m.req != nil && !m.d.equal(newDraft(m.req))
}

// Draft returns the draft of the request with key k, if it was edited.
func (m *requestPane) Draft(k string) (draft, bool) {
	e, ok := m.drafts[k]
	return e.cur, ok
}

// SetRequest shows r, with its unsaved edits if it has any; nil clears the pane.
// The same request again keeps the pane as it is.
func (m *requestPane) SetRequest(r *collections.Request) {
	if r != nil && m.req != nil && requestKey(r) == m.key && r == m.req {
		return
	}
	m.endEditing()
	m.req, m.resolved, m.wantKey, m.top, m.sel = r, false, "", 0, 0
	if r == nil {
		m.key, m.d, m.issues = "", draft{}, nil
		return
	}
	m.key = requestKey(r)
	m.issues = requestIssues(r, m.st)
	m.d = newDraft(r)
	if e, ok := m.drafts[m.key]; ok {
		m.d = e.cur.clone()
	}
}

// Forget drops the edits of request k (saved or discarded) and, if it is shown,
// shows r (its saved form) again. Disabled headers stay disabled, since disabling
// is kept for the session.
func (m *requestPane) Forget(k string, r *collections.Request) {
	e, had := m.drafts[k]
	old := e.cur
	delete(m.drafts, k)
	if r == nil || (m.key != k && m.req != nil) {
		return
	}
	m.req = nil
	m.SetRequest(r)
	if had && len(old.Headers) == len(m.d.Headers) {
		for i := range m.d.Headers {
			m.d.Headers[i].Disabled = old.Headers[i].Disabled
		}
		m.commit()
	}
}

// Rematch moves the edits of requests of old to their requests in nf, found by
// identity (collections.Rematch), since a change on disk may have moved them.
// moved maps old keys to new ones; an edit whose request is gone is kept under a
// "gone:" key, listed in gone, so it is never shown on another request.
func (m *requestPane) Rematch(old, nf *collections.File) (moved map[string]string, gone []string) {
	var keys []string
	for k, e := range m.drafts {
		if e.orig != nil && e.orig.File == old && !strings.HasPrefix(k, goneKey) {
			keys = append(keys, k)
		}
	}
	// Map order must not decide which of two equal requests gets which edit.
	slices.SortFunc(keys, func(a, b string) int { return m.drafts[a].orig.Index - m.drafts[b].orig.Index })
	var ids []collections.Identity
	for _, k := range keys {
		ids = append(ids, collections.IdentityOf(m.drafts[k].orig))
	}
	at := collections.Rematch(ids, nf)
	moved = map[string]string{}
	moving := map[string]edited{}
	for i, k := range keys {
		e := m.drafts[k]
		delete(m.drafts, k)
		if at[i] < 0 {
			gk := goneKey + k
			m.drafts[gk] = e
			gone = append(gone, gk)
			continue
		}
		e.orig = &nf.Requests[at[i]]
		nk := requestKey(e.orig)
		moving[nk], moved[k] = e, nk
	}
	maps.Copy(m.drafts, moving)
	return moved, gone
}

// goneKey prefixes the key of an edit whose request is no longer in its file.
const goneKey = "gone:"

// Orig is the saved request the edit k started from, or nil.
func (m *requestPane) Orig(k string) *collections.Request { return m.drafts[k].orig }

// DirtyKeys lists the requests with unsaved edits.
func (m *requestPane) DirtyKeys() map[string]bool {
	out := map[string]bool{}
	for k, e := range m.drafts {
		if !e.cur.equal(e.base) {
			out[k] = true
		}
	}
	return out
}

// SetValidator tells the pane the validators of the last response.
func (m *requestPane) SetValidator(v validator) {
	m.validator = v
	m.keys.Enable(actionCondition, true) // it says so when no validator is known
}

// SetKnownETag shows the last ETag seen for the request's URL ("" for none).
func (m *requestPane) SetKnownETag(tag string) { m.knownETag = tag }

// AutoIfMatch reports whether auto If-Match is on.
func (m *requestPane) AutoIfMatch() bool { return m.auto }

// Update edits the request, or scrolls; see requestKeys.
func (m requestPane) Update(msg tea.Msg) (requestPane, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.updateKey(msg)
	case uimsg.RunAction:
		return m.do(msg.ID)
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			m.top = max(m.top-3, 0)
		case tea.MouseButtonWheelDown:
			m.top = clamp(m.top+3, 0, max(m.contentRows()-m.listHeight(), 0))
		}
	case resolvedMsg:
		if msg.key != m.wantKey || msg.key != m.key {
			return m, nil
		}
		m.wantKey, m.resolved, m.top = "", true, 0
		if msg.err != nil {
			m.resLines = []string{m.st.ErrorText.Render("Cannot resolve: ") + termtext.String(msg.err.Error())}
			return m, nil
		}
		m.resLines = m.requestLines(msg.req.Method, msg.req.URL, msg.req.Headers, msg.req.Body)
	case bodyEditedMsg:
		if msg.key == m.key && msg.err == nil {
			m.d.Body = msg.body
			m.body.SetText(msg.body)
			m.commit()
		}
	}
	return m, nil
}

// requestLines lays a resolved request out: request line, headers, a blank line,
// the body.
func (m *requestPane) requestLines(method, url string, hs []requests.Header, body []byte) []string {
	lines := []string{m.st.Method(method).Render(termtext.String(method)) + " " + termtext.String(url)}
	key := highlight.Key(m.st.Syntax)
	for _, h := range hs {
		lines = append(lines, key.Prefix+termtext.String(h.Name)+key.Suffix+": "+termtext.String(h.Value))
	}
	if len(body) > 0 {
		lines = append(lines, "")
		lines = append(lines, termtext.Lines(body)...)
	}
	return lines
}

// View draws exactly w×h cells.
func (m requestPane) View() string {
	if m.req == nil {
		return fitBlock([]string{m.st.Muted.Render("Select a request in the collection.")}, m.w, m.h)
	}
	if m.resolved {
		end := min(m.top+m.h, len(m.resLines))
		return fitBlock(m.resLines[min(m.top, end):end], m.w, m.h)
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
	return fitBlock(lines, m.w, m.h)
}

func (m *requestPane) requestLine() string {
	if m.purpose == fieldURL && m.field.Editing() {
		return m.st.Method(m.d.Method).Render(termtext.String(m.d.Method)) + " " + m.field.View()
	}
	return m.st.Method(m.d.Method).Render(termtext.String(m.d.Method)) + " " + termtext.String(m.d.URL)
}

func (m *requestPane) tabBar() string {
	parts := make([]string, 0, reqTabCount)
	for i := range reqTabCount {
		st := m.st.Tab
		if i == m.tab {
			st = m.st.TabActive
		}
		parts = append(parts, st.Render(tabLabel(reqTabName(i), i == m.tab)))
	}
	bar := strings.Join(parts, "")
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
	notes = append(notes, propsOf(m.d.Method).String())
	if len(notes) > 0 {
		bar += "  " + m.st.Muted.Render(strings.Join(notes, " · "))
	}
	return bar
}

// listHeight is the rows under the request line and the tab bar.
func (m *requestPane) listHeight() int {
	return max(m.h-2-len(m.issues)-len(m.lessonLines()), 1)
}

// maxIssueRows caps the rows a request's errors and notes take in the pane.
const maxIssueRows = 4

// requestIssues is what is wrong with r as written (its errors: it cannot be sent
// as it is) and what httplens does not act on (its notes), a line each, the file
// named by its base name so that the line and the words stay in view.
func requestIssues(r *collections.Request, st Styles) []string {
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
	for _, n := range r.Notes() {
		out = append(out, st.SeverityWarning.Render(tree.MarkNote+" "+short(n)))
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
func (m *requestPane) lessonLines() []string {
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
func (m *requestPane) contentRows() int { return len(m.allContent()) }

// content is the visible rows of the current tab.
func (m *requestPane) content() []string {
	if m.tab == reqTabBody && m.body.editing {
		return append([]string{m.bodyHeader()}, m.body.View(m.listHeight()-1)...)
	}
	all := m.allContent()
	h := m.listHeight()
	if m.tab == reqTabHeaders || m.tab == reqTabQuery {
		if m.sel < m.top {
			m.top = m.sel
		} else if m.sel >= m.top+h {
			m.top = m.sel - h + 1
		}
	}
	m.top = clamp(m.top, 0, max(len(all)-h, 0))
	return all[m.top:min(m.top+h, len(all))]
}

// allContent is every row of the current tab.
func (m *requestPane) allContent() []string {
	switch m.tab {
	case reqTabHeaders:
		rows := make([]string, 0, len(m.d.Headers)+1)
		for i, h := range m.d.Headers {
			row := termtext.String(h.Name) + ": " + termtext.String(h.Value)
			if h.Disabled {
				row = m.st.Muted.Render("# " + row + "  (disabled)")
			}
			rows = append(rows, m.listRow(i, fieldHeaderEdit, row))
		}
		return m.withAddRow(rows, fieldHeaderAdd, "No headers. a adds one.")
	case reqTabQuery:
		ps := m.d.params()
		rows := make([]string, 0, len(ps)+1)
		for i, p := range ps {
			rows = append(rows, m.listRow(i, fieldParamEdit, termtext.String(p.Name)+" = "+termtext.String(p.Value)))
		}
		return m.withAddRow(rows, fieldParamAdd, "No query parameters. a adds one.")
	case reqTabBody:
		return append([]string{m.bodyHeader()}, m.bodyLines()...)
	}
	return m.authLines()
}

// listRow draws row i of a list, or the field when it is being edited.
func (m *requestPane) listRow(i int, p fieldPurpose, row string) string {
	switch {
	case m.field.Editing() && m.purpose == p && i == m.sel:
		return "› " + m.field.View()
	case m.focused && i == m.sel:
		return m.st.Selected.Render("› " + row)
	}
	return "  " + row
}

func (m *requestPane) withAddRow(rows []string, p fieldPurpose, empty string) []string {
	switch {
	case m.field.Editing() && m.purpose == p:
		rows = append(rows, "+ "+m.field.View())
	case len(rows) == 0:
		rows = append(rows, m.st.Muted.Render("  "+empty))
	}
	return rows
}

func (m *requestPane) bodyHeader() string {
	k := m.keys
	hint := keyName(k.Get(actionContentType)) + " type · " + keyName(k.Get(actionEdit)) + " edit · " + keyName(k.Get(actionEditor)) + " $EDITOR"
	if m.body.editing {
		hint = "editing · " + keyName(m.body.keys.Done) + " done"
	}
	return m.st.Muted.Render(fmt.Sprintf("Content-Type: %s · %s", termtext.String(m.d.contentTypeLabel()), hint))
}

func (m *requestPane) bodyLines() []string {
	if m.d.Body == "" {
		return []string{m.st.Muted.Render("No body. " + keyName(m.keys.Get(actionEdit)) + " types one, " + keyName(m.keys.Get(actionEditor)) + " opens $EDITOR.")}
	}
	return termtext.Lines([]byte(m.d.Body))
}

func (m *requestPane) authLines() []string {
	lines := []string{termtext.String(m.d.authSummary()), ""}
	switch {
	case m.field.Editing() && m.purpose == fieldBasic:
		lines = append(lines, m.field.View())
	case m.field.Editing() && m.purpose == fieldBearer:
		lines = append(lines, m.field.View())
	default:
		lines = append(lines, m.st.Muted.Render(keyName(m.keys.Get(actionAuthBasic))+" sets Basic (user:password) · "+
			keyName(m.keys.Get(actionAuthBearer))+" sets a Bearer token"))
	}
	return lines
}
