package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/requests"
)

// savedRequest loads FILE, picks the request NAME (or the only one), sends the
// requests it depends on first (each recorded in the history), and returns it
// resolved with the file and name the history files it under. stop ends the demo
// API if the file needed it.
//
// The request's own settings (# @no-redirect, # @no-cookie-jar, as the JetBrains
// client writes them) are applied to f.
func savedRequest(ctx context.Context, args []string, f *sendFlags, rec *recorder) (r requests.Request, file, name string, stop func(), err error) {
	coll, target, rv, stop, err := prepareSaved(args, *f)
	if err != nil {
		return r, "", "", stop, err
	}
	for _, d := range target.Directives {
		switch d.Name {
		case "no-redirect":
			f.noFollow = true
		case "no-cookie-jar":
			f.noCookie, f.jar = true, nil
		}
	}
	if rec != nil && rec.errOut != nil {
		for _, n := range target.Notes() {
			fmt.Fprintf(rec.errOut, "note: %s\n", printableText(n))
		}
	}
	last := map[string]collections.Response{}
	rv.Responses = func(name string) (collections.Response, bool) {
		r, ok := last[name]
		return r, ok
	}
	first, err := coll.Prerequisites(target)
	if err != nil {
		return r, "", "", stop, usageError("%v", err)
	}
	client := requests.NewClient(sendOptions(*f))
	defer client.CloseIdleConnections()
	for _, dep := range first {
		req, err := resolve(rv, dep)
		if err != nil {
			return r, "", "", stop, err
		}
		x := client.Send(ctx, req)
		rec.add(ctx, x, dep.File.Path, requestKey(dep))
		if x.Err != nil {
			return r, "", "", stop, failedError(fmt.Errorf("sending %s first: %w", describeRequest(dep), x.Err))
		}
		last[dep.Name] = collections.Response{Headers: collectionHeaders(x.Response.Headers), Body: x.Response.Body}
	}
	r, err = resolve(rv, target)
	return r, target.File.Path, requestKey(target), stop, err
}

// prepareSaved loads FILE, picks the request and builds a resolver with the
// environment and --var values. A file that uses {{demo}} gets the demo API started
// in-process; stop ends it and must be called.
func prepareSaved(args []string, f sendFlags) (coll *collections.Collection, target *collections.Request, rv *collections.Resolver, stop func(), err error) {
	stop = func() {}
	coll, err = collections.Load(args[0])
	if err != nil {
		return nil, nil, nil, stop, usageError("%v", err)
	}
	if len(coll.Errors) > 0 {
		return nil, nil, nil, stop, usageError("%v", coll.Errors[0])
	}
	if target, err = pickRequest(coll, args); err != nil {
		return nil, nil, nil, stop, err
	}
	env, err := collections.LoadEnv(coll.Dir, f.env)
	if err != nil {
		return nil, nil, nil, stop, usageError("%v", err)
	}
	vars, err := parseVars(f.vars)
	if err != nil {
		return nil, nil, nil, stop, err
	}
	dotenv, err := collections.LoadDotEnv(coll.Dir)
	if err != nil {
		return nil, nil, nil, stop, usageError("%v", err)
	}
	rv = &collections.Resolver{Vars: vars, Env: env, DotEnv: dotenv}
	if usesDemo(target.File) {
		srv, err := demo.Start()
		if err != nil {
			return nil, nil, nil, stop, failedError(fmt.Errorf("starting the demo API: %w", err))
		}
		stop = func() { srv.Close() }
		rv.Demo = srv.URL()
	}
	return coll, target, rv, stop, nil
}

// pickRequest returns the request NAME addresses (@name, title, #index or
// FILE:LINE), or the file's only request.
func pickRequest(coll *collections.Collection, args []string) (*collections.Request, error) {
	if len(args) == 2 {
		r, err := coll.Lookup(args[1])
		if err != nil {
			return nil, usageError("%v", err)
		}
		return r, nil
	}
	all := coll.Requests()
	switch len(all) {
	case 0:
		return nil, usageError("%s: no requests in it", args[0])
	case 1:
		return all[0], nil
	}
	names := make([]string, len(all))
	for i, r := range all {
		names[i] = coll.Address(r)
	}
	return nil, usageError("%s has %d requests; name one of: %s (or send them all with --all)", args[0], len(all), strings.Join(names, ", "))
}

// splitFileLine turns the single argument "FILE:LINE" into FILE and that address
// when FILE exists; other arguments are returned as they are.
func splitFileLine(args []string) []string {
	if len(args) != 1 {
		return args
	}
	i := strings.LastIndexByte(args[0], ':')
	if i <= 0 || strings.Trim(args[0][i+1:], "0123456789") != "" || args[0][i+1:] == "" {
		return args
	}
	if _, err := os.Stat(args[0][:i]); err != nil {
		return args
	}
	return []string{args[0][:i], args[0]}
}

// completeRequests offers the addresses of FILE's requests and completeEnvs the
// environments beside it, for shell completion.
func completeRequests(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) != 1 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	coll, err := collections.Load(args[0])
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, r := range coll.Requests() {
		out = append(out, coll.Address(r)+"\t"+r.Method+" "+r.URL)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func completeEnvs(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	coll, err := collections.Load(args[0])
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	names, _ := collections.EnvNames(coll.Dir)
	return names, cobra.ShellCompDirectiveNoFileComp
}

// requestKey is the name the history files a saved request under: its @name, or
// its title when it has none.
func requestKey(r *collections.Request) string {
	if r.Name != "" {
		return r.Name
	}
	return r.Title
}

func describeRequest(r *collections.Request) string {
	if r.Name != "" {
		return r.Name
	}
	return fmt.Sprintf("%q", r.Title)
}

func resolve(rv *collections.Resolver, r *collections.Request) (requests.Request, error) {
	res, err := rv.Resolve(r)
	if err != nil {
		return requests.Request{}, usageError("%v", err)
	}
	out := requests.Request{Method: res.Method, URL: res.URL, Body: res.Body}
	for _, h := range res.Headers {
		out.Headers = append(out.Headers, requests.Header{Name: h.Name, Value: h.Value})
	}
	return out, nil
}

func collectionHeaders(hs []requests.Header) []collections.Header {
	return append(make([]collections.Header, 0, len(hs)), hs...) // the same type: a copy, never nil
}

// parseVars reads --var k=v flags.
func parseVars(kvs []string) (map[string]string, error) {
	vars := make(map[string]string, len(kvs))
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, usageError("--var %q is not k=v", kv)
		}
		vars[strings.TrimSpace(k)] = v
	}
	return vars, nil
}

// usesDemo reports whether a file refers to the built-in demo API.
func usesDemo(f *collections.File) bool {
	return bytes.Contains(f.Content, []byte("{{demo}}"))
}
