package explain

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// cookie is a Set-Cookie line as a browser reads it (RFC 6265 §5.2): the pair,
// then attributes by lower-case name; the last of a repeated attribute wins.
type cookie struct {
	name, value string
	attrs       map[string]string
	order       []string // attribute names in the order first seen
}

// parseCookie follows RFC 6265 §5.2; problem says why a browser would ignore the
// whole line.
func parseCookie(v string) (cookie, string) {
	pair, rest, _ := strings.Cut(v, ";")
	name, value, ok := strings.Cut(pair, "=")
	if !ok {
		return cookie{}, "The first part has no \"=\": it must be name=value, and a browser ignores the whole line."
	}
	ck := cookie{name: strings.TrimSpace(name), value: strings.TrimSpace(value), attrs: map[string]string{}}
	if ck.name == "" {
		return cookie{}, "The cookie has no name; a browser ignores the whole line."
	}
	for more := true; more; {
		var a string
		a, rest, more = strings.Cut(rest, ";")
		k, val, _ := strings.Cut(a, "=")
		k = cookieAttrName(strings.TrimSpace(k))
		if k == "" {
			continue
		}
		if _, seen := ck.attrs[k]; !seen {
			ck.order = append(ck.order, k)
		}
		ck.attrs[k] = strings.TrimSpace(val)
	}
	return ck, ""
}

// cookieAttrName is the attribute name in lower case: the names RFC 6265 and
// 6265bis define are constants, not a lower-case copy per line.
func cookieAttrName(k string) string {
	var buf [16]byte
	if len(k) > len(buf) {
		return strings.ToLower(k)
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c >= 0x80 {
			return strings.ToLower(k)
		}
		buf[i] = lower(c)
	}
	switch string(buf[:len(k)]) {
	case "path":
		return "path"
	case "domain":
		return "domain"
	case "expires":
		return "expires"
	case "max-age":
		return "max-age"
	case "secure":
		return "secure"
	case "httponly":
		return "httponly"
	case "samesite":
		return "samesite"
	case "partitioned":
		return "partitioned"
	}
	return strings.ToLower(k)
}

func (ck cookie) has(name string) bool { _, ok := ck.attrs[name]; return ok }

func noteSetCookie(n *HeaderNote, c noteContext) {
	ck, problem := parseCookie(c.value)
	if problem != "" {
		n.Warnings = append(n.Warnings, problem)
		return
	}
	n.Parsed = append(n.Parsed, "cookie: "+ck.name+" = "+clipValue(ck.value, 60))
	target, _ := url.Parse(c.requestURL())
	if target != nil && !target.IsAbs() {
		target = nil
	}
	cookieLifetime(n, c, ck)
	cookieScope(n, ck, target)
	cookieSecurity(n, ck, target)
	for _, k := range ck.order {
		switch k {
		case "expires", "max-age", "domain", "path", "secure", "httponly", "samesite", "partitioned":
		default:
			n.Parsed = append(n.Parsed, fmt.Sprintf("%s: not an attribute browsers know; ignored", k))
		}
	}
	n.Refs = append(n.Refs, "RFC 6265 §8")
}

// cookieLifetime explains Max-Age and Expires: Max-Age wins; neither makes a
// session cookie (RFC 6265 §5.2.1, §5.2.2, §5.3 step 3).
func cookieLifetime(n *HeaderNote, c noteContext, ck cookie) {
	maxAge, hasMaxAge := ck.attrs["max-age"]
	exp, hasExpires := ck.attrs["expires"]
	if hasMaxAge {
		digits := strings.TrimPrefix(maxAge, "-")
		switch {
		case !isDigitRun(digits):
			n.Warnings = append(n.Warnings, fmt.Sprintf("Max-Age=%s is not a whole number; browsers ignore it.", maxAge))
			hasMaxAge = false
		case strings.HasPrefix(maxAge, "-") || strings.Trim(digits, "0") == "":
			n.Parsed = append(n.Parsed, "Max-Age="+maxAge+": deletes the cookie now")
		default:
			secs, _ := ccDeltaSeconds(digits)
			n.Parsed = append(n.Parsed, "Max-Age="+maxAge+": kept for "+secondsLine(secs))
		}
	}
	if hasExpires {
		t, _, ok := parseHTTPDate(exp)
		switch {
		case hasMaxAge:
			n.Parsed = append(n.Parsed, "Expires="+exp+": ignored, Max-Age wins")
		case !ok:
			n.Warnings = append(n.Warnings, fmt.Sprintf("Expires=%s is not a date; browsers ignore the attribute and keep a session cookie.", exp))
		case !c.now().IsZero() && t.Before(c.now()):
			n.Parsed = append(n.Parsed, "Expires: "+timeLine(t, c.now())+": in the past, so it deletes the cookie")
		default:
			n.Parsed = append(n.Parsed, "Expires: "+timeLine(t, c.now()))
		}
	}
	if !hasMaxAge && (!hasExpires || !validCookieDate(exp)) {
		n.Parsed = append(n.Parsed, "lifetime: a session cookie, dropped when the browser closes")
	}
}

func validCookieDate(s string) bool {
	_, _, ok := parseHTTPDate(s)
	return ok
}

// cookieScope explains Domain and Path (RFC 6265 §5.2.3, §5.2.4, §5.3 step 6).
func cookieScope(n *HeaderNote, ck cookie, target *url.URL) {
	host := ""
	if target != nil {
		host = strings.ToLower(target.Hostname())
	}
	if d, ok := ck.attrs["domain"]; ok && strings.TrimPrefix(d, ".") != "" {
		d = strings.ToLower(strings.TrimPrefix(d, "."))
		n.Parsed = append(n.Parsed, "Domain="+d+": sent to "+d+" and every subdomain of it")
		switch {
		case host == "":
		case host != d && !strings.HasSuffix(host, "."+d):
			n.Warnings = append(n.Warnings, fmt.Sprintf("Domain=%s does not cover the host %s, so a browser rejects the cookie.", d, host))
		case host != d:
			n.Warnings = append(n.Warnings, fmt.Sprintf("Domain=%s widens the cookie from %s to every host under %s; any of them can read or overwrite it.", d, host, d))
		}
	} else {
		n.Parsed = append(n.Parsed, "Domain: not set, so only this exact host gets it back (the safest scope)")
	}
	if p, ok := ck.attrs["path"]; ok && strings.HasPrefix(p, "/") {
		n.Parsed = append(n.Parsed, "Path="+p+": sent with requests under "+p+" (a convenience, not a security boundary)")
	} else {
		n.Parsed = append(n.Parsed, "Path: not set, so the directory of the request path applies")
	}
}

// cookieSecurity explains Secure, HttpOnly and SameSite, warning about the risky
// choices, and checks the __Secure- and __Host- name prefixes.
func cookieSecurity(n *HeaderNote, ck cookie, target *url.URL) {
	plain := target != nil && strings.EqualFold(target.Scheme, "http")
	if ck.has("secure") {
		n.Parsed = append(n.Parsed, "Secure: sent only over HTTPS")
		if plain {
			n.Warnings = append(n.Warnings, "Secure cookie set by a plain-http response: browsers refuse it.")
		}
	} else {
		n.Warnings = append(n.Warnings, "No Secure: the cookie also travels over plain http, where anyone on the path can read or change it.")
	}
	if ck.has("httponly") {
		n.Parsed = append(n.Parsed, "HttpOnly: hidden from page scripts (document.cookie)")
	} else {
		n.Warnings = append(n.Warnings, "No HttpOnly: page scripts can read it, so one XSS flaw can steal it.")
	}
	ss, hasSS := ck.attrs["samesite"]
	switch l := strings.ToLower(ss); {
	case !hasSS:
		n.Parsed = append(n.Parsed, "SameSite: not set; current browsers treat it as Lax")
	case l == "strict":
		n.Parsed = append(n.Parsed, "SameSite=Strict: never sent on requests from other sites")
	case l == "lax":
		n.Parsed = append(n.Parsed, "SameSite=Lax: sent from other sites only on top-level navigations with safe methods")
	case l == "none":
		n.Parsed = append(n.Parsed, "SameSite=None: sent on every cross-site request")
		n.Warnings = append(n.Warnings, "SameSite=None sends the cookie with requests other sites trigger: the server needs its own CSRF defence.")
		if !ck.has("secure") {
			n.Warnings = append(n.Warnings, "SameSite=None without Secure: browsers reject the cookie.")
		}
	default:
		n.Warnings = append(n.Warnings, fmt.Sprintf("SameSite=%s is not Strict, Lax or None; browsers use their default.", ss))
	}
	if ck.has("samesite") || ck.has("partitioned") {
		n.Refs = append(n.Refs, "RFC 6265bis §5.6.7")
	}
	cookiePrefix(n, ck)
}

// cookiePrefix checks the name prefixes browsers enforce (RFC 6265bis §4.1.3).
func cookiePrefix(n *HeaderNote, ck cookie) {
	switch {
	case strings.HasPrefix(ck.name, "__Secure-") && !ck.has("secure"):
		n.Warnings = append(n.Warnings, "A __Secure- cookie must have Secure; browsers reject this one.")
	case strings.HasPrefix(ck.name, "__Host-"):
		if !ck.has("secure") || ck.has("domain") || ck.attrs["path"] != "/" {
			n.Warnings = append(n.Warnings, "A __Host- cookie needs Secure, Path=/ and no Domain; browsers reject this one.")
		}
	}
}

// clipValue shortens long values for display.
func clipValue(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + fmt.Sprintf("… (%d bytes)", len(s))
}
