package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui"
)

// sendFlags are the flags of `httplens send`, in both its forms.
type sendFlags struct {
	method   string
	headers  []string
	data     string
	env      string
	vars     []string
	explain  bool
	json     bool
	timeout  time.Duration
	insecure bool
	noFollow bool
	http2    bool
	maxBody  int64
	history  string
	noHist   bool
	noCookie bool
	all      bool // send every request of the file
	verbose  bool
	jar      *requests.Jar // this run's cookie jar; nil with --no-cookies
	cache    string        // --cache: private or shared, through the cache lab
	via      string        // --via: an HTTP proxy URL

	conf settings.Settings // the settings file, applied under the flags
}

func newSendCmd() *cobra.Command {
	var f sendFlags
	c := &cobra.Command{
		Use:   "send FILE [NAME] | send [-X M] [-H 'N: v']... [-d BODY|@file] URL",
		Short: "Send a saved request or an ad-hoc one and print the raw response",
		Long: `Send one request and print the response exactly as received.

With a URL (http:// or https://) the request is built from the flags, curl-style.
Otherwise the first argument is a .http file (or folder) and NAME picks the
request in it: @name, its title, #index (from 1, as list prints) or FILE:LINE.
"send FILE:LINE" alone works too, and --all sends every request in order.
Scripts and constructs httplens does not support are noted on stderr.`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(c *cobra.Command, args []string) error {
			applySendSettings(c, &f)
			if f.all {
				exitsAfterSend = false // each request of the file closes its connection, as before
				return runSendAll(c.Context(), c.OutOrStdout(), c.ErrOrStderr(), args, f)
			}
			return runSend(c.Context(), c.OutOrStdout(), c.ErrOrStderr(), splitFileLine(args), f)
		},
		ValidArgsFunction: completeRequests,
	}
	fl := c.Flags()
	fl.StringVarP(&f.method, "request", "X", "", "method of an ad-hoc request (default GET, or POST with -d)")
	fl.StringArrayVarP(&f.headers, "header", "H", nil, "header 'Name: value' of an ad-hoc request (repeatable)")
	fl.StringVarP(&f.data, "data", "d", "", "body of an ad-hoc request, or @file to send a file")
	fl.StringVar(&f.env, "env", "", "environment from http-client.env.json")
	fl.StringArrayVar(&f.vars, "var", nil, "variable k=v, overriding the file and the environment (repeatable)")
	fl.BoolVar(&f.explain, "explain", false, "explain the response after printing it")
	fl.BoolVar(&f.json, "json", false, "print request, response, timing and explanation as JSON")
	fl.DurationVar(&f.timeout, "timeout", 30*time.Second, "time limit for the whole exchange")
	fl.BoolVar(&f.insecure, "insecure", false, "do not verify TLS certificates")
	fl.BoolVar(&f.noFollow, "no-follow", false, "do not follow redirects")
	fl.BoolVar(&f.http2, "http2", false, "let HTTPS negotiate HTTP/2 (the raw head is then rebuilt from parsed fields)")
	fl.Int64Var(&f.maxBody, "max-body", requests.DefaultMaxBody, "keep at most this many bytes of the body")
	addHistoryFlag(fl, &f.history)
	fl.BoolVar(&f.noHist, "no-history", false, "do not keep this exchange in the history")
	fl.BoolVar(&f.noCookie, "no-cookies", false, "neither send nor keep cookies")
	addCacheFlags(fl, &f.cache, &f.via)
	fl.BoolVar(&f.all, "all", false, "send every request of FILE in order")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "print the request as sent to stderr, curl-style (> lines; added headers marked)")
	c.RegisterFlagCompletionFunc("env", completeEnvs)
	return c
}

// exitsAfterSend says the process ends once the send is done (Main sets it; the
// tests, which run the command line in one process many times, do not), so the
// connection is left for the kernel to close.
var exitsAfterSend bool

// runSendAll sends every request of FILE in order. A request that cannot be sent
// is reported on stderr and the others still go; the exit status is the worst.
func runSendAll(ctx context.Context, out, errOut io.Writer, args []string, f sendFlags) error {
	if len(args) != 1 || isURL(args[0]) {
		return usageError("send --all takes one .http file or folder")
	}
	coll, err := collections.Load(args[0])
	if err != nil {
		return usageError("%v", err)
	}
	all := coll.Requests()
	worst, failed := exitOK, 0
	for i, r := range all {
		err := runSend(ctx, out, errOut, []string{args[0], fmt.Sprintf("#%d", i+1)}, f)
		if err == nil {
			continue
		}
		failed++
		fmt.Fprintf(errOut, "httplens: %s: %s\n", printableText(coll.Address(r)), printableText(err.Error()))
		code := exitUsage
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
		}
		worst = max(worst, code)
	}
	if failed > 0 {
		return &exitError{code: worst, err: fmt.Errorf("%d of %d requests could not be sent", failed, len(all))}
	}
	return nil
}

// isURL tells the ad-hoc form from the file form.
func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func runSend(ctx context.Context, out, errOut io.Writer, args []string, f sendFlags) error {
	if ctx == nil {
		ctx = context.Background()
	}
	rec := openRecorder(errOut, f)
	defer rec.close()
	if !f.noCookie {
		f.jar = rec.jar(ctx, f.env)
		defer rec.saveJar(ctx, f.env, f.jar)
	}
	var req requests.Request
	var file, name string
	var err error
	if isURL(args[0]) {
		if len(args) > 1 {
			return usageError("send: unexpected argument %q after the URL", args[1])
		}
		req, err = adHocRequest(args[0], f)
	} else {
		var stop func()
		req, file, name, stop, err = savedRequest(ctx, args, &f, rec)
		defer stop()
	}
	if err != nil {
		return err
	}
	opts := sendOptions(f)
	if proxy, err := viaProxy(f.via); err != nil {
		return err
	} else if proxy != nil {
		opts.Proxy = proxy
	}
	st := streamTo(out, f, rec, &opts)
	rec.prepare(ctx)
	x, err := sendThrough(ctx, errOut, req, opts, f.cache)
	if err != nil {
		return err
	}
	// Print first: the answer is what the user waits for; keeping it follows.
	printErr := printExchange(out, errOut, x, f, st)
	rec.add(ctx, x, file, name)
	if printErr != nil {
		return printErr
	}
	if x.Err != nil {
		return failedError(x.Err)
	}
	return nil
}

func sendOptions(f sendFlags) requests.Options {
	o := f.conf.Request.Options()
	o.Timeout, o.FollowRedirects, o.Insecure, o.MaxBody = f.timeout, !f.noFollow, f.insecure, f.maxBody
	o.HTTP2 = f.http2
	o.UserAgent = "httplens/" + version
	if f.jar != nil {
		o.Jar = f.jar
	}
	return o
}

// applySendSettings loads the settings file and puts its values under every flag
// the user did not give. A bad file costs a warning per problem: the run goes on
// with the defaults for what was wrong.
func applySendSettings(c *cobra.Command, f *sendFlags) {
	path, _ := c.Flags().GetString("config")
	conf, _, errs := settings.OpenKeyless(path, ui.Actions)
	for _, err := range errs {
		fmt.Fprintf(c.ErrOrStderr(), "httplens: %s\n", printableText(err.Error()))
	}
	f.conf = conf
	unset := func(name string) bool { return !c.Flags().Changed(name) }
	if unset("timeout") {
		f.timeout = conf.Request.Timeout
	}
	if unset("no-follow") {
		f.noFollow = !conf.Request.FollowRedirects
	}
	if unset("insecure") {
		f.insecure = !conf.Request.VerifyTLS
	}
	if unset("max-body") {
		f.maxBody = conf.Request.MaxBody
	}
	if unset("no-history") {
		f.noHist = !conf.History.Enabled
	}
	if unset("history") {
		f.history = conf.History.Path
	}
	if unset("env") {
		f.env = conf.Environment
	}
	if unset("no-cookies") {
		f.noCookie = !conf.Cookies.For(f.env)
	}
}

// adHocRequest builds a request from curl-style flags.
func adHocRequest(url string, f sendFlags) (requests.Request, error) {
	// The method is sent as written: methods are case-sensitive (RFC 9110 §9.1).
	r := requests.Request{Method: f.method, URL: url}
	var err error
	if r.Headers, err = headerFlags("send", f.headers); err != nil {
		return r, err
	}
	if r.Body, err = dataFlag("send", f.data); err != nil {
		return r, err
	}
	switch {
	case r.Method != "":
	case r.Body != nil:
		r.Method = "POST" // as curl does with -d
	default:
		r.Method = "GET"
	}
	return r, nil
}

// headerFlags reads repeated -H 'Name: value' flags of the command cmd.
func headerFlags(cmd string, hs []string) ([]requests.Header, error) {
	var out []requests.Header
	for _, h := range hs {
		name, value, ok := strings.Cut(h, ":")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, usageError("%s: header %q is not 'Name: value'", cmd, h)
		}
		out = append(out, requests.Header{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
	}
	return out, nil
}

// dataFlag reads -d BODY, or -d @file to send a file; nil when there is none.
func dataFlag(cmd, data string) ([]byte, error) {
	if data == "" {
		return nil, nil
	}
	file, ok := strings.CutPrefix(data, "@")
	if !ok {
		return []byte(data), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, usageError("%s: %v", cmd, err)
	}
	return b, nil
}

// printExchange writes the response as received: the raw head then the body. A
// terminal gets the bytes made visible; a pipe or file gets them exactly.
// When st says the response was streamed as it arrived, only the notes are left.
func printExchange(out, errOut io.Writer, x requests.Exchange, f sendFlags, st *streamed) error {
	if f.verbose {
		writeRequestSent(errOut, x.Request)
	}
	if f.json {
		return writeJSON(out, x)
	}
	writeHops(errOut, x, f.explain)
	if x.Response == nil {
		return nil
	}
	defer writeWireNotes(errOut, x.Response)
	if isTerminal(out) {
		raw := append(append([]byte{}, x.Response.RawHead...), x.Response.Body...)
		if x.Response.Reconstructed {
			io.WriteString(out, "(HTTP/2: head rebuilt from parsed fields)\n")
		}
		if _, err := io.WriteString(out, visibleText(raw)+"\n"); err != nil {
			return err
		}
		if err := writeExtra(out, x.Response, true); err != nil {
			return err
		}
	} else if st.done() {
		if st.err != nil {
			return st.err
		}
	} else {
		if _, err := out.Write(x.Response.RawHead); err != nil {
			return err
		}
		if _, err := out.Write(x.Response.Body); err != nil {
			return err
		}
	}
	if x.Response.Truncated {
		fmt.Fprintf(errOut, "httplens: body cut at %d bytes (--max-body)\n", x.Response.BodyBytes)
	}
	if x.Response.Status == 0 {
		// No status line: there is no response to analyse, only bytes to read.
		if why := rawExplanation(x.Response); why != "" {
			fmt.Fprintf(errOut, "* explain: %s\n", printableText(why))
		}
		return nil
	}
	if f.explain {
		return writeExplanation(out, x)
	}
	return nil
}

// isTerminal reports whether w is a terminal. A mode check is not enough: /dev/null
// is a character device too.
func isTerminal(w io.Writer) bool {
	file, ok := w.(*os.File)
	return ok && term.IsTerminal(file.Fd())
}
