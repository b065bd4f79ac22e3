package runner

import (
	"context"
	"testing"

	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
)

// The TUI sends through a cache lab: Options.Send replaces the client, and the
// exchange it hands back for explain is what expectations read.
func TestSendHookThroughCacheLab(t *testing.T) {
	s := newSuite(startDemo(t))
	fromCache := `client.test("from cache", () => client.assert(response.headers.valueOf("Age") !== null, "no Age"));`
	s.add("first", "GET", "{{host}}/cache/max-age", "", nil, nil)
	s.add("second", "GET", "{{host}}/cache/max-age", "", post(fromCache, 3), expects("header X-Lens"))
	c := requests.NewClient(requests.Options{})
	defer c.CloseIdleConnections()
	lab := cachelab.New(cachelab.Config{Send: c.Send})
	var labels []cachelab.Label
	send := func(ctx context.Context, r requests.Request) (requests.Exchange, *explain.Exchange) {
		res := lab.Do(ctx, r)
		labels = append(labels, res.Label)
		in := res.Explain
		in.Response.Fields = append(in.Response.Fields, explain.Field{Name: "X-Lens", Value: "1"})
		return res.Response, &in
	}
	rep := Run(context.Background(), s.steps, Options{Send: send})
	if len(labels) != 2 || labels[1] != cachelab.FreshHit {
		t.Fatalf("labels %v, want the second a fresh hit", labels)
	}
	second := rep.Steps[1]
	if !checkNamed(t, second, "from cache").Passed {
		t.Errorf("the handler did not see the lab's response: %+v", second.Checks)
	}
	if !checkNamed(t, second, "@expect header X-Lens").Passed {
		t.Errorf("the expectation did not read the exchange Send handed back: %+v", second.Checks)
	}
}
