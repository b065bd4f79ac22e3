package ui

import (
	"context"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/shown"
)

// tourResetMsg reports the end of a start-over: the demo reset (its status or
// err) and the tour exchanges forgotten from the history.
type tourResetMsg struct {
	status    int
	forgotten int64
	err       error
}

// resetTour starts the lesson over: the demo goes back to its seeded items
// (POST /reset) and the tour's exchanges leave the history, so every lesson gives
// the answers its text promises again.
func (m Model) resetTour() (tea.Model, tea.Cmd) {
	if why := m.resetTourDisabled(); why != "" {
		m.setStatus("Cannot start over: "+why+".", true)
		return m, nil
	}
	m.setStatus("Starting over: resetting the demo…", false)
	return m, resetTourCmd(m.cfg.Client, strings.TrimRight(m.cfg.DemoURL, "/")+"/reset", m.cfg.History)
}

// resetTourDisabled says why there is nothing to reset.
func (m *Model) resetTourDisabled() string {
	if m.cfg.DemoURL == "" {
		return "the demo API is not running (--no-demo)"
	}
	return ""
}

// resetTourCmd sends the reset and forgets the tour's history; it reads and
// writes nothing of the model.
func resetTourCmd(c *requests.Client, url string, h *history.Store) tea.Cmd {
	return func() tea.Msg {
		if c == nil {
			c = requests.NewClient(requests.Options{})
		}
		x := c.Send(context.Background(), requests.Request{Method: "POST", URL: url})
		if x.Err != nil || x.Response == nil {
			return tourResetMsg{err: fmt.Errorf("POST %s: %v", url, x.Err)}
		}
		msg := tourResetMsg{status: x.Response.Status}
		if h != nil {
			msg.forgotten, msg.err = h.Forget(context.Background(), "tour/")
		}
		return msg
	}
}

// tourReset forgets what the session learnt from the old state: the responses
// request variables read, the known ETags, the failed precondition.
func (m Model) tourReset(msg tourResetMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.setStatus("Start over failed: "+msg.err.Error(), true)
		return m, nil
	}
	m.last = map[string]collections.Response{}
	m.cond = newConditional()
	m.responded = map[string]bool{}
	m.keys.Enable(actionReread, false)
	m.expl.SetReport(nil, "")
	// Every request is unsent again: its old answer must not come back.
	m.shown = shown.Memory{}
	m.showNone(m.req.Request())
	m.showRequest(m.req.Request())
	m.setStatus(fmt.Sprintf("Started over: the demo answered %d to its reset and %d tour exchanges left the history. Begin with the first request.", msg.status, msg.forgotten), false)
	follow := m.followRequest()
	return m, tea.Batch(m.syncHistory(), follow)
}
