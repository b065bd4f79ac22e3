package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/expect"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/requests"
)

// TestTourFollowsFromACleanState sends every request of the built-in tour once, in
// order, against a fresh demo, as a learner following it would, and checks each
// against the `# @expect` lines written beside its lesson: the answers the lesson
// promises. No step depends on a retry, and every lesson is reachable.
func TestTourFollowsFromACleanState(t *testing.T) {
	srv, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	tour, err := collections.Tour()
	if err != nil {
		t.Fatal(err)
	}
	client := requests.NewClient(requests.Options{})
	defer client.CloseIdleConnections()
	last := map[string]collections.Response{}
	rv := collections.Resolver{Demo: srv.URL(), Responses: func(name string) (collections.Response, bool) {
		r, ok := last[name]
		return r, ok
	}}
	checked := 0
	for _, r := range tour.Requests() {
		where := r.File.Path + ": " + r.Title
		if r.Lesson == "" {
			t.Errorf("%s: no lesson", where)
		}
		out, err := rv.Resolve(r)
		if err != nil {
			t.Errorf("%s: %v", where, err)
			continue
		}
		req := requests.Request{Method: out.Method, URL: out.URL, Body: out.Body}
		for _, h := range out.Headers {
			req.Headers = append(req.Headers, requests.Header{Name: h.Name, Value: h.Value})
		}
		x := client.Send(context.Background(), req)
		if x.Response == nil {
			t.Errorf("%s: not sent: %v", where, x.Err)
			continue
		}
		if r.Name != "" {
			resp := collections.Response{Body: x.Response.Body}
			for _, h := range x.Response.Headers {
				resp.Headers = append(resp.Headers, collections.Header{Name: h.Name, Value: h.Value})
			}
			last[r.Name] = resp
		}
		ex := explaininput.From(x, time.Now())
		report := explain.Analyze(ex)
		expects := 0
		for _, d := range r.Directives {
			if d.Name != "expect" {
				continue
			}
			expects++
			e, err := expect.Parse(d.Value)
			if err != nil {
				t.Errorf("%s:%d: %v", where, d.Line, err)
				continue
			}
			if res := expect.Check(e, ex, report); !res.Passed {
				t.Errorf("%s: the lesson promises %q: %s", where, d.Value, res.Reason)
			}
			checked++
		}
		if expects == 0 && !strings.HasPrefix(r.File.Path, "tour/09") {
			t.Errorf("%s: no @expect says what the lesson promises (got %d)", where, x.Response.Status)
		}
	}
	t.Logf("%d promises checked", checked)
}
