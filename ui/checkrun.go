package ui

import (
	"context"
	"errors"
	"maps"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/check"
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/preflight"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/checks"
)

// The live checks (C) and the CORS preflight (P) as the root drives them: each
// runs in a command for the request shown, and its answer is kept for that
// request (package checks); it opens over the panes only while that request is
// still the one shown, and K shows it again later.

// checkDoneMsg is the result of the live checks run as flight id for request
// key: the lines of the overlay, a one-line summary, or why they could not run.
type checkDoneMsg struct {
	id        int
	key       string
	label     string
	title     string
	lines     []string
	summary   string
	err       error
	cancelled bool
}

// check runs the live checks (check.Run) of the request shown, as edited, in a
// command. It is a flight like a send: esc cancels it, and a send supersedes it.
// Writes are never sent from here: the checks that need them report skipped.
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
	ctx, cancel := sendContext()
	m.flight.id++
	m.flight.cancel, m.flight.started, m.flight.elapsed = cancel, false, ""
	label := r.Method + " " + requestLabel(r)
	m.flight.label = "checks of " + label
	m.flight.key, m.flight.reread = "", ""
	m.keys.Enable(actionCancel, true)
	m.resp.SetSending(m.sendingText())
	m.setStatus("", false)
	id := m.flight.id
	return m, tea.Batch(
		sendStartedCmd(id),
		checkCmd(ctx, id, requestKey(r), label, r, maps.Clone(m.last), m.resolver(), m.cfg.Client, m.textWidth(), m.st),
		m.flight.spin.Tick,
	)
}

// checkCmd resolves r and runs the checks; everything it reads was copied for it.
func checkCmd(ctx context.Context, id int, key, label string, r *collections.Request, last map[string]collections.Response,
	resolve resolveFunc, client *requests.Client, width int, st Styles) tea.Cmd {
	return func() tea.Msg {
		req, err := resolve(r, last, nil)
		if err != nil {
			return checkDoneMsg{id: id, key: key, label: label, err: err}
		}
		rep, err := check.Run(ctx, client, req, check.Options{})
		msg := checkDoneMsg{id: id, key: key, label: label, err: err, cancelled: ctx.Err() != nil}
		if err == nil {
			msg.title = "Live checks of " + req.Method + " " + req.URL
			msg.lines, msg.summary = checks.Lines(rep, width, st)
		}
		return msg
	}
}

// checkDone keeps the results of the current checks for their request; results
// of a cancelled or superseded run are dropped.
func (m Model) checkDone(msg checkDoneMsg) Model {
	if msg.id != m.flight.id {
		return m
	}
	m.flight.cancel = nil
	m.keys.Enable(actionCancel, false)
	m.resp.SetSending("")
	switch {
	case msg.cancelled || errors.Is(msg.err, context.Canceled):
		m.setStatus("Cancelled: "+m.flight.label, false)
	case msg.err != nil:
		m.setStatus("Cannot run the checks: "+msg.err.Error(), true)
	default:
		m.answerFor(msg.key, checks.Answer{Kind: checks.Checks, Request: msg.label, Title: msg.title,
			Lines: msg.lines, Summary: msg.summary, At: time.Now()})
	}
	return m
}

// answerFor keeps answer a for request key and shows it when that request is
// still the one shown; else the status line says whose it is.
func (m *Model) answerFor(key string, a checks.Answer) {
	m.answers.Keep(key, a)
	m.syncRequestHints()
	what := "Checks: "
	if a.Kind == checks.Preflight {
		what = "CORS preflight: "
	}
	if r := m.req.Request(); r == nil || requestKey(r) != key {
		m.setStatus(termtext.String(a.Heading())+" done ("+a.Summary+"): select it and press "+
			keyName(m.keys.Get(actionAnswers))+" to see them.", false)
		return
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

// preflightDoneMsg is the preflight's story for request key, ready for the text
// overlay, and the exchanges it made, for the history.
type preflightDoneMsg struct {
	key, label string
	req        *collections.Request
	lines      []string
	sent       []requests.Exchange
	summary    string
	err        error
}

// preflight sends, in a command, the OPTIONS a browser would send before the
// shown request (as resolved) and then the request when the browser goes on,
// and shows both explained.
func (m Model) preflight() (tea.Model, tea.Cmd) {
	r := m.req.Request()
	if r == nil {
		m.setStatus("No request selected: pick one in the collection first.", true)
		return m, nil
	}
	resolve, last := m.resolver(), maps.Clone(m.last)
	opts := m.cfg.Options
	opts.Jar = nil // a preflight never carries cookies; the actual request's are as written
	m.setStatus("Sending the CORS preflight…", false)
	key, label := requestKey(r), r.Method+" "+requestLabel(r)
	return m, func() tea.Msg {
		req, err := resolve(r, last, nil)
		if err != nil {
			return preflightDoneMsg{key: key, label: label, err: err}
		}
		c := requests.NewClient(opts)
		defer c.CloseIdleConnections()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		res := preflight.Run(ctx, c.Send, req, time.Now)
		msg := preflightDoneMsg{key: key, label: label, req: r, lines: res.Lines()}
		for _, s := range []*preflight.Step{res.Preflight, res.Actual} {
			if s != nil {
				msg.sent = append(msg.sent, s.Exchange)
			}
		}
		msg.summary = preflightSummary(res)
		return msg
	}
}

// preflightSummary says in a few words what the browser did.
func preflightSummary(res preflight.Result) string {
	switch {
	case res.Plan.Origin == "":
		return "no Origin, no CORS"
	case res.Actual != nil && res.Preflight != nil:
		return "preflight passed, request sent"
	case res.Actual != nil:
		return "no preflight needed, request sent"
	}
	return "the browser stops after the preflight"
}

// preflightDone keeps the story for its request, opens it when that request is
// still shown, and stores the exchanges in the history like every send.
func (m Model) preflightDone(msg preflightDoneMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.setStatus("Cannot send the preflight: "+msg.err.Error(), true)
		return m, nil
	}
	m.setStatus("", false)
	m.answerFor(msg.key, checks.Answer{Kind: checks.Preflight, Request: msg.label, Title: "CORS: what a browser sends",
		Lines: checks.Wrapped(msg.lines, m.textWidth()), Summary: msg.summary, At: time.Now()})
	if m.cfg.History == nil || len(msg.sent) == 0 {
		return m, nil
	}
	file, name := historyRef(msg.req, m.cfg.Dir)
	entries := make([]history.Entry, len(msg.sent))
	for i, x := range msg.sent {
		entries[i] = history.FromExchange(x, file, name)
	}
	return m, storeCmd(m.cfg.History, entries, []string{msg.key})
}
