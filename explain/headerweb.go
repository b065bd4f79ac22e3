package explain

import (
	"fmt"
	"net/url"
	"strings"
)

func noteAllowOrigin(n *HeaderNote, c noteContext) {
	credentials, _ := first(c.x.Response.Fields, "Access-Control-Allow-Credentials")
	switch v := c.value; {
	case v == "*":
		n.Parsed = append(n.Parsed, "any origin: every site's pages may read this response (but not with credentials)")
		if credentials == "true" {
			n.Warnings = append(n.Warnings, "* together with Access-Control-Allow-Credentials: true: browsers refuse to expose a credentialed response to *.")
		}
	case strings.EqualFold(v, "null"):
		n.Parsed = append(n.Parsed, "the origin null: sandboxed frames, file: pages and some redirects")
		n.Warnings = append(n.Warnings, "Allowing null is risky: any site can produce a null origin from a sandboxed iframe.")
	case strings.Contains(v, ",") || strings.Contains(v, " "):
		n.Warnings = append(n.Warnings, "Only one origin is allowed here; a list makes browsers reject the response. Echo the request's Origin instead, with Vary: Origin.")
	default:
		u, err := url.Parse(v)
		if err != nil || u.Scheme == "" || u.Host == "" || (u.Path != "" && u.Path != "/") {
			n.Warnings = append(n.Warnings, fmt.Sprintf("%q is not an origin (scheme://host[:port]).", v))
			return
		}
		n.Parsed = append(n.Parsed, "only pages from "+v+" may read this response")
		vary := strings.ToLower(strings.Join(values(c.x.Response.Fields, "Vary"), ","))
		if !strings.Contains(vary, "origin") && vary != "*" {
			n.Warnings = append(n.Warnings, "A specific origin without Vary: Origin: a cache may hand this answer to a page from another origin, which the browser then blocks.")
		}
	}
}

func noteAllowCredentials(n *HeaderNote, c noteContext) {
	if c.value == "true" {
		n.Parsed = append(n.Parsed, "true: the page may read the response even when the request carried cookies or HTTP auth")
		return
	}
	n.Warnings = append(n.Warnings, fmt.Sprintf("%q means nothing: only the exact value true is recognised; leave the field out otherwise.", c.value))
}

func noteMaxAge(n *HeaderNote, c noteContext) {
	secs, ok := ccDeltaSeconds(c.value)
	if !ok {
		n.Warnings = append(n.Warnings, fmt.Sprintf("%q is not a whole number of seconds; the browser uses its default (5 s).", c.value))
		return
	}
	n.Parsed = append(n.Parsed, "preflight cached for "+secondsLine(secs)+" (browsers cap it, at 2 h in Chromium)")
}

func noteHSTS(n *HeaderNote, c noteContext) {
	seen := map[string]bool{}
	var maxAge int64 = -1
	for _, d := range splitParams(c.value) {
		if d == "" {
			continue
		}
		k, v, _ := strings.Cut(d, "=")
		k = strings.ToLower(strings.TrimSpace(k))
		if seen[k] {
			n.Warnings = append(n.Warnings, k+" appears twice; browsers ignore the whole field.")
		}
		seen[k] = true
		v = strings.Trim(strings.TrimSpace(v), `"`)
		switch k {
		case "max-age":
			if secs, ok := ccDeltaSeconds(v); ok {
				maxAge = secs
				n.Parsed = append(n.Parsed, "max-age: HTTPS only for "+secondsLine(secs))
			} else {
				n.Warnings = append(n.Warnings, fmt.Sprintf("max-age=%s is not a number of seconds.", v))
			}
		case "includesubdomains":
			n.Parsed = append(n.Parsed, "includeSubDomains: every subdomain too")
		case "preload":
			n.Parsed = append(n.Parsed, "preload: asks to be built into browsers' HSTS lists")
		default:
			n.Parsed = append(n.Parsed, k+": unknown directive; ignored")
		}
	}
	switch {
	case maxAge < 0:
		n.Warnings = append(n.Warnings, "No valid max-age: browsers ignore the field.")
	case maxAge == 0:
		n.Parsed = append(n.Parsed, "max-age=0 tells the browser to forget the policy")
	}
	if seen["preload"] && (maxAge < 31536000 || !seen["includesubdomains"]) {
		n.Warnings = append(n.Warnings, "preload needs max-age of at least a year and includeSubDomains to be accepted in the preload lists.")
	}
	if strings.HasPrefix(strings.ToLower(c.requestURL()), "http://") {
		n.Warnings = append(n.Warnings, "Received over plain http: browsers ignore HSTS unless it arrives over HTTPS.")
		n.Refs = append(n.Refs, "RFC 6797 §8.1")
	}
}

func noteCSP(n *HeaderNote, c noteContext) {
	if strings.HasSuffix(strings.ToLower(n.Name), "-report-only") {
		n.Parsed = append(n.Parsed, "report only: violations are reported, nothing is blocked")
	}
	for i, policy := range strings.Split(c.value, ",") {
		if i > 0 {
			n.Parsed = append(n.Parsed, "another policy (each is enforced; content must pass all):")
		}
		for _, d := range strings.Split(policy, ";") {
			fields := strings.Fields(d)
			if len(fields) == 0 {
				continue
			}
			name := strings.ToLower(fields[0])
			n.Parsed = append(n.Parsed, name+": "+strings.Join(fields[1:], " "))
			cspWarnings(n, name, fields[1:])
		}
	}
}

// cspWarnings flags the source expressions that undo a script policy.
func cspWarnings(n *HeaderNote, name string, sources []string) {
	if name != "script-src" && name != "default-src" && name != "script-src-elem" {
		return
	}
	for _, s := range sources {
		switch strings.ToLower(s) {
		case "'unsafe-inline'":
			n.Warnings = append(n.Warnings, name+" allows 'unsafe-inline': injected inline scripts run, which defeats most of the XSS protection.")
		case "'unsafe-eval'":
			n.Warnings = append(n.Warnings, name+" allows 'unsafe-eval': eval() and friends can run strings as code.")
		case "*", "http:", "https:", "data:":
			n.Warnings = append(n.Warnings, name+" allows "+s+": scripts from almost anywhere may load.")
		}
	}
}

func noteNoSniff(n *HeaderNote, c noteContext) {
	if strings.EqualFold(c.value, "nosniff") {
		n.Parsed = append(n.Parsed, "nosniff: scripts and styles with the wrong Content-Type are blocked")
		return
	}
	n.Warnings = append(n.Warnings, fmt.Sprintf("%q: the only value is nosniff; anything else is ignored.", c.value))
}

func noteFrameOptions(n *HeaderNote, c noteContext) {
	switch v := strings.ToUpper(c.value); {
	case v == "DENY":
		n.Parsed = append(n.Parsed, "DENY: no site may frame this page")
	case v == "SAMEORIGIN":
		n.Parsed = append(n.Parsed, "SAMEORIGIN: only pages of this origin may frame it")
	case strings.HasPrefix(v, "ALLOW-FROM"):
		n.Warnings = append(n.Warnings, "ALLOW-FROM is not supported by current browsers; they ignore the field. Use CSP frame-ancestors.")
	default:
		n.Warnings = append(n.Warnings, fmt.Sprintf("%q is not DENY or SAMEORIGIN; browsers ignore it.", c.value))
	}
}

func noteReferrerPolicy(n *HeaderNote, c noteContext) {
	known := map[string]string{
		"no-referrer":                     "never send a Referer",
		"no-referrer-when-downgrade":      "the full URL, except from HTTPS to http",
		"origin":                          "only the origin, everywhere",
		"origin-when-cross-origin":        "the full URL within the origin, only the origin elsewhere",
		"same-origin":                     "the full URL within the origin, nothing elsewhere",
		"strict-origin":                   "only the origin, and nothing from HTTPS to http",
		"strict-origin-when-cross-origin": "the full URL within the origin, the origin elsewhere, nothing on downgrade (the default)",
		"unsafe-url":                      "the full URL, query included, everywhere",
	}
	for _, m := range splitList(c.value) {
		meaning, ok := known[strings.ToLower(m)]
		if !ok {
			n.Parsed = append(n.Parsed, m+": unknown; skipped (the last known value wins)")
			continue
		}
		n.Parsed = append(n.Parsed, m+": "+meaning)
		if strings.EqualFold(m, "unsafe-url") {
			n.Warnings = append(n.Warnings, "unsafe-url leaks the full URL, tokens in the query included, to every site linked from the page.")
		}
	}
}

func noteServerTiming(n *HeaderNote, c noteContext) {
	for _, m := range splitList(c.value) {
		parts := splitParams(m)
		line := parts[0]
		for _, p := range parts[1:] {
			k, v, _ := strings.Cut(p, "=")
			v = strings.TrimSpace(v)
			if u, ok := cacheUnquote(v); ok {
				v = u
			}
			switch strings.ToLower(strings.TrimSpace(k)) {
			case "dur":
				line += ": " + v + " ms"
			case "desc":
				line += " (" + v + ")"
			}
		}
		n.Parsed = append(n.Parsed, "metric "+line)
	}
}

func noteAltSvc(n *HeaderNote, c noteContext) {
	if strings.EqualFold(c.value, "clear") {
		n.Parsed = append(n.Parsed, "clear: forget every alternative service for this origin")
		return
	}
	for _, m := range splitList(c.value) {
		parts := splitParams(m)
		proto, authority, ok := strings.Cut(parts[0], "=")
		if !ok {
			n.Warnings = append(n.Warnings, fmt.Sprintf("%q is not protocol=\"host:port\".", parts[0]))
			continue
		}
		authority = strings.Trim(authority, `"`)
		line := fmt.Sprintf("%s at %s", proto, authority)
		maxAge := "for 24 h (the default)"
		for _, p := range parts[1:] {
			if k, v, _ := strings.Cut(p, "="); strings.EqualFold(strings.TrimSpace(k), "ma") {
				if secs, ok := ccDeltaSeconds(strings.TrimSpace(v)); ok {
					maxAge = "for " + secondsLine(secs)
				}
			}
		}
		n.Parsed = append(n.Parsed, line+", "+maxAge)
	}
}

func noteLink(n *HeaderNote, c noteContext) {
	base, _ := url.Parse(c.requestURL())
	for _, link := range splitLinks(c.value) {
		open, end := strings.IndexByte(link, '<'), strings.IndexByte(link, '>')
		if open != 0 || end < 0 {
			n.Warnings = append(n.Warnings, fmt.Sprintf("%q: a link starts with the URI in angle brackets, <...>.", link))
			continue
		}
		target := link[1:end]
		if ref, err := url.Parse(target); err == nil && base != nil && base.IsAbs() {
			target = base.ResolveReference(ref).String()
		}
		rel := "(no rel: the link has no defined meaning)"
		var extra []string
		for _, p := range splitParams(link[end+1:])[1:] {
			k, v, _ := strings.Cut(p, "=")
			v = strings.Trim(strings.TrimSpace(v), `"`)
			if strings.EqualFold(strings.TrimSpace(k), "rel") {
				rel = "rel=" + v
			} else {
				extra = append(extra, strings.TrimSpace(p))
			}
		}
		line := rel + ": " + target
		if len(extra) > 0 {
			line += " (" + strings.Join(extra, "; ") + ")"
		}
		n.Parsed = append(n.Parsed, line)
	}
}

// splitLinks splits a Link value on commas outside <...> and quoted strings.
func splitLinks(v string) []string {
	var out []string
	start, inURI, inQuote := 0, false, false
	for i := 0; i < len(v); i++ {
		switch ch := v[i]; {
		case ch == '<' && !inQuote:
			inURI = true
		case ch == '>' && !inQuote:
			inURI = false
		case ch == '"' && !inURI:
			inQuote = !inQuote
		case ch == ',' && !inURI && !inQuote:
			if s := strings.TrimSpace(v[start:i]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(v[min(start, len(v)):]); s != "" {
		out = append(out, s)
	}
	return out
}
