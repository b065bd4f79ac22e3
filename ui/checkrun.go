package ui

import (
	"context"
	"errors"
	"maps"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/checks"
	"github.com/httplens/httplens/ui/flight"
)

// The live checks (C) and the CORS preflight (P) as the root drives them
// (package checks): each runs in a command for the request shown, and its
// answer is kept for that request; it opens over the panes only while that
// request is still the one shown, and K shows it again later.

// resolveLater is the resolve of r for a command, over copies of what it reads.
func resolveLater(resolve flight.Resolve, r *collections.Request, last map[string]collections.Response) checks.Resolve {
	last = maps.Clone(last)
	return func() (requests.Request, error) { return resolve(r, last, nil) }
}

// check runs the live checks of the request shown, as edited, in a command. It
// is a flight like a send: esc cancels it, and a send supersedes it.
func (m Model) check() (tea.Model, tea.Cmd) {
	r := m.req.Request()
	if r == nil {
		m.setStatus("No request selected: pick one in the collection first.", true)
		return m, nil
	}
	if m.cfg.Client == nil {
		m.setStatus("No HTTP client configured for the checks.", true)
		return m, nil
	}
	m.cancelFlight()
	label := r.Method + " " + requestLabel(r)
	ctx, id := m.flight.Begin("checks of " + label)
	m.keys.Enable(actionCancel, true)
	m.resp.SetSending(m.sendingText())
	m.setStatus("", false)
	return m, m.flight.Cmd(id,
		checks.RunChecks(ctx, id, requestKey(r), label, resolveLater(m.resolver(), r, m.last), m.cfg.Client, m.textWidth(), m.st))
}

// checkDone keeps the results of the current checks for their request; results
// of a cancelled or superseded run are dropped.
func (m Model) checkDone(msg checks.CheckDone) Model {
	if !m.flight.End(msg.ID) {
		return m
	}
	m.keys.Enable(actionCancel, false)
	m.resp.SetSending("")
	switch {
	case msg.Cancelled || errors.Is(msg.Err, context.Canceled):
		m.setStatus("Cancelled: "+m.flight.Label(), false)
	case msg.Err != nil:
		m.setStatus("Cannot run the checks: "+msg.Err.Error(), true)
	default:
		m.answerFor(msg.Key, msg.Answer)
	}
	return m
}

// preflight sends, in a command, the OPTIONS a browser would send before the
// shown request (as resolved) and then the request when the browser goes on.
func (m Model) preflight() (tea.Model, tea.Cmd) {
	r := m.req.Request()
	if r == nil {
		m.setStatus("No request selected: pick one in the collection first.", true)
		return m, nil
	}
	m.setStatus("Sending the CORS preflight…", false)
	return m, checks.RunPreflight(requestKey(r), r.Method+" "+requestLabel(r), resolveLater(m.resolver(), r, m.last), m.cfg.Options, m.textWidth())
}

// preflightDone keeps the story for its request, opens it when that request is
// still shown, and stores its exchanges in the history like every send, under
// the request they were made for.
func (m Model) preflightDone(msg checks.PreflightDone) (tea.Model, tea.Cmd) {
	if msg.Err != nil {
		m.setStatus("Cannot send the preflight: "+msg.Err.Error(), true)
		return m, nil
	}
	m.answerFor(msg.Key, msg.Answer)
	r := requestByKey(m.coll, msg.Key)
	return m, m.hist.RecordFor(r, msg.Sent)
}

// requestByKey is c's request with key k (nil when gone).
func requestByKey(c *collections.Collection, k string) *collections.Request {
	if c == nil {
		return nil
	}
	for _, r := range c.Requests() {
		if requestKey(r) == k {
			return r
		}
	}
	return nil
}

// answerFor keeps answer a for request key and shows it when that request is
// still the one shown; else the status line says whose it is.
func (m *Model) answerFor(key string, a checks.Answer) {
	m.answers.Keep(key, a)
	m.syncRequestHints()
	if r := m.req.Request(); r == nil || requestKey(r) != key {
		m.setStatus(termtext.String(a.Heading())+" done ("+a.Summary+"): select it and press "+
			keyName(m.keys.Get(actionAnswers))+" to see them.", false)
		return
	}
	what := "Checks: "
	if a.Kind == checks.Preflight {
		what = "CORS preflight: "
	}
	m.setStatus(what+a.Summary, false)
	m.openText(a.Title, a.Lines)
}

// answersOpen (K) shows the answers of C and P kept for the request shown.
func (m Model) answersOpen() (tea.Model, tea.Cmd) {
	r := m.req.Request()
	if r == nil {
		return m, nil
	}
	key := requestKey(r)
	if !m.answers.Has(key) {
		m.setStatus("No live checks or preflight for "+termtext.String(requestLabel(r))+" in this session: "+
			keyName(m.keys.Get(actionCheck))+" runs the checks, "+keyName(m.keys.Get(actionPreflight))+" the preflight.", false)
		return m, nil
	}
	m.openText("Checks and preflight of "+r.Method+" "+requestLabel(r), m.answers.Lines(key))
	return m, nil
}

func (m *Model) answersDisabled() string {
	return offBecause(m.keys.Get(actionAnswers).Enabled(), "neither C nor P ran for this request in this session")
}
