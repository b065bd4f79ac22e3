// Package shown remembers what the response and explain panes showed for each
// request this session, so that selecting a request again shows its own last
// exchange, never another's; and it loads a request's newest stored exchange
// from the history when the session has none. It holds no pane: the root shows
// what it says. It imports the packages it reads and the leaves under ui, never
// the root or a pane.
package shown

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/styles"
)

// Exchange is what the response and explain panes show of one exchange.
type Exchange struct {
	X       requests.Exchange
	Content *responsecontent.Content
	Report  *explain.Report // nil when no response arrived
	Note    string          // the explain pane's note
	Source  string          // the explain pane's source line
}

// Memory is each request's last exchange this session, by request key, and
// the request whose exchange (or empty state) the panes show. The zero value
// remembers nothing.
type Memory struct {
	byKey map[string]Exchange
	key   string
}

// Remember keeps e as request key's last exchange, the one now shown. An
// ad-hoc exchange (key "") is not kept.
func (m *Memory) Remember(key string, e Exchange) {
	if key == "" {
		return
	}
	if m.byKey == nil {
		m.byKey = map[string]Exchange{}
	}
	m.byKey[key] = e
	m.key = key
}

// Select makes request key the one the panes show. changed is false when it
// already was; e is its last exchange when ok.
func (m *Memory) Select(key string) (e Exchange, ok, changed bool) {
	if key == m.key {
		return Exchange{}, false, false
	}
	m.key = key
	e, ok = m.byKey[key]
	return e, ok, true
}

// Showing is the key of the request the panes show.
func (m *Memory) Showing() string { return m.key }

// Has reports whether request key has an exchange this session.
func (m *Memory) Has(key string) bool {
	_, ok := m.byKey[key]
	return ok
}

// SetNote changes the explain note remembered with request key's exchange (a
// 412's banner), when it has one.
func (m *Memory) SetNote(key, note string) {
	if e, ok := m.byKey[key]; ok {
		e.Note = note
		m.byKey[key] = e
	}
}

// Replace puts content new wherever old is remembered: a large body's Pretty
// tab formatted after the exchange was remembered.
func (m *Memory) Replace(old, new *responsecontent.Content) {
	for k, e := range m.byKey {
		if e.Content == old {
			e.Content = new
			m.byKey[k] = e
		}
	}
}

// LoadedMsg carries the newest stored exchange of request Key (OK false when
// the history holds none, Err set when it could not be read).
type LoadedMsg struct {
	Key   string
	Shown Exchange
	OK    bool
	Err   error
}

// LatestCmd reads the newest stored answer of request (file, name), of method
// method and named label (history.LatestOf: never a preflight P stored under
// it), and prepares it like a fresh response, explained as at its arrival.
func LatestCmd(s *history.Store, key, file, name, method, label string, st styles.Styles) tea.Cmd {
	return func() tea.Msg {
		e, ok, err := s.LatestOf(context.Background(), file, name, method)
		if err != nil || !ok {
			return LoadedMsg{Key: key, Err: err}
		}
		x := e.Exchange()
		sh := Exchange{X: x, Content: responsecontent.New(x, st),
			Source: termtext.String(label) + " · from the history, " + x.Received.Local().Format("Jan 02 15:04:05")}
		if x.Response != nil {
			at := x.Received
			if at.IsZero() {
				at = time.Now()
			}
			r := explain.Analyze(explaininput.From(x, at))
			sh.Report = &r
		}
		sh.Note = sh.Content.NotHTTPWhy
		return LoadedMsg{Key: key, Shown: sh, OK: true}
	}
}
