package requestpane

import "strings"

// MethodProps are the properties RFC 9110 §9.2 gives a request method.
type MethodProps struct {
	Known      bool
	Safe       bool // §9.2.1: read-only, a client may send it without a user's intent
	Idempotent bool // §9.2.2: sending it twice has the effect of sending it once
	Cacheable  bool // §9.2.3: a response to it may be stored for reuse
}

// PropsOf returns the properties of method (case-sensitive, as HTTP methods are).
// PATCH is from RFC 5789 and is neither safe nor idempotent; an unknown method is
// treated as neither, the cautious reading.
func PropsOf(method string) MethodProps {
	switch method {
	case "GET", "HEAD":
		return MethodProps{Known: true, Safe: true, Idempotent: true, Cacheable: true}
	case "OPTIONS", "TRACE":
		return MethodProps{Known: true, Safe: true, Idempotent: true}
	case "PUT", "DELETE":
		return MethodProps{Known: true, Idempotent: true}
	case "POST":
		// §9.3.3: cacheable only with explicit freshness and a matching Content-Location.
		return MethodProps{Known: true, Cacheable: true}
	case "PATCH", "CONNECT":
		return MethodProps{Known: true}
	}
	return MethodProps{}
}

// String is the properties in a few words that read without colour, e.g.
// "safe · idempotent · cacheable §9.2", with the section of RFC 9110 it is from.
func (p MethodProps) String() string {
	word := func(on bool, yes, no string) string {
		if on {
			return yes
		}
		return no
	}
	cacheable := word(p.Cacheable, "cacheable", "not cacheable") + " §9.2"
	if p.Cacheable && !p.Safe {
		// POST: a response is stored only with explicit freshness and a
		// Content-Location equal to the target URI (RFC 9110 §9.3.3).
		cacheable = "cacheable only if told §9.3.3"
	}
	s := strings.Join([]string{
		word(p.Safe, "safe", "unsafe"),
		word(p.Idempotent, "idempotent", "not idempotent"),
		cacheable,
	}, " · ")
	if !p.Known {
		s = "unknown method: " + s
	}
	return s
}
