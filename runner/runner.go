// Package runner runs a sequence of saved requests as a test suite: for each step it
// runs the pre-request scripts, resolves and sends the request, explains the
// exchange, runs the response handlers and the `# @expect` directives, and collects
// one result per request. Reports are JUnit XML and JSON; the exit code says
// whether everything passed.
//
// The runner knows nothing of .http files: the caller turns a collection into Steps
// (in file order, dependencies first) and resolves variables through Step.Resolve,
// reading the scripts' globals from the same scripts.Globals the Engine writes.
package runner

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/httplens/httplens/expect"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/scripts"
)

// Script is a script block of a request, as the collection parser reads it: inline
// JavaScript in Source (which starts right after the `{%` on line Line), or a handler
// file named by File as written (`> ./check.js`). Pre marks a pre-request script.
type Script struct {
	Pre    bool
	Source string
	File   string
	Line   int
}

// Directive is a `# @name value` comment of a request; the runner reads `expect`.
type Directive struct {
	Name  string
	Value string
	Line  int
}

// Step is one request to run. Request is the request as written, before variables
// are substituted: pre-request scripts see it. Resolve turns it into the request to
// send, given the request variables the pre-request scripts set; it must read
// globals from the Engine's Globals so that a token a handler kept reaches the next
// request. A nil Resolve sends Request's fields as they are.
type Step struct {
	Name       string
	File       string // the .http file, as the user named it
	Line       int    // the line of the request in File
	BaseDir    string // handler files are read from here; empty: File's folder
	Request    scripts.Request
	Resolve    func(vars map[string]string) (requests.Request, error)
	Scripts    []Script
	Directives []Directive
	// Problems are what is wrong with the request in its file (a syntax error, a
	// dependency cycle); each fails the step as a file error and it is not sent.
	Problems []error
	// Send, when set, sends this step instead of Options.Send: a request whose
	// own settings (# @no-redirect, # @no-cookie-jar) need another client.
	Send func(ctx context.Context, r requests.Request) (requests.Exchange, *explain.Exchange)
}

// Options configure Run. The zero value sends with a default client, runs scripts
// with the default limits and fails on tests and expectations only.
type Options struct {
	// Client sends the requests; nil means requests.NewClient(requests.Options{}).
	Client *requests.Client
	// Send, when set, sends instead of Client: e.g. through a cache lab, whose
	// answer explain must read at the lab's clock. It returns the exchange the
	// client got and, when not nil, that exchange as explain should read it
	// (nil: explaininput.From at Now).
	Send func(ctx context.Context, r requests.Request) (requests.Exchange, *explain.Exchange)
	// Engine runs the scripts; nil means an Engine with its own Globals.
	Engine *scripts.Engine
	// FailOn, when set to explain.Warning or explain.Error, also fails a request on
	// findings of that severity or worse.
	FailOn explain.Severity
	// Now is the clock for the caching verdict; nil means time.Now.
	Now func() time.Time
	// Progress, when set, is called after each step with its index, the number of
	// steps and its result.
	Progress func(i, n int, r StepResult)
}

// Kinds of check in a StepResult.
const (
	KindTest    = "test"    // a client.test of a script
	KindScript  = "script"  // a script that threw, looped or ran out of memory
	KindExpect  = "expect"  // a # @expect directive
	KindFinding = "finding" // an explain finding at or above FailOn
	KindRequest = "request" // the request could not be resolved or sent
	KindFile    = "file"    // the collection itself is wrong: a bad directive, a missing file
)

// Check is one pass/fail line of a step.
type Check struct {
	Kind    string   `json:"kind"`
	Name    string   `json:"name"`
	Passed  bool     `json:"passed"`
	Message string   `json:"message,omitempty"`
	Refs    []string `json:"refs,omitempty"`
}

// StepResult is what running one step produced. Exchange is nil when nothing was
// sent.
type StepResult struct {
	Name     string             `json:"name"`
	File     string             `json:"file"`
	Line     int                `json:"line"`
	Exchange *requests.Exchange `json:"-"`
	Checks   []Check            `json:"tests"`
	Logs     []string           `json:"logs"`
	Report   *explain.Report    `json:"-"`
	Duration time.Duration      `json:"-"`
	// ScriptTime is the time spent running the step's scripts and their tests.
	ScriptTime time.Duration `json:"-"`
}

// Passed says whether every check of the step passed.
func (r StepResult) Passed() bool {
	for _, c := range r.Checks {
		if !c.Passed {
			return false
		}
	}
	return true
}

// Report is the result of a run.
type Report struct {
	Steps    []StepResult
	Duration time.Duration
}

// Exit codes, as the CLI contract gives them.
const (
	ExitPassed     = 0 // every check passed
	ExitFailed     = 1 // a test, expectation, script or request failed
	ExitFileErrors = 2 // the collection is wrong (bad directive, missing handler file)
)

// ExitCode is ExitFileErrors when any step had a file error, ExitFailed when any
// check failed, ExitPassed otherwise.
func (r Report) ExitCode() int {
	code := ExitPassed
	for _, s := range r.Steps {
		for _, c := range s.Checks {
			switch {
			case c.Passed:
			case c.Kind == KindFile:
				return ExitFileErrors
			default:
				code = ExitFailed
			}
		}
	}
	return code
}

// Counts returns the number of checks, and of those that failed.
func (r Report) Counts() (checks, failed int) {
	for _, s := range r.Steps {
		for _, c := range s.Checks {
			checks++
			if !c.Passed {
				failed++
			}
		}
	}
	return checks, failed
}

// Run runs the steps in order and returns what each produced. A failing step never
// stops the run; cancelling ctx does, and the steps not run are left out.
func Run(ctx context.Context, steps []Step, opts Options) Report {
	if opts.Client == nil && opts.Send == nil {
		opts.Client = requests.NewClient(requests.Options{})
		defer opts.Client.CloseIdleConnections()
	}
	if opts.Send == nil {
		opts.Send = func(ctx context.Context, r requests.Request) (requests.Exchange, *explain.Exchange) {
			return opts.Client.Send(ctx, r), nil
		}
	}
	if opts.Engine == nil {
		opts.Engine = &scripts.Engine{Globals: &scripts.Globals{}}
	}
	// The runtime is built and the scripts compiled while the requests before
	// them are on the wire (scripts.Engine.Prepare): the first script of a
	// process costs milliseconds, and each block of a file is a script of its
	// own, compiled for its request.
	files := handlerFiles{}
	if slices.ContainsFunc(steps, func(st Step) bool { return len(st.Scripts) > 0 }) {
		ahead, stop := context.WithCancel(ctx)
		defer stop()
		opts.Engine.Prepare(ahead, plan(steps, files))
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	start := time.Now()
	var rep Report
	for i, st := range steps {
		if ctx.Err() != nil {
			break
		}
		r := runStep(ctx, st, opts, files)
		rep.Steps = append(rep.Steps, r)
		if opts.Progress != nil {
			opts.Progress(i, len(steps), r)
		}
	}
	rep.Duration = time.Since(start)
	return rep
}

// plan lists the scripts the steps will run, in order, as runStep will run them,
// for Prepare: every inline block, and the handler files of the first steps (up
// to MaxPrepared scripts in), read through files, which keeps them for their
// steps. A file further on is read as its step runs; one that cannot be read is
// left for its step to report.
func plan(steps []Step, files handlerFiles) []scripts.Planned {
	var out []scripts.Planned
	for _, st := range steps {
		for _, s := range st.Scripts {
			prog := scripts.Program{Name: st.File, Source: s.Source, Line: s.Line}
			if s.File != "" {
				if len(out) >= scripts.MaxPrepared {
					continue
				}
				var err error
				if prog, err = files.load(baseDir(st), s.File); err != nil {
					continue
				}
			}
			out = append(out, scripts.Planned{Program: prog, Handler: !s.Pre})
		}
	}
	return out
}

// baseDir is the folder a step's handler files are read from.
func baseDir(st Step) string {
	if st.BaseDir != "" {
		return st.BaseDir
	}
	return filepath.Dir(st.File)
}

// prepared is a step's programs and expectations, read before anything is sent.
type prepared struct {
	pre, post []scripts.Program
	expects   []expect.Expectation
}

// handlerFiles are the handler files a run has read, by path, with the error of
// one that could not be: a run reads each once, however many requests name it
// (reading one cost ~17 µs of CPU, three small handlers).
type handlerFiles map[string]loadedFile

type loadedFile struct {
	prog scripts.Program
	err  error
}

func (h handlerFiles) load(base, path string) (scripts.Program, error) {
	key := filepath.Join(base, path)
	if filepath.IsAbs(path) {
		key = path
	}
	f, ok := h[key]
	if !ok {
		f.prog, f.err = scripts.LoadFile(base, path)
		h[key] = f
	}
	return f.prog, f.err
}

// prepare reads the step's handler files (through files) and parses its
// directives; every problem becomes a file check naming the file and line.
func prepare(st Step, files handlerFiles) (prepared, []Check) {
	var p prepared
	var bad []Check
	base := baseDir(st)
	for _, err := range st.Problems {
		bad = append(bad, Check{Kind: KindFile, Name: "file", Message: err.Error()})
	}
	for _, s := range st.Scripts {
		prog := scripts.Program{Name: st.File, Source: s.Source, Line: s.Line}
		if s.File != "" {
			var err error
			if prog, err = files.load(base, s.File); err != nil {
				bad = append(bad, fileCheck(st.File, s.Line, "script file", err))
				continue
			}
		}
		if s.Pre {
			p.pre = append(p.pre, prog)
		} else {
			p.post = append(p.post, prog)
		}
	}
	for _, d := range st.Directives {
		if d.Name != "expect" {
			continue
		}
		e, err := expect.Parse(d.Value)
		if err != nil {
			bad = append(bad, fileCheck(st.File, d.Line, "@expect "+strings.TrimSpace(d.Value), err))
			continue
		}
		p.expects = append(p.expects, e)
	}
	return p, bad
}

func fileCheck(file string, line int, name string, err error) Check {
	return Check{Kind: KindFile, Name: name, Message: fmt.Sprintf("%s:%d: %v", file, line, err)}
}

func runStep(ctx context.Context, st Step, opts Options, files handlerFiles) StepResult {
	res := StepResult{Name: st.Name, File: st.File, Line: st.Line}
	start := time.Now()
	defer func() { res.Duration = time.Since(start) }()

	p, bad := prepare(st, files)
	if len(bad) > 0 {
		res.Checks = append(bad, notSent("the request has errors in the file"))
		return res
	}
	var vars map[string]string // request.variables, for the step's scripts alone
	if len(p.pre)+len(p.post) > 0 {
		vars = map[string]string{}
	}
	for _, prog := range p.pre {
		out := res.runScript(ctx, opts.Engine, prog, scripts.Env{Request: st.Request, Variables: vars})
		if out.Err != nil {
			res.Checks = append(res.Checks, notSent("its pre-request script failed"))
			return res
		}
	}
	req := requests.Request{Method: st.Request.Method, URL: st.Request.URL, Body: []byte(st.Request.Body),
		Headers: slices.Clone(st.Request.Headers)}
	if st.Resolve != nil {
		var err error
		if req, err = st.Resolve(vars); err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, st.File+":") { // the collections' errors name their place already
				msg = fmt.Sprintf("%s:%d: %s", st.File, st.Line, msg)
			}
			res.Checks = append(res.Checks, Check{Kind: KindRequest, Name: "resolve", Message: msg})
			return res
		}
	}
	send := opts.Send
	if st.Send != nil {
		send = st.Send
	}
	x, lens := send(ctx, req)
	res.Exchange = &x
	if x.Response == nil {
		msg := "no response"
		if x.Err != nil {
			msg = x.Err.Error()
		}
		res.Checks = append(res.Checks, Check{Kind: KindRequest, Name: "send", Message: msg})
		return res
	}
	in := explaininput.From(x, opts.Now())
	if lens != nil {
		in = *lens
	}
	report := explain.Analyze(in)
	res.Report = &report
	sent := Check{Kind: KindRequest, Name: "send", Passed: true,
		Message: fmt.Sprintf("%d %s", x.Response.Status, x.Response.Reason)}
	if x.Err != nil {
		// The head came but the message did not finish (a body cut short): that
		// fails the request, unless it expects the error finding that names it, as
		// a collection demonstrating broken responses does.
		sent.Passed = expectsError(p.expects, report.Findings)
		sent.Message += ", then " + x.Err.Error()
	}
	res.Checks = append(res.Checks, sent)

	if len(p.post) > 0 {
		seen, resp := handlerView(st, req, x)
		for _, prog := range p.post {
			res.runScript(ctx, opts.Engine, prog, scripts.Env{Request: seen, Response: resp, Variables: vars})
		}
	}
	for _, e := range p.expects {
		r := expect.Check(e, in, report)
		res.Checks = append(res.Checks, Check{Kind: KindExpect, Name: r.Name, Passed: r.Passed, Message: r.Reason, Refs: r.Refs})
	}
	res.Checks = append(res.Checks, findingChecks(report.Findings, opts.FailOn, p.expects)...)
	return res
}

// handlerView is the request and response as a step's handlers see them: made
// only for a step that has handlers. The header lists are the exchange's own
// (both packages' Header is headers.Field); scripts only read them.
func handlerView(st Step, req requests.Request, x requests.Exchange) (scripts.Request, *scripts.Response) {
	seen := scripts.Request{Method: x.Request.Method, URL: x.Request.URL, Body: string(req.Body),
		Headers: req.Headers, Substitute: st.Request.Substitute, Environment: st.Request.Environment}
	return seen, &scripts.Response{Status: x.Response.Status, Headers: x.Response.Headers, Body: responseBody(x.Response)}
}

// expectsError says whether an `@expect finding ID` names an error finding that
// explain reported.
func expectsError(es []expect.Expectation, fs []explain.Finding) bool {
	for _, e := range es {
		for _, f := range fs {
			if e.Kind == expect.Finding && e.Arg == f.ID && f.Severity == explain.Error {
				return true
			}
		}
	}
	return false
}

func notSent(why string) Check {
	return Check{Kind: KindRequest, Name: "send", Message: "not sent: " + why}
}

// runScript runs one program and adds what it produced to the result.
func (r *StepResult) runScript(ctx context.Context, e *scripts.Engine, p scripts.Program, env scripts.Env) scripts.Outcome {
	start := time.Now()
	out := e.Run(ctx, p, env)
	r.ScriptTime += time.Since(start)
	r.absorb(out)
	return out
}

// absorb adds a script's tests, its failure and its log lines to the result.
func (r *StepResult) absorb(out scripts.Outcome) {
	for _, t := range out.Tests {
		r.Checks = append(r.Checks, Check{Kind: KindTest, Name: t.Name, Passed: t.Passed, Message: t.Message})
	}
	if out.Err != nil {
		r.Checks = append(r.Checks, Check{Kind: KindScript, Name: "script", Message: out.Err.Error()})
	}
	r.Logs = append(r.Logs, out.Logs...)
}

// responseBody is the body a handler sees: decoded from its Content-Encoding when
// that worked, as JetBrains hands scripts the decoded text.
func responseBody(r *requests.Response) []byte {
	if r.Decoded != nil {
		return r.Decoded
	}
	return r.Body
}

// findingChecks fails the step on each finding at or above failOn, except those
// the request expects (`@expect finding ID`): a demonstration of a broken response
// passes under --fail-on as long as it breaks the way it says.
func findingChecks(fs []explain.Finding, failOn explain.Severity, es []expect.Expectation) []Check {
	if failOn == "" {
		return nil
	}
	expected := map[string]bool{}
	for _, e := range es {
		if e.Kind == expect.Finding {
			expected[e.Arg] = true
		}
	}
	var out []Check
	for _, f := range fs {
		if expected[f.ID] {
			continue
		}
		if f.Severity == explain.Error || (failOn == explain.Warning && f.Severity == explain.Warning) {
			out = append(out, Check{Kind: KindFinding, Name: "finding " + f.ID,
				Message: string(f.Severity) + ": " + f.Title, Refs: f.Refs})
		}
	}
	return out
}
