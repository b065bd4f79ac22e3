package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
)

// requestPane shows the selected request as written, or with its variables
// resolved on demand.
type requestPane struct {
	st      Styles
	keys    requestKeys
	w, h    int
	focused bool

	req      *collections.Request
	key      string
	resolved bool     // show the resolved form (once it has arrived)
	wantKey  string   // the request whose resolution is awaited
	lines    []string // the display lines, rebuilt when the request or mode changes
	top      int
}

func newRequestPane(st Styles) requestPane {
	p := requestPane{st: st, keys: newRequestKeys()}
	p.lines = []string{st.Muted.Render("Select a request in the collection.")}
	return p
}

// SetSize sets the inner size the pane draws into.
func (m *requestPane) SetSize(w, h int) {
	m.w, m.h = w, h
	m.top = clamp(m.top, 0, max(len(m.lines)-h, 0))
}

// Focus and Blur tell the pane whether keys come to it.
func (m *requestPane) Focus() { m.focused = true }

// Blur see Focus.
func (m *requestPane) Blur() { m.focused = false }

// KeyMap is the pane's bindings for the help views.
func (m *requestPane) KeyMap() requestKeys { return m.keys }

// Title is the frame title.
func (m *requestPane) Title() string {
	if m.req == nil {
		return "Request"
	}
	t := "Request · " + sanitizeString(requestLabel(m.req))
	if m.resolved {
		t += " · resolved"
	}
	return t
}

// Request is the request shown, or nil.
func (m *requestPane) Request() *collections.Request { return m.req }

// SetRequest shows r as written; nil clears the pane.
func (m *requestPane) SetRequest(r *collections.Request) {
	if r != nil && m.req != nil && requestKey(r) == m.key {
		return
	}
	m.req, m.resolved, m.wantKey, m.top = r, false, "", 0
	if r == nil {
		m.key = ""
		m.lines = []string{m.st.Muted.Render("Select a request in the collection.")}
		return
	}
	m.key = requestKey(r)
	hs := make([]requests.Header, len(r.Headers))
	for i, h := range r.Headers {
		hs[i] = requests.Header{Name: h.Name, Value: h.Value}
	}
	m.lines = m.requestLines(r.Method, r.URL, hs, r.Body)
}

// Update scrolls and asks for the resolved view with v; the root runs the resolver
// when the returned command yields a resolveRequestMsg.
func (m requestPane) Update(msg tea.Msg) (requestPane, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if key.Matches(msg, m.keys.Resolve) && m.req != nil {
			if m.resolved || m.wantKey != "" {
				r := m.req
				m.req = nil
				m.SetRequest(r)
				return m, nil
			}
			m.wantKey = m.key
			return m, func() tea.Msg { return resolveRequestMsg{key: m.wantKey} }
		}
		m.top = scroll(m.keys.moveKeys, msg, m.top, m.h, len(m.lines))
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			m.top = max(m.top-3, 0)
		case tea.MouseButtonWheelDown:
			m.top = clamp(m.top+3, 0, max(len(m.lines)-m.h, 0))
		}
	case resolvedMsg:
		if msg.key != m.wantKey || msg.key != m.key {
			return m, nil
		}
		m.wantKey, m.resolved, m.top = "", true, 0
		if msg.err != nil {
			m.lines = []string{m.st.ErrorText.Render("Cannot resolve: ") + sanitizeString(msg.err.Error())}
			return m, nil
		}
		m.lines = m.requestLines(msg.req.Method, msg.req.URL, msg.req.Headers, msg.req.Body)
	}
	return m, nil
}

// requestLines lays a request out: request line, headers, a blank line, the body.
func (m *requestPane) requestLines(method, url string, hs []requests.Header, body []byte) []string {
	lines := []string{m.st.Method(method).Render(sanitizeString(method)) + " " + sanitizeString(url)}
	key := newWrappers(m.st.Syntax, true).key
	for _, h := range hs {
		lines = append(lines, key.prefix+sanitizeString(h.Name)+key.suffix+": "+sanitizeString(h.Value))
	}
	if len(body) > 0 {
		lines = append(lines, "")
		lines = append(lines, displayLines(body)...)
	}
	return lines
}

// View draws exactly w×h cells.
func (m requestPane) View() string {
	end := min(m.top+m.h, len(m.lines))
	return fitBlock(m.lines[min(m.top, end):end], m.w, m.h)
}
