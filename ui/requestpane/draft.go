package requestpane

import (
	"encoding/base64"
	"slices"
	"strings"

	"github.com/httplens/httplens/collections"
)

// draftHeader is one header of a request being edited. A disabled header is not
// sent; disabling lives in the session only: saving writes it as a normal header
// line, so saving never loses a header that was only switched off (delete it to
// remove it from the file).
type draftHeader struct {
	Name, Value string
	Disabled    bool
}

// Draft is a request as edited in this session, before it is saved. It is a
// value: every edit returns or changes a copy owned by the request pane.
type Draft struct {
	Method  string
	URL     string
	Headers []draftHeader
	Body    string
}

// newDraft starts a draft from a saved request.
func newDraft(r *collections.Request) Draft {
	d := Draft{Method: r.Method, URL: r.URL, Body: string(r.Body)}
	for _, h := range r.Headers {
		d.Headers = append(d.Headers, draftHeader{Name: h.Name, Value: h.Value})
	}
	return d
}

// clone copies the header slice so edits never reach a shared one.
func (d Draft) clone() Draft {
	d.Headers = slices.Clone(d.Headers)
	return d
}

// equal reports whether two drafts say the same thing. Disabled flags are not
// compared: they are not saved, so switching a header off changes nothing to save.
func (d Draft) equal(o Draft) bool {
	return d.Method == o.Method && d.URL == o.URL && d.Body == o.Body &&
		slices.EqualFunc(d.Headers, o.Headers, func(a, b draftHeader) bool {
			return a.Name == b.Name && a.Value == b.Value
		})
}

// same reports whether two drafts are identical, disabled flags included.
func (d Draft) same(o Draft) bool {
	return d.equal(o) && slices.Equal(d.Headers, o.Headers)
}

// Request is the draft as a collections.Request in orig's place (same file, index,
// title and name, so file and request variables resolve as for the saved one).
// Disabled headers are left out when forSave is false, since they are not sent.
func (d Draft) Request(orig *collections.Request, forSave bool) *collections.Request {
	r := *orig
	r.Method, r.URL = d.Method, d.URL
	r.Headers = nil
	for _, h := range d.Headers {
		if !h.Disabled || forSave {
			r.Headers = append(r.Headers, collections.Header{Name: h.Name, Value: h.Value})
		}
	}
	r.HeaderPos = nil // positions of the saved request no longer apply
	r.Body = nil
	if d.Body != "" {
		r.Body = []byte(d.Body)
	}
	return &r
}

// header returns the index of the first enabled header named name (any case), or -1.
func (d *Draft) header(name string) int {
	for i, h := range d.Headers {
		if !h.Disabled && strings.EqualFold(h.Name, name) {
			return i
		}
	}
	return -1
}

// setHeader sets the first header named name to value, or adds it at the end.
func (d *Draft) setHeader(name, value string) {
	if i := d.header(name); i >= 0 {
		d.Headers[i].Value = value
		return
	}
	d.Headers = append(d.Headers, draftHeader{Name: name, Value: value})
}

// removeHeader deletes every enabled header named name.
func (d *Draft) removeHeader(name string) {
	d.Headers = slices.DeleteFunc(d.Headers, func(h draftHeader) bool {
		return !h.Disabled && strings.EqualFold(h.Name, name)
	})
}

// methods is the cycle of the method key.
var methods = [...]string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}

// nextMethod is the method after (d=1) or before (d=-1) m in the cycle.
func nextMethod(m string, d int) string {
	i := slices.Index(methods[:], m)
	if i < 0 {
		return methods[0]
	}
	return methods[(i+d+len(methods))%len(methods)]
}

// contentTypes is the cycle of the body's content-type picker; "" means none.
var contentTypes = [...]struct{ label, value string }{
	{"none", ""},
	{"JSON", "application/json"},
	{"form", "application/x-www-form-urlencoded"},
	{"text", "text/plain; charset=utf-8"},
}

// contentTypeLabel names the draft's content type as the picker does.
func (d *Draft) contentTypeLabel() string {
	i := d.header("Content-Type")
	if i < 0 {
		return "none"
	}
	v := strings.ToLower(d.Headers[i].Value)
	for _, ct := range contentTypes[1:] {
		if strings.HasPrefix(v, strings.SplitN(ct.value, ";", 2)[0]) {
			return ct.label
		}
	}
	return d.Headers[i].Value
}

// cycleContentType moves to the next content type of the picker; "none" removes
// the header and leaves the body alone.
func (d *Draft) cycleContentType() {
	cur := d.contentTypeLabel()
	next := 1
	for i, ct := range contentTypes {
		if ct.label == cur {
			next = (i + 1) % len(contentTypes)
		}
	}
	if contentTypes[next].value == "" {
		d.removeHeader("Content-Type")
		return
	}
	d.setHeader("Content-Type", contentTypes[next].value)
}

// setBasicAuth writes Authorization: Basic with user:password encoded as written.
func (d *Draft) setBasicAuth(userPass string) {
	d.setHeader("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(userPass)))
}

// setBearerAuth writes Authorization: Bearer token.
func (d *Draft) setBearerAuth(token string) {
	d.setHeader("Authorization", "Bearer "+strings.TrimSpace(token))
}

// authSummary describes the Authorization header for the Auth tab; a Basic
// password is never shown.
func (d *Draft) authSummary() string {
	i := d.header("Authorization")
	if i < 0 {
		return "No Authorization header."
	}
	v := d.Headers[i].Value
	scheme, cred, _ := strings.Cut(v, " ")
	switch strings.ToLower(scheme) {
	case "basic":
		raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(cred))
		if err != nil {
			return "Basic (not valid base64: " + cred + ")"
		}
		user, _, _ := strings.Cut(string(raw), ":")
		return "Basic, user " + user + " (password hidden)"
	case "bearer":
		return "Bearer token " + abbreviate(strings.TrimSpace(cred), 12)
	}
	return "Authorization: " + v
}

// abbreviate keeps the first n characters of s.
func abbreviate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// queryParam is one name=value pair of the URL's query, as written. Eq records
// whether the "=" was written, so "a=" and "a" both round-trip.
type queryParam struct {
	Name, Value string
	Eq          bool
}

// parseParam reads "name=value" as typed.
func parseParam(s string) queryParam {
	n, v, eq := strings.Cut(s, "=")
	return queryParam{Name: strings.TrimSpace(n), Value: strings.TrimSpace(v), Eq: eq}
}

// splitQuery splits a URL into the part before "?", the parameters and the
// fragment (with its "#"). Pairs are kept as written, variables and escapes alike.
func splitQuery(u string) (base string, params []queryParam, frag string) {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u, frag = u[:i], u[i:]
	}
	base, q, ok := strings.Cut(u, "?")
	if !ok || q == "" {
		return base, nil, frag
	}
	for _, p := range strings.Split(q, "&") {
		n, v, eq := strings.Cut(p, "=")
		params = append(params, queryParam{Name: n, Value: v, Eq: eq})
	}
	return base, params, frag
}

// joinQuery is the inverse of splitQuery.
func joinQuery(base string, params []queryParam, frag string) string {
	if len(params) == 0 {
		return base + frag
	}
	parts := make([]string, len(params))
	for i, p := range params {
		parts[i] = p.Name
		if p.Eq || p.Value != "" {
			parts[i] += "=" + p.Value
		}
	}
	return base + "?" + strings.Join(parts, "&") + frag
}

// params is the draft's query as a list.
func (d *Draft) params() []queryParam {
	_, ps, _ := splitQuery(d.URL)
	return ps
}

// setParams rewrites the URL's query from a list.
func (d *Draft) setParams(ps []queryParam) {
	base, _, frag := splitQuery(d.URL)
	d.URL = joinQuery(base, ps, frag)
}
