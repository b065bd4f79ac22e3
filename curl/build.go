package curl

import (
	"encoding/base64"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/httplens/httplens/headers"
)

// derivedHeader turns an option that curl sends as a header into that header.
func (p *parser) derivedHeader(long, flag, v string) error {
	switch long {
	case "user":
		if !strings.Contains(v, ":") {
			p.note("%s %s has no password: curl would ask for one; written with an empty password", flag, v)
			v += ":"
		}
		p.derive("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(v)))
	case "user-agent":
		p.derive("User-Agent", v)
	case "referer":
		// ";auto" asks curl to set the Referer on redirects; the rest is the header.
		if ref, _ := strings.CutSuffix(v, ";auto"); ref != "" {
			p.derive("Referer", ref)
		}
	case "cookie":
		if !strings.Contains(v, "=") {
			p.note("%s %s not carried over: cookies from a file are not read", flag, v)
			return nil
		}
		p.derive("Cookie", v)
	case "range":
		p.derive("Range", "bytes="+v)
	case "oauth2-bearer":
		p.derive("Authorization", "Bearer "+v)
	default:
		return fmt.Errorf("curl command: option %s is known but not handled", flag)
	}
	return nil
}

// derive sets a header curl makes from an option; the last use of an option wins.
func (p *parser) derive(name, value string) {
	for i, h := range p.derived {
		if h.Name == name {
			p.derived[i].Value = value
			return
		}
	}
	p.derived = append(p.derived, Header{Name: name, Value: value})
}

// request builds the request from the options read.
func (p *parser) request() (Request, error) {
	r := p.req
	if err := p.url(&r); err != nil {
		return Request{}, err
	}
	body, err := p.body(&r)
	if err != nil {
		return Request{}, err
	}
	r.Headers = append([]Header(nil), p.headers...)
	// Headers curl adds unless -H set or removed them.
	implied := append(append([]Header(nil), p.derived...), body...)
	for _, h := range implied {
		if !p.hasHeader(h.Name) {
			r.Headers = append(r.Headers, h)
		}
	}
	r.Method = p.finalMethod(&r)
	return r, nil
}

// hasHeader reports whether -H set or removed the header name.
func (p *parser) hasHeader(name string) bool {
	if headers.List(p.headers).Has(name) {
		return true
	}
	for _, n := range p.removed {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

// finalMethod is -X if given, else what the options imply.
func (p *parser) finalMethod(r *Request) string {
	switch {
	case p.method != "":
		return p.method
	case p.head:
		return "HEAD"
	case p.uploadFile != "":
		return "PUT"
	case r.Body != nil || r.BodyFile != "":
		return "POST"
	}
	return "GET"
}

// url sets the URL: the first one given, --url-query appended, a scheme added
// when missing (curl assumes http).
func (p *parser) url(r *Request) error {
	if len(p.urls) == 0 {
		return fmt.Errorf("curl command: no URL")
	}
	if len(p.urls) > 1 {
		p.note("%d URLs given: only the first, %s, is carried over", len(p.urls), p.urls[0])
	}
	u := p.urls[0]
	if !strings.Contains(u, "://") {
		u = "http://" + u
		p.note("the URL has no scheme: http:// assumed, as curl does")
	}
	if !p.globoff && strings.ContainsAny(u, "[]{}") {
		p.note("the URL has [ ] or { }: curl would expand them as a pattern (without -g); taken literally")
	}
	for _, q := range p.queries {
		v, ok := strings.CutPrefix(q, "+")
		if !ok {
			v = encodeDataArg(q)
		}
		u = appendQuery(u, v)
	}
	r.URL = u
	return nil
}

// appendQuery adds q to the query of u, before any fragment.
func appendQuery(u, q string) string {
	frag := ""
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u, frag = u[:i], u[i:]
	}
	switch {
	case !strings.Contains(u, "?"):
		u += "?" + q
	case strings.HasSuffix(u, "?") || strings.HasSuffix(u, "&"):
		u += q
	default:
		u += "&" + q
	}
	return u + frag
}

// body sets the body from -d and friends, -F or -T, and returns the headers it
// implies (Content-Type, Accept for --json).
func (p *parser) body(r *Request) ([]Header, error) {
	sources := 0
	for _, has := range []bool{len(p.data) > 0, len(p.form) > 0, p.uploadFile != ""} {
		if has {
			sources++
		}
	}
	if sources > 1 {
		return nil, fmt.Errorf("curl command: -d/--data, -F/--form and -T cannot be used together (curl refuses it too)")
	}
	switch {
	case len(p.form) > 0:
		return p.multipart(r)
	case p.uploadFile != "":
		if p.uploadFile == "-" || p.uploadFile == "." {
			p.note("-T %s not carried over: standard input is not read", p.uploadFile)
			return nil, nil
		}
		r.BodyFile = p.uploadFile
		if strings.HasSuffix(r.URL, "/") { // curl names the target after the file
			r.URL += path.Base(filepath.ToSlash(p.uploadFile))
		}
		return nil, nil
	case len(p.data) > 0:
		return p.dataBody(r)
	}
	return nil, nil
}
