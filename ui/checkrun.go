package ui

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/check"
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
)

// checkDoneMsg is the result of the live checks run as flight id: the lines of
// the overlay, a one-line summary, or why they could not run.
type checkDoneMsg struct {
	id        int
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
	m.flight.label = "checks of " + r.Method + " " + requestLabel(r)
	m.flight.key, m.flight.reread = "", ""
	m.keys.Enable(actionCancel, true)
	m.resp.SetSending(m.sendingText())
	m.setStatus("", false)
	id := m.flight.id
	return m, tea.Batch(
		sendStartedCmd(id),
		checkCmd(ctx, id, r, maps.Clone(m.last), m.resolver(), m.cfg.Client, m.textWidth(), m.st),
		m.flight.spin.Tick,
	)
}

// checkCmd resolves r and runs the checks; everything it reads was copied for it.
func checkCmd(ctx context.Context, id int, r *collections.Request, last map[string]collections.Response,
	resolve resolveFunc, client *requests.Client, width int, st Styles) tea.Cmd {
	return func() tea.Msg {
		req, err := resolve(r, last)
		if err != nil {
			return checkDoneMsg{id: id, err: err}
		}
		rep, err := check.Run(ctx, client, req, check.Options{})
		msg := checkDoneMsg{id: id, err: err, cancelled: ctx.Err() != nil}
		if err == nil {
			msg.title = "Live checks of " + req.Method + " " + req.URL
			msg.lines, msg.summary = checkLines(rep, width, st)
		}
		return msg
	}
}

// checkDone shows the results of the current checks; results of a cancelled or
// superseded run are dropped.
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
		m.setStatus("Checks: "+msg.summary, false)
		m.openText(msg.title, msg.lines)
	}
	return m
}

// checkLines lays out a check report: each result with its outcome, in words and
// in colour, its reason and its evidence. Everything from the network is sanitised.
func checkLines(rep check.Report, width int, st Styles) (lines []string, summary string) {
	counts := map[check.Status]int{}
	wrap := func(indent, s string) {
		for _, l := range strings.Split(wrapText(termtext.String(s), max(width-len(indent), 20)), "\n") {
			lines = append(lines, indent+l)
		}
	}
	for _, res := range rep.Results {
		counts[res.Status]++
		lines = append(lines, checkStatusLabel(res.Status, st)+" "+st.Bold.Render(termtext.String(res.Title)))
		wrap("    ", res.Reason)
		for _, e := range res.Evidence {
			lines = append(lines, evidenceLines(e)...)
		}
		if len(res.Refs) > 0 {
			lines = append(lines, st.Muted.Render("    "+termtext.String(strings.Join(res.Refs, ", "))))
		}
		lines = append(lines, "")
	}
	summary = fmt.Sprintf("%d passed, %d failed, %d skipped", counts[check.Passed], counts[check.Failed], counts[check.Skipped])
	return append(lines, summary), summary
}

// checkStatusLabel is an outcome as a bracketed word, so it reads without colour.
func checkStatusLabel(s check.Status, st Styles) string {
	switch s {
	case check.Passed:
		return st.DiffAdded.Render("[pass]")
	case check.Failed:
		return st.SeverityError.Render("[FAIL]")
	}
	return st.Muted.Render("[skip]")
}

// evidenceLines is one follow-up as sent and received.
func evidenceLines(e check.Evidence) []string {
	out := []string{"    → " + termtext.String(e.Method+" "+e.URL)}
	for _, h := range e.Sent {
		out = append(out, "        "+termtext.String(h.Name)+": "+termtext.String(h.Value))
	}
	if e.Error != "" {
		return append(out, "    ← "+termtext.String(e.Error))
	}
	out = append(out, fmt.Sprintf("    ← %d %s · body %s", e.Status, termtext.String(e.Reason), humanBytes(e.BodyBytes)))
	for _, h := range e.Headers {
		out = append(out, "        "+termtext.String(h.Name)+": "+termtext.String(h.Value))
	}
	return out
}
