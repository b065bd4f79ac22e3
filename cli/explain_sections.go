package cli

import (
	"fmt"
	"strings"

	"github.com/httplens/httplens/explain"
)

// writeCORSAndCookies prints the CORS verdict and the cookies as a browser would
// store them, when the report has them. Every value came from the network, so it
// goes through printableText.
func writeCORSAndCookies(b *strings.Builder, r explain.Report) {
	if c := r.CORS; c != nil {
		b.WriteString("\nCORS\n")
		what := "read"
		if c.Preflight {
			what = "preflight"
		}
		verdict := "allowed"
		if !c.Allowed {
			verdict = "blocked: " + strings.Join(c.Reasons, "; ")
		}
		line := fmt.Sprintf("%s from %s: %s", what, c.Origin, verdict)
		if c.Preflight && c.MaxAgeS >= 0 {
			line += fmt.Sprintf(" · cached %d s", c.MaxAgeS)
		}
		if len(c.Exposed) > 0 {
			line += " · exposes " + strings.Join(c.Exposed, ", ")
		}
		wrapTo(b, "  ", printableText(line))
	}
	if len(r.Cookies) == 0 {
		return
	}
	b.WriteString("\nCOOKIES\n")
	for _, c := range r.Cookies {
		wrapTo(b, "  ", printableText(cookieLine(c)))
	}
}

// cookieLine is one cookie in a line: name, scope, lifetime, flags, or why it is
// rejected.
func cookieLine(c explain.Cookie) string {
	if c.Rejected != "" {
		return c.Name + ": rejected: " + c.Rejected
	}
	scope := c.Domain + c.Path
	if !c.HostOnly {
		scope = "*." + scope
	}
	life := c.Lifetime
	if c.Lifetime == "persistent" && c.MaxAgeS >= 0 {
		life = fmt.Sprintf("%d s", c.MaxAgeS)
	}
	flags := []string{}
	for _, f := range []struct {
		on   bool
		name string
	}{{c.Secure, "Secure"}, {c.HTTPOnly, "HttpOnly"}, {c.SameSite != "", "SameSite=" + c.SameSite}, {c.Partitioned, "Partitioned"}} {
		if f.on {
			flags = append(flags, f.name)
		}
	}
	line := fmt.Sprintf("%s: %s · %s", c.Name, scope, life)
	if len(flags) > 0 {
		line += " · " + strings.Join(flags, " ")
	}
	return line
}
