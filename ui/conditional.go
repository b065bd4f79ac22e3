package ui

import (
	"context"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/checks"
	"github.com/httplens/httplens/ui/conditional"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/overlay/threeway"
	"github.com/httplens/httplens/ui/requestpane"
)

// The conditional workflow (package conditional) as the root drives it: it
// learns from every answer, R re-reads or drops a precondition, and the
// three-way view's choice is sent. Everything it offers belongs to the request
// whose last exchange was the 412 or 428, never to another one.

// addAutoIfMatch wraps resolve so that a PUT, PATCH or DELETE without If-Match
// gets the last ETag seen for its URL. etags is the command's own copy.
func addAutoIfMatch(resolve resolveFunc, etags map[string]string) resolveFunc {
	return func(r *collections.Request, last map[string]collections.Response, vars map[string]string) (requests.Request, error) {
		req, err := resolve(r, last, vars)
		if err != nil {
			return req, err
		}
		return conditional.AutoIfMatch(req, etags), nil
	}
}

// refreshKnownETag shows in the request pane the ETag known for the shown
// request's URL. Only the URL is resolved, which reads no file.
func (m *Model) refreshKnownETag() {
	r := m.req.Request()
	if r == nil {
		m.req.SetKnownETag("")
		m.req.SetKnown("", m.cond.Known(), "No request selected.")
		return
	}
	rv := collections.Resolver{Vars: m.cfg.Vars, Env: m.envs[m.env], Demo: m.cfg.DemoURL}
	last := m.last // not m: a closure over m would put every model on the heap
	rv.Responses = func(name string) (collections.Response, bool) {
		resp, ok := last[name]
		return resp, ok
	}
	urlOnly := collections.Request{File: r.File, Index: r.Index, Method: r.Method, URL: r.URL}
	out, err := rv.Resolve(&urlOnly)
	if err != nil {
		m.req.SetKnownETag("")
		m.req.SetKnown("", m.cond.Known(), "The URL does not resolve yet: "+err.Error())
		return
	}
	m.req.SetKnownETag(m.cond.ETag(out.URL))
	m.req.SetKnown(out.URL, m.cond.Known(), "")
}

// afterResponse updates the conditional workflow from the exchange just shown,
// the answer to request key ("" for a re-read).
func (m *Model) afterResponse(x requests.Exchange, key string) {
	var v requestpane.Validator
	if r := x.Response; r != nil {
		v = requestpane.Validator{ETag: headerValue(r.Headers, "ETag"), LastModified: headerValue(r.Headers, "Last-Modified")}
	}
	m.req.SetValidator(v)
	rereadOf := m.flight.reread
	m.flight.reread = ""
	out := m.cond.Answered(key, x, rereadOf, keyName(m.keys.Get(actionReread)))
	m.refreshKnownETag()
	defer m.syncRequestHints()
	switch {
	case out.Failed != nil:
		m.expl.SetNote(out.Failed.Note)
		// Selecting the request again shows the banner with its answer.
		m.shown.SetNote(key, out.Failed.Note)
		m.setStatus(strings.SplitN(out.Failed.Note, "\n", 2)[0], true)
	case out.For != "":
		m.afterReread(out)
	}
}

// afterReread acts on a re-read's answer for request out.For: after a 428 it
// adds If-Match, after a 412 it opens the three-way view. Both change that
// request only, so they wait until it is the one shown.
func (m *Model) afterReread(out conditional.Outcome) {
	r := m.req.Request()
	shown := r != nil && requestKey(r) == out.For
	switch {
	case out.IsErr || out.IfMatch == nil && out.Merge == nil:
		m.setStatus(out.Status, out.IsErr)
	case !shown:
		m.setStatus("Re-read done, but the request that got the 412 is no longer shown: open it and press "+
			keyName(m.keys.Get(actionReread))+" again.", false)
	case out.IfMatch != nil:
		m.req.SetIfMatch(out.IfMatch.Value)
		m.syncEdits()
		m.setStatus(out.Status+" ctrl+r sends it.", false)
	default:
		mv := threeway.New(out.For, r.Method+" "+requestLabel(r), out.Merge.Seen, out.Merge.ThreeWay)
		m.overlay.Open(dialogs.MergeView(out.For, out.Merge.Seen.ETag, mv))
	}
}

// reread is R on the request shown: a GET of the URL that got 412 or 428 (same
// headers minus the conditions and the body's) to learn the current version, or,
// when no re-read can help, dropping the precondition that cannot hold.
func (m Model) reread() (tea.Model, tea.Cmd) {
	r := m.req.Request()
	if r == nil {
		return m, nil
	}
	key := requestKey(r)
	get, drop, ok := m.cond.Reread(key)
	if !ok {
		return m, nil
	}
	m.syncRequestHints()
	m.expl.SetNote("")
	if get == nil {
		if drop.OK {
			for _, name := range drop.Remove {
				m.req.RemoveHeader(name)
			}
			m.syncEdits()
			drop.Message += " ctrl+r sends it."
		}
		m.setStatus(drop.Message, !drop.OK)
		return m, nil
	}
	placeholder := &collections.Request{Method: "GET", URL: get.URL, Title: "re-read"}
	fixed := func(*collections.Request, map[string]collections.Response, map[string]string) (requests.Request, error) {
		return *get, nil
	}
	next, cmd := m.startSend("GET "+get.URL+" (re-read)", []*collections.Request{placeholder}, fixed)
	nm := next.(Model)
	nm.flight.reread = key
	return nm, cmd
}

// mergeChosen acts on a choice in the three-way view: it sets the body and
// If-Match on the request (an edit, so what was sent stays on screen) and sends it.
func (m Model) mergeChosen(c threeway.Chosen) (tea.Model, tea.Cmd) {
	r := m.req.Request()
	if r == nil || requestKey(r) != c.Key {
		return m, nil
	}
	if c.Which != threeway.Yours {
		m.req.SetBody(c.Key, string(c.Body))
	}
	m.req.SetIfMatch(c.ETag)
	// With If-Match present a server ignores If-Unmodified-Since (RFC 9110
	// §13.2.2); a stale date left beside it would only mislead the reader.
	m.req.RemoveHeader("If-Unmodified-Since")
	m.syncEdits()
	return m.send()
}

// syncRequestHints turns on the actions that belong to the request shown: R
// when its last exchange was a 412 or 428, K when C or P answered for it.
func (m *Model) syncRequestHints() {
	key := ""
	if r := m.req.Request(); r != nil {
		key = requestKey(r)
	}
	_, failed := m.cond.Failed(key)
	m.keys.Enable(actionReread, failed)
	m.keys.Enable(actionAnswers, m.answers.Has(key))
}

// sendContext is a cancellable context for one send; its cancel func goes into
// the flight.
func sendContext() (context.Context, context.CancelFunc) {
	return context.WithCancel(context.Background())
}

// forgetConditions forgets what the session learnt about versions and what C
// and P answered: after the demo's reset none of it holds.
func (m *Model) forgetConditions() {
	m.cond = conditional.New()
	m.answers = checks.NewAnswers()
	m.syncRequestHints()
}
