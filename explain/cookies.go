package explain

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Cookie is one Set-Cookie line as a browser would store it (RFC 6265 §5.2, §5.3 and
// RFC 6265bis): its scope, lifetime and flags, or why the browser rejects it.
type Cookie struct {
	Name string `json:"name"`
	// Domain is the host the cookie goes back to; HostOnly says only that exact host
	// (no Domain attribute), else the domain and its subdomains.
	Domain   string `json:"domain"`
	HostOnly bool   `json:"host_only"`
	Path     string `json:"path"`
	// Lifetime is "session", "delete" or "persistent"; MaxAgeS the seconds to keep
	// it (Max-Age over Expires), -1 for a session cookie.
	Lifetime    string `json:"lifetime"`
	MaxAgeS     int64  `json:"max_age_s"`
	Secure      bool   `json:"secure"`
	HTTPOnly    bool   `json:"http_only"`
	SameSite    string `json:"same_site"` // Strict, Lax, None, or "" (browsers use Lax)
	Partitioned bool   `json:"partitioned"`
	// Rejected says why a browser ignores the whole line; empty when it stores it.
	Rejected string `json:"rejected,omitempty"`
}

// ParseSetCookie reads one Set-Cookie value received in answer to a request for
// setURL (which may be nil when unknown: then host and scheme rules are skipped).
// received is when the response arrived, used to place Expires in time.
func ParseSetCookie(value string, setURL *url.URL, received time.Time) Cookie {
	ck, problem := parseCookie(value)
	c := Cookie{Name: ck.name, MaxAgeS: -1, Lifetime: "session", Path: "/"}
	if problem != "" {
		c.Rejected = problem
		return c
	}
	host := ""
	if setURL != nil {
		host = strings.ToLower(setURL.Hostname())
		c.Path = defaultCookiePath(setURL.Path)
	}
	c.Domain, c.HostOnly = host, true
	if d := strings.ToLower(strings.TrimPrefix(ck.attrs["domain"], ".")); d != "" {
		c.Domain, c.HostOnly = d, false
		if host != "" && host != d && !strings.HasSuffix(host, "."+d) {
			c.Rejected = fmt.Sprintf("Domain=%s does not cover the host %s (RFC 6265 §5.3 step 6)", d, host)
		}
	}
	if p := ck.attrs["path"]; strings.HasPrefix(p, "/") {
		c.Path = p
	}
	c.Secure, c.HTTPOnly, c.Partitioned = ck.has("secure"), ck.has("httponly"), ck.has("partitioned")
	switch ss := strings.ToLower(ck.attrs["samesite"]); ss {
	case "strict", "lax", "none":
		c.SameSite = strings.ToUpper(ss[:1]) + ss[1:]
	}
	cookieLifetimeOf(&c, ck, received)
	if c.Rejected == "" {
		c.Rejected = cookieRejection(c, setURL)
	}
	return c
}

// cookieLifetimeOf applies Max-Age over Expires (RFC 6265 §5.3 step 3).
func cookieLifetimeOf(c *Cookie, ck cookie, received time.Time) {
	if v, ok := ck.attrs["max-age"]; ok && isDigitRun(strings.TrimPrefix(v, "-")) {
		n, _ := ccDeltaSeconds(strings.TrimPrefix(v, "-"))
		if strings.HasPrefix(v, "-") || n == 0 {
			c.Lifetime, c.MaxAgeS = "delete", 0
			return
		}
		c.Lifetime, c.MaxAgeS = "persistent", n
		return
	}
	if t, _, ok := parseHTTPDate(ck.attrs["expires"]); ok {
		if received.IsZero() {
			c.Lifetime = "persistent"
			return
		}
		if d := t.Sub(received); d > 0 {
			c.Lifetime, c.MaxAgeS = "persistent", int64(d/time.Second)
		} else {
			c.Lifetime, c.MaxAgeS = "delete", 0
		}
	}
}

// cookieRejection says why a browser refuses a well-formed cookie: SameSite=None
// without Secure, Secure from plain http, and the name prefixes (RFC 6265bis §4.1.3,
// §5.6).
func cookieRejection(c Cookie, setURL *url.URL) string {
	plain := setURL != nil && strings.EqualFold(setURL.Scheme, "http") && !isLoopbackHost(setURL.Hostname())
	switch {
	case c.SameSite == "None" && !c.Secure:
		return "SameSite=None without Secure: browsers reject it"
	case c.Secure && plain:
		return "Secure cookie set by a plain-http response: browsers refuse it"
	case strings.HasPrefix(c.Name, "__Secure-") && !c.Secure:
		return "a __Secure- cookie must have Secure"
	case strings.HasPrefix(c.Name, "__Host-") && (!c.Secure || !c.HostOnly || c.Path != "/"):
		return "a __Host- cookie needs Secure, Path=/ and no Domain"
	case c.Partitioned && !c.Secure:
		return "Partitioned requires Secure"
	}
	return ""
}

// isLoopbackHost: browsers treat http://localhost and 127.0.0.1 as secure contexts.
func isLoopbackHost(h string) bool {
	return h == "localhost" || h == "127.0.0.1" || h == "::1" || strings.HasSuffix(h, ".localhost")
}

// defaultCookiePath is the directory of the request path (RFC 6265 §5.1.4).
func defaultCookiePath(p string) string {
	if !strings.HasPrefix(p, "/") {
		return "/"
	}
	i := strings.LastIndex(p, "/")
	if i <= 0 {
		return "/"
	}
	return p[:i]
}

// SentTo says whether a browser holding c sends it with a request to u, and why
// (RFC 6265 §5.4 and RFC 6265bis §5.8.3). crossSite says the request is triggered by
// a page of another site; topLevelSafe that it is a top-level navigation with a safe
// method (the case SameSite=Lax lets through).
func (c Cookie) SentTo(u *url.URL, crossSite, topLevelSafe bool) (bool, string) {
	if c.Rejected != "" {
		return false, "never stored: " + c.Rejected
	}
	if c.Lifetime == "delete" {
		return false, "Max-Age or Expires deleted it"
	}
	host := strings.ToLower(u.Hostname())
	switch {
	case c.HostOnly && host != c.Domain:
		return false, fmt.Sprintf("host-only cookie of %s; %s is another host", c.Domain, host)
	case !c.HostOnly && host != c.Domain && !strings.HasSuffix(host, "."+c.Domain):
		return false, fmt.Sprintf("%s is outside Domain=%s", host, c.Domain)
	case !cookiePathMatch(u.Path, c.Path):
		return false, fmt.Sprintf("path %s is outside Path=%s", pathOrSlash(u.Path), c.Path)
	case c.Secure && !strings.EqualFold(u.Scheme, "https") && !isLoopbackHost(host):
		return false, "Secure cookie, and the request is not over https"
	case crossSite && c.SameSite == "Strict":
		return false, "SameSite=Strict, and the request comes from another site"
	case crossSite && c.SameSite != "None" && !topLevelSafe:
		return false, "SameSite=" + sameSiteName(c.SameSite) + ", and this cross-site request is not a top-level navigation with a safe method"
	}
	return true, fmt.Sprintf("domain, path%s match", map[bool]string{true: ", scheme", false: ""}[c.Secure])
}

func sameSiteName(s string) string {
	if s == "" {
		return "Lax (the default)"
	}
	return s
}

func pathOrSlash(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

// cookiePathMatch is RFC 6265 §5.1.4 path-match.
func cookiePathMatch(reqPath, cookiePath string) bool {
	reqPath = pathOrSlash(reqPath)
	if reqPath == cookiePath {
		return true
	}
	return strings.HasPrefix(reqPath, cookiePath) && (strings.HasSuffix(cookiePath, "/") || reqPath[len(cookiePath)] == '/')
}

// cookieFindings explains every Set-Cookie line: rejected ones as warnings, the rest
// as one line each on scope, lifetime and flags.
func cookieFindings(x Exchange) ([]Cookie, []Finding) {
	sets := lines(x.Response.Fields, "Set-Cookie")
	if len(sets) == 0 {
		return nil, nil
	}
	var target *url.URL
	if x.Request != nil {
		if u, err := url.Parse(x.Request.URL); err == nil && u.IsAbs() {
			target = u
		}
	}
	cookies := make([]Cookie, 0, len(sets))
	out := make([]Finding, 0, len(sets)) // one finding a line
	for _, v := range sets {
		c := ParseSetCookie(v, target, x.Received)
		cookies = append(cookies, c)
		if c.Rejected != "" {
			out = append(out, newFinding("cookie-rejected", Warning, "Cookie "+orUnnamed(c.Name)+" rejected by browsers",
				"A browser ignores this Set-Cookie line: "+c.Rejected+". Nothing is stored, and the next request goes without it.",
				"RFC 6265 §5.2", "RFC 6265 §5.3", "RFC 6265bis §4.1.3", "RFC 6265bis §5.6.7"))
			continue
		}
		out = append(out, newFinding("cookie", Info, cookieTitle(c), cookieDetail(c),
			"RFC 6265 §5.3", "RFC 6265 §5.4", "RFC 6265bis §5.6.7"))
	}
	return cookies, out
}

func orUnnamed(n string) string {
	if n == "" {
		return "(unnamed)"
	}
	return n
}

// cookieTitle is the finding's title: the name, the scope and the lifetime.
// Title and detail are written into buffers on the stack and copied once each.
func cookieTitle(c Cookie) string {
	b := make([]byte, 0, 128)
	b = append(append(append(b, "Cookie "...), c.Name...), ": "...)
	if c.Lifetime == "delete" {
		return string(append(b, "deleted"...))
	}
	if !c.HostOnly {
		b = append(b, "*."...)
	}
	b = append(append(b, c.Domain...), c.Path...)
	switch {
	case c.Lifetime == "persistent" && c.MaxAgeS >= 0:
		b = append(append(b, " for "...), secondsWords(c.MaxAgeS)...)
	case c.Lifetime == "persistent":
		b = append(b, " until Expires"...)
	default:
		b = append(b, " for the session"...)
	}
	return string(b)
}

// cookieDetail says when the cookie goes back and what guards it.
func cookieDetail(c Cookie) string {
	b := make([]byte, 0, 512)
	if c.HostOnly {
		b = append(append(append(b, "Sent back only to "...), orUnknownHost(c.Domain)...), " (no Domain), "...)
	} else {
		b = append(append(append(b, "Sent back to "...), c.Domain...), " and every subdomain, "...)
	}
	b = append(append(b, "for paths under "...), c.Path...)
	if c.Secure {
		b = append(b, ", over https only"...)
	}
	b = append(b, ". "...)
	if c.HTTPOnly {
		b = append(b, "HttpOnly: scripts cannot read it. "...)
	} else {
		b = append(b, "Scripts can read it (no HttpOnly). "...)
	}
	switch c.SameSite {
	case "Strict":
		b = append(b, "SameSite=Strict: never sent on requests other sites start."...)
	case "None":
		b = append(b, "SameSite=None: sent on cross-site requests too."...)
	default:
		b = append(append(append(b, "SameSite "...), sameSiteName(c.SameSite)...), ": sent cross-site only on top-level navigations with a safe method."...)
	}
	if c.Partitioned {
		b = append(b, " Partitioned: kept per top-level site, so an embedded third party gets a separate jar on each site."...)
	}
	return string(b)
}

func orUnknownHost(h string) string {
	if h == "" {
		return "the host that set it"
	}
	return h
}
