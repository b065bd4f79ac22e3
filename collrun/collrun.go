// Package collrun turns requests of a collection into runner steps: the request
// as written (what pre-request scripts see), its script blocks and its
// directives, and a Resolve that substitutes variables with the request
// variables the scripts set. The TUI sends through it, so a request runs its
// scripts and expectations the same way wherever it is sent.
package collrun

import (
	"os"
	"path/filepath"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/runner"
	"github.com/httplens/httplens/scripts"
)

// ResolveFunc substitutes r's variables. vars are the request variables its
// pre-request scripts set (request.variables.set); they win over every other
// source but --var. Script globals are the resolver's own business
// (collections.Resolver.Globals).
type ResolveFunc func(r *collections.Request, vars map[string]string) (requests.Request, error)

// Step is r as a runner step. env answers request.environment.get; nil means
// no environment.
func Step(r *collections.Request, resolve ResolveFunc, env map[string]string) runner.Step {
	st := runner.Step{Name: Name(r), Line: r.Line()}
	if r.File != nil {
		st.File = shortPath(r.File.Path)
		st.BaseDir = filepath.Dir(r.File.Path)
	}
	sr := scripts.Request{Method: r.Method, URL: r.URL, Body: string(r.Body)}
	for _, h := range r.Headers {
		sr.Headers = append(sr.Headers, scripts.Header{Name: h.Name, Value: h.Value})
	}
	sr.Environment = func(name string) (string, bool) { v, ok := env[name]; return v, ok }
	st.Request = sr
	for _, s := range r.Scripts {
		st.Scripts = append(st.Scripts, runner.Script{Pre: s.Pre, Source: s.Source, File: s.File, Line: s.Line})
	}
	for _, d := range r.Directives {
		st.Directives = append(st.Directives, runner.Directive{Name: d.Name, Value: d.Value, Line: d.Line})
	}
	st.Resolve = func(vars map[string]string) (requests.Request, error) { return resolve(r, vars) }
	return st
}

// shortPath names a file for messages: relative to the working folder when it is
// inside it, as the user most likely named it; else as it is.
func shortPath(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return p
}

// Name is how a step names its request: its @name, else its title, else its
// method and URL as written.
func Name(r *collections.Request) string {
	switch {
	case r.Name != "":
		return r.Name
	case r.Title != "":
		return r.Title
	}
	return r.Method + " " + r.URL
}

// Scripted says whether r has anything for the runner beyond sending it: a
// script or an @expect directive.
func Scripted(r *collections.Request) bool {
	if len(r.Scripts) > 0 {
		return true
	}
	for _, d := range r.Directives {
		if d.Name == "expect" {
			return true
		}
	}
	return false
}
