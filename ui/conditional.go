package ui

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/preconditions"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/requestpane"
)

// conditional is what the session knows about resource versions: the last ETag
// seen for each URL, and the request to re-read after a 412.
type conditional struct {
	etags   map[string]string // by resolved URL
	failed  string            // key of the request that got 412 or 428, "" when none
	failURL string            // its URL as sent
	failHs  []requests.Header // its headers as sent
	// failure is what failed in a 412; required marks a 428 instead.
	known    preconditions.Known // validators by URL, with where they came from
	failure  explain.Failure
	required bool
	mine     []byte            // the failed request's body as sent
	base     []byte            // the body last read before the failed write: the version it was based on
	bodies   map[string][]byte // the last 2xx GET body by URL: the version a write was based on
}

func newConditional() conditional {
	return conditional{etags: map[string]string{}, bodies: map[string][]byte{}}
}

// observe learns from an exchange: a successful response's ETag becomes the one
// known for its URL; a successful DELETE, 404 or 410 forgets it.
func (c *conditional) observe(x requests.Exchange) {
	r := x.Response
	if r == nil {
		return
	}
	c.known.Observe(x.Request.Method, x.Request.URL, r.Status, headerValue(r.Headers, "ETag"), headerValue(r.Headers, "Last-Modified"), x.Received)
	url := x.Request.URL
	tag := headerValue(r.Headers, "ETag")
	switch {
	case r.Status == 404 || r.Status == 410 || x.Request.Method == "DELETE" && r.Status/100 == 2:
		delete(c.etags, url)
	case tag != "" && (r.Status/100 == 2 || r.Status == 304):
		c.etags[url] = tag
	}
	if x.Request.Method == "GET" && r.Status/100 == 2 && !r.Truncated && len(r.Body) < 1<<20 {
		c.bodies[url] = r.Body
	}
}

// addAutoIfMatch wraps resolve so that a PUT, PATCH or DELETE without If-Match
// gets the last ETag seen for its URL. etags is the command's own copy.
func addAutoIfMatch(resolve resolveFunc, etags map[string]string) resolveFunc {
	return func(r *collections.Request, last map[string]collections.Response, vars map[string]string) (requests.Request, error) {
		req, err := resolve(r, last, vars)
		if err != nil || (req.Method != "PUT" && req.Method != "PATCH" && req.Method != "DELETE") {
			return req, err
		}
		tag, ok := etags[req.URL]
		if !ok || headerValue(req.Headers, "If-Match") != "" {
			return req, err
		}
		req.Headers = append(req.Headers, requests.Header{Name: "If-Match", Value: tag})
		return req, nil
	}
}

// refreshKnownETag shows in the request pane the ETag known for the shown
// request's URL. Only the URL is resolved, which reads no file.
func (m *Model) refreshKnownETag() {
	r := m.req.Request()
	if r == nil {
		m.req.SetKnownETag("")
		m.req.SetKnown("", m.cond.known, "No request selected.")
		return
	}
	rv := collections.Resolver{Vars: m.cfg.Vars, Env: m.envs[m.env], Demo: m.cfg.DemoURL}
	rv.Responses = func(name string) (collections.Response, bool) {
		resp, ok := m.last[name]
		return resp, ok
	}
	urlOnly := collections.Request{File: r.File, Index: r.Index, Method: r.Method, URL: r.URL}
	out, err := rv.Resolve(&urlOnly)
	if err != nil {
		m.req.SetKnownETag("")
		m.req.SetKnown("", m.cond.known, "The URL does not resolve yet: "+err.Error())
		return
	}
	m.req.SetKnownETag(m.cond.etags[out.URL])
	m.req.SetKnown(out.URL, m.cond.known, "")
}

// afterResponse updates the conditional workflow from the exchange just shown.
func (m *Model) afterResponse(x requests.Exchange, key string) {
	m.cond.observe(x)
	var v requestpane.Validator
	if r := x.Response; r != nil {
		v = requestpane.Validator{ETag: headerValue(r.Headers, "ETag"), LastModified: headerValue(r.Headers, "Last-Modified")}
	}
	m.req.SetValidator(v)
	m.refreshKnownETag()
	rereadOf := m.flight.reread
	m.flight.reread = ""
	if x.Response == nil {
		return
	}
	if st := x.Response.Status; st == 412 || st == 428 {
		m.cond.failed, m.cond.failURL = key, x.Request.URL
		m.cond.failHs, m.cond.mine = x.Request.Headers, x.Request.Body
		m.cond.base = m.cond.bodies[x.Request.URL]
		m.cond.required = st == 428
		ex := explaininput.From(x, time.Now())
		m.cond.failure = explain.PreconditionFailure(ex.Request, ex.Response)
		m.keys.Enable(actionReread, true)
		note := preconditionNote(m.cond.failure, m.cond.required, keyName(m.keys.Get(actionReread)))
		m.expl.SetNote(note)
		m.setStatus(strings.SplitN(note, "\n", 2)[0], true)
		return
	}
	// Any other answer ends the 412/428 episode: R no longer applies, and the hint
	// line stops offering it.
	m.cond.failed = ""
	m.keys.Enable(actionReread, false)
	if rereadOf != "" {
		m.offerRetry(rereadOf, x)
	}
}

// preconditionNote says what a 412 or 428 means for the request that got it,
// naming the precondition that failed, and what R does next.
func preconditionNote(f explain.Failure, required bool, reread string) string {
	if required {
		return "428 Precondition Required: the server changes this resource only with If-Match.\n" +
			"Nothing was changed. Press " + reread + " to read the resource and add If-Match with its ETag; then ctrl+r sends it."
	}
	next := "Press " + reread + " to re-read it: you will see the version you started from, the server's version and your change, and choose what to send."
	switch f.Next {
	case explain.StepDropIfNoneMatch:
		next = "Press " + reread + " to drop If-None-Match: * from the request (it will then overwrite); ctrl+r sends it."
	case explain.StepCreate:
		next = "Press " + reread + " to drop If-Match: * (it will then create the resource); ctrl+r sends it."
	case explain.StepReread:
		next = "Press " + reread + " to drop If-None-Match (it will then apply whatever the current version is)."
	case explain.StepServer:
		next = ""
	}
	return f.Banner + "\n" + f.Why + " " + f.Advice + " " + next
}

// reread sends a GET of the URL that got 412, with the same headers minus the
// conditions and the body's, to learn the current ETag.
func (m Model) reread() (tea.Model, tea.Cmd) {
	if m.cond.failed == "" {
		return m, nil
	}
	if !m.cond.required && m.cond.failure.Next != explain.StepMerge {
		return m.dropPrecondition()
	}
	var hs []requests.Header
	for _, h := range m.cond.failHs {
		n := strings.ToLower(h.Name)
		if strings.HasPrefix(n, "if-") || strings.HasPrefix(n, "content-") || n == "host" || n == "x-current-etag" {
			continue
		}
		hs = append(hs, h)
	}
	get := requests.Request{Method: "GET", URL: m.cond.failURL, Headers: hs}
	key := m.cond.failed
	m.keys.Enable(actionReread, false)
	m.cond.failed = ""
	m.expl.SetNote("")
	placeholder := &collections.Request{Method: "GET", URL: get.URL, Title: "re-read"}
	fixed := func(*collections.Request, map[string]collections.Response, map[string]string) (requests.Request, error) {
		return get, nil
	}
	next, cmd := m.startSend("GET "+get.URL+" (re-read)", []*collections.Request{placeholder}, fixed)
	nm := next.(Model)
	nm.flight.reread = key
	return nm, cmd
}

// offerRetry asks whether to retry request key with the ETag the re-read found,
// after a 412 showing what changed; after a 428 it adds If-Match at once.
func (m *Model) offerRetry(key string, x requests.Exchange) {
	tag := headerValue(x.Response.Headers, "ETag")
	if x.Response.Status/100 != 2 || tag == "" {
		m.setStatus(fmt.Sprintf("Re-read gave %d without an ETag: nothing to retry with.", x.Response.Status), true)
		return
	}
	seen := preconditions.Seen{ETag: tag, Method: "GET", URL: x.Request.URL, Status: x.Response.Status, At: x.Received}
	r := m.req.Request()
	if r == nil || requestKey(r) != key {
		m.setStatus("Re-read: the current ETag is "+tag+" ("+seen.Source()+"); open the request again and press "+
			keyName(m.req.Keys().Get(actionCondition))+" to use it.", false)
		return
	}
	if m.cond.required {
		m.cond.required = false
		s := preconditions.AfterRequired(seen)
		if s.OK {
			m.req.SetIfMatch(s.Value)
			m.syncEdits()
		}
		m.setStatus(s.Message+" ctrl+r sends it.", !s.OK)
		return
	}
	m.openDialog(dialog{kind: overlayRetry, key: key, tag: tag, text: retryText(m.cond.base, x.Response.Body, m.cond.mine, r, seen)})
}

// retryText is the three-way view after a 412 and the question: the version the
// write was based on, the server's version now, and your change.
func retryText(base, server, mine []byte, r *collections.Request, seen preconditions.Seen) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Re-read: the server's version now has ETag %s (%s).\n", seen.ETag, seen.Source())
	w := preconditions.Merge3(base, server, mine)
	switch {
	case base == nil || w.Rows == nil:
		fmt.Fprintf(&b, "Server now: %s\nYour change: %s\n", clip(server), clip(mine))
	default:
		b.WriteString("member: base → server now · yours\n")
		for _, row := range w.Rows {
			if row.Change == preconditions.Unchanged {
				continue
			}
			fmt.Fprintf(&b, "%s: %s → %s · %s (%s)\n", row.Key, orNone(row.Base), orNone(row.Server), orNone(row.Mine), row.Change)
		}
	}
	fmt.Fprintf(&b, "Retry %s %s with If-Match: %s? It sends your version as it is and replaces the server's changes; say no to merge them into the body first.",
		r.Method, requestLabel(r), seen.ETag)
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = termtext.String(l)
	}
	return strings.Join(lines, "\n")
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// clip shortens a body for the retry question.
func clip(b []byte) string {
	s := string(b)
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	if s == "" {
		return "(empty)"
	}
	return s
}

// dropPrecondition removes the precondition a 412 says to drop (If-None-Match: *
// on an existing resource, If-Match: * on a missing one), and says so.
func (m Model) dropPrecondition() (tea.Model, tea.Cmd) {
	s := preconditions.AfterFailure(m.cond.failure, preconditions.Seen{})
	r := m.req.Request()
	failed := m.cond.failed
	m.keys.Enable(actionReread, false)
	m.cond.failed = ""
	m.expl.SetNote("")
	if r == nil || requestKey(r) != failed || !s.OK {
		if s.OK {
			s.Message = "Open the request that got 412 to change it: " + s.Message
		}
		m.setStatus(s.Message, !s.OK)
		return m, nil
	}
	for _, name := range s.Remove {
		m.req.RemoveHeader(name)
	}
	m.syncEdits()
	m.setStatus(s.Message+" ctrl+r sends it.", false)
	return m, nil
}

// retry sets If-Match to the re-read's ETag and sends the request again.
func (m Model) retry(d dialog) (tea.Model, tea.Cmd) {
	r := m.req.Request()
	if r == nil || requestKey(r) != d.key {
		return m, nil
	}
	m.req.SetIfMatch(d.tag)
	m.syncEdits()
	return m.send()
}

// sendContext is a cancellable context for one send; its cancel func goes into
// the flight.
func sendContext() (context.Context, context.CancelFunc) {
	return context.WithCancel(context.Background())
}

// etagsCopy is the command's own copy of the known ETags.
func (c *conditional) etagsCopy() map[string]string { return maps.Clone(c.etags) }
