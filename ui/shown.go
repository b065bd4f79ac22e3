package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/shown"
)

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
	if m.flight.cancel != nil {
		return nil
	}
	s, ok, changed := m.shown.Select(key)
	if !changed {
		return nil
	}
	if ok {
		m.showExchange(key, s)
		return m.startFormatting() // when it was left unformatted
	}
	m.showNone(r)
	if r == nil || m.cfg.History == nil {
		return nil
	}
	file, name := historyRef(r, m.cfg.Dir)
	return shown.LatestCmd(m.cfg.History, key, file, name, r.Method, requestLabel(r), m.st)
}

// showExchange puts request key's exchange s back in the panes.
func (m *Model) showExchange(key string, s shown.Exchange) {
	m.resp.SetContent(s.Content)
	m.expl.SetReport(s.Report, s.Content.Reason)
	m.expl.SetNote(s.Note)
	m.expl.SetSource(s.Source, key)
	m.lastX = s.X
	m.resp.SetCopyable(s.X.Response != nil)
	m.resp.SetBodyKeys(s.X)
}

// showNone empties the panes, naming request r as the one not sent yet.
func (m *Model) showNone(r *collections.Request) {
	none := ""
	if r != nil {
		none = termtext.String(requestLabel(r))
	}
	m.resp.Clear(none)
	m.resp.SetBodyKeys(requests.Exchange{})
	m.expl.SetReport(nil, "")
	m.lastX = requests.Exchange{}
}

// latestLoaded shows a request's stored exchange, unless another request is
// selected by now or a send answered meanwhile; a large body is formatted then.
func (m Model) latestLoaded(msg shown.LoadedMsg) (tea.Model, tea.Cmd) {
	if r := m.req.Request(); r == nil || requestKey(r) != msg.Key || m.shown.Showing() != msg.Key {
		return m, nil
	}
	if m.shown.Has(msg.Key) {
		return m, nil
	}
	if msg.Err != nil {
		if m.errMsg {
			return m, nil // an earlier failure (often the same store's) stays on the line
		}
		m.setStatus(fmt.Sprintf("Cannot read the last exchange from the history: %v", msg.Err), true)
		return m, nil
	}
	if !msg.OK {
		return m, nil
	}
	m.shown.Remember(msg.Key, msg.Shown)
	m.showExchange(msg.Key, msg.Shown)
	return m, m.startFormatting()
}
