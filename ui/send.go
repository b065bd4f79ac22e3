package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/conditional"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/flight"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/sendfeed"
	"github.com/httplens/httplens/ui/shown"
	"github.com/httplens/httplens/ui/tree"
)

// The request in flight is package flight's; this file routes its messages
// and applies what it returns to the panes.

// send starts sending the request shown, after asking first when sending it
// again may repeat its effect (flight.AskBeforeResend).
func (m Model) send() (tea.Model, tea.Cmd) {
	r := m.req.Request()
	if r == nil {
		return m.sendNow()
	}
	q := flight.AskBeforeResend(r.Method, tree.RequestLabel(r), requestpane.PropsOf(r.Method).Idempotent, m.responded[tree.RequestKey(r)])
	if q == "" {
		return m.sendNow()
	}
	m.overlay.Open(dialogs.Question(dialogs.Resend, tree.RequestKey(r), q))
	return m, nil
}

// sendNow starts sending the request shown in the request pane, as edited. The
// previous request, if still in flight, is cancelled and its result ignored.
func (m Model) sendNow() (tea.Model, tea.Cmd) {
	r := m.req.Request()
	var label string
	if r != nil {
		label = tree.RequestLabel(r)
	}
	if why := flight.Unsendable(r, label); why != "" {
		m.setStatus(why, true)
		return m, nil
	}
	if !m.askFirst(r) {
		return m, nil // the question is open; answering it sends
	}
	p := flight.PlanOf(r, label, m.coll, m.last)
	resolve := m.resolver()
	if m.req.AutoIfMatch() {
		resolve = conditional.WithAutoIfMatch(resolve, m.cond.ETags())
	}
	next, cmd := m.startSend(p.Label, p.Chain, resolve)
	nm := next.(Model)
	nm.flight.SetKey(tree.RequestKey(r)) // its answer is remembered for r
	return nm, cmd
}

// startSend sends chain in a command; label names it in the status line. A
// large body's formatting and the send in flight stop: this one replaces them.
func (m Model) startSend(label string, chain []*collections.Request, resolve flight.Resolve) (tea.Model, tea.Cmd) {
	m.cancelFlight()
	m.resp.DropFormatting()
	s := flight.Send{Label: label, Chain: chain, Last: m.last, Resolve: resolve, Options: m.cfg.Options,
		Engine: m.scripts, Lab: m.lab, Env: m.envs[m.env], Styles: m.st}
	if j := m.jars.Jar(m.env); j != nil {
		s.Jar = j // not a nil *Jar in the interface: no jar means the configured one
	}
	cmd := m.flight.Start(s)
	m.inFlight()
	m.resp.SetProgress(responsepane.Progress{})
	return m, cmd
}

// inFlight shows that a send or check run has just started: esc cancels it.
func (m *Model) inFlight() {
	m.keys.Enable(actionCancel, true)
	m.resp.SetSending(m.sendingText())
	m.setStatus("", false)
}

// resolver resolves requests for a send, over copies of what it reads. The
// answers given to # @prompt questions in this session count as --var values;
// the newest stored response stands in for one the session has none of.
func (m *Model) resolver() flight.Resolve {
	return flight.Resolver{Vars: m.ask.Vars(m.cfg.Vars), Env: m.envs[m.env], Demo: m.cfg.DemoURL,
		Globals: m.scripts.Globals, Stored: m.hist.Fallback(m.coll, flight.LastResponse)}.Resolve()
}

// resolveCmd resolves the request with key k for the request pane's resolved view.
func (m *Model) resolveCmd(k string) tea.Cmd {
	r := m.req.Request()
	if r == nil || tree.RequestKey(r) != k {
		return nil
	}
	return requestpane.ResolveCmd(k, flight.Later(m.resolver(), r, m.last))
}

// cancelFlight cancels the request in flight, if any, and the formatting of a
// large body. The flight's command still reports, with the cancellation as its error.
func (m *Model) cancelFlight() {
	m.flight.Cancel()
	m.resp.StopFormatting()
}

// sendingText is the in-flight line of the response pane.
func (m *Model) sendingText() string { return m.flight.Sending(keyset.Name(m.keys.Get(actionCancel))) }

// handleFlight routes the messages of the request in flight and of large
// bodies; ok is false for any other message.
func (m Model) handleFlight(msg tea.Msg) (next tea.Model, cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case flight.ResponseMsg:
		return m.landed(msg)
	case sendfeed.Msg:
		s, cmd, ok := m.flight.Progress(msg)
		if ok {
			m.resp.SetProgress(responsepane.Progress{Done: s.Done, Total: s.Total, Rate: s.Rate})
		}
		return m, cmd, true
	case responsepane.PrettyDoneMsg:
		// A formatted Pretty tab (or after a cancel the body as received) is
		// kept for its request, which may no longer be the one shown.
		f, ok := m.resp.TakeFormatted(msg)
		if !ok {
			return m, nil, true
		}
		m.shown.Replace(f.Old, f.New)
		m.keys.Enable(actionCancel, m.flight.Busy())
		if f.Stopped {
			m.setStatus("Formatting stopped: Pretty shows the body as received.", false)
		}
		return m, f.Cmd, true
	case responsepane.ResendInsecureMsg:
		if !m.flight.ResendInsecure(m.lastX.Err) {
			return m, nil, true
		}
		next, cmd = m.sendNow()
		return next, cmd, true
	case flight.SpoolRemovedMsg:
		return m, nil, true
	}
	cmd, changed, ok := m.flight.Update(msg)
	if changed {
		m.resp.SetSending(m.sendingText())
	}
	return m, cmd, ok
}

// landed shows the response of the send in flight, dropping a stale one.
func (m Model) landed(msg flight.ResponseMsg) (tea.Model, tea.Cmd, bool) {
	keys := flight.Keys{Tests: keyset.Name(m.resp.KeyMap().Get(actionResponseTests)), Insecure: keyset.Name(m.resp.KeyMap().Get(actionInsecure))}
	l, ok := m.flight.Land(msg, keys)
	if !ok {
		return m, nil, true
	}
	m.keys.Enable(actionCancel, false)
	msg.Keep(m.last)
	format := m.show(shown.View{Key: l.Sent, Found: true, E: l.Shown}) // the source names the request sent, "" for a re-read
	m.shown.Remember(l.Key, l.Shown)
	m.setStatus(l.Status, l.IsErr)
	if l.Note != "" {
		m.expl.SetNote(l.Note)
	}
	// After the status line: what the conditional workflow says (a 412's banner,
	// the If-Match a re-read added) is the news.
	m.afterResponse(msg.Exchange, l.Sent)
	if l.Refused != "" {
		m.setStatus(l.Refused, true)
	}
	sweep := m.flight.Sweep(func(p string) bool {
		return m.shown.Holds(p) || m.lastX.Response != nil && m.lastX.Response.SpoolPath == p
	})
	// Another request selected while this one was in flight shows its own.
	follow := m.followRequest()
	return m, tea.Batch(m.recordCmd(msg, l.Sent), format, sweep, m.jars.SaveCmd(m.env), follow), true
}

// startFormatting formats the Pretty tab of a large body just shown, unless
// that is being done; esc or the next send stops it.
func (m *Model) startFormatting() tea.Cmd {
	cmd := m.resp.StartFormatting()
	if cmd != nil {
		m.keys.Enable(actionCancel, true)
	}
	return cmd
}
