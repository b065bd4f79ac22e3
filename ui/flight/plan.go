package flight

import (
	"context"
	"maps"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
)

// What the root asks before and after a send, as values it applies.

// NoRequest is the status line of an action on the shown request when none is.
const NoRequest = "No request selected: pick one in the collection first."

// Unsendable says why r cannot be sent as written ("" when it can); label
// names it. Both are made safe for the terminal. The request pane lists every error; the status line names the first.
func Unsendable(r *collections.Request, label string) string {
	if r == nil {
		return NoRequest
	}
	if len(r.Errors) > 0 {
		return "Cannot send " + termtext.String(label) + ": " + termtext.String(r.Errors[0].Error())
	}
	return ""
}

// Plan is a send of r as the root starts it: the chain (the requests whose
// responses r needs and the session has none of, then r) and its label.
type Plan struct {
	Label string
	Chain []*collections.Request
}

// PlanOf plans sending r, named label, given the collection and the
// session's responses by request @name.
func PlanOf(r *collections.Request, label string, coll *collections.Collection, last map[string]collections.Response) Plan {
	chain := Chain(r, coll, last)
	return Plan{Label: ChainLabel(chain, label), Chain: chain}
}

// Later is resolve of r for a command (a resolved view, a copy as curl, a
// check run): last is copied now, so that the command shares nothing mutable
// with the model, and no pre-request script runs.
func Later(resolve Resolve, r *collections.Request, last map[string]collections.Response) func() (requests.Request, error) {
	last = maps.Clone(last)
	return func() (requests.Request, error) { return resolve(r, last, nil) }
}

// Keep stores in last the responses of the named requests msg sent, for the
// request variables of the next sends.
func (msg ResponseMsg) Keep(last map[string]collections.Response) {
	for _, k := range msg.Kept {
		last[k.Name] = k.Resp
	}
}

// Run starts a flight named label whose work is not a send (the live checks):
// it cancels what was in the air, and work gets the flight's context and id,
// which its result must carry for End.
func (f *Flight) Run(label string, work func(ctx context.Context, id int) tea.Cmd) tea.Cmd {
	ctx, id := f.Begin(label)
	return f.Cmd(id, work(ctx, id))
}
