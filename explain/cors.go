package explain

import (
	"fmt"
	"slices"
	"strings"
)

// CORS is what a browser would do with the response for a page at Origin: whether
// the page may read it (or, for a preflight, whether the actual request may be
// sent), and every reason why not (the Fetch Standard's CORS protocol).
type CORS struct {
	Origin    string   `json:"origin"`
	Preflight bool     `json:"preflight"`
	Allowed   bool     `json:"allowed"`
	Reasons   []string `json:"reasons"`
	// MaxAgeS is how long a browser keeps a preflight answer; -1 when not a preflight.
	MaxAgeS int64 `json:"max_age_s"`
	// Exposed lists the response fields a script may read beyond the safelisted ones.
	Exposed []string `json:"exposed"`
}

// The Fetch Standard is a living standard: sections are cited by their anchors.
const (
	fetchCORSProtocol  = "Fetch Standard #http-cors-protocol"
	fetchCORSCheck     = "Fetch Standard #cors-check"
	fetchPreflight     = "Fetch Standard #cors-preflight-fetch"
	fetchPreflightAuth = "Fetch Standard #cors-protocol-and-credentials"
	fetchCORSCaches    = "Fetch Standard #cors-protocol-and-http-caches"
	fetchPreflightMax  = "Fetch Standard #http-access-control-max-age"
	fetchExposed       = "Fetch Standard #cors-safelisted-response-header-name"
)

// corsSafelistedResponse are the response fields a script reads without
// Access-Control-Expose-Headers.
var corsSafelistedResponse = []string{"cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma"}

// analyzeCORS explains the exchange as a browser's CORS check would see it. It
// returns nil when the request carried no Origin (or is unknown) and the response
// no CORS fields: then there is nothing to say.
func analyzeCORS(x Exchange) (*CORS, []Finding) {
	resp := x.Response.Fields
	origin, hasOrigin := first(requestFields(x), "Origin")
	acao := lines(resp, "Access-Control-Allow-Origin")
	if !hasOrigin {
		if len(acao) == 0 || !fieldsKnown(x) {
			return nil, nil
		}
		return nil, []Finding{newFinding("cors-no-origin", Info, "CORS fields, but the request sent no Origin",
			"The response carries Access-Control-Allow-Origin, but the request had no Origin, so this was not a CORS request and no browser check applied. Add Origin: https://your.site to the request to see what a page on that site would get.",
			fetchCORSProtocol)}
	}
	c := &CORS{Origin: origin, MaxAgeS: -1, Exposed: []string{}, Reasons: []string{}}
	reqFields := requestFields(x)
	c.Preflight = methodOf(x) == "OPTIONS" && has(reqFields, "Access-Control-Request-Method")
	credentialed := has(reqFields, "Cookie") || has(reqFields, "Authorization")
	acac, _ := first(resp, "Access-Control-Allow-Credentials")
	var out []Finding
	block := func(id, title, detail string, refs ...string) {
		c.Reasons = append(c.Reasons, title)
		out = append(out, newFinding(id, Error, title, detail, refs...))
	}
	switch {
	case len(acao) == 0:
		block("cors-origin", "No Access-Control-Allow-Origin: the browser blocks the page",
			fmt.Sprintf("A page at %s may not read a cross-origin response without Access-Control-Allow-Origin naming it (or *). The request still reached the server; only the reading is blocked.", origin),
			fetchCORSCheck)
	case len(acao) > 1 || strings.Contains(acao[0], ","):
		block("cors-origin", "Access-Control-Allow-Origin has more than one value",
			"Browsers accept exactly one origin or *; a list (or the field twice) fails the check. Echo the request's Origin instead, with Vary: Origin.",
			fetchCORSCheck)
	case acao[0] == "*" && credentialed:
		block("cors-credentials-wildcard", "Access-Control-Allow-Origin: * on a request with credentials",
			"The request carried Cookie or Authorization. When a page sends credentials, * does not count: the server must echo the exact origin ("+origin+") and send Access-Control-Allow-Credentials: true.",
			fetchCORSCheck, fetchPreflightAuth)
	case acao[0] != "*" && acao[0] != origin:
		block("cors-origin", "Access-Control-Allow-Origin does not match the Origin",
			fmt.Sprintf("The page's origin is %s but the response allows %s. The comparison is exact (scheme, host and port, no trailing slash), so the browser blocks the page.", origin, acao[0]),
			fetchCORSCheck)
	}
	if credentialed && len(c.Reasons) == 0 && acac != "true" {
		block("cors-credentials", "Credentials without Access-Control-Allow-Credentials: true",
			"The request carried Cookie or Authorization; a browser exposes a credentialed response only when it says Access-Control-Allow-Credentials: true (exactly that value).",
			fetchCORSCheck, fetchPreflightAuth)
	}
	if c.Preflight {
		out = append(out, preflightFindings(x, c, credentialed, block)...)
	}
	if len(acao) == 1 && acao[0] != "*" && !varyLists(resp, "Origin") {
		out = append(out, newFinding("cors-vary-origin", Warning, "Per-origin Access-Control-Allow-Origin without Vary: Origin",
			"The answer names one origin, so it differs per origin; without Vary: Origin a cache may serve this copy to a page from another origin, and the browser then blocks that page.",
			fetchCORSCaches, "RFC 9110 §12.5.5"))
	}
	if !c.Preflight {
		c.Exposed = corsExposed(resp, credentialed)
	}
	c.Allowed = len(c.Reasons) == 0
	verdict := corsVerdict(c)
	if c.Allowed && !c.Preflight && has(resp, "ETag") && !slices.ContainsFunc(c.Exposed, func(s string) bool { return strings.EqualFold(s, "ETag") }) {
		// The conditional-write lesson: an unexposed ETag cannot become If-Match.
		verdict.Detail += " The ETag is not exposed, so a script cannot read it and cannot send it back in If-Match; add ETag to Access-Control-Expose-Headers."
	}
	out = append(out, verdict)
	return c, out
}

// preflightFindings checks a preflight's answer against Access-Control-Request-Method
// and -Headers, its status, and how long the browser will cache it.
func preflightFindings(x Exchange, c *CORS, credentialed bool, block func(id, title, detail string, refs ...string)) []Finding {
	resp, req := x.Response.Fields, requestFields(x)
	if x.Response.Status < 200 || x.Response.Status > 299 {
		block("cors-preflight-status", fmt.Sprintf("Preflight answered %d", x.Response.Status),
			"A preflight must succeed with a 2xx (an ok status); anything else fails it, whatever the Access-Control fields say. A 401 is common: preflights never carry credentials, so do not require them for OPTIONS.",
			fetchPreflight)
	}
	// A preflight never carries credentials; whether the actual request will is
	// unknown, so * counts as a wildcard here only when credentials are not meant.
	wild := !credentialed && !has(resp, "Access-Control-Allow-Credentials")
	method, _ := first(req, "Access-Control-Request-Method")
	allowed := values(resp, "Access-Control-Allow-Methods")
	switch {
	case method == "GET" || method == "HEAD" || method == "POST":
		// CORS-safelisted methods need no listing.
	case slices.Contains(allowed, method), wild && slices.Contains(allowed, "*"):
	default:
		block("cors-preflight-method", "Method "+method+" not allowed by the preflight",
			fmt.Sprintf("The browser asked to send %s; Access-Control-Allow-Methods (%s) does not list it, so the actual request is never sent. Methods compare case-sensitively.", method, listOrNone(allowed)),
			fetchPreflight)
	}
	allowedHeaders := values(resp, "Access-Control-Allow-Headers")
	var missing []string
	for _, h := range values(req, "Access-Control-Request-Headers") {
		star := wild && slices.Contains(allowedHeaders, "*") && !strings.EqualFold(h, "authorization")
		if !star && !slices.ContainsFunc(allowedHeaders, func(a string) bool { return strings.EqualFold(a, h) }) {
			missing = append(missing, h)
		}
	}
	if len(missing) > 0 {
		block("cors-preflight-headers", "Request headers not allowed by the preflight: "+strings.Join(missing, ", "),
			fmt.Sprintf("Access-Control-Allow-Headers (%s) must list every header the page wants to send (names compare case-insensitively; * never covers Authorization). The actual request is never sent.", listOrNone(allowedHeaders)),
			fetchPreflight)
	}
	var out []Finding
	c.MaxAgeS = 5
	detail := "Without Access-Control-Max-Age the browser caches this preflight for 5 s, so nearly every request is preceded by another OPTIONS."
	if v, ok := first(resp, "Access-Control-Max-Age"); ok {
		if n, ok := ccDeltaSeconds(v); ok {
			c.MaxAgeS = n
			detail = fmt.Sprintf("The browser may reuse this preflight for %s for the same method and headers; browsers cap it (Chromium at 2 h, Firefox at 24 h).", secondsWords(n))
		} else {
			detail = fmt.Sprintf("Access-Control-Max-Age %q is not a whole number of seconds; the browser uses its default of 5 s.", v)
		}
	}
	out = append(out, newFinding("cors-max-age", Info, fmt.Sprintf("Preflight cached for %d s", c.MaxAgeS), detail, fetchPreflightMax))
	return out
}

// corsExposed lists the response fields a script may read beyond the safelisted
// ones (* exposes all but Set-Cookie, and only without credentials).
func corsExposed(resp []Field, credentialed bool) []string {
	exposed := values(resp, "Access-Control-Expose-Headers")
	if slices.Contains(exposed, "*") && !credentialed {
		var all []string
		for _, f := range resp {
			n := strings.ToLower(f.Name)
			if !slices.Contains(corsSafelistedResponse, n) && n != "set-cookie" && !slices.Contains(all, f.Name) {
				all = append(all, f.Name)
			}
		}
		return append([]string{}, all...)
	}
	// Never nil: --json shows [] for "nothing exposed".
	return append([]string{}, slices.DeleteFunc(exposed, func(s string) bool { return s == "*" })...)
}

// corsVerdict sums up: allowed or blocked, and what a script sees.
func corsVerdict(c *CORS) Finding {
	what := "the page at " + c.Origin + " may read this response"
	if c.Preflight {
		what = "the browser will send the actual request from " + c.Origin
	}
	if !c.Allowed {
		blocked := "A browser does not let the page at " + c.Origin + " read this response"
		if c.Preflight {
			blocked = "A browser does not send the actual request from " + c.Origin
		}
		// Info: the reasons above carry the errors; this is the summary.
		return newFinding("cors-verdict", Info, "CORS: blocked for "+c.Origin,
			blocked+": "+strings.Join(c.Reasons, "; ")+".", fetchCORSCheck)
	}
	detail := "The CORS check passes: " + what + "."
	if !c.Preflight {
		detail += " A script sees the safelisted fields (Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified, Pragma)"
		if len(c.Exposed) > 0 {
			detail += " and " + strings.Join(c.Exposed, ", ") + " (Access-Control-Expose-Headers)"
		}
		detail += "; every other field reads as absent."
	}
	return newFinding("cors-verdict", Info, "CORS: allowed for "+c.Origin, detail, fetchCORSCheck, fetchExposed)
}

// varyLists reports whether Vary names the field (or is *).
func varyLists(fs []Field, name string) bool {
	// headers.List.HasToken, twice, without the slices its Tokens make.
	var buf [8]string
	for _, m := range appendValues(buf[:0], fs, "Vary") {
		if m == "*" || equalFoldASCII(m, name) {
			return true
		}
	}
	return false
}

func listOrNone(l []string) string {
	if len(l) == 0 {
		return "absent"
	}
	return strings.Join(l, ", ")
}
