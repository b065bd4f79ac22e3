package collections

import (
	"strings"
	"testing"
)

func TestTourParses(t *testing.T) {
	c, err := Tour()
	if err != nil {
		t.Fatal(err)
	}
	all := c.Requests()
	if len(all) < 20 {
		t.Fatalf("the tour has %d requests", len(all))
	}
	first := all[0]
	if first.Method != "POST" || first.URL != "{{demo}}/reset" {
		t.Errorf("the tour starts with %s %s, want POST {{demo}}/reset", first.Method, first.URL)
	}
	// The ETag lesson in order: read, update with its ETag, 304, stale 412, a fresh
	// read, delete with its ETag, 404, the repeated DELETE.
	var steps []string
	for _, r := range c.Files[0].Requests {
		steps = append(steps, r.Method)
	}
	if got := strings.Join(steps[:10], " "); got != "POST GET GET PUT GET PUT GET DELETE GET DELETE" {
		t.Errorf("first steps = %s", got)
	}
	var deletes []string
	for _, r := range all {
		if strings.Contains(strings.ToLower(r.Title), "delete") {
			deletes = append(deletes, r.Method)
		}
	}
	if len(deletes) == 0 || deletes[0] != "DELETE" {
		t.Errorf("filtering by Delete finds %v, want the DELETE request first", deletes)
	}
	for _, f := range c.Files {
		if !f.ReadOnly || !strings.HasPrefix(f.Path, "tour/") {
			t.Errorf("%s: ReadOnly %v", f.Path, f.ReadOnly)
		}
	}
}

// TestTourResolves resolves every tour request, with its dependencies' responses.
func TestTourResolves(t *testing.T) {
	c, err := Tour()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, r := range c.Requests() {
		t.Run(r.Title, func(t *testing.T) {
			order, err := c.Prerequisites(r)
			if err != nil {
				t.Fatal(err)
			}
			responses := map[string]Response{}
			for _, dep := range order {
				responses[dep.Name] = Response{Headers: []Header{{Name: "Etag", Value: `"etag-of-` + dep.Name + `"`}}}
				used[dep.Name] = true
			}
			rv := &Resolver{Demo: "http://127.0.0.1:8080", Responses: lastResponses(responses)}
			got, err := rv.Resolve(r)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(got.URL, "http://127.0.0.1:8080/") || strings.Contains(got.URL, "{{") {
				t.Errorf("URL = %s", got.URL)
			}
			for _, h := range got.Headers {
				if strings.Contains(h.Value, "{{") {
					t.Errorf("header %s: %s", h.Name, h.Value)
				}
			}
		})
	}
	if !used["readItem"] || !used["updateItem"] {
		t.Errorf("no tour request depended on readItem and updateItem")
	}
}
