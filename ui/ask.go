package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/overlay/ask"
	"github.com/httplens/httplens/ui/prompts"
)

// asking is a send waiting for the values its # @prompt lines ask for, and the
// session's answers; see package prompts.
type asking = prompts.Questions

// askFirst opens the first question of r's # @prompt lines, unless they were just
// answered for this send; it reports whether the send may go on.
func (m *Model) askFirst(r *collections.Request) bool {
	if m.ask.Begin(requestKey(r), r.Prompts()) {
		return true
	}
	m.openQuestion()
	return false
}

// openQuestion asks the next unanswered question.
func (m *Model) openQuestion() {
	p, v := m.ask.Open(m.cfg.Vars)
	m.openDialog(dialog{kind: overlayAsk, key: m.ask.Key(), question: ask.New(p, v)})
}

// answered keeps an answer and asks the next question, or sends once all are in.
func (m Model) answered(a ask.Answered) (tea.Model, tea.Cmd) {
	m.overlay = dialog{}
	if m.ask.Answer(a.Name, a.Value) {
		m.openQuestion()
		return m, nil
	}
	if r := m.req.Request(); r == nil || requestKey(r) != m.ask.Key() {
		return m, nil // the request shown changed meanwhile
	}
	m.ask.Ready()
	return m.sendNow()
}
