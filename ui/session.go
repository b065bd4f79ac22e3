package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/session"
	"github.com/httplens/httplens/ui/tourreset"
)

// The session (package session) holds what this run learnt besides the panes:
// the send in flight, the conditional workflow, the exchanges shown, the
// answers, the cookie jars, the lab, the history. The root hands it its parts,
// routes its messages (Update's fallthrough) and applies what it returns.

// newSession is the session m's Config asks for, naming the keys m's bindings give.
func (m *Model) newSession() session.Session {
	cfg := m.cfg
	cookies := cfg.Cookies.For
	if cfg.NoCookies {
		cookies = func(string) bool { return false }
	}
	name := func(id settings.Action) string { return keyset.Name(m.keys.Get(id)) }
	inResp := func(id settings.Action) string { return keyset.Name(m.resp.KeyMap().Get(id)) }
	return session.New(session.Config{Vars: cfg.Vars, DemoURL: cfg.DemoURL, Options: cfg.Options, Client: cfg.Client,
		Dir: cfg.Dir, Clipboard: cfg.Clipboard, History: cfg.History, HistoryErr: cfg.HistoryErr, Cookies: cookies, Styles: m.st,
		Keys: session.Keys{Cancel: name(actionCancel), Reread: name(actionReread), Check: name(actionCheck),
			Preflight: name(actionPreflight), Answers: name(actionAnswers), CacheContents: name(actionCacheContents),
			LabTen: name(actionLabTen), Tests: inResp(actionResponseTests), Insecure: inResp(actionInsecure)}})
}

// parts are the root's parts a session step reads and changes.
func (m *Model) parts() session.Parts {
	return session.Parts{Req: &m.req, Resp: &m.resp, Expl: &m.expl, Overlay: &m.overlay, Coll: m.coll,
		Env: m.env, Vars: m.envs[m.env], Width: m.textWidth(), ErrShown: m.errMsg}
}

// apply does what a session step asks of the root; the keys that wait for the
// session's state (cancel, R, K) follow it.
func (m *Model) apply(o session.Outcome) tea.Cmd {
	if o.Said {
		m.setStatus(o.Status, o.IsErr)
	}
	if o.Edited {
		m.syncEdits()
	}
	m.keys.Enable(actionCancel, m.sess.Cancellable())
	m.syncRequestHints()
	return o.Cmd
}

// step is apply as an Update or an action's handler returns it.
func (m *Model) step(o session.Outcome) (tea.Model, tea.Cmd) {
	cmd := m.apply(o)
	return *m, cmd
}

// act is the handler of a session action: f runs on the session, and the root
// applies its outcome.
func act(f func(*session.Session, session.Parts) session.Outcome) func(Model) (tea.Model, tea.Cmd) {
	return func(m Model) (tea.Model, tea.Cmd) { return m.step(f(&m.sess, m.parts())) }
}

// syncRequestHints turns on the actions that belong to the request shown: R
// when its last exchange was a 412 or 428, K when C or P answered for it.
func (m *Model) syncRequestHints() {
	reread, answers := m.sess.Hints(m.req.Key())
	m.keys.Enable(actionReread, reread)
	m.keys.Enable(actionAnswers, answers)
}

// refreshKnownETag shows in the request pane the ETag known for its request's URL.
func (m *Model) refreshKnownETag() { m.sess.RefreshKnownETag(&m.req, m.envs[m.env]) }

// followRequest makes the panes show the selected request's last exchange.
func (m *Model) followRequest() tea.Cmd { return m.apply(m.sess.Follow(m.parts())) }

// cancelFlight cancels the request in flight, if any, and a large body's formatting.
func (m *Model) cancelFlight() { m.sess.Cancel(&m.resp) }

// tourReset applies the demo's reset: the session forgets what it learnt, and
// the request shown is shown again, unsent.
func (m Model) tourReset(msg tourreset.DoneMsg) (tea.Model, tea.Cmd) {
	if o, forgot := m.sess.TourReset(msg, m.parts()); !forgot {
		return m.step(o)
	}
	m.showRequest(m.req.Request())
	return m.step(m.sess.AfterReset(msg, m.parts()))
}

func (m *Model) labDisabled() string { return m.sess.LabOff() }

func (m *Model) answersDisabled() string {
	return offBecause(m.keys.Get(actionAnswers).Enabled(), "neither C nor P ran for this request in this session")
}
