package explain

import (
	"fmt"
	"net/url"
)

// redirectFindings explains what a client does next with a 301/302/303/307/308: the
// method and body of the next request, whether the redirect is cached, where a
// relative Location leads, and a Location that points back at the request.
func redirectFindings(x Exchange) []Finding {
	code := x.Response.Status
	loc, ok := first(x.Response.Fields, "Location")
	if !isRedirect(code) || !ok {
		return nil
	}
	var out []Finding
	cached := "A 302, 303 or 307 is not cached unless it carries explicit freshness (max-age or Expires)."
	if code == 301 || code == 308 {
		cached = "A 301 or 308 is cacheable by default (heuristically): browsers remember it and go straight to the new URI next time, often for a long time. Send Cache-Control: max-age if that should expire."
	}
	out = append(out, newFinding("redirect-cache", Info, fmt.Sprintf("%d and caches", code), cached,
		"RFC 9111 §4.2.2", "RFC 9110 §15.1"))
	target, base := redirectTarget(x, loc)
	switch {
	case target == nil:
	case base != nil && target.String() == base.String():
		out = append(out, newFinding("redirect-loop", Error, "Redirect to itself",
			"Location resolves to the URI just requested ("+target.String()+"); a client follows it until its limit and gives up.",
			"RFC 9110 §15.4"))
	case base != nil && !isAbsoluteRef(loc):
		out = append(out, newFinding("redirect-relative", Info, "Relative Location resolves to "+target.String(),
			"Location may be a relative reference; it is resolved against the request's URI (a fragment on the request carries over when Location has none).",
			"RFC 9110 §10.2.2", "RFC 3986 §5"))
	}
	return out
}

// redirectBody says what happens to the request content when the client follows
// the redirect with this method, and warns that 307/308 repeat unsafe methods.
func redirectBody(code int, method string) string {
	switch {
	case method == "":
		return ""
	case method == "GET" || method == "HEAD":
		return "There is no content to carry."
	case code == 303:
		return "The " + method + " content is dropped (with its Content-* fields); the " + method + " is not repeated."
	case code == 301 || code == 302:
		if method == "POST" {
			return "Browsers turn the POST into a GET and drop its content; other clients may repeat the POST."
		}
		return "The " + method + " is repeated with its content at the new URI."
	}
	return fmt.Sprintf("So the %s is sent again, with its content, to the new URI: it acts there too.", method)
}

// redirectTarget resolves Location against the request URI; base is nil when the
// request URI is unknown or not absolute.
func redirectTarget(x Exchange, loc string) (target, base *url.URL) {
	ref, err := url.Parse(loc)
	if err != nil {
		return nil, nil
	}
	if x.Request != nil {
		if b, err := url.Parse(x.Request.URL); err == nil && b.IsAbs() {
			t := b.ResolveReference(ref)
			if t.Fragment == "" {
				t.Fragment = b.Fragment // RFC 9110 §10.2.2
			}
			return t, b
		}
	}
	if ref.IsAbs() {
		return ref, nil
	}
	return nil, nil
}

func isAbsoluteRef(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.IsAbs()
}
