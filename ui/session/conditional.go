package session

import (
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/conditional"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/overlay/threeway"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/tree"
)

// The conditional workflow (package conditional) as the session drives it: it
// learns from every answer, R re-reads or drops a precondition, and the
// three-way view's choice is sent. Everything it offers belongs to the request
// whose last exchange was the 412 or 428, never to another one.

// RefreshKnownETag shows in the request pane the ETag known for the shown
// request's URL; env is the environment's variables. (It takes the one pane it
// changes, not Parts: the root calls it on every request shown, and Parts would
// move the root's model to the heap each time.)
func (s *Session) RefreshKnownETag(req *requestpane.Model, env map[string]string) {
	url, why := conditional.URLOf(req.Request(), collections.Resolver{Vars: s.cfg.Vars, Env: env, Demo: s.cfg.DemoURL}, s.last)
	req.SetKnownETag(s.cond.ETag(url))
	req.SetKnown(url, s.cond.Known(), why)
}

// afterResponse updates the conditional workflow from the exchange just shown,
// the answer to request key ("" for a re-read).
func (s *Session) afterResponse(x requests.Exchange, key string, p Parts, o *Outcome) {
	etag, lastModified := conditional.Validators(x)
	p.Req.SetValidator(requestpane.Validator{ETag: etag, LastModified: lastModified})
	rereadOf := s.flight.TakeReread()
	st := s.cond.After(key, x, rereadOf, p.Req.Key(), s.cfg.Keys.Reread)
	s.RefreshKnownETag(p.Req, p.Vars)
	s.applyStep(st, p, o)
}

// Reread is R on the request shown: the re-read (a GET of the URL that got 412
// or 428) or dropping the precondition that cannot hold.
func (s *Session) Reread(p Parts) Outcome {
	st, ok := s.cond.RereadStep(p.Req.Key())
	if !ok {
		return Outcome{}
	}
	var o Outcome
	s.applyStep(st, p, &o)
	label, chain, fixed, ok := st.ReadSend()
	if !ok {
		return o
	}
	o.add(s.start(label, chain, fixed, p))
	s.flight.SetReread(st.ReadFor)
	return o
}

// MergeChosen acts on a choice in the three-way view: the body and If-Match go
// on the request (an edit, so what was sent stays on screen) and it is sent.
func (s *Session) MergeChosen(c threeway.Chosen, p Parts) Outcome {
	st := conditional.Chose(c, p.Req.Key())
	if !st.Send {
		return Outcome{}
	}
	var o Outcome
	s.applyStep(st, p, &o)
	o.add(s.Send(p))
	return o
}

// applyStep makes what the conditional workflow decided, in its order.
func (s *Session) applyStep(st conditional.Step, p Parts, o *Outcome) {
	if st.Edit.ApplyTo(p.Req) {
		o.Edited = true
		s.RefreshKnownETag(p.Req, p.Vars)
	}
	if st.Note != nil {
		p.Expl.SetNote(*st.Note)
		if st.NoteFor != "" {
			s.shown.SetNote(st.NoteFor, *st.Note) // selecting the request again shows the banner
		}
	}
	if st.Status != "" {
		o.say(st.Status, st.IsErr)
	}
	if mg := st.Merge; mg != nil {
		r := p.Req.Request()
		mv := threeway.New(mg.Key, r.Method+" "+tree.RequestLabel(r), mg.Seen, mg.ThreeWay)
		p.Overlay.Open(dialogs.MergeView(mg.Key, mg.Seen.ETag, mv))
	}
}
