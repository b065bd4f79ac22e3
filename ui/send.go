package ui

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/shown"
	"github.com/httplens/httplens/ui/testsview"
	"github.com/httplens/httplens/ui/wireview"
)

// sendNow starts sending the request shown in the request pane, as edited. The
// previous request, if still in flight, is cancelled and its result ignored.
func (m Model) sendNow() (tea.Model, tea.Cmd) {
	r := m.req.Request()
	if r == nil {
		m.setStatus("No request selected: pick one in the collection first.", true)
		return m, nil
	}
	if len(r.Errors) > 0 {
		// As written it cannot be sent; the request pane lists every error.
		m.setStatus("Cannot send "+termtext.String(requestLabel(r))+": "+termtext.String(r.Errors[0].Error()), true)
		return m, nil
	}
	if !m.askFirst(r) {
		return m, nil // the question is open; answering it sends
	}
	chain := append(m.missingDependencies(r, map[string]bool{}), r)
	label := r.Method + " " + requestLabel(r)
	if len(chain) > 1 {
		names := make([]string, len(chain)-1)
		for i, d := range chain[:len(chain)-1] {
			names[i] = d.Name
		}
		label += " (first " + strings.Join(names, ", ") + ")"
	}
	resolve := m.resolver()
	if m.req.AutoIfMatch() {
		resolve = addAutoIfMatch(resolve, m.cond.ETags())
	}
	next, cmd := m.startSend(label, chain, resolve)
	nm := next.(Model)
	nm.flight.key = requestKey(r)
	return nm, cmd
}

// startSend sends chain in a command; label names it in the status line.
func (m Model) startSend(label string, chain []*collections.Request, resolve resolveFunc) (tea.Model, tea.Cmd) {
	m.cancelFlight()
	ctx, cancel := sendContext()
	m.flight.id++
	m.flight.cancel = cancel
	m.flight.started = false
	m.flight.elapsed = ""
	m.flight.label = label
	m.flight.key, m.flight.reread = "", ""
	m.keys.Enable(actionCancel, true)
	m.resp.SetSending(m.sendingText())
	m.setStatus("", false)
	id := m.flight.id
	client, feed := m.newTransfer(chain[len(chain)-1])
	return m, tea.Batch(
		sendStartedCmd(id),
		transferCmd(sendCmd(ctx, id, chain, maps.Clone(m.last), sendRun{engine: m.scripts, client: client, lab: m.lab, env: maps.Clone(m.envs[m.env])}, resolve, m.st), client, feed),
		waitProgressCmd(id, feed, 0),
		m.flight.spin.Tick,
	)
}

// missingDependencies lists, in sending order, the named requests whose responses r
// uses through request variables and that have no response yet in this session.
func (m *Model) missingDependencies(r *collections.Request, seen map[string]bool) []*collections.Request {
	var out []*collections.Request
	for _, name := range collections.Dependencies(r) {
		if seen[name] || m.coll == nil {
			continue
		}
		seen[name] = true
		if _, ok := m.last[name]; ok {
			continue
		}
		dep, err := m.coll.Find(name)
		if err != nil || dep.Name != name {
			continue // the resolver will report the unknown name
		}
		out = append(out, m.missingDependencies(dep, seen)...)
		out = append(out, dep)
	}
	return out
}

// resolver copies what resolving needs, so the command shares nothing mutable with
// the model.
// The answers given to # @prompt questions in this session count as --var values.
func (m *Model) resolver() resolveFunc {
	vars, env, demoURL := m.ask.Vars(m.cfg.Vars), maps.Clone(m.envs[m.env]), m.cfg.DemoURL
	stored := m.historyFallback() // the newest stored response when the session has none
	globals := m.scripts.Globals  // safe for concurrent use: read as the command runs
	return func(r *collections.Request, last map[string]collections.Response, reqVars map[string]string) (requests.Request, error) {
		rv := collections.Resolver{Vars: vars, Env: env, Demo: demoURL, Globals: globals.Lookup}
		if len(reqVars) > 0 {
			// A pre-request script's request.variables win over all but --var.
			rv.Vars = maps.Clone(reqVars)
			maps.Copy(rv.Vars, vars)
		}
		rv.Responses = func(name string) (collections.Response, bool) {
			if resp, ok := last[name]; ok || stored == nil {
				return resp, ok
			}
			return stored(name)
		}
		out, err := rv.Resolve(r)
		if err != nil {
			return requests.Request{}, err
		}
		hs := make([]requests.Header, len(out.Headers))
		for i, h := range out.Headers {
			hs[i] = requests.Header{Name: h.Name, Value: h.Value}
		}
		return requests.Request{Method: out.Method, URL: out.URL, Headers: hs, Body: out.Body}, nil
	}
}

// resolveCmd resolves the request with key k for the request pane's resolved view.
func (m *Model) resolveCmd(k string) tea.Cmd {
	r := m.req.Request()
	if r == nil || requestKey(r) != k {
		return nil
	}
	resolve, last := m.resolver(), maps.Clone(m.last)
	return func() tea.Msg {
		req, err := resolve(r, last, nil)
		return requestpane.Resolved{Key: k, Req: req, Err: err}
	}
}

// cancelFlight cancels the request in flight, if any. Its command still reports,
// with the cancellation as its error.
func (m *Model) cancelFlight() {
	if m.flight.cancel != nil {
		m.flight.cancel()
	}
	m.resp.StopFormatting()
}

// handleFlight takes the messages of the request in flight; any carrying another
// id belong to a request that was cancelled or superseded and are dropped.
func (m Model) handleFlight(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case sendStartedMsg:
		if msg.id == m.flight.id {
			m.flight.started, m.flight.at = true, msg.at
		}
	case spinner.TickMsg:
		if m.flight.cancel == nil {
			return m, nil // nothing in flight: let the tick chain end
		}
		var cmd tea.Cmd
		m.flight.spin, cmd = m.flight.spin.Update(msg)
		if m.flight.started {
			m.flight.elapsed = fmt.Sprintf("%.1f s", msg.Time.Sub(m.flight.at).Seconds())
		}
		m.resp.SetSending(m.sendingText())
		return m, cmd
	case responseMsg:
		if msg.id != m.flight.id {
			return m, nil
		}
		key, prev := m.flight.key, m.lastX
		m.receive(msg)
		cmd := m.received(msg, prev)
		// Another request selected while this one was in flight shows its own.
		follow := m.followRequest()
		return m, tea.Batch(m.recordCmd(msg, key), cmd, m.saveCookiesCmd(m.env), follow)
	}
	return m, nil
}

// receive shows the result of the current send.
func (m *Model) receive(msg responseMsg) {
	m.flight.cancel = nil
	m.keys.Enable(actionCancel, false)
	for _, k := range msg.kept {
		m.last[k.name] = k.resp
	}
	m.resp.SetContent(msg.content)
	m.expl.SetReport(msg.report, msg.content.Reason)
	m.expl.SetNote(msg.content.NotHTTPWhy)
	m.expl.SetSource(termtext.String(m.flight.label)+" · "+msg.exchange.Received.Format("15:04:05"), m.flight.key)
	x := msg.exchange
	m.lastX = x
	m.resp.SetCopyable(x.Response != nil)
	// A re-read is shown as the answer of the request it re-reads for.
	key := m.flight.key
	if key == "" {
		key = m.flight.reread
	}
	m.shown.Remember(key, shown.Exchange{X: x, Content: msg.content, Report: msg.report,
		Note: msg.content.NotHTTPWhy, Source: termtext.String(m.flight.label) + " · " + x.Received.Format("15:04:05")})
	switch {
	case errors.Is(x.Err, context.Canceled):
		m.setStatus("Cancelled: "+m.flight.label, false)
	default:
		m.setStatus(wireview.Outcome(x, m.flight.label))
	}
	// What the cache lab did and what the scripts found follow on the same line.
	if msg.lab != nil {
		m.status += " · cache lab: " + string(msg.lab.Label)
	}
	if sum, failed := testsview.Summary(msg.steps); sum != "" {
		m.status += " · " + sum
		m.errMsg = m.errMsg || failed
	}
	// A script that failed is said on the request, whole, above its explanation
	// (unless a 412's advice holds that place).
	if errs := testsview.ScriptErrors(msg.steps); len(errs) > 0 && (x.Response == nil || x.Response.Status != 412) {
		m.expl.SetNote("Script failed — " + strings.Join(errs, " · ") + " (Tests tab: " + keyName(m.resp.KeyMap().Get(actionResponseTests)) + ")")
	}
	// After the status line: what the conditional workflow says (a 412's banner,
	// the If-Match a re-read added) is the news.
	m.afterResponse(x, m.flight.key)
}

// lastResponse keeps what request variables need of a response.
func lastResponse(r *requests.Response) collections.Response {
	hs := make([]collections.Header, len(r.Headers))
	for i, h := range r.Headers {
		hs[i] = collections.Header{Name: h.Name, Value: h.Value}
	}
	body := r.Body
	if r.Decoded != nil {
		body = r.Decoded
	}
	return collections.Response{Headers: hs, Body: body}
}

// sendingText is the in-flight line of the response pane.
func (m *Model) sendingText() string {
	s := m.flight.spin.View() + " Sending " + termtext.String(m.flight.label) + "…"
	if m.flight.elapsed != "" {
		s += " " + m.flight.elapsed
	}
	return s + "  (" + keyName(m.keys.Get(actionCancel)) + " cancels)"
}
