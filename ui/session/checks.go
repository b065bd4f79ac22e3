package session

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/ui/checks"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/flight"
	"github.com/httplens/httplens/ui/historycmds"
	"github.com/httplens/httplens/ui/tree"
)

// The live checks (C) and the CORS preflight (P): each runs in a command for
// the request shown; package checks keeps each answer for its request and says
// what to show (checks.Outcome).

// Check runs the live checks of the request shown, as edited, in a command. It
// is a flight like a send: esc cancels it, and a send supersedes it.
func (s *Session) Check(p Parts) Outcome {
	r := p.Req.Request()
	if r == nil {
		return said(flight.NoRequest, true)
	}
	if s.cfg.Client == nil {
		return said("No HTTP client configured for the checks.", true)
	}
	s.Cancel(p.Resp)
	label, resolve := r.Method+" "+tree.RequestLabel(r), flight.Later(s.Resolver(p), r, s.last)
	client, width, st := s.cfg.Client, p.Width, s.cfg.Styles
	cmd := s.flight.Run("checks of "+label, func(ctx context.Context, id int) tea.Cmd {
		return checks.RunChecks(ctx, id, tree.RequestKey(r), label, resolve, client, width, st)
	})
	o := s.inFlight(p.Resp)
	o.Cmd = cmd
	return o
}

// checkDone ends the checks' flight; results of a cancelled or superseded run
// are dropped.
func (s *Session) checkDone(msg checks.CheckDone, p Parts) Outcome {
	if !s.flight.End(msg.ID) {
		return Outcome{}
	}
	s.cancelOn = false
	p.Resp.SetSending("")
	return s.showAnswer(s.answers.Checked(msg, s.flight.Label(), p.Req.Key(), s.answerKeys()), p)
}

// Preflight sends, in a command, the OPTIONS a browser would send before the
// shown request (as resolved) and then the request when the browser goes on.
func (s *Session) Preflight(p Parts) Outcome {
	r := p.Req.Request()
	if r == nil {
		return said(flight.NoRequest, true)
	}
	o := said("Sending the CORS preflight…", false)
	to := checks.Target{Key: tree.RequestKey(r), Label: r.Method + " " + tree.RequestLabel(r)}
	to.File, to.Name = historycmds.Ref(r, s.cfg.Dir)
	o.Cmd = checks.RunPreflight(to, flight.Later(s.Resolver(p), r, s.last), s.cfg.Options, p.Width)
	return o
}

// preflightDone shows or keeps the story and stores its exchanges in the
// history like every send, under the request they were made for.
func (s *Session) preflightDone(msg checks.PreflightDone, p Parts) Outcome {
	o := s.showAnswer(s.answers.Preflighted(msg, p.Req.Key(), s.answerKeys()), p)
	o.Cmd = s.hist.RecordEntries(msg.Sent, msg.Key)
	return o
}

// AnswersOpen (K) shows the answers of C and P kept for the request shown.
func (s *Session) AnswersOpen(p Parts) Outcome {
	r := p.Req.Request()
	if r == nil {
		return Outcome{}
	}
	return s.showAnswer(s.answers.Show(tree.RequestKey(r), r.Method, tree.RequestLabel(r), s.answerKeys()), p)
}

// showAnswer shows what C, P or K gave: the status line, the overlay.
func (s *Session) showAnswer(a checks.Outcome, p Parts) Outcome {
	if a.Open {
		p.Overlay.Open(dialogs.TextView(a.Title, a.Lines))
	}
	return said(a.Status, a.IsErr)
}

// answerKeys names the keys of C, P and K for the advice.
func (s *Session) answerKeys() checks.Keys {
	return checks.Keys{Check: s.cfg.Keys.Check, Preflight: s.cfg.Keys.Preflight, Answers: s.cfg.Keys.Answers}
}
