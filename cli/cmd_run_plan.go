package cli

import (
	"path/filepath"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/runner"
	"github.com/httplens/httplens/scripts"
)

// planned is one request of a run, with what keeps it from being sent, if anything.
type planned struct {
	req      *collections.Request
	problems []error
}

// planRun returns the requests to run: those names picks (all when names is empty),
// in file order, each preceded by the requests it depends on that have not run yet,
// as send resolves them. A dependency cycle is a problem of the request that has it.
func planRun(coll *collections.Collection, names []string) ([]planned, error) {
	all := coll.Requests()
	picked := map[*collections.Request]bool{}
	for _, n := range names {
		r, err := coll.Lookup(n)
		if err != nil {
			return nil, usageError("%v", err)
		}
		picked[r] = true
	}
	if len(all) == 0 {
		return nil, usageError("%s: no requests in it", coll.Root)
	}
	var plan []planned
	done := map[*collections.Request]bool{}
	for _, r := range all {
		if len(names) > 0 && !picked[r] || done[r] {
			continue
		}
		deps, err := coll.Prerequisites(r)
		if err != nil {
			done[r] = true
			plan = append(plan, planned{req: r, problems: []error{err}})
			continue
		}
		for _, d := range append(deps, r) {
			if !done[d] {
				done[d] = true
				plan = append(plan, planned{req: d, problems: requestProblems(d)})
			}
		}
	}
	return plan, nil
}

func requestProblems(r *collections.Request) []error {
	var out []error
	for _, e := range r.Errors {
		out = append(out, e)
	}
	return out
}

// needsDemo reports whether a request of the run uses {{demo}}.
func (s runSetup) needsDemo() bool {
	seen := map[*collections.File]bool{}
	for _, p := range s.plan {
		if f := p.req.File; f != nil && !seen[f] {
			seen[f] = true
			if usesDemo(f) {
				return true
			}
		}
	}
	return false
}

// steps turns the plan into the runner's steps, resolving through s.rv.
func (s runSetup) steps() []runner.Step {
	out := make([]runner.Step, len(s.plan))
	for i, p := range s.plan {
		out[i] = s.step(p)
	}
	return out
}

func (s runSetup) step(p planned) runner.Step {
	r, rv := p.req, s.rv
	st := runner.Step{Name: stepName(r), File: r.File.Path, Line: r.Line(),
		BaseDir: filepath.Dir(r.File.Path), Problems: p.problems}
	st.Request = scripts.Request{Method: r.Method, URL: r.URL, Body: string(r.Body),
		Substitute: func(text string) string {
			if v, err := rv.Substitute(r, text); err == nil {
				return v
			}
			return text // tryGetSubstituted: as written when it cannot be
		},
		Environment: func(name string) (string, bool) { return environmentValue(rv, r, name) },
	}
	for _, h := range r.Headers {
		st.Request.Headers = append(st.Request.Headers, scripts.Header{Name: h.Name, Value: h.Value})
	}
	for _, sc := range r.Scripts {
		st.Scripts = append(st.Scripts, runner.Script{Pre: sc.Pre, Source: sc.Source, File: sc.File, Line: sc.Line})
	}
	for _, d := range r.Directives {
		st.Directives = append(st.Directives, runner.Directive{Name: d.Name, Value: d.Value, Line: d.Line})
	}
	st.Resolve = func(vars map[string]string) (requests.Request, error) {
		use := rv
		if len(vars) > 0 {
			// A pre-request script's request.variables are this request's own: they
			// win over --var, the file and the environment.
			copied := *rv
			copied.Vars = make(map[string]string, len(rv.Vars)+len(vars))
			for k, v := range rv.Vars {
				copied.Vars[k] = v
			}
			for k, v := range vars {
				copied.Vars[k] = v
			}
			use = &copied
		}
		res, err := use.Resolve(r)
		if err != nil {
			return requests.Request{}, err
		}
		out := requests.Request{Method: res.Method, URL: res.URL, Body: res.Body}
		for _, h := range res.Headers {
			out.Headers = append(out.Headers, requests.Header{Name: h.Name, Value: h.Value})
		}
		return out, nil
	}
	return st
}

// environmentValue answers request.environment.get: the selected environment, then
// --var, then the file's variables (kulala reads file variables there too).
func environmentValue(rv *collections.Resolver, r *collections.Request, name string) (string, bool) {
	if v, ok := rv.Env[name]; ok {
		return v, true
	}
	if v, ok := rv.Vars[name]; ok {
		return v, true
	}
	if r.File == nil {
		return "", false
	}
	v, ok := "", false
	for _, fv := range r.File.Vars {
		if fv.Name == name {
			v, ok = fv.Value, true // the last definition, as a later one overrides
		}
	}
	if ok {
		if sub, err := rv.Substitute(r, v); err == nil {
			v = sub
		}
	}
	return v, ok
}

// stepName names a request in the run's lines and reports: its @name, else its
// title, else its request line.
func stepName(r *collections.Request) string {
	switch {
	case r.Name != "":
		return r.Name
	case r.Title != "":
		return r.Title
	}
	return r.Method + " " + r.URL
}
