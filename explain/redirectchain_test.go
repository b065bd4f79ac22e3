package explain

import (
	"strings"
	"testing"
)

func TestRedirectLoop(t *testing.T) {
	for _, tc := range []struct {
		name  string
		urls  []string
		loop  bool
		title string
	}{
		{"no redirects", []string{"http://a/x"}, false, ""},
		{"a chain to its end", []string{"http://a/1", "http://a/2", "http://b/3"}, false, ""},
		{"two URIs sending each other back", []string{"http://a/1", "http://a/2", "http://a/1", "http://a/2"}, true, "Redirect loop: request 3 comes back to http://a/1"},
		{"a loop after a first hop", []string{"http://a/start", "http://a/p", "http://a/q", "http://a/p"}, true, "Redirect loop: request 4 comes back to http://a/p"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, ok := RedirectLoop(tc.urls)
			if ok != tc.loop {
				t.Fatalf("loop = %v, want %v (%+v)", ok, tc.loop, f)
			}
			if !ok {
				return
			}
			if f.ID != "redirect-chain-loop" || f.Severity != Error || f.Title != tc.title || len(f.Refs) != 1 || f.Refs[0] != "RFC 9110 §15.4" {
				t.Fatalf("finding = %+v", f)
			}
			if !strings.Contains(f.Detail, " → ") {
				t.Fatalf("the detail must show the round: %q", f.Detail)
			}
			listed := false
			for _, c := range Checks() {
				listed = listed || c.ID == f.ID
			}
			if !listed {
				t.Fatalf("%s is not in the catalogue", f.ID)
			}
		})
	}
}
