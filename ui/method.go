package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// methodProps are the properties RFC 9110 §9.2 gives a request method.
type methodProps struct {
	known      bool
	safe       bool // §9.2.1: read-only, a client may send it without a user's intent
	idempotent bool // §9.2.2: sending it twice has the effect of sending it once
	cacheable  bool // §9.2.3: a response to it may be stored for reuse
}

// propsOf returns the properties of method (case-sensitive, as HTTP methods are).
// PATCH is from RFC 5789 and is neither safe nor idempotent; an unknown method is
// treated as neither, the cautious reading.
func propsOf(method string) methodProps {
	switch method {
	case "GET", "HEAD":
		return methodProps{known: true, safe: true, idempotent: true, cacheable: true}
	case "OPTIONS", "TRACE":
		return methodProps{known: true, safe: true, idempotent: true}
	case "PUT", "DELETE":
		return methodProps{known: true, idempotent: true}
	case "POST":
		// §9.3.3: cacheable only with explicit freshness and a matching Content-Location.
		return methodProps{known: true, cacheable: true}
	case "PATCH", "CONNECT":
		return methodProps{known: true}
	}
	return methodProps{}
}

// String is the properties in a few words that read without colour, e.g.
// "safe · idempotent · cacheable §9.2", with the section of RFC 9110 it is from.
func (p methodProps) String() string {
	word := func(on bool, yes, no string) string {
		if on {
			return yes
		}
		return no
	}
	cacheable := word(p.cacheable, "cacheable", "not cacheable") + " §9.2"
	if p.cacheable && !p.safe {
		// POST: a response is stored only with explicit freshness and a
		// Content-Location equal to the target URI (RFC 9110 §9.3.3).
		cacheable = "cacheable only if told §9.3.3"
	}
	s := strings.Join([]string{
		word(p.safe, "safe", "unsafe"),
		word(p.idempotent, "idempotent", "not idempotent"),
		cacheable,
	}, " · ")
	if !p.known {
		s = "unknown method: " + s
	}
	return s
}

// send starts sending the request shown, after asking first when it is not
// idempotent (POST, PATCH, an unknown method) and already got a response in this
// session: sending it again may repeat its effect, e.g. create a second item.
func (m Model) send() (tea.Model, tea.Cmd) {
	r := m.req.Request()
	if r == nil || propsOf(r.Method).idempotent || !m.responded[requestKey(r)] {
		return m.sendNow()
	}
	m.openDialog(dialog{kind: overlayResend, key: requestKey(r), text: fmt.Sprintf(
		"%s is not idempotent (RFC 9110 §9.2.2) and %s already got a response in this session: "+
			"sending it again may repeat its effect, such as creating a second resource. Send it again?",
		r.Method, requestLabel(r))})
	return m, nil
}

// sendConfirmed sends after a yes to the re-send question.
func (m Model) sendConfirmed() (tea.Model, tea.Cmd) { return m.sendNow() }
