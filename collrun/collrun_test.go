package collrun

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/runner"
	"github.com/httplens/httplens/scripts"
)

// A parsed .http file runs as the runner's steps: the login handler keeps a token
// as a global, the next request reads it as {{token}}, a pre-request script's
// request variable and a handler file beside the .http file both work, and
// @expect is checked.
func TestCollectionRunsAsSteps(t *testing.T) {
	s, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dir := t.TempDir()
	src := `### Log in
# @name login
POST {{demo}}/login
Content-Type: application/json

{"user": "demo", "password": "demo"}

> {%
  client.global.set("token", response.body.token);
  client.test("logged in", () => client.assert(response.status === 200));
%}

### Me
# @expect status 200
< {% request.variables.set("who", "me"); %}
GET {{demo}}/{{who}}
Authorization: Bearer {{token}}

> ./me.js
`
	path := filepath.Join(dir, "api.http")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "me.js"), []byte(`client.test("user", () => client.assert(response.body.user === "demo", JSON.stringify(response.body)));`), 0o644); err != nil {
		t.Fatal(err)
	}
	coll, err := collections.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	globals := &scripts.Globals{}
	resolve := func(r *collections.Request, vars map[string]string) (requests.Request, error) {
		rv := collections.Resolver{Vars: vars, Demo: s.URL(), Globals: globals.Lookup}
		out, err := rv.Resolve(r)
		if err != nil {
			return requests.Request{}, err
		}
		req := requests.Request{Method: out.Method, URL: out.URL, Body: out.Body}
		for _, h := range out.Headers {
			req.Headers = append(req.Headers, requests.Header{Name: h.Name, Value: h.Value})
		}
		return req, nil
	}
	var steps []runner.Step
	for i := range coll.Files[0].Requests {
		r := &coll.Files[0].Requests[i]
		if !Scripted(r) {
			t.Errorf("%s: not seen as scripted", Name(r))
		}
		steps = append(steps, Step(r, resolve, nil))
	}
	rep := runner.Run(context.Background(), steps, runner.Options{Engine: &scripts.Engine{Globals: globals}})
	var all []string
	for _, st := range rep.Steps {
		all = append(all, runner.Lines(st)...)
	}
	text := strings.Join(all, "\n")
	if rep.ExitCode() != runner.ExitPassed {
		t.Fatalf("exit %d:\n%s", rep.ExitCode(), text)
	}
	for _, want := range []string{"logged in", "user", "@expect status 200", "api.http:"} {
		if !strings.Contains(text, want) {
			t.Errorf("lines lack %q:\n%s", want, text)
		}
	}
	if steps[1].BaseDir != dir || steps[0].Name != "login" || steps[1].Name != "Me" {
		t.Errorf("steps: %q %q %q", steps[1].BaseDir, steps[0].Name, steps[1].Name)
	}
}

// The chain through a cache lab: the second GET is a fresh hit, labelled, and
// Done sees each request in order.
func TestChainThroughLab(t *testing.T) {
	s, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f, err := collections.Parse("lab.http", []byte("### a\n# @name a\nGET {{demo}}/cache/max-age\n\n### b\n# @expect header Age\nGET {{demo}}/cache/max-age\n"))
	if err != nil {
		t.Fatal(err)
	}
	resolve := func(r *collections.Request, vars map[string]string) (requests.Request, error) {
		rv := collections.Resolver{Vars: vars, Demo: s.URL()}
		out, err := rv.Resolve(r)
		return requests.Request{Method: out.Method, URL: out.URL}, err
	}
	progressed := false // the lab sends with the chain's client: its Progress hook runs
	c := requests.NewClient(requests.Options{Progress: func(done, total int64) { progressed = true }})
	defer c.CloseIdleConnections()
	lab := cachelab.New(cachelab.Config{Send: ContextSend})
	var done []string
	chain := []*collections.Request{&f.Requests[0], &f.Requests[1]}
	res := Chain(context.Background(), chain, resolve, Options{Lab: lab, Client: c, Engine: &scripts.Engine{},
		Done: func(r *collections.Request, _ runner.StepResult) { done = append(done, Name(r)) }})
	last, lr, ok := res.Last()
	if !ok || lr == nil || lr.Label != cachelab.FreshHit || res.Lab[0].Label != cachelab.Miss {
		t.Fatalf("labels: %+v %+v", res.Lab[0], lr)
	}
	if !last.Passed() || strings.Join(done, ",") != "a,b" || !progressed {
		t.Errorf("last %+v, done %v, client used %v", last.Checks, done, progressed)
	}
	// Without the lab nothing is stored, so the second answer carries no Age.
	res = Chain(context.Background(), chain, resolve, Options{Engine: &scripts.Engine{}})
	if last, lr, _ := res.Last(); lr != nil || last.Passed() {
		t.Errorf("without the lab: %+v %+v", lr, last.Checks)
	}
}
