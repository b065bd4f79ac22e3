package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/httplens/httplens/atomicfile"
	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/runner"
	"github.com/httplens/httplens/scripts"
)

// runFlags are the flags of `httplens run`. The sending flags are send's, so the
// settings file applies to both the same way.
type runFlags struct {
	send          sendFlags
	reports       []string // "junit=FILE" or "json=FILE"
	failOn        string
	scriptTimeout time.Duration
}

func newRunCmd() *cobra.Command {
	var f runFlags
	c := &cobra.Command{
		Use:   "run FILE|DIR [NAME...]",
		Short: "Run requests with their scripts and expectations, as a test suite (CI)",
		Long: `Send the requests of a .http file or folder in file order, the requests they
depend on ({{name.response...}}) first, run their JetBrains scripts (> {% %},
< {% %}, > file.js) and their # @expect lines, and print one line per request and
per check. NAME picks requests (@name, title, #index or FILE:LINE); without it
every request runs. Globals a script sets (client.global.set) feed {{name}} in
later requests; variables a pre-request script sets (request.variables.set) win
over every other value for that request.

Exit status: 0 when every check passed, 1 when a test, expectation, script or
request failed, 2 for bad usage or errors in the files.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			applySendSettings(c, &f.send)
			ctx := c.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			// ctrl+c stops the run after the request in flight; the reports still
			// get what ran.
			ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
			defer stop()
			return runRun(ctx, c.OutOrStdout(), c.ErrOrStderr(), args, f)
		},
		ValidArgsFunction: completeRequests,
	}
	fl := c.Flags()
	fl.StringVar(&f.send.env, "env", "", "environment from http-client.env.json")
	fl.StringArrayVar(&f.send.vars, "var", nil, "variable k=v, overriding the file and the environment (repeatable)")
	fl.StringArrayVar(&f.reports, "report", nil, "write a report: junit=FILE or json=FILE (repeatable)")
	fl.StringVar(&f.failOn, "fail-on", "", "also fail on explain findings: warn (warnings and errors) or error")
	fl.StringVar(&f.send.cache, "cache", "", "send through one in-process cache lab for the whole run: private or shared")
	fl.DurationVar(&f.send.timeout, "timeout", 30*time.Second, "time limit for each exchange")
	fl.DurationVar(&f.scriptTimeout, "script-timeout", scripts.DefaultTimeout, "time limit for each script")
	fl.BoolVar(&f.send.insecure, "insecure", false, "do not verify TLS certificates")
	fl.BoolVar(&f.send.noFollow, "no-follow", false, "do not follow redirects")
	fl.Int64Var(&f.send.maxBody, "max-body", requests.DefaultMaxBody, "keep at most this many bytes of each body")
	fl.BoolVar(&f.send.noCookie, "no-cookies", false, "neither send nor keep cookies (by default the run keeps its own)")
	c.RegisterFlagCompletionFunc("env", completeEnvs)
	return c
}

// runReport is one --report flag.
type runReport struct {
	kind, path string
}

// runSetup is what a run needs, checked before anything is sent.
type runSetup struct {
	reports []runReport
	failOn  explain.Severity
	coll    *collections.Collection
	plan    []planned
	rv      *collections.Resolver
	// fileErrors are the problems outside any request (unreadable files, lines
	// outside requests): printed, and the run exits 2, but the requests still run.
	fileErrors []string
}

func checkRunFlags(f runFlags) (reps []runReport, failOn explain.Severity, err error) {
	for _, r := range f.reports {
		kind, path, ok := strings.Cut(r, "=")
		if !ok || path == "" || (kind != "junit" && kind != "json") {
			return nil, "", usageError("run: --report %q: want junit=FILE or json=FILE", r)
		}
		reps = append(reps, runReport{kind, path})
	}
	switch f.failOn {
	case "":
	case "warn", "warning":
		failOn = explain.Warning
	case "error":
		failOn = explain.Error
	default:
		return nil, "", usageError("run: --fail-on %q: want warn or error", f.failOn)
	}
	if c := f.send.cache; c != "" && c != "private" && c != "shared" {
		return nil, "", usageError("run: --cache %q: want private or shared", c)
	}
	if f.scriptTimeout <= 0 {
		return nil, "", usageError("run: --script-timeout must be positive")
	}
	return reps, failOn, nil
}

// setupRun checks the flags, loads the collection and plans the run.
func setupRun(args []string, f runFlags) (runSetup, error) {
	var s runSetup
	var err error
	if s.reports, s.failOn, err = checkRunFlags(f); err != nil {
		return s, err
	}
	if len(args) == 1 {
		args = splitFileLine(args)
	}
	if s.coll, err = collections.Load(args[0]); err != nil {
		return s, usageError("%v", err)
	}
	for _, e := range s.coll.Errors {
		s.fileErrors = append(s.fileErrors, e.Error())
	}
	for _, file := range s.coll.Files {
		for _, e := range file.Errors {
			s.fileErrors = append(s.fileErrors, e.Error())
		}
	}
	if s.plan, err = planRun(s.coll, args[1:]); err != nil {
		return s, err
	}
	env, err := collections.LoadEnv(s.coll.Dir, f.send.env)
	if err != nil {
		return s, usageError("%v", err)
	}
	vars, err := parseVars(f.send.vars)
	if err != nil {
		return s, err
	}
	dotenv, err := collections.LoadDotEnv(s.coll.Dir)
	if err != nil {
		return s, usageError("%v", err)
	}
	s.rv = &collections.Resolver{Vars: vars, Env: env, DotEnv: dotenv}
	return s, nil
}

func runRun(ctx context.Context, out, errOut io.Writer, args []string, f runFlags) error {
	s, err := setupRun(args, f)
	if err != nil {
		return err
	}
	for _, e := range s.fileErrors {
		fmt.Fprintf(errOut, "httplens: %s\n", printableText(e))
	}
	for _, p := range s.plan {
		for _, u := range p.req.Unsupported {
			fmt.Fprintf(errOut, "note: %s\n", printableText(u.Error()))
		}
	}
	if s.needsDemo() {
		srv, err := demo.Start()
		if err != nil {
			return failedError(fmt.Errorf("starting the demo API: %w", err))
		}
		defer srv.Close()
		s.rv.Demo = srv.URL()
	}

	globals := &scripts.Globals{}
	s.rv.Globals = globals.Lookup
	last := lastResponses{}
	s.rv.Responses = last.lookup
	if !f.send.noCookie {
		f.send.jar = requests.NewJar(nil) // this run's own: CI runs start clean
	}
	client := requests.NewClient(sendOptions(f.send))
	defer client.CloseIdleConnections()

	pr := newRunPrinter(out, s.plan)
	opts := runner.Options{
		Client: client,
		Engine: &scripts.Engine{Globals: globals, Timeout: f.scriptTimeout},
		FailOn: s.failOn,
	}
	if f.send.cache != "" {
		// One lab for the whole run, so later requests see what earlier ones stored.
		lab := cachelab.New(cachelab.Config{Shared: f.send.cache == "shared", Send: client.Send})
		opts.Send = func(ctx context.Context, r requests.Request) (requests.Exchange, *explain.Exchange) {
			res := lab.Do(ctx, r)
			pr.cacheLabel = fmt.Sprintf("%s: %s", f.send.cache, res.Label)
			return res.Response, &res.Explain // explained at the lab's clock
		}
	}
	opts.Progress = func(i, n int, r runner.StepResult) {
		last.keep(s.plan[i].req.Name, r)
		pr.step(i, r)
	}
	pr.start()
	steps := s.steps()
	if f.send.cache == "" {
		ownSettings(steps, s.plan, f.send)
	}
	rep := runner.Run(ctx, steps, opts)
	pr.summary(rep)

	code := rep.ExitCode()
	if len(s.fileErrors) > 0 {
		code = runner.ExitFileErrors
	}
	for _, r := range s.reports {
		if err := writeRunReport(r, rep); err != nil {
			fmt.Fprintf(errOut, "httplens: %s\n", printableText(err.Error()))
			code = max(code, runner.ExitFileErrors)
		}
	}
	if ctx.Err() != nil {
		return &exitError{code: max(code, runner.ExitFailed), err: fmt.Errorf("run: interrupted after %d of %d requests", len(rep.Steps), len(s.plan))}
	}
	if code == runner.ExitPassed {
		return nil
	}
	return &exitError{code: code, err: runFailure(rep, len(s.fileErrors))}
}

// runFailure is the one line that says why a run did not pass.
func runFailure(rep runner.Report, fileErrors int) error {
	checks, failed := rep.Counts()
	msg := fmt.Sprintf("%d of %d checks failed", failed, checks)
	if fileErrors > 0 {
		msg += fmt.Sprintf("; %d errors in the files", fileErrors)
	}
	return fmt.Errorf("run: %s", msg)
}

func writeRunReport(r runReport, rep runner.Report) error {
	write := runner.WriteJSON
	if r.kind == "junit" {
		write = runner.WriteJUnit
	}
	err := atomicfile.Write(r.path, atomicfile.Options{Perm: 0o644}, func(w io.Writer) error { return write(w, rep) })
	if err != nil {
		return fmt.Errorf("--report %s=%s: %w", r.kind, r.path, err)
	}
	return nil
}

// lastResponses keeps each named request's last response, for {{name.response...}}.
type lastResponses map[string]collections.Response

func (l lastResponses) keep(name string, r runner.StepResult) {
	x := r.Exchange
	if name == "" || x == nil || x.Response == nil {
		return
	}
	body := x.Response.Body
	if x.Response.Decoded != nil {
		body = x.Response.Decoded
	}
	l[name] = collections.Response{Headers: collectionHeaders(x.Response.Headers), Body: body}
}

func (l lastResponses) lookup(name string) (collections.Response, bool) {
	r, ok := l[name]
	return r, ok
}

// ownSettings gives the steps whose requests carry # @no-redirect or
// # @no-cookie-jar a client with those settings, as send and the TUI apply them.
// (Through --cache the lab's one client sends everything.)
func ownSettings(steps []runner.Step, plan []planned, base sendFlags) {
	clients := map[[2]bool]*requests.Client{}
	for i, p := range plan {
		f, own := base, false
		for _, d := range p.req.Directives {
			switch d.Name {
			case "no-redirect":
				f.noFollow, own = true, true
			case "no-cookie-jar":
				f.noCookie, f.jar, own = true, nil, true
			}
		}
		if !own {
			continue
		}
		k := [2]bool{f.noFollow, f.noCookie}
		c := clients[k]
		if c == nil {
			c = requests.NewClient(sendOptions(f))
			clients[k] = c
		}
		steps[i].Send = func(ctx context.Context, r requests.Request) (requests.Exchange, *explain.Exchange) {
			return c.Send(ctx, r), nil
		}
	}
}
