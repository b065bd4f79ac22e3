package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/requestpane"
)

// send starts sending the request shown, after asking first when it is not
// idempotent (POST, PATCH, an unknown method) and already got a response in this
// session: sending it again may repeat its effect, e.g. create a second item.
func (m Model) send() (tea.Model, tea.Cmd) {
	r := m.req.Request()
	if r == nil || requestpane.PropsOf(r.Method).Idempotent || !m.responded[requestKey(r)] {
		return m.sendNow()
	}
	m.overlay.Open(dialogs.Question(dialogs.Resend, requestKey(r), fmt.Sprintf(
		"%s is not idempotent (RFC 9110 §9.2.2) and %s already got a response in this session: "+
			"sending it again may repeat its effect, such as creating a second resource. Send it again?",
		r.Method, requestLabel(r))))
	return m, nil
}
