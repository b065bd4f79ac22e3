package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/flight"
	"github.com/httplens/httplens/ui/historycmds"
	"github.com/httplens/httplens/ui/shown"
	"github.com/httplens/httplens/ui/tourreset"
)

// The root's side of package shown (which exchange the panes show), the history
// workflow (package historycmds) and the tour's start-over (package tourreset):
// routing their messages and applying what they return.

// followRequest makes the panes show the selected request's last exchange:
// this session's, else its empty state while its newest stored one is read.
func (m *Model) followRequest() tea.Cmd {
	r := m.req.Request()
	v, changed := m.shown.Follow(r, m.flight.Busy())
	if !changed {
		return nil
	}
	if !v.Found {
		m.show(v)
		return m.hist.Newest(r, m.st)
	}
	return m.show(v)
}

// show puts view v in the response and explain panes; a large body left
// unformatted is formatted then (the command).
func (m *Model) show(v shown.View) tea.Cmd {
	m.lastX = v.E.X
	// Through locals: panes passed as interfaces escape, and &m.resp would move
	// every caller's whole Model to the heap on each call (issue 24).
	resp, expl := m.resp, m.expl
	found := v.ApplyTo(&resp, &expl)
	m.resp, m.expl = resp, expl
	if !found {
		return nil
	}
	return m.startFormatting()
}

// latestLoaded shows a request's stored exchange when package shown says so;
// an earlier failure (often the same store's) stays on the status line.
func (m Model) latestLoaded(msg shown.LoadedMsg) (tea.Model, tea.Cmd) {
	v, ok, err := m.shown.Loaded(msg, m.req.Request())
	if err != nil && !m.errMsg {
		m.setStatus("Cannot read the last exchange from the history: "+err.Error(), true)
	}
	if !ok {
		return m, nil
	}
	return m, m.show(v)
}

// applyHistory applies what the history workflow returned for a message.
func (m Model) applyHistory(o historycmds.Outcome) (tea.Model, tea.Cmd) {
	if o.Status != "" {
		m.setStatus(o.Status, o.IsErr)
	}
	switch {
	case o.Reopened:
		cmd := m.show(m.shown.Show(o.Key, o.Shown))
		m.resp.ShowReopened(o.Shown.Content, o.ID)
		return m, tea.Batch(o.Cmd, cmd)
	case o.DiffTitle != "":
		m.setStatus("", false)
		m.openText(o.DiffTitle, o.DiffLines)
	}
	return m, o.Cmd
}

// recordCmd stores what a send produced and notes which requests got a response
// in this session (for the confirmation before re-sending a non-idempotent one).
func (m *Model) recordCmd(msg flight.ResponseMsg, key string) tea.Cmd {
	if key != "" && msg.Exchange.Response != nil {
		m.responded[key] = true
	}
	return m.hist.Record(msg.Sent)
}

// resetTour starts the lesson over (package tourreset): the demo reset, the
// tour's history forgotten, then tourReset.
func (m Model) resetTour() (tea.Model, tea.Cmd) {
	status, isErr, cmd := tourreset.Start(m.cfg.Client, m.cfg.DemoURL, m.cfg.History)
	m.setStatus(status, isErr)
	return m, cmd
}

// tourReset forgets what the session learnt from the old state: the responses
// request variables read, the known ETags, the failed precondition, and every
// exchange shown (every request is unsent again: its old answer must not come
// back).
func (m Model) tourReset(msg tourreset.DoneMsg) (tea.Model, tea.Cmd) {
	if msg.Err != nil {
		m.setStatus(msg.Text(), true)
		return m, nil
	}
	m.last = map[string]collections.Response{}
	m.forgetConditions()
	m.responded = map[string]bool{}
	m.show(m.shown.Forget(m.req.Request()))
	m.showRequest(m.req.Request())
	m.setStatus(msg.Text(), false)
	m.resp.HistoryGone() // the tour's rows left the history: the History tab reads it again
	follow := m.followRequest()
	return m, tea.Batch(m.hist.Sync(&m.resp, m.req.Request()), follow)
}
