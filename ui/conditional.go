package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/checks"
	"github.com/httplens/httplens/ui/conditional"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/overlay/threeway"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/tree"
)

// The conditional workflow (package conditional) as the root drives it: it
// learns from every answer, R re-reads or drops a precondition, and the
// three-way view's choice is sent. Everything it offers belongs to the request
// whose last exchange was the 412 or 428, never to another one.

// refreshKnownETag shows in the request pane the ETag known for the shown
// request's URL.
func (m *Model) refreshKnownETag() {
	url, why := conditional.URLOf(m.req.Request(), collections.Resolver{Vars: m.cfg.Vars, Env: m.envs[m.env], Demo: m.cfg.DemoURL}, m.last)
	m.req.SetKnownETag(m.cond.ETag(url))
	m.req.SetKnown(url, m.cond.Known(), why)
}

// afterResponse updates the conditional workflow from the exchange just shown,
// the answer to request key ("" for a re-read).
func (m *Model) afterResponse(x requests.Exchange, key string) {
	etag, lastModified := conditional.Validators(x)
	m.req.SetValidator(requestpane.Validator{ETag: etag, LastModified: lastModified})
	rereadOf := m.flight.TakeReread()
	s := m.cond.After(key, x, rereadOf, m.req.Key(), keyset.Name(m.keys.Get(actionReread)))
	m.refreshKnownETag()
	m.applyStep(s)
}

// reread is R on the request shown: the re-read (a GET of the URL that got 412
// or 428) or dropping the precondition that cannot hold.
func (m Model) reread() (tea.Model, tea.Cmd) {
	s, ok := m.cond.RereadStep(m.req.Key())
	if !ok {
		return m, nil
	}
	m.applyStep(s)
	label, chain, fixed, ok := s.ReadSend()
	if !ok {
		return m, nil
	}
	next, cmd := m.startSend(label, chain, fixed)
	nm := next.(Model)
	nm.flight.SetReread(s.ReadFor)
	return nm, cmd
}

// mergeChosen acts on a choice in the three-way view: the body and If-Match go
// on the request (an edit, so what was sent stays on screen) and it is sent.
func (m Model) mergeChosen(c threeway.Chosen) (tea.Model, tea.Cmd) {
	if s := conditional.Chose(c, m.req.Key()); s.Send {
		m.applyStep(s)
		return m.send()
	}
	return m, nil
}

// applyStep makes what the conditional workflow decided, in its order.
func (m *Model) applyStep(s conditional.Step) {
	if s.Edit.ApplyTo(&m.req) {
		m.syncEdits()
	}
	if s.Note != nil {
		m.expl.SetNote(*s.Note)
		if s.NoteFor != "" {
			m.shown.SetNote(s.NoteFor, *s.Note) // selecting the request again shows the banner
		}
	}
	if s.Status != "" {
		m.setStatus(s.Status, s.IsErr)
	}
	if mg := s.Merge; mg != nil {
		r := m.req.Request()
		mv := threeway.New(mg.Key, r.Method+" "+tree.RequestLabel(r), mg.Seen, mg.ThreeWay)
		m.overlay.Open(dialogs.MergeView(mg.Key, mg.Seen.ETag, mv))
	}
	m.syncRequestHints()
}

// syncRequestHints turns on the actions that belong to the request shown: R
// when its last exchange was a 412 or 428, K when C or P answered for it.
func (m *Model) syncRequestHints() {
	key := m.req.Key()
	_, failed := m.cond.Failed(key)
	m.keys.Enable(actionReread, failed)
	m.keys.Enable(actionAnswers, m.answers.Has(key))
}

// forgetConditions forgets what the session learnt about versions and what C
// and P answered: after the demo's reset none of it holds.
func (m *Model) forgetConditions() {
	m.cond = conditional.New()
	m.answers = checks.NewAnswers()
	m.syncRequestHints()
}
