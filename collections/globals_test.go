package collections

import "testing"

// TestResolveGlobals: names scripts keep (client.global.set) answer {{name}} after
// --var, the file and the environment, and before {{demo}}.
func TestResolveGlobals(t *testing.T) {
	globals := map[string]string{"token": "t0k", "host": "from-global", "demo": "http://global-demo"}
	lookup := func(n string) (string, bool) { v, ok := globals[n]; return v, ok }
	for _, tc := range []struct {
		name, source string
		rv           Resolver
		want         string
	}{
		{"a global", "GET http://x/{{token}}\n", Resolver{Globals: lookup}, "http://x/t0k"},
		{"the file wins", "@token = file\nGET http://x/{{token}}\n", Resolver{Globals: lookup}, "http://x/file"},
		{"the environment wins", "GET http://x/{{token}}\n", Resolver{Globals: lookup, Env: map[string]string{"token": "env"}}, "http://x/env"},
		{"--var wins", "GET http://x/{{token}}\n", Resolver{Globals: lookup, Vars: map[string]string{"token": "var"}}, "http://x/var"},
		{"before demo", "GET {{demo}}/x\n", Resolver{Globals: lookup, Demo: "http://d"}, "http://global-demo/x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse("g.http", []byte(tc.source))
			if err != nil {
				t.Fatal(err)
			}
			got, err := tc.rv.Resolve(&f.Requests[0])
			if err != nil || got.URL != tc.want {
				t.Errorf("URL %q, %v; want %q", got.URL, err, tc.want)
			}
		})
	}
}

// TestSubstitute resolves text outside the request as it would be inside it, for a
// script's tryGetSubstituted.
func TestSubstitute(t *testing.T) {
	f, err := Parse("s.http", []byte("@a = one\nGET http://x/\n\n@a = two\n"))
	if err != nil {
		t.Fatal(err)
	}
	rv := &Resolver{Globals: func(n string) (string, bool) { return "g", n == "g" }}
	if got, err := rv.Substitute(&f.Requests[0], "{{a}}-{{g}}"); err != nil || got != "one-g" {
		t.Errorf("Substitute = %q, %v", got, err)
	}
	if _, err := rv.Substitute(&f.Requests[0], "{{nope}}"); err == nil {
		t.Error("no error for an unresolved variable")
	}
}
