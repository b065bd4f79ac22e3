package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/shown"
	"github.com/httplens/httplens/ui/tourreset"
)

// tourResetMsg reports the end of a start-over; see package tourreset.
type tourResetMsg = tourreset.DoneMsg

// resetTour starts the lesson over (package tourreset): the demo reset, the
// tour's history forgotten, then tourReset.
func (m Model) resetTour() (tea.Model, tea.Cmd) {
	if why := m.resetTourDisabled(); why != "" {
		m.setStatus("Cannot start over: "+why+".", true)
		return m, nil
	}
	m.setStatus("Starting over: resetting the demo…", false)
	return m, tourreset.Cmd(m.cfg.Client, m.cfg.DemoURL, m.cfg.History)
}

// resetTourDisabled says why there is nothing to reset.
func (m *Model) resetTourDisabled() string { return tourreset.Disabled(m.cfg.DemoURL) }

// tourReset forgets what the session learnt from the old state: the responses
// request variables read, the known ETags, the failed precondition.
func (m Model) tourReset(msg tourResetMsg) (tea.Model, tea.Cmd) {
	if msg.Err != nil {
		m.setStatus(msg.Text(), true)
		return m, nil
	}
	m.last = map[string]collections.Response{}
	m.forgetConditions()
	m.responded = map[string]bool{}
	m.keys.Enable(actionReread, false)
	m.expl.SetReport(nil, "")
	// Every request is unsent again: its old answer must not come back.
	m.shown = shown.Memory{}
	m.showNone(m.req.Request())
	m.showRequest(m.req.Request())
	m.setStatus(msg.Text(), false)
	m.resp.HistoryGone() // the tour's rows left the history: the History tab reads it again
	follow := m.followRequest()
	return m, tea.Batch(m.syncHistory(), follow)
}
