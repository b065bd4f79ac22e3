package session

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/checks"
	"github.com/httplens/httplens/ui/conditional"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/historycmds"
	"github.com/httplens/httplens/ui/shown"
	"github.com/httplens/httplens/ui/tourreset"
)

// Which exchange the panes show (package shown), the history workflow (package
// historycmds) and the tour's start-over (package tourreset).

// Follow makes the panes show the selected request's last exchange: this
// session's, else its empty state while its newest stored one is read.
func (s *Session) Follow(p Parts) Outcome {
	r := p.Req.Request()
	v, changed := s.shown.Follow(r, s.flight.Busy())
	if !changed {
		return Outcome{}
	}
	if !v.Found {
		s.show(v, p)
		return Outcome{Cmd: s.hist.Newest(r, s.cfg.Styles)}
	}
	return Outcome{Cmd: s.show(v, p)}
}

// show puts view v in the response and explain panes; a large body left
// unformatted is formatted then (the command), which esc or the next send stops.
func (s *Session) show(v shown.View, p Parts) tea.Cmd {
	s.lastX = v.E.X
	// Through locals: panes passed as interfaces escape, and p.Resp would move
	// the root's whole Model (which p points into) to the heap on every key
	// press that may show a request (issue 24).
	resp, expl := *p.Resp, *p.Expl
	found := v.ApplyTo(&resp, &expl)
	*p.Resp, *p.Expl = resp, expl
	if !found {
		return nil
	}
	cmd := p.Resp.StartFormatting()
	if cmd != nil {
		s.cancelOn = true
	}
	return cmd
}

// latestLoaded shows a request's stored exchange when package shown says so;
// an earlier failure (often the same store's) stays on the status line.
func (s *Session) latestLoaded(msg shown.LoadedMsg, p Parts) Outcome {
	v, ok, err := s.shown.Loaded(msg, p.Req.Request())
	var o Outcome
	if err != nil && !p.ErrShown {
		o.say("Cannot read the last exchange from the history: "+err.Error(), true)
	}
	if ok {
		o.Cmd = s.show(v, p)
	}
	return o
}

// history applies what the history workflow returned for a message; ok is
// false for a message not its own.
func (s *Session) history(msg tea.Msg, p Parts) (Outcome, bool) {
	h, ok := s.hist.Update(msg, p.Resp, historycmds.View{Req: p.Req.Request(), Width: p.Width, St: s.cfg.Styles})
	if !ok {
		return Outcome{}, false
	}
	o := Outcome{Cmd: h.Cmd}
	if h.Status != "" {
		o.say(h.Status, h.IsErr)
	}
	switch {
	case h.Reopened:
		cmd := s.show(s.shown.Show(h.Key, h.Shown), p)
		p.Resp.ShowReopened(h.Shown.Content, h.ID)
		o.Cmd = tea.Batch(h.Cmd, cmd)
	case h.DiffTitle != "":
		o.say("", false)
		p.Overlay.Open(dialogs.TextView(h.DiffTitle, h.DiffLines))
	}
	return o, true
}

// ResetTour starts the lesson over (package tourreset): the demo reset and the
// tour's history forgotten, in a command whose answer TourReset takes.
func (s *Session) ResetTour(Parts) Outcome {
	status, isErr, cmd := tourreset.Start(s.cfg.Client, s.cfg.DemoURL, s.cfg.History)
	o := said(status, isErr)
	o.Cmd = cmd
	return o
}

// TourReset forgets what the session learnt from the old state: the responses
// request variables read, the known ETags, the failed precondition, what C and
// P answered, and every exchange shown (every request is unsent again: its old
// answer must not come back). forgot is false when the reset failed; else the
// root shows the request again and then calls AfterReset.
func (s *Session) TourReset(msg tourreset.DoneMsg, p Parts) (o Outcome, forgot bool) {
	if msg.Err != nil {
		return said(msg.Text(), true), false
	}
	s.last = map[string]collections.Response{}
	s.cond = conditional.New()
	s.answers = checks.NewAnswers()
	s.responded = map[string]bool{}
	s.show(s.shown.Forget(p.Req.Request()), p)
	return Outcome{}, true
}

// AfterReset says the tour starts over, and has the History tab read the
// history again (the tour's rows left it) and the panes follow the request.
func (s *Session) AfterReset(msg tourreset.DoneMsg, p Parts) Outcome {
	o := said(msg.Text(), false)
	p.Resp.HistoryGone()
	follow := s.Follow(p)
	o.Cmd = tea.Batch(s.hist.Sync(p.Resp, p.Req.Request()), follow.Cmd)
	return o
}
