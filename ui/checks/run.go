package checks

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/check"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/preflight"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/styles"
)

// Resolve gives the request to run for, as edited and resolved; it is a copy
// made for the command, sharing nothing mutable with the model.
type Resolve func() (requests.Request, error)

// CheckDone is the end of the live checks run as flight ID for request Key:
// the Answer, or why there is none.
type CheckDone struct {
	ID        int
	Key       string
	Answer    Answer
	Err       error
	Cancelled bool
}

// PreflightDone is the end of the preflight for request Key: the Answer and
// the exchanges made (the OPTIONS, then the request when the browser goes on),
// as history entries under the request they were made for.
type PreflightDone struct {
	Key    string
	Answer Answer
	Sent   []history.Entry
	Err    error
}

// Target is the request P runs for: its key, its label ("PUT Write") and where
// the history keeps its exchanges (history.Entry's File and Name).
type Target struct{ Key, Label, File, Name string }

// RunChecks runs check.Run for the request resolve gives, in a command, as
// flight id of request key (named label). Writes are never sent: the checks that
// need them report skipped.
func RunChecks(ctx context.Context, id int, key, label string, resolve Resolve, client *requests.Client, width int, st styles.Styles) tea.Cmd {
	return func() tea.Msg {
		req, err := resolve()
		if err != nil {
			return CheckDone{ID: id, Key: key, Err: err}
		}
		rep, err := check.Run(ctx, client, req, check.Options{})
		msg := CheckDone{ID: id, Key: key, Err: err, Cancelled: ctx.Err() != nil}
		if err == nil {
			a := Answer{Kind: Checks, Request: label, Title: "Live checks of " + req.Method + " " + req.URL, At: time.Now()}
			a.Lines, a.Summary = Lines(rep, width, st)
			msg.Answer = a
		}
		return msg
	}
}

// RunPreflight sends, in a command, what a browser page at the request's Origin
// would send for it (preflight.Run), with a client of its own made from opts
// (never a cookie jar: a preflight carries no cookies).
func RunPreflight(to Target, resolve Resolve, opts requests.Options, width int) tea.Cmd {
	opts.Jar = nil
	return func() tea.Msg {
		req, err := resolve()
		if err != nil {
			return PreflightDone{Key: to.Key, Err: err}
		}
		c := requests.NewClient(opts)
		defer c.CloseIdleConnections()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		res := preflight.Run(ctx, c.Send, req, time.Now)
		msg := PreflightDone{Key: to.Key, Answer: Answer{Kind: Preflight, Request: to.Label, Title: "CORS: what a browser sends",
			Lines: Wrapped(res.Lines(), width), Summary: summary(res), At: time.Now()}}
		for _, s := range []*preflight.Step{res.Preflight, res.Actual} {
			if s != nil {
				msg.Sent = append(msg.Sent, history.FromExchange(s.Exchange, to.File, to.Name))
			}
		}
		return msg
	}
}

// summary says in a few words what the browser did.
func summary(res preflight.Result) string {
	switch {
	case res.Plan.Origin == "":
		return "no Origin field: not a cross-origin request, so no CORS"
	case res.Actual != nil && res.Preflight != nil:
		return "the preflight passed and the request was sent"
	case res.Actual != nil:
		return "no preflight needed; the request was sent"
	}
	return "the browser stops after the preflight"
}
