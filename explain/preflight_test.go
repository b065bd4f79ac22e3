package explain

import (
	"slices"
	"strings"
	"testing"
)

func TestPreflightFor(t *testing.T) {
	o := Field{Name: "Origin", Value: "https://app.example"}
	cases := []struct {
		name    string
		method  string
		fields  []Field
		needed  bool
		method2 string
		headers []string
		why     string
	}{
		{"no origin", "PUT", nil, false, "", nil, "no Origin"},
		{"simple GET", "GET", []Field{o, {Name: "Accept", Value: "application/json"}}, false, "GET", nil, "simple request"},
		{"form POST", "POST", []Field{o, {Name: "Content-Type", Value: "application/x-www-form-urlencoded; charset=utf-8"}}, false, "POST", nil, "simple request"},
		{"JSON POST", "POST", []Field{o, {Name: "Content-Type", Value: "application/json"}}, true, "POST", []string{"content-type"}, "Content-Type application/json"},
		{"PUT", "PUT", []Field{o}, true, "PUT", nil, "PUT is not a CORS-safelisted method"},
		{"lower-case delete normalized", "delete", []Field{o}, true, "DELETE", nil, "DELETE is not"},
		{"patch keeps its case", "patch", []Field{o}, true, "patch", nil, "patch is not"},
		{"If-Match and Authorization sorted", "DELETE", []Field{o, {Name: "If-Match", Value: `"v1"`}, {Name: "Authorization", Value: "Bearer x"}, {Name: "Cookie", Value: "a=1"}, {Name: "Host", Value: "h"}},
			true, "DELETE", []string{"authorization", "if-match"}, "if-match is not a CORS-safelisted"},
		{"simple range", "GET", []Field{o, {Name: "Range", Value: "bytes=0-9"}}, false, "GET", nil, "simple"},
		{"multi range", "GET", []Field{o, {Name: "Range", Value: "bytes=0-1,4-5"}}, true, "GET", []string{"range"}, "range is not"},
		{"accept with unsafe byte", "GET", []Field{o, {Name: "Accept", Value: "text/html\"x"}}, true, "GET", []string{"accept"}, "accept is not"},
		{"long value", "GET", []Field{o, {Name: "Accept-Language", Value: strings.Repeat("a", 129)}}, true, "GET", []string{"accept-language"}, "128 bytes"},
	}
	for _, c := range cases {
		p := PreflightFor(c.method, c.fields)
		why := strings.Join(p.Why, " ")
		if p.Needed != c.needed || p.Method != c.method2 || !slices.Equal(p.Headers, c.headers) || !strings.Contains(why, c.why) {
			t.Errorf("%s: got needed %v method %q headers %v why %q", c.name, p.Needed, p.Method, p.Headers, why)
		}
	}
	p := PreflightFor("DELETE", []Field{o, {Name: "If-Match", Value: `"v1"`}, {Name: "X-B", Value: "1"}})
	want := []Field{o, {Name: "Access-Control-Request-Method", Value: "DELETE"}, {Name: "Access-Control-Request-Headers", Value: "if-match,x-b"}, {Name: "Accept", Value: "*/*"}}
	if !slices.Equal(p.Fields(), want) {
		t.Errorf("fields %v, want %v", p.Fields(), want)
	}
}
