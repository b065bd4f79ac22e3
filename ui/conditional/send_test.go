package conditional

import (
	"errors"
	"testing"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
)

// The wrapped resolver adds If-Match to a PUT of a URL whose ETag is known,
// leaves a GET and another URL alone, and passes a resolve error through.
func TestWithAutoIfMatch(t *testing.T) {
	etags := map[string]string{"http://127.0.0.1/items/1": `"a"`}
	var asked *collections.Request
	inner := func(r *collections.Request, _ map[string]collections.Response, _ map[string]string) (requests.Request, error) {
		asked = r
		if r.URL == "bad" {
			return requests.Request{}, errors.New("no such variable")
		}
		return requests.Request{Method: r.Method, URL: r.URL}, nil
	}
	resolve := WithAutoIfMatch(inner, etags)
	for _, c := range []struct{ method, url, want string }{
		{"PUT", "http://127.0.0.1/items/1", `"a"`},
		{"DELETE", "http://127.0.0.1/items/1", `"a"`},
		{"GET", "http://127.0.0.1/items/1", ""},
		{"PUT", "http://127.0.0.1/items/2", ""},
	} {
		r := &collections.Request{Method: c.method, URL: c.url}
		got, err := resolve(r, nil, nil)
		if err != nil || asked != r || header(got.Headers, "If-Match") != c.want {
			t.Errorf("%s %s: %+v %v, If-Match %q, want %q", c.method, c.url, got, err, header(got.Headers, "If-Match"), c.want)
		}
	}
	if _, err := resolve(&collections.Request{Method: "PUT", URL: "bad"}, nil, nil); err == nil {
		t.Error("the resolve error was lost")
	}
}

// R's step sends the re-read as the workflow built it, under a placeholder
// titled "re-read", whatever request the resolver is asked for.
func TestReadSend(t *testing.T) {
	if _, _, _, ok := (Step{}).ReadSend(); ok {
		t.Fatal("a step without a re-read sends one")
	}
	w := to412(t)
	s, _ := w.RereadStep("put")
	label, chain, resolve, ok := s.ReadSend()
	if !ok || label != "GET http://127.0.0.1/items/1 (re-read)" || len(chain) != 1 ||
		chain[0].Method != "GET" || chain[0].URL != "http://127.0.0.1/items/1" || chain[0].Title != "re-read" {
		t.Fatalf("ReadSend: %q %+v %v", label, chain, ok)
	}
	got, err := resolve(&collections.Request{Method: "PUT", URL: "http://127.0.0.1/other"}, nil, nil)
	if err != nil || got.Method != "GET" || got.URL != s.Read.URL || len(got.Headers) != len(s.Read.Headers) {
		t.Fatalf("resolved %+v %v, want %+v", got, err, *s.Read)
	}
}
