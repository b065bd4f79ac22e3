package explain

import (
	"strings"
)

// securityFindings explains the security fields present, briefly and always as info,
// through the same parsers as the header notes. Their absence is only mentioned on
// an HTML page, where it matters; an API response is never nagged.
func securityFindings(x Exchange) []Finding {
	// Each id is written out so the catalogue test can see it.
	out := securityNote(nil, x, "Strict-Transport-Security", newFinding("hsts", Info, "", ""))
	out = securityNote(out, x, "X-Content-Type-Options", newFinding("nosniff", Info, "", ""))
	out = securityNote(out, x, "Content-Security-Policy", newFinding("csp", Info, "", ""))
	out = securityNote(out, x, "Content-Security-Policy-Report-Only", newFinding("csp", Info, "", ""))
	out = securityNote(out, x, "X-Frame-Options", newFinding("framing", Info, "", ""))
	out = securityNote(out, x, "Referrer-Policy", newFinding("referrer-policy", Info, "", ""))
	if missing := htmlMissingSecurity(x); len(missing) > 0 {
		out = append(out, newFinding("security-missing", Info, "HTML page without "+strings.Join(missing, ", "),
			"This is an HTML page, where browsers apply these defences: X-Content-Type-Options: nosniff stops type guessing; Content-Security-Policy limits what scripts may run; frame-ancestors (or X-Frame-Options) stops other sites framing it (clickjacking). Which policy fits is the site's decision.",
			"Fetch Standard §3.5", "W3C CSP Level 3 §3.1", "RFC 7034 §2"))
	}
	return out
}

// securityNote fills f from the header note of the named field, when present.
func securityNote(out []Finding, x Exchange, name string, f Finding) []Finding {
	v, ok := first(x.Response.Fields, name)
	if !ok {
		return out
	}
	n := NoteFor(Field{Name: name, Value: v}, x)
	f.Title, f.Detail, f.Refs = name+": "+clipValue(v, 60), n.Meaning, n.Refs
	if len(n.Parsed) > 0 {
		f.Detail += " " + strings.Join(n.Parsed, "; ") + "."
	}
	if len(n.Warnings) > 0 {
		f.Detail += " " + strings.Join(n.Warnings, " ")
	}
	return append(out, f)
}

// htmlMissingSecurity lists the defences an HTML response lacks.
func htmlMissingSecurity(x Exchange) []string {
	ct, _ := first(x.Response.Fields, "Content-Type")
	if !strings.HasPrefix(strings.ToLower(ct), "text/html") || x.Response.Status < 200 || x.Response.Status > 299 {
		return nil
	}
	var missing []string
	if !has(x.Response.Fields, "X-Content-Type-Options") {
		missing = append(missing, "nosniff")
	}
	csp, hasCSP := first(x.Response.Fields, "Content-Security-Policy")
	if !hasCSP {
		missing = append(missing, "Content-Security-Policy")
	}
	if !has(x.Response.Fields, "X-Frame-Options") && !strings.Contains(strings.ToLower(csp), "frame-ancestors") {
		missing = append(missing, "framing protection")
	}
	return missing
}
