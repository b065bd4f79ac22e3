package ui

import (
	"maps"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/overlay/ask"
)

// asking is a send waiting for the values its # @prompt lines ask for: the
// questions and which is open, and every answer given in this session, which the
// same question offers again and which resolve as --var values do.
type asking struct {
	key   string // the request asked for
	asks  []collections.Prompt
	next  int               // the question open: an index into asks
	ready string            // the request whose questions were just answered: its send goes on
	given map[string]string // every answer, by variable name, for this session
}

// askFirst opens the first question of r's # @prompt lines, unless they were just
// answered for this send; it reports whether the send may go on. As in the
// JetBrains client, every send asks again, offering the last answer.
func (m *Model) askFirst(r *collections.Request) bool {
	ps := r.Prompts()
	k := requestKey(r)
	if len(ps) == 0 {
		return true
	}
	if m.ask.ready == k {
		m.ask.ready = ""
		return true
	}
	m.ask.key, m.ask.asks, m.ask.next = k, ps, 0
	m.openQuestion()
	return false
}

// openQuestion asks the next unanswered question.
func (m *Model) openQuestion() {
	p := m.ask.asks[m.ask.next]
	v, ok := m.ask.given[p.Name]
	if !ok {
		v = m.cfg.Vars[p.Name]
	}
	m.openDialog(dialog{kind: overlayAsk, key: m.ask.key, question: ask.New(p, v)})
}

// answered keeps an answer and asks the next question, or sends once all are in.
func (m Model) answered(a ask.Answered) (tea.Model, tea.Cmd) {
	m.overlay = dialog{}
	if m.ask.given == nil {
		m.ask.given = map[string]string{}
	}
	m.ask.given[a.Name] = a.Value
	if m.ask.next++; m.ask.next < len(m.ask.asks) {
		m.openQuestion()
		return m, nil
	}
	if r := m.req.Request(); r == nil || requestKey(r) != m.ask.key {
		return m, nil // the request shown changed meanwhile
	}
	m.ask.ready = m.ask.key
	return m.sendNow()
}

// withAnswers is vars with the answers over them, as --var values are.
func withAnswers(vars, answers map[string]string) map[string]string {
	out := maps.Clone(vars)
	if out == nil {
		out = map[string]string{}
	}
	maps.Copy(out, answers)
	return out
}
