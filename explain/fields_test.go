package explain

import (
	"reflect"
	"testing"
	"time"
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
