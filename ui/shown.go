package ui

import (
	"context"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
)

// shownExchange is what the response and explain panes showed for one request,
// so that selecting it again shows its own last exchange, never another's.
type shownExchange struct {
	x       requests.Exchange
	content *responseContent
	report  *explain.Report
	note    string
	source  string // the explain pane's source line
}

// latestLoadedMsg carries the newest stored exchange of request key (ok false
// when the history holds none).
type latestLoadedMsg struct {
	key   string
	shown shownExchange
	ok    bool
	err   error
}

// remember keeps what the panes now show as request key's last exchange.
func (m *Model) remember(key string, s shownExchange) {
	if key == "" {
		return
	}
	if m.shown == nil {
		m.shown = map[string]shownExchange{}
	}
	m.shown[key] = s
	m.respKey = key
}

// followRequest makes the response and explain panes show the selected request's
// last exchange: this session's, else one loaded from the history (the returned
// command), else an empty state naming the request. Nothing changes while a send
// is in flight: the panes show its progress and then its answer.
func (m *Model) followRequest() tea.Cmd {
	r := m.req.Request()
	key := ""
	if r != nil {
		key = requestKey(r)
	}
	if key == m.respKey || m.flight.cancel != nil {
		return nil
	}
	m.respKey = key
	if s, ok := m.shown[key]; ok {
		m.showExchange(key, s)
		return nil
	}
	m.showNone(r)
	if r == nil || m.cfg.History == nil {
		return nil
	}
	file, name := historyRef(r, m.cfg.Dir)
	return latestCmd(m.cfg.History, key, file, name, requestLabel(r), m.st)
}

// showExchange puts request key's exchange s back in the panes.
func (m *Model) showExchange(key string, s shownExchange) {
	m.resp.SetContent(s.content)
	m.expl.SetReport(s.report, s.content.Reason)
	m.expl.SetNote(s.note)
	m.expl.SetSource(s.source, key)
	m.lastX = s.x
	m.resp.SetCopyable(s.x.Response != nil)
}

// showNone empties the panes, naming request r as the one not sent yet.
func (m *Model) showNone(r *collections.Request) {
	none := ""
	if r != nil {
		none = termtext.String(requestLabel(r))
	}
	m.resp.Clear(none)
	m.expl.SetReport(nil, "")
	m.lastX = requests.Exchange{}
}

// latestCmd reads the newest stored exchange of request (file, name) and prepares
// it like a fresh response, explained as at its arrival (as reopenCmd does).
func latestCmd(s *history.Store, key, file, name, label string, st Styles) tea.Cmd {
	return func() tea.Msg {
		e, ok, err := s.Latest(context.Background(), file, name)
		if err != nil || !ok {
			return latestLoadedMsg{key: key, err: err}
		}
		x := e.Exchange()
		sh := shownExchange{x: x, content: newResponseContent(x, st),
			source: termtext.String(label) + " · from the history, " + x.Received.Local().Format("Jan 02 15:04:05")}
		if x.Response != nil {
			r := explain.Analyze(explaininput.From(x, momentOf(e, time.Now())))
			sh.report = &r
		}
		sh.note = sh.content.NotHTTPWhy
		return latestLoadedMsg{key: key, shown: sh, ok: true}
	}
}

// latestLoaded shows a request's stored exchange, unless another request is
// selected by now or a send answered meanwhile.
func (m Model) latestLoaded(msg latestLoadedMsg) Model {
	if r := m.req.Request(); r == nil || requestKey(r) != msg.key || m.respKey != msg.key {
		return m
	}
	if _, sent := m.shown[msg.key]; sent {
		return m
	}
	if msg.err != nil {
		if m.errMsg {
			return m // an earlier failure (often the same store's) stays on the line
		}
		m.setStatus(fmt.Sprintf("Cannot read the last exchange from the history: %v", msg.err), true)
		return m
	}
	if msg.ok {
		m.remember(msg.key, msg.shown)
		m.showExchange(msg.key, msg.shown)
	}
	return m
}
