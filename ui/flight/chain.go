package flight

import (
	"maps"
	"strings"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/scripts"
)

// Chain is what sending r takes, in sending order: the named requests whose
// responses r uses through request variables and that have no response yet in
// this session (have), each after the ones it needs itself, then r. coll
// finds them; an unknown name is left for the resolver to report.
func Chain(r *collections.Request, coll *collections.Collection, have map[string]collections.Response) []*collections.Request {
	return append(missing(r, coll, have, map[string]bool{}), r)
}

func missing(r *collections.Request, coll *collections.Collection, have map[string]collections.Response, seen map[string]bool) []*collections.Request {
	var out []*collections.Request
	for _, name := range collections.Dependencies(r) {
		if seen[name] || coll == nil {
			continue
		}
		seen[name] = true
		if _, ok := have[name]; ok {
			continue
		}
		dep, err := coll.Find(name)
		if err != nil || dep.Name != name {
			continue // the resolver will report the unknown name
		}
		out = append(out, missing(dep, coll, have, seen)...)
		out = append(out, dep)
	}
	return out
}

// ChainLabel names a send of chain in the status line: "GET label", and the
// requests sent first for it.
func ChainLabel(chain []*collections.Request, label string) string {
	r := chain[len(chain)-1]
	s := r.Method + " " + label
	if len(chain) > 1 {
		names := make([]string, len(chain)-1)
		for i, d := range chain[:len(chain)-1] {
			names[i] = d.Name
		}
		s += " (first " + strings.Join(names, ", ") + ")"
	}
	return s
}

// Resolver is what resolving a request for a send reads, copied so that the
// command shares nothing mutable with the model.
type Resolver struct {
	Vars    map[string]string // --var values and the answers to # @prompt questions
	Env     map[string]string // the environment's variables
	Demo    string            // the demo API's base URL
	Globals *scripts.Globals  // safe for concurrent use: read as the command runs
	// Stored is the newest stored response of a named request, for one the
	// session has none of; nil without a history.
	Stored func(name string) (collections.Response, bool)
}

// Resolve is the resolve function over copies of rv's maps.
func (rv Resolver) Resolve() Resolve {
	vars, env, demo, stored, globals := maps.Clone(rv.Vars), maps.Clone(rv.Env), rv.Demo, rv.Stored, rv.Globals
	var lookup func(string) (string, bool)
	if globals != nil {
		lookup = globals.Lookup
	}
	return func(r *collections.Request, last map[string]collections.Response, reqVars map[string]string) (requests.Request, error) {
		res := collections.Resolver{Vars: vars, Env: env, Demo: demo, Globals: lookup}
		if len(reqVars) > 0 {
			// A pre-request script's request.variables win over all but --var.
			res.Vars = maps.Clone(reqVars)
			maps.Copy(res.Vars, vars)
		}
		res.Responses = func(name string) (collections.Response, bool) {
			if resp, ok := last[name]; ok || stored == nil {
				return resp, ok
			}
			return stored(name)
		}
		out, err := res.Resolve(r)
		if err != nil {
			return requests.Request{}, err
		}
		hs := make([]requests.Header, len(out.Headers))
		for i, h := range out.Headers {
			hs[i] = requests.Header{Name: h.Name, Value: h.Value}
		}
		return requests.Request{Method: out.Method, URL: out.URL, Headers: hs, Body: out.Body}, nil
	}
}
