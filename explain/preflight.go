package explain

import (
	"fmt"
	"slices"
	"strings"
)

// Preflight is the CORS preflight a browser sends before a request (the Fetch
// Standard's CORS-preflight fetch), or why it sends none.
type Preflight struct {
	// Needed says a browser asks with OPTIONS before sending the request.
	Needed bool
	// Why gives, one sentence each, what makes the request need a preflight, or
	// why it needs none.
	Why []string
	// Origin is the request's Origin: the page that sends it.
	Origin string
	// Method and Headers are Access-Control-Request-Method and -Headers (lower
	// case, sorted, as browsers send them).
	Method  string
	Headers []string
}

// Fields is the preflight request's head as a browser writes it, beyond what the
// client adds (Host, User-Agent).
func (p Preflight) Fields() []Field {
	fs := []Field{{Name: "Origin", Value: p.Origin}, {Name: "Access-Control-Request-Method", Value: p.Method}}
	if len(p.Headers) > 0 {
		fs = append(fs, Field{Name: "Access-Control-Request-Headers", Value: strings.Join(p.Headers, ",")})
	}
	return append(fs, Field{Name: "Accept", Value: "*/*"})
}

// forbiddenRequest are the fields a page cannot set (and User-Agent, which a page
// leaves to the browser): the browser writes them, so
// they never make a request need a preflight (Fetch Standard #forbidden-request-header).
var forbiddenRequest = []string{"accept-charset", "accept-encoding", "access-control-request-headers",
	"access-control-request-method", "connection", "content-length", "cookie", "cookie2", "date", "dnt",
	"expect", "host", "keep-alive", "origin", "referer", "set-cookie", "te", "trailer",
	"transfer-encoding", "upgrade", "via", "user-agent"}

// PreflightFor says whether a browser page at the request's Origin needs a
// preflight before sending method with fields, and what the preflight asks
// (Fetch Standard #cors-preflight-fetch, #cors-safelisted-method,
// #cors-safelisted-request-header). Without an Origin field there is no page to
// speak for: Origin is then "" and Why says so.
func PreflightFor(method string, fields []Field) Preflight {
	var p Preflight
	origin, ok := first(fields, "Origin")
	if !ok || origin == "" {
		p.Why = []string{"The request has no Origin field, so it speaks for no page: add Origin: https://your.site (the page that sends it) to see what a browser does."}
		return p
	}
	p.Origin, p.Method = origin, normalizeMethod(method)
	switch p.Method {
	case "GET", "HEAD", "POST":
	default:
		p.Why = append(p.Why, fmt.Sprintf("%s is not a CORS-safelisted method (GET, HEAD, POST).", p.Method))
	}
	var unsafe []string
	total := 0
	for _, f := range fields {
		name := strings.ToLower(f.Name)
		if slices.Contains(forbiddenRequest, name) || strings.HasPrefix(name, "proxy-") || strings.HasPrefix(name, "sec-") {
			continue
		}
		why := unsafeRequestField(name, f.Value)
		if why == "" {
			total += len(f.Value)
			continue
		}
		if !slices.Contains(unsafe, name) {
			unsafe = append(unsafe, name)
			p.Why = append(p.Why, why)
		}
	}
	if total > 1024 {
		// #cors-unsafe-request-header-names: safelisted values past 1024 bytes in all.
		p.Why = append(p.Why, "The safelisted fields' values exceed 1024 bytes together.")
		for _, f := range fields {
			if n := strings.ToLower(f.Name); !slices.Contains(unsafe, n) && unsafeRequestField(n, f.Value) == "" && !slices.Contains(forbiddenRequest, n) {
				unsafe = append(unsafe, n)
			}
		}
	}
	slices.Sort(unsafe)
	p.Headers = unsafe
	p.Needed = len(p.Why) > 0
	if !p.Needed {
		p.Why = []string{fmt.Sprintf("%s with only CORS-safelisted fields is a simple request: a browser sends it without asking first, and checks only the response.", p.Method)}
	}
	return p
}

// normalizeMethod upper-cases the methods Fetch normalizes; others keep their case.
func normalizeMethod(m string) string {
	for _, k := range []string{"DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"} {
		if strings.EqualFold(m, k) {
			return k
		}
	}
	return m
}

// unsafeRequestField says why a page's field makes a preflight necessary; "" when
// the field is CORS-safelisted (Fetch Standard #cors-safelisted-request-header).
func unsafeRequestField(name, value string) string {
	if len(value) > 128 {
		return fmt.Sprintf("%s is longer than 128 bytes, so it is not CORS-safelisted.", name)
	}
	switch name {
	case "accept":
		if !hasUnsafeByte(value) {
			return ""
		}
	case "accept-language", "content-language":
		if strings.Trim(value, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ *,-.;=") == "" {
			return ""
		}
	case "content-type":
		essence := strings.ToLower(strings.TrimSpace(strings.SplitN(value, ";", 2)[0]))
		if !hasUnsafeByte(value) {
			switch essence {
			case "application/x-www-form-urlencoded", "multipart/form-data", "text/plain":
				return ""
			}
		}
		return fmt.Sprintf("Content-Type %s is not one a plain form can send (application/x-www-form-urlencoded, multipart/form-data, text/plain).", essence)
	case "range":
		if simpleRange(value) {
			return ""
		}
	}
	return fmt.Sprintf("%s is not a CORS-safelisted request field.", name)
}

// hasUnsafeByte is #cors-unsafe-request-header-byte.
func hasUnsafeByte(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if (c < 0x20 && c != '\t') || c == 0x7f || strings.IndexByte("\"():<>?@[\\]{}", c) >= 0 {
			return true
		}
	}
	return false
}

// simpleRange is a single "bytes=N-" or "bytes=N-M" range, the only one safelisted.
func simpleRange(v string) bool {
	rest, ok := strings.CutPrefix(v, "bytes=")
	if !ok {
		return false
	}
	from, to, ok := strings.Cut(rest, "-")
	return ok && from != "" && isDigitRun(from) && (to == "" || isDigitRun(to))
}
