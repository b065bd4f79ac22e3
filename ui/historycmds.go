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
	"github.com/httplens/httplens/ui/flight"
	"github.com/httplens/httplens/ui/historycmds"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/shown"
)

// The history's commands and their messages are package historycmds'; these
// are their names here.
type (
	historyStoredMsg = historycmds.StoredMsg
	historyPrunedMsg = historycmds.PrunedMsg
	historyListedMsg = historycmds.ListedMsg
)

// historyReopenedMsg carries a stored exchange made ready to show, for request key.
type historyReopenedMsg struct {
	key      string
	id       int64
	exchange requests.Exchange
	report   *explain.Report
	content  *responseContent
	err      error
}

// diffReadyMsg carries the lines of the diff view, for request key.
type diffReadyMsg struct {
	key   string
	title string
	lines []string
	err   error
}

// historyRef is where the history files request r; see historycmds.Ref.
func historyRef(r *collections.Request, dir string) (file, name string) {
	return historycmds.Ref(r, dir)
}

func storeCmd(s *history.Store, entries []history.Entry, keys []string) tea.Cmd {
	return historycmds.StoreCmd(s, entries, keys)
}

func pruneCmd(s *history.Store) tea.Cmd { return historycmds.PruneCmd(s) }

func listHistoryCmd(s *history.Store, key, file, name string) tea.Cmd {
	return historycmds.ListCmd(s, key, file, name)
}

// reopenCmd reads stored exchange id and prepares it like a fresh response. The
// explanation is for the moment the response was received (or now, when that is
// unknown), so a reopened exchange reads as it did then, and as Compare judges it.
func reopenCmd(s *history.Store, key string, id int64, st Styles) tea.Cmd {
	return func() tea.Msg {
		e, err := s.Get(context.Background(), id)
		if err != nil {
			return historyReopenedMsg{key: key, id: id, err: err}
		}
		x := e.Exchange()
		msg := historyReopenedMsg{key: key, id: id, exchange: x, content: newResponseContent(x, st)}
		if x.Response != nil {
			r := explain.Analyze(explaininput.From(x, momentOf(e, time.Now())))
			msg.report = &r
		}
		return msg
	}
}

// momentOf is when a stored exchange's verdicts are for; see historycmds.MomentOf.
func momentOf(e history.Entry, fallback time.Time) time.Time {
	return historycmds.MomentOf(e, fallback)
}

// historyFallback returns the Responses lookup of request variables for names the
// session has no response for: the newest stored response of that request. It
// may run inside a command; nil when there is no store.
func (m *Model) historyFallback() func(name string) (collections.Response, bool) {
	if m.cfg.History == nil || m.coll == nil {
		return nil
	}
	latest := historycmds.Latest(m.cfg.History, m.coll.Requests(), m.cfg.Dir)
	return func(name string) (collections.Response, bool) {
		r, ok := latest(name)
		if !ok {
			return collections.Response{}, false
		}
		return flight.LastResponse(r), true
	}
}

// recordCmd stores what a send produced and notes which requests got a response
// in this session (for the confirmation before re-sending a non-idempotent one).
func (m *Model) recordCmd(msg flight.ResponseMsg, key string) tea.Cmd {
	if key != "" && msg.Exchange.Response != nil {
		m.responded[key] = true
	}
	if m.cfg.History == nil || len(msg.Sent) == 0 {
		return nil
	}
	entries := make([]history.Entry, 0, len(msg.Sent))
	keys := make([]string, 0, len(msg.Sent))
	for _, s := range msg.Sent {
		file, name := historyRef(s.Req, m.cfg.Dir)
		entries = append(entries, history.FromExchange(s.X, file, name))
		if s.Req != nil && s.Req.File != nil {
			keys = append(keys, requestKey(s.Req))
		}
	}
	return storeCmd(m.cfg.History, entries, keys)
}

// handleHistoryMsg takes the results of history commands; ok is false for any
// other message.
func (m Model) handleHistoryMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case historyStoredMsg:
		if msg.Err != nil {
			m.setStatus("Not kept in the history: "+msg.Err.Error(), true)
			return m, nil, true
		}
		m.resp.HistoryStale(msg.Keys...) // load them again
		return m, m.syncHistory(), true
	case historyPrunedMsg:
		if msg.Err != nil {
			m.setStatus("History pruning failed: "+msg.Err.Error(), true)
		}
		return m, nil, true
	case historyListedMsg:
		if r := m.req.Request(); r != nil && requestKey(r) == msg.Key {
			m.resp.SetHistoryRows(msg.Key, msg.Rows, msg.Err)
		}
		return m, nil, true
	case responsepane.ReopenMsg:
		r := m.req.Request()
		if r == nil || m.cfg.History == nil {
			return m, nil, true
		}
		m.setStatus(fmt.Sprintf("Reopening exchange #%d…", msg.ID), false)
		return m, reopenCmd(m.cfg.History, requestKey(r), msg.ID, m.st), true
	case historyReopenedMsg:
		m = m.reopened(msg)
		return m, m.startFormatting(), true
	case responsepane.DiffMsg:
		r := m.req.Request()
		if r == nil || m.cfg.History == nil {
			return m, nil, true
		}
		m.setStatus(fmt.Sprintf("Comparing exchanges #%d and #%d…", msg.A, msg.B), false)
		return m, diffCmd(m.cfg.History, requestKey(r), msg.A, msg.B, m.textWidth(), m.st), true
	case diffReadyMsg:
		return m.diffReady(msg), nil, true
	}
	return m, nil, false
}

// reopened shows a stored exchange, unless the request changed meanwhile.
func (m Model) reopened(msg historyReopenedMsg) Model {
	if r := m.req.Request(); r == nil || requestKey(r) != msg.key {
		return m
	}
	if msg.err != nil {
		m.setStatus(fmt.Sprintf("Cannot reopen exchange #%d: %v", msg.id, msg.err), true)
		return m
	}
	src := fmt.Sprintf("%s · exchange #%d", termtext.String(requestLabel(m.req.Request())), msg.id)
	m.expl.SetSource(src, msg.key)
	m.resp.ShowReopened(msg.content, msg.id)
	m.expl.SetReport(msg.report, msg.content.Reason)
	m.expl.SetNote(msg.content.NotHTTPWhy)
	m.lastX = msg.exchange
	m.resp.SetCopyable(msg.exchange.Response != nil)
	m.resp.SetBodyKeys(msg.exchange)
	m.shown.Remember(msg.key, shown.Exchange{X: msg.exchange, Content: msg.content, Report: msg.report,
		Note: msg.content.NotHTTPWhy, Source: src})
	m.setStatus(fmt.Sprintf("Reopened exchange #%d, sent %s, explained as at its arrival · 5 back to History",
		msg.id, msg.exchange.Sent.Local().Format("Jan 02 15:04:05")), false)
	return m
}

// syncHistory loads the History tab's rows when the tab is shown and they are not
// those of the request shown.
func (m *Model) syncHistory() tea.Cmd {
	why := ""
	if m.cfg.HistoryErr != nil {
		why = m.cfg.HistoryErr.Error()
	}
	m.resp.SetHistoryOff(m.cfg.History == nil, why)
	r := m.req.Request()
	if r == nil || !m.resp.LoadHistory(requestKey(r)) {
		return nil
	}
	k := requestKey(r)
	file, name := historyRef(r, m.cfg.Dir)
	return listHistoryCmd(m.cfg.History, k, file, name)
}
