package ui

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/ui/checks"
	"github.com/httplens/httplens/ui/flight"
	"github.com/httplens/httplens/ui/historycmds"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/tree"
)

// The live checks (C) and the CORS preflight (P) as the root drives them: each
// runs in a command for the request shown; package checks keeps each answer for
// its request and says what to show (checks.Outcome).

// check runs the live checks of the request shown, as edited, in a command. It
// is a flight like a send: esc cancels it, and a send supersedes it.
func (m Model) check() (tea.Model, tea.Cmd) {
	r := m.req.Request()
	if r == nil {
		m.setStatus(flight.NoRequest, true)
		return m, nil
	}
	if m.cfg.Client == nil {
		m.setStatus("No HTTP client configured for the checks.", true)
		return m, nil
	}
	m.cancelFlight()
	label, resolve := r.Method+" "+tree.RequestLabel(r), flight.Later(m.resolver(), r, m.last)
	cmd := m.flight.Run("checks of "+label, func(ctx context.Context, id int) tea.Cmd {
		return checks.RunChecks(ctx, id, tree.RequestKey(r), label, resolve, m.cfg.Client, m.textWidth(), m.st)
	})
	m.inFlight()
	return m, cmd
}

// checkDone ends the checks' flight; results of a cancelled or superseded run
// are dropped.
func (m Model) checkDone(msg checks.CheckDone) Model {
	if !m.flight.End(msg.ID) {
		return m
	}
	m.keys.Enable(actionCancel, false)
	m.resp.SetSending("")
	m.showAnswer(m.answers.Checked(msg, m.flight.Label(), m.req.Key(), answerKeys(m.keys)))
	return m
}

// preflight sends, in a command, the OPTIONS a browser would send before the
// shown request (as resolved) and then the request when the browser goes on.
func (m Model) preflight() (tea.Model, tea.Cmd) {
	r := m.req.Request()
	if r == nil {
		m.setStatus(flight.NoRequest, true)
		return m, nil
	}
	m.setStatus("Sending the CORS preflight…", false)
	to := checks.Target{Key: tree.RequestKey(r), Label: r.Method + " " + tree.RequestLabel(r)}
	to.File, to.Name = historycmds.Ref(r, m.cfg.Dir)
	return m, checks.RunPreflight(to, flight.Later(m.resolver(), r, m.last), m.cfg.Options, m.textWidth())
}

// preflightDone shows or keeps the story and stores its exchanges in the
// history like every send, under the request they were made for.
func (m Model) preflightDone(msg checks.PreflightDone) (tea.Model, tea.Cmd) {
	m.showAnswer(m.answers.Preflighted(msg, m.req.Key(), answerKeys(m.keys)))
	return m, m.hist.RecordEntries(msg.Sent, msg.Key)
}

// answersOpen (K) shows the answers of C and P kept for the request shown.
func (m Model) answersOpen() (tea.Model, tea.Cmd) {
	if r := m.req.Request(); r != nil {
		m.showAnswer(m.answers.Show(tree.RequestKey(r), r.Method, tree.RequestLabel(r), answerKeys(m.keys)))
	}
	return m, nil
}

// showAnswer shows what C, P or K gave: the status line, the overlay.
func (m *Model) showAnswer(o checks.Outcome) {
	m.syncRequestHints()
	m.setStatus(o.Status, o.IsErr)
	if o.Open {
		m.openText(o.Title, o.Lines)
	}
}

// answerKeys names the keys of C, P and K for the advice.
func answerKeys(k keySet) checks.Keys {
	return checks.Keys{Check: keyset.Name(k.Get(actionCheck)), Preflight: keyset.Name(k.Get(actionPreflight)), Answers: keyset.Name(k.Get(actionAnswers))}
}

func (m *Model) answersDisabled() string {
	return offBecause(m.keys.Get(actionAnswers).Enabled(), "neither C nor P ran for this request in this session")
}
