package explain

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/httplens/httplens/headers"
)

func TestSplitList(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{`a, b,c`, []string{"a", "b", "c"}},
		{`"x,y", W/"z"`, []string{`"x,y"`, `W/"z"`}},
		{`, ,a,,`, []string{"a"}},
		{`private="Set-Cookie, X", max-age=5`, []string{`private="Set-Cookie, X"`, "max-age=5"}},
		{``, nil},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got := splitList(c.in); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("splitList(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestParseHTTPDate(t *testing.T) {
	want := time.Date(1994, 11, 6, 8, 49, 37, 0, time.UTC)
	cases := []struct {
		in       string
		ok, obso bool
	}{
		{"Sun, 06 Nov 1994 08:49:37 GMT", true, false},
		{"sun, 06 nov 1994 08:49:37 gmt", true, false},
		{"Sunday, 06-Nov-94 08:49:37 GMT", true, true},
		{"Sun Nov  6 08:49:37 1994", true, true},
		{"Sun, 06 Nov 1994 08:49:37 PST", false, false},
		{"0", false, false},
		{"-1", false, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, obso, ok := parseHTTPDate(c.in)
			if ok != c.ok || obso != c.obso {
				t.Fatalf("ok=%v obsolete=%v, want %v %v", ok, obso, c.ok, c.obso)
			}
			if ok && !got.Equal(want) {
				t.Fatalf("got %v, want %v", got, want)
			}
		})
	}
}

// TestValuesSplitsLikeTokens: values splits each line itself (no slices from
// headers.Tokens on the way); it must find the very members Tokens does.
func TestValuesSplitsLikeTokens(t *testing.T) {
	for _, v := range []string{"", " ", ",", "a", " a , b ,,c, ", `"a,b", c`, `"a\",b", c`, `"a\\", b`, `"open, x`, `a\,b`, "\t,\t", `x="1,2";q=0, y`} {
		var want []string
		for _, line := range []string{v, "z"} {
			want = append(want, headers.Tokens(line)...)
		}
		got := values([]Field{{Name: "Vary", Value: v}, {Name: "Other", Value: "q"}, {Name: "vary", Value: "z"}}, "Vary")
		if !slices.Equal(got, want) {
			t.Errorf("values(%q) = %q, want %q", v, got, want)
		}
	}
}

// TestVaryListsLikeHasToken: varyLists reads Vary as headers.List.HasToken does.
func TestVaryListsLikeHasToken(t *testing.T) {
	for _, vary := range []string{"", "*", "accept-encoding", "Origin, ACCEPT-ENCODING", `"Accept-Encoding"`, "Coo\u212Aie", " , x ,*"} {
		fs := []Field{{Name: "Vary", Value: vary}, {Name: "vary", Value: "X-Other"}}
		for _, name := range []string{"Accept-Encoding", "Cookie", "Accept-Language"} {
			l := headers.List(fs)
			if got, want := varyLists(fs, name), l.HasToken("Vary", "*") || l.HasToken("Vary", name); got != want {
				t.Errorf("Vary %q lists %s: %v, want %v", vary, name, got, want)
			}
		}
	}
}
