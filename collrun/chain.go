package collrun

import (
	"context"
	"sync"

	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/runner"
	"github.com/httplens/httplens/scripts"
)

// Options configure Chain.
type Options struct {
	// Engine runs the scripts; its Globals are the session's client.global.
	Engine *scripts.Engine
	// Client sends the requests when Lab is nil.
	Client *requests.Client
	// Lab, when set, answers every request through that cache (private or
	// shared); its clock is the one explain reads the answers at. A lab made
	// with Send: ContextSend sends upstream with Client.
	Lab *cachelab.Lab
	// Env answers request.environment.get.
	Env map[string]string
	// Done is called after each request ran, before the next resolves: the
	// caller keeps the response of a named request there for request variables.
	Done func(r *collections.Request, res runner.StepResult)
}

// Result is what the chain produced, one entry per request that ran.
type Result struct {
	Steps []runner.StepResult
	// Lab holds, per step, what the cache did; nil for a step sent past the lab
	// or not sent.
	Lab []*cachelab.Result
}

// Last is the result of the last request that ran; ok is false when none did.
func (r Result) Last() (runner.StepResult, *cachelab.Result, bool) {
	if len(r.Steps) == 0 {
		return runner.StepResult{}, nil, false
	}
	n := len(r.Steps) - 1
	return r.Steps[n], r.Lab[n], true
}

// Chain runs the requests in order — the ones the last depends on first — each
// with its pre-request scripts, variables, handlers and expectations, through
// the cache lab when one is set. A request that fails does not stop the chain;
// cancelling ctx does.
func Chain(ctx context.Context, chain []*collections.Request, resolve ResolveFunc, o Options) Result {
	steps := make([]runner.Step, len(chain))
	for i, r := range chain {
		steps[i] = Step(r, resolve, o.Env)
	}
	var res Result
	var cur *cachelab.Result
	ro := runner.Options{Client: o.Client, Engine: o.Engine}
	if o.Lab != nil {
		lab := o.Lab
		ro.Send = func(ctx context.Context, r requests.Request) (requests.Exchange, *explain.Exchange) {
			lr := lab.Do(ctx, r)
			cur = &lr
			return lr.Response, &lr.Explain
		}
	}
	ro.Progress = func(i, _ int, sr runner.StepResult) {
		res.Steps = append(res.Steps, sr)
		res.Lab = append(res.Lab, cur)
		cur = nil
		if o.Done != nil {
			o.Done(chain[i], sr)
		}
	}
	if o.Client != nil {
		ctx = context.WithValue(ctx, clientKey{}, o.Client)
	}
	runner.Run(ctx, steps, ro)
	return res
}

type clientKey struct{}

// defaultClient sends for ContextSend when the context names no client.
// Made on first use, not at package init (issue 24).
var defaultClient = sync.OnceValue(func() *requests.Client { return requests.NewClient(requests.Options{}) })

// ContextSend sends r with the client Chain was given (Options.Client), else a
// default one: the Send of a lab that lives longer than one client, as the
// TUI's does (each send has its own client, which reports the transfer's
// progress).
func ContextSend(ctx context.Context, r requests.Request) requests.Exchange {
	if c, ok := ctx.Value(clientKey{}).(*requests.Client); ok {
		return c.Send(ctx, r)
	}
	return defaultClient().Send(ctx, r)
}
