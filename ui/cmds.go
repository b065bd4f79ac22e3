package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
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
)

// sendStartedCmd reports the moment send id began.
func sendStartedCmd(id int) tea.Cmd {
	return func() tea.Msg { return sendStartedMsg{id: id, at: time.Now()} }
}

// resolveFunc produces the wire request for r; it runs inside a command and must
// only read values copied for it, plus the responses map it is handed. vars are
// the request variables its pre-request scripts set (nil when none ran).
type resolveFunc func(r *collections.Request, last map[string]collections.Response, vars map[string]string) (requests.Request, error)

// sendCmd sends chain in order — the requests whose responses the last one needs
// through request variables, then the last one — and explains and prepares the
// last exchange, so that Update only has to store the result. last is the
// command's own copy of the session's responses; ctx is cancelled by esc.
//
// Each request runs its pre-request scripts, response handlers and @expect lines
// (collrun, runner); with the cache lab on, every request goes through it and the
// explanation reads the answer at the lab's clock.
func sendCmd(ctx context.Context, id int, chain []*collections.Request, last map[string]collections.Response,
	run sendRun, resolve resolveFunc, st Styles) tea.Cmd {
	return func() tea.Msg {
		msg := responseMsg{id: id}
		res := collrun.Chain(ctx, chain, func(r *collections.Request, vars map[string]string) (requests.Request, error) {
			return resolve(r, last, vars)
		}, collrun.Options{Engine: run.engine, Client: run.client, Lab: run.lab, Env: run.env,
			Done: func(r *collections.Request, sr runner.StepResult) {
				if sr.Exchange == nil {
					return
				}
				msg.sent = append(msg.sent, historycmds.Sent{Req: r, X: *sr.Exchange})
				if x := sr.Exchange; r.Name != "" && x.Err == nil && x.Response != nil {
					last[r.Name] = lastResponse(x.Response)
					msg.kept = append(msg.kept, keptResponse{name: r.Name, resp: last[r.Name]})
				}
			}})
		var x requests.Exchange
		if step, lab, ok := res.Last(); ok {
			msg.lab = lab
			if step.Exchange != nil {
				x = *step.Exchange
			} else {
				x = requests.Exchange{Err: stepError(step), Sent: time.Now()}
			}
			msg.report = step.Report
		} else {
			x = requests.Exchange{Err: ctx.Err(), Sent: time.Now()}
		}
		msg.steps = res.Steps
		msg.exchange = x
		if x.Response != nil && msg.report == nil {
			r := explain.Analyze(explaininput.From(x, time.Now()))
			msg.report = &r
		}
		msg.content = responsecontent.New(x, st)
		msg.content.SetTests(res.Steps, st)
		if lab := msg.lab; lab != nil {
			msg.content.SetLab(lab, run.lab, st)
		}
		return msg
	}
}

// sendRun is what a send runs with besides the requests: the session's script
// engine (its globals), the client of this send, the cache lab when it is on,
// and the environment scripts read.
type sendRun struct {
	engine *scripts.Engine
	client *requests.Client
	lab    *cachelab.Lab
	env    map[string]string
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

// loadCollectionCmd reads the collection at path, or the .http files directly in
// dir when path is "", or the built-in tour when dir has none; then its
// environments.
func loadCollectionCmd(path, dir string) tea.Cmd {
	return func() tea.Msg {
		coll, label, err := openCollection(path, dir)
		if err != nil {
			return collectionLoadedMsg{err: err}
		}
		msg := collectionLoadedMsg{coll: coll, label: label, envs: map[string]map[string]string{}}
		if coll.Dir == "" {
			return msg
		}
		names, err := collections.EnvNames(coll.Dir)
		if err != nil {
			coll.Errors = append(coll.Errors, err)
			return msg
		}
		msg.names = names
		for _, n := range append([]string{""}, names...) {
			vars, err := collections.LoadEnv(coll.Dir, n)
			if err != nil {
				coll.Errors = append(coll.Errors, err)
				continue
			}
			msg.envs[n] = vars
		}
		return msg
	}
}

// openCollection picks and reads the collection; label names it for the user.
func openCollection(path, dir string) (*collections.Collection, string, error) {
	if path != "" {
		c, err := collections.Load(path)
		return c, path, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, "", err
	}
	c := &collections.Collection{Root: dir, Dir: dir}
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); e.IsDir() || ext != ".http" && ext != ".rest" {
			continue
		}
		fc, err := collections.Load(filepath.Join(dir, e.Name()))
		if err != nil {
			c.Errors = append(c.Errors, err)
			continue
		}
		c.Files = append(c.Files, fc.Files...)
		c.Errors = append(c.Errors, fc.Errors...)
	}
	if len(c.Files) > 0 || len(c.Errors) > 0 {
		return c, "the .http files of " + dir, nil
	}
	tour, err := collections.Tour()
	return tour, "the built-in tour", err
}
