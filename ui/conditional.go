package ui

import (
	"context"
	"fmt"
	"maps"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
)

// conditional is what the session knows about resource versions: the last ETag
// seen for each URL, and the request to re-read after a 412.
type conditional struct {
	etags   map[string]string // by resolved URL
	failed  string            // key of the request that got 412, "" when none
	failURL string            // its URL as sent
	failHs  []requests.Header // its headers as sent
}

func newConditional() conditional { return conditional{etags: map[string]string{}} }

// observe learns from an exchange: a successful response's ETag becomes the one
// known for its URL; a successful DELETE, 404 or 410 forgets it.
func (c *conditional) observe(x requests.Exchange) {
	r := x.Response
	if r == nil {
		return
	}
	url := x.Request.URL
	tag := headerValue(r.Headers, "ETag")
	switch {
	case r.Status == 404 || r.Status == 410 || x.Request.Method == "DELETE" && r.Status/100 == 2:
		delete(c.etags, url)
	case tag != "" && (r.Status/100 == 2 || r.Status == 304):
		c.etags[url] = tag
	}
}

// addAutoIfMatch wraps resolve so that a PUT, PATCH or DELETE without If-Match
// gets the last ETag seen for its URL. etags is the command's own copy.
func addAutoIfMatch(resolve resolveFunc, etags map[string]string) resolveFunc {
	return func(r *collections.Request, last map[string]collections.Response) (requests.Request, error) {
		req, err := resolve(r, last)
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
		return
	}
	m.req.SetKnownETag(m.cond.etags[out.URL])
}

// afterResponse updates the conditional workflow from the exchange just shown.
func (m *Model) afterResponse(x requests.Exchange, key string) {
	m.cond.observe(x)
	var v validator
	if r := x.Response; r != nil {
		v = validator{etag: headerValue(r.Headers, "ETag"), lastModified: headerValue(r.Headers, "Last-Modified")}
	}
	m.req.SetValidator(v)
	m.refreshKnownETag()
	rereadOf := m.flight.reread
	m.flight.reread = ""
	if x.Response == nil {
		return
	}
	if x.Response.Status == 412 {
		m.cond.failed, m.cond.failURL = key, x.Request.URL
		m.cond.failHs = x.Request.Headers
		m.keys.Enable(actionReread, true)
		m.expl.SetNote(preconditionNote(x, keyName(m.keys.Get(actionReread))))
		return
	}
	if rereadOf != "" {
		m.offerRetry(rereadOf, x)
	}
}

// preconditionNote says what a 412 means for the request that got it; reread is
// the key that re-reads the resource.
func preconditionNote(x requests.Exchange, reread string) string {
	sent := headerValue(x.Request.Headers, "If-Match")
	cond := "If-Match: " + sent
	if sent == "" {
		for _, h := range []string{"If-None-Match", "If-Unmodified-Since"} {
			if v := headerValue(x.Request.Headers, h); v != "" {
				cond = h + ": " + v
				break
			}
		}
	}
	return fmt.Sprintf("What happened: the %s was refused because its condition (%s) is false on the server: "+
		"the resource changed since the version you quoted, so applying your request would have lost "+
		"that change. Nothing was modified. Press %s to re-read it (GET %s), then retry with its new ETag.",
		x.Request.Method, cond, reread, x.Request.URL)
}

// reread sends a GET of the URL that got 412, with the same headers minus the
// conditions and the body's, to learn the current ETag.
func (m Model) reread() (tea.Model, tea.Cmd) {
	if m.cond.failed == "" {
		return m, nil
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
	fixed := func(*collections.Request, map[string]collections.Response) (requests.Request, error) { return get, nil }
	next, cmd := m.startSend("GET "+get.URL+" (re-read)", []*collections.Request{placeholder}, fixed)
	nm := next.(Model)
	nm.flight.reread = key
	return nm, cmd
}

// offerRetry asks whether to retry request key with the ETag the re-read found.
func (m *Model) offerRetry(key string, x requests.Exchange) {
	tag := headerValue(x.Response.Headers, "ETag")
	if x.Response.Status/100 != 2 || tag == "" {
		m.setStatus(fmt.Sprintf("Re-read gave %d without an ETag: nothing to retry with.", x.Response.Status), true)
		return
	}
	r := m.req.Request()
	if r == nil || requestKey(r) != key {
		m.setStatus("Re-read: the current ETag is "+tag+"; open the request again and press "+
			keyName(m.req.keys.Get(actionCondition))+" to use it.", false)
		return
	}
	m.openDialog(dialog{kind: overlayRetry, key: key, tag: tag,
		text: fmt.Sprintf("Re-read: the current ETag is %s. Retry %s %s with If-Match: %s?", tag, r.Method, requestLabel(r), tag)})
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
