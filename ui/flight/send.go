package flight

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/collrun"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/runner"
	"github.com/httplens/httplens/scripts"
	"github.com/httplens/httplens/ui/historycmds"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/sendfeed"
	"github.com/httplens/httplens/ui/styles"
)

// Resolve produces the wire request for r; it runs inside a command and must
// only read values copied for it, plus the responses map it is handed. vars are
// the request variables its pre-request scripts set (nil when none ran).
type Resolve func(r *collections.Request, last map[string]collections.Response, vars map[string]string) (requests.Request, error)

// Send is one send: the chain to send in order (the requests whose responses
// the last one needs, then the last one) and everything it runs with. Start
// copies what the command needs.
type Send struct {
	Label   string // names it in the status line
	Chain   []*collections.Request
	Last    map[string]collections.Response // the session's responses by request @name
	Resolve Resolve
	Options requests.Options // what every send starts from
	Jar     http.CookieJar   // this environment's cookies; nil when off
	Engine  *scripts.Engine  // the session's script engine (its globals)
	Lab     *cachelab.Lab    // the cache lab every request goes through; nil when off
	Env     map[string]string
	Styles  styles.Styles
}

// Start begins sending s, cancelling what was in flight. The returned command
// reports the start, runs the send with a client of its own and waits for its
// progress; the result arrives as a ResponseMsg.
func (f *Flight) Start(s Send) tea.Cmd {
	target := s.Chain[len(s.Chain)-1]
	if f.insecure {
		s.Label += " (certificate not checked)"
	}
	ctx, id := f.Begin(s.Label)
	feed := sendfeed.New()
	client := requests.NewClient(ClientOptions(s.Options, feed.Report, f.insecure, s.Jar, target))
	f.insecure, f.feed = false, feed
	run := runWith{engine: s.Engine, client: client, lab: s.Lab, env: maps.Clone(s.Env)}
	return f.Cmd(id,
		sendfeed.TransferCmd(sendCmd(ctx, id, s.Chain, maps.Clone(s.Last), run, s.Resolve, s.Styles), client, feed),
		sendfeed.WaitCmd(id, feed, 0),
	)
}

// ClientOptions are the options of one send's client: the configured ones with
// this send's progress report, no certificate checks for a resend after a
// refused certificate, the environment's cookie jar, and the target request's
// own directives.
func ClientOptions(opts requests.Options, progress func(done, total int64), insecure bool, jar http.CookieJar, target *collections.Request) requests.Options {
	opts.Progress = progress
	opts.Insecure = opts.Insecure || insecure
	if jar != nil {
		opts.Jar = jar // this environment's cookies, kept after the exchange
	}
	return WithDirectives(opts, target)
}

// WithDirectives applies the request's own settings, as the JetBrains client
// writes them, to opts: # @no-redirect shows the 3xx itself, # @no-cookie-jar
// neither sends nor keeps cookies. They hold for the requests sent first for it
// too, as in httplens send.
func WithDirectives(opts requests.Options, r *collections.Request) requests.Options {
	if r == nil {
		return opts
	}
	for _, d := range r.Directives {
		switch d.Name {
		case "no-redirect":
			opts.FollowRedirects = false
		case "no-cookie-jar":
			opts.Jar = nil
		}
	}
	return opts
}

// ResponseMsg is the result of send ID: the exchange (Err set when it failed or
// was cancelled), its explanation and its display content, all computed off
// the UI goroutine.
type ResponseMsg struct {
	ID       int
	Kept     []Kept // responses of named requests sent, for request variables
	Sent     []Sent // every exchange sent, dependencies first, for the history
	Exchange requests.Exchange
	Report   *explain.Report // nil when no response arrived
	Content  *responsecontent.Content
	Steps    []runner.StepResult // what each request's scripts and @expect lines found
	Lab      *cachelab.Result    // what the cache lab did with the last request; nil when off
}

// Kept is the last response of a named request.
type Kept struct {
	Name string
	Resp collections.Response
}

// Sent is one exchange a send produced, with the saved request it was for (nil
// for a re-read, which is ad hoc), so that it can be stored.
type Sent = historycmds.Sent

// runWith is what a send runs with besides the requests: the session's script
// engine (its globals), the client of this send, the cache lab when it is on,
// and the environment scripts read.
type runWith struct {
	engine *scripts.Engine
	client *requests.Client
	lab    *cachelab.Lab
	env    map[string]string
}

// sendCmd sends chain in order and explains and prepares the last exchange, so
// that Update only has to store the result. last is the command's own copy of
// the session's responses; ctx is cancelled by esc. client sends; engine, lab
// and env may be nil.
//
// Each request runs its pre-request scripts, response handlers and @expect lines
// (collrun, runner); with the cache lab on, every request goes through it and the
// explanation reads the answer at the lab's clock.
func sendCmd(ctx context.Context, id int, chain []*collections.Request, last map[string]collections.Response,
	run runWith, resolve Resolve, st styles.Styles) tea.Cmd {
	return func() tea.Msg {
		msg := ResponseMsg{ID: id}
		res := collrun.Chain(ctx, chain, func(r *collections.Request, vars map[string]string) (requests.Request, error) {
			return resolve(r, last, vars)
		}, collrun.Options{Engine: run.engine, Client: run.client, Lab: run.lab, Env: run.env,
			Done: func(r *collections.Request, sr runner.StepResult) {
				if sr.Exchange == nil {
					return
				}
				msg.Sent = append(msg.Sent, Sent{Req: r, X: *sr.Exchange})
				if x := sr.Exchange; r.Name != "" && x.Err == nil && x.Response != nil {
					last[r.Name] = LastResponse(x.Response)
					msg.Kept = append(msg.Kept, Kept{Name: r.Name, Resp: last[r.Name]})
				}
			}})
		var x requests.Exchange
		if step, lab, ok := res.Last(); ok {
			msg.Lab = lab
			if step.Exchange != nil {
				x = *step.Exchange
			} else {
				x = requests.Exchange{Err: stepError(step), Sent: time.Now()}
			}
			msg.Report = step.Report
		} else {
			x = requests.Exchange{Err: ctx.Err(), Sent: time.Now()}
		}
		msg.Steps = res.Steps
		msg.Exchange = x
		if x.Response != nil && msg.Report == nil {
			r := explain.Analyze(explaininput.From(x, time.Now()))
			msg.Report = &r
		}
		msg.Content = responsecontent.New(x, st)
		msg.Content.SetTests(res.Steps, st)
		if lab := msg.Lab; lab != nil {
			msg.Content.SetLab(lab, run.lab, st)
		}
		return msg
	}
}

// SendWith is sendCmd for a client the caller made (the big-body benchmark).
func SendWith(ctx context.Context, id int, chain []*collections.Request, client *requests.Client, engine *scripts.Engine,
	resolve Resolve, st styles.Styles) tea.Cmd {
	return sendCmd(ctx, id, chain, map[string]collections.Response{}, runWith{engine: engine, client: client}, resolve, st)
}

// stepError is why a step sent nothing: its failing request, file or script check.
func stepError(st runner.StepResult) error {
	for _, c := range st.Checks {
		if !c.Passed && (c.Kind == runner.KindRequest || c.Kind == runner.KindFile) {
			return errors.New(c.Message)
		}
	}
	return errors.New("not sent")
}

// LastResponse keeps what request variables need of a response.
func LastResponse(r *requests.Response) collections.Response {
	hs := make([]collections.Header, len(r.Headers))
	for i, h := range r.Headers {
		hs[i] = collections.Header{Name: h.Name, Value: h.Value}
	}
	body := r.Body
	if r.Decoded != nil {
		body = r.Decoded
	}
	return collections.Response{Headers: hs, Body: body}
}
