package explain

import (
	"slices"
	"strings"
	"testing"
)

func TestCCDeltaSeconds(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true},
		{"60", 60, true},
		{"007", 7, true},
		{"2147483647", 2147483647, true},
		{"2147483648", 2147483648, true},
		{"2147483649", 2147483648, true},
		{"99999999999999999999999999", 2147483648, true},
		{"", 0, false},
		{"-1", 0, false},
		{"1.5", 0, false},
		{"5s", 0, false},
		{" 5", 0, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, ok := ccDeltaSeconds(c.in)
			if got != c.want || ok != c.ok {
				t.Fatalf("ccDeltaSeconds(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}

func TestParseCacheControlDirectives(t *testing.T) {
	fs := cacheFields(
		"Cache-Control", `Max-Age=60, PRIVATE="Set-Cookie, X-Token"`,
		"cache-control", `no-cache, s-maxage="30", foo="a\"b"`,
	)
	c := parseCacheControl(fs, false)
	type dir struct {
		name, arg      string
		hasArg, quoted bool
	}
	var got []dir
	for _, d := range c.list {
		got = append(got, dir{d.name, d.arg, d.hasArg, d.quoted})
	}
	want := []dir{
		{"max-age", "60", true, false},
		{"private", "Set-Cookie, X-Token", true, true},
		{"no-cache", "", false, false},
		{"s-maxage", "30", true, true},
		{"foo", `a"b`, true, true},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("directives = %+v, want %+v", got, want)
	}
	if n, ok := c.delta("max-age"); n != 60 || !ok {
		t.Errorf("delta(max-age) = %d, %v", n, ok)
	}
	if n, ok := c.delta("s-maxage"); n != 30 || !ok {
		t.Errorf("delta(s-maxage) = %d, %v", n, ok)
	}
	if _, ok := c.delta("stale-if-error"); ok {
		t.Errorf("delta(stale-if-error) present, want absent")
	}
	if f := c.fields("private"); !slices.Equal(f, []string{"set-cookie", "x-token"}) {
		t.Errorf("fields(private) = %q", f)
	}
	if !c.unqualified("no-cache") || c.unqualified("private") {
		t.Errorf("unqualified: no-cache %v, private %v", c.unqualified("no-cache"), c.unqualified("private"))
	}
	if len(c.problems) != 1 || !strings.Contains(c.problems[0], "s-maxage must be sent as a token") {
		t.Errorf("problems = %q, want one about the quoted s-maxage", c.problems)
	}
	if !slices.Equal(c.unknown, []string{`foo="a\"b"`}) {
		t.Errorf("unknown = %q", c.unknown)
	}
}

func TestParseCacheControlProblems(t *testing.T) {
	cases := []struct {
		name      string
		value     string
		inRequest bool
		want      []string // one substring per expected problem, in order
	}{
		{"clean response", "public, max-age=60, stale-while-revalidate=10", false, nil},
		{"clean request", "no-cache, max-stale, min-fresh=5, only-if-cached", true, nil},
		{"quoted max-age", `max-age="5"`, false, []string{"max-age must be sent as a token"}},
		{"missing seconds", "max-age", false, []string{"max-age needs a number of seconds"}},
		{"empty seconds", "max-age=", false, []string{"must be a token or a quoted string"}},
		{"fraction", "s-maxage=1.5", false, []string{"not a whole number"}},
		{"argument on no-store", "no-store=yes", false, []string{"no-store takes no argument"}},
		{"argument on request no-cache", `no-cache="x"`, true, []string{"no-cache takes no argument"}},
		{"request directive in a response", "min-fresh=5", false, []string{"min-fresh is a request directive"}},
		{"response directive in a request", "s-maxage=5", true, []string{"s-maxage is a response directive"}},
		{"field list as a token", "no-cache=Set-Cookie", false, []string{"must be sent as a quoted string"}},
		{"not a token", "max age=5", false, []string{"is not a directive"}},
		{"bad argument", "max-age=a b", false, []string{"must be a token or a quoted string"}},
		{"unterminated quote", `private="x`, false, []string{"malformed quoted string"}},
		{"Internet Explorer leftovers", "pre-check=0, post-check=0", false, []string{"pre-check", "post-check"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := parseCacheControl(cacheFields("Cache-Control", c.value), c.inRequest).problems
			if len(got) != len(c.want) {
				t.Fatalf("problems = %q, want %d matching %q", got, len(c.want), c.want)
			}
			for i, w := range c.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("problem %d = %q, want it to mention %q", i, got[i], w)
				}
			}
		})
	}
}

func TestCacheControlDuplicatesAndConflicts(t *testing.T) {
	cases := []struct {
		name      string
		value     string
		delta     int64 // max-age as read
		dups      int
		conflicts []string
	}{
		{"single", "max-age=60", 60, 0, nil},
		{"same twice", "max-age=60, max-age=60", 60, 1, nil},
		{"different twice: stale", "max-age=60, max-age=30", 0, 1, nil},
		{"invalid: stale", "max-age=soon", 0, 0, nil},
		{"public and private", "public, private, max-age=5", 5, 0, []string{"private and public"}},
		{"no-store beats freshness", "no-store, max-age=5, public", 5, 0, []string{"no-store and public", "no-store and max-age"}},
		{"must-understand pairs with no-store", "must-understand, no-store, max-age=5", 5, 0, nil},
		{"no-cache and max-age", "no-cache, max-age=5", 5, 0, []string{"no-cache and max-age"}},
		{"no-cache and max-age=0", "no-cache, max-age=0", 0, 0, nil},
		{"qualified no-cache is no conflict", `no-cache="X", max-age=5`, 5, 0, nil},
		{"must-revalidate and stale-if-error", "max-age=5, must-revalidate, stale-if-error=9", 5, 0, []string{"must-revalidate and stale-if-error"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cc := parseCacheControl(cacheFields("Cache-Control", c.value), false)
			if n, _ := cc.delta("max-age"); n != c.delta {
				t.Errorf("max-age read as %d, want %d", n, c.delta)
			}
			if d := cc.duplicates(); len(d) != c.dups {
				t.Errorf("duplicates = %q, want %d", d, c.dups)
			}
			got := cc.conflicts()
			if len(got) != len(c.conflicts) {
				t.Fatalf("conflicts = %q, want %q", got, c.conflicts)
			}
			for i, w := range c.conflicts {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("conflict %d = %q, want %q", i, got[i], w)
				}
			}
		})
	}
}

func TestCacheUnquote(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{`""`, "", true},
		{`"a, b"`, "a, b", true},
		{`"a\"b"`, `a"b`, true},
		{`"a\\"`, `a\`, true},
		{`"a`, "", false},
		{`"a"b"`, "", false},
		{`"a\"`, "", false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, ok := cacheUnquote(c.in)
			if got != c.want || ok != c.ok {
				t.Fatalf("cacheUnquote(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}
