package session

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/conditional"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/flight"
	"github.com/httplens/httplens/ui/overlay/ask"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/sendfeed"
	"github.com/httplens/httplens/ui/shown"
	"github.com/httplens/httplens/ui/tree"
)

// Send starts sending the request shown, after asking first when sending it
// again may repeat its effect (flight.AskBeforeResend).
func (s *Session) Send(p Parts) Outcome {
	r := p.Req.Request()
	if r == nil {
		return s.SendNow(p)
	}
	q := flight.AskBeforeResend(r.Method, tree.RequestLabel(r), requestpane.PropsOf(r.Method).Idempotent, s.responded[tree.RequestKey(r)])
	if q == "" {
		return s.SendNow(p)
	}
	p.Overlay.Open(dialogs.Question(dialogs.Resend, tree.RequestKey(r), q))
	return Outcome{}
}

// SendNow starts sending the request shown in the request pane, as edited. The
// previous request, if still in flight, is cancelled and its result ignored.
func (s *Session) SendNow(p Parts) Outcome {
	r := p.Req.Request()
	var label string
	if r != nil {
		label = tree.RequestLabel(r)
	}
	if why := flight.Unsendable(r, label); why != "" {
		return said(why, true)
	}
	if !s.askFirst(r, p) {
		return Outcome{} // the question is open; answering it sends
	}
	plan := flight.PlanOf(r, label, p.Coll, s.last)
	resolve := s.Resolver(p)
	if p.Req.AutoIfMatch() {
		resolve = conditional.WithAutoIfMatch(resolve, s.cond.ETags())
	}
	o := s.start(plan.Label, plan.Chain, resolve, p)
	s.flight.SetKey(tree.RequestKey(r)) // its answer is remembered for r
	return o
}

// start sends chain in a command; label names it in the status line. A large
// body's formatting and the send in flight stop: this one replaces them.
func (s *Session) start(label string, chain []*collections.Request, resolve flight.Resolve, p Parts) Outcome {
	s.Cancel(p.Resp)
	p.Resp.DropFormatting()
	snd := flight.Send{Label: label, Chain: chain, Last: s.last, Resolve: resolve, Options: s.cfg.Options,
		Engine: s.scripts, Lab: s.lab, Env: p.Vars, Styles: s.cfg.Styles}
	if j := s.jars.Jar(p.Env); j != nil {
		snd.Jar = j // not a nil *Jar in the interface: no jar means the configured one
	}
	cmd := s.flight.Start(snd)
	o := s.inFlight(p.Resp)
	p.Resp.SetProgress(responsepane.Progress{})
	o.Cmd = cmd
	return o
}

// inFlight shows that a send or check run has just started: esc cancels it.
func (s *Session) inFlight(resp *responsepane.Model) Outcome {
	s.cancelOn = true
	resp.SetSending(s.Sending())
	return said("", false)
}

// Sending is the in-flight line of the response pane.
func (s *Session) Sending() string { return s.flight.Sending(s.cfg.Keys.Cancel) }

// Cancel cancels the request in flight, if any, and the formatting of a large
// body. The flight's command still reports, with the cancellation as its error.
func (s *Session) Cancel(resp *responsepane.Model) {
	s.flight.Cancel()
	resp.StopFormatting()
}

// Resolver resolves requests for a send, over copies of what it reads. The
// answers given to # @prompt questions in this session count as --var values;
// the newest stored response stands in for one the session has none of.
func (s *Session) Resolver(p Parts) flight.Resolve {
	return flight.Resolver{Vars: s.ask.Vars(s.cfg.Vars), Env: p.Vars, Demo: s.cfg.DemoURL,
		Globals: s.scripts.Globals, Stored: s.hist.Fallback(p.Coll, flight.LastResponse)}.Resolve()
}

// resolveCmd resolves the request with key k for the request pane's resolved view.
func (s *Session) resolveCmd(k string, p Parts) tea.Cmd {
	r := p.Req.Request()
	if r == nil || tree.RequestKey(r) != k {
		return nil
	}
	return requestpane.ResolveCmd(k, flight.Later(s.Resolver(p), r, s.last))
}

// askFirst opens the first question of r's # @prompt lines, unless they were just
// answered for this send (see package prompts); it reports whether the send may go on.
func (s *Session) askFirst(r *collections.Request, p Parts) bool {
	if s.ask.Begin(tree.RequestKey(r), r.Prompts()) {
		return true
	}
	s.openQuestion(p)
	return false
}

// openQuestion asks the next unanswered question.
func (s *Session) openQuestion(p Parts) {
	q, v := s.ask.Open(s.cfg.Vars)
	p.Overlay.Open(dialogs.AskPrompt(s.ask.Key(), q, v))
}

// Answered keeps an answer and asks the next question, or sends once all are in.
func (s *Session) Answered(a ask.Answered, p Parts) Outcome {
	if s.ask.Answer(a.Name, a.Value) {
		s.openQuestion(p)
		return Outcome{}
	}
	if r := p.Req.Request(); r == nil || tree.RequestKey(r) != s.ask.Key() {
		return Outcome{} // the request shown changed meanwhile
	}
	s.ask.Ready()
	return s.SendNow(p)
}

// handleFlight routes the messages of the request in flight and of large
// bodies; ok is false for any other message.
func (s *Session) handleFlight(msg tea.Msg, p Parts) (Outcome, bool) {
	switch msg := msg.(type) {
	case flight.ResponseMsg:
		return s.landed(msg, p), true
	case sendfeed.Msg:
		smp, cmd, ok := s.flight.Progress(msg)
		if ok {
			p.Resp.SetProgress(responsepane.Progress{Done: smp.Done, Total: smp.Total, Rate: smp.Rate})
		}
		return Outcome{Cmd: cmd}, true
	case responsepane.PrettyDoneMsg:
		// A formatted Pretty tab (or after a cancel the body as received) is
		// kept for its request, which may no longer be the one shown.
		f, ok := p.Resp.TakeFormatted(msg)
		if !ok {
			return Outcome{}, true
		}
		s.shown.Replace(f.Old, f.New)
		s.cancelOn = s.flight.Busy()
		o := Outcome{Cmd: f.Cmd}
		if f.Stopped {
			o.say("Formatting stopped: Pretty shows the body as received.", false)
		}
		return o, true
	case responsepane.ResendInsecureMsg:
		if !s.flight.ResendInsecure(s.lastX.Err) {
			return Outcome{}, true
		}
		return s.SendNow(p), true
	case flight.SpoolRemovedMsg:
		return Outcome{}, true
	}
	cmd, changed, ok := s.flight.Update(msg)
	if changed {
		p.Resp.SetSending(s.Sending())
	}
	return Outcome{Cmd: cmd}, ok
}

// landed shows the response of the send in flight, dropping a stale one.
func (s *Session) landed(msg flight.ResponseMsg, p Parts) Outcome {
	l, ok := s.flight.Land(msg, flight.Keys{Tests: s.cfg.Keys.Tests, Insecure: s.cfg.Keys.Insecure})
	if !ok {
		return Outcome{}
	}
	s.cancelOn = false
	msg.Keep(s.last)
	format := s.show(shown.View{Key: l.Sent, Found: true, E: l.Shown}, p) // the source names the request sent, "" for a re-read
	s.shown.Remember(l.Key, l.Shown)
	o := said(l.Status, l.IsErr)
	if l.Note != "" {
		p.Expl.SetNote(l.Note)
	}
	// After the status line: what the conditional workflow says (a 412's banner,
	// the If-Match a re-read added) is the news.
	s.afterResponse(msg.Exchange, l.Sent, p, &o)
	if l.Refused != "" {
		o.say(l.Refused, true)
	}
	sweep := s.flight.Sweep(func(path string) bool {
		return s.shown.Holds(path) || s.lastX.Response != nil && s.lastX.Response.SpoolPath == path
	})
	// Another request selected while this one was in flight shows its own.
	follow := s.Follow(p)
	o.Cmd = tea.Batch(s.record(msg, l.Sent), format, sweep, s.jars.SaveCmd(p.Env), follow.Cmd)
	return o
}

// record stores what a send produced and notes which requests got a response
// in this session (for the confirmation before re-sending a non-idempotent one).
func (s *Session) record(msg flight.ResponseMsg, key string) tea.Cmd {
	if key != "" && msg.Exchange.Response != nil {
		s.responded[key] = true
	}
	return s.hist.Record(msg.Sent)
}
