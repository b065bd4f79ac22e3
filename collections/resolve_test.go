package collections

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"
)

const resolveSource = `@host = {{demo}}
@base = {{host}}/api
@loop1 = {{loop2}}
@loop2 = {{loop1}}
@broken = {{nowhere}}

### Plain
# @name plain
GET {{base}}/items?token={{token}}
X-Env: {{envOnly}}

### Dynamic
GET {{demo}}/d?id={{$uuid}}&ts={{$timestamp}}&iso={{$isoTimestamp}}&n={{$randomInt 5 6}}&home={{ $processEnv HOME }}

### Request variables
PUT {{demo}}/items/1
If-Match: {{plain.response.headers.etag}}
X-Name: {{plain.response.body.$.items[1].name}}
X-Count: {{plain.response.body.$.count}}
X-Obj: {{plain.response.body.$.items[0]}}

{"id": {{plain.response.body.$.items[0].id}}}
`

func resolveRequest(t *testing.T, rv *Resolver, title string) (Resolved, error) {
	t.Helper()
	f, err := Parse("vars.http", []byte(resolveSource))
	if err != nil {
		t.Fatal(err)
	}
	for i := range f.Requests {
		if f.Requests[i].Title == title {
			return rv.Resolve(&f.Requests[i])
		}
	}
	t.Fatalf("no request %q", title)
	return Resolved{}, nil
}

func lastResponses(m map[string]Response) func(string) (Response, bool) {
	return func(name string) (Response, bool) { r, ok := m[name]; return r, ok }
}

func TestResolveVariables(t *testing.T) {
	env := map[string]string{"token": "from-env", "envOnly": "e"}
	globals := func(n string) (string, bool) {
		v, ok := map[string]string{"token": "g", "envOnly": "no"}[n]
		return v, ok
	}
	tests := []struct {
		name    string
		rv      Resolver
		wantURL string
	}{
		{"file variables use other variables and {{demo}}", Resolver{Demo: "http://127.0.0.1:9", Env: env}, "http://127.0.0.1:9/api/items?token=from-env"},
		{"a file variable wins over the environment", Resolver{Demo: "http://d", Env: map[string]string{"host": "http://env", "token": "t", "envOnly": "e"}}, "http://d/api/items?token=t"},
		{"--var wins over everything", Resolver{Demo: "http://d", Env: env, Vars: map[string]string{"host": "http://cli", "token": "v"}}, "http://cli/api/items?token=v"},
		{"--var can stand in for {{demo}}", Resolver{Env: env, Vars: map[string]string{"demo": "http://x"}}, "http://x/api/items?token=from-env"},
		{"a script global fills what the environment lacks", Resolver{Demo: "http://d", Env: map[string]string{"envOnly": "e"}, Globals: globals}, "http://d/api/items?token=g"},
		{"the environment wins over a script global", Resolver{Demo: "http://d", Env: env, Globals: globals}, "http://d/api/items?token=from-env"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := resolveRequest(t, &tc.rv, "Plain")
			if err != nil {
				t.Fatal(err)
			}
			if got.URL != tc.wantURL || got.Method != "GET" {
				t.Errorf("got %s %s, want GET %s", got.Method, got.URL, tc.wantURL)
			}
			if len(got.Headers) != 1 || got.Headers[0] != (Header{Name: "X-Env", Value: "e"}) {
				t.Errorf("headers = %v", got.Headers)
			}
		})
	}
}

func TestResolveDynamic(t *testing.T) {
	now := time.Date(2025, 3, 4, 5, 6, 7, 890_000_000, time.FixedZone("X", 3600))
	rv := func() *Resolver {
		return &Resolver{
			Demo:      "http://d",
			Now:       func() time.Time { return now },
			Rand:      rand.New(rand.NewPCG(1, 2)),
			LookupEnv: func(k string) (string, bool) { return map[string]string{"HOME": "/home/x"}[k], k == "HOME" },
		}
	}
	a, err := resolveRequest(t, rv(), "Dynamic")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := resolveRequest(t, rv(), "Dynamic")
	if a.URL != b.URL {
		t.Errorf("the same seed gave different URLs:\n%s\n%s", a.URL, b.URL)
	}
	re := regexp.MustCompile(`^http://d/d\?id=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}` +
		`&ts=1741061167&iso=2025-03-04T04:06:07\.890Z&n=5&home=/home/x$`)
	if !re.MatchString(a.URL) {
		t.Errorf("URL = %s", a.URL)
	}
}

func TestResolveRequestVariables(t *testing.T) {
	rv := &Resolver{Demo: "http://d", Responses: lastResponses(map[string]Response{
		"plain": {
			Headers: []Header{{Name: "Content-Type", Value: "application/json"}, {Name: "ETag", Value: `"v1"`}},
			Body:    []byte(`{"count": 2, "items": [{"id": 7, "name": "a"}, {"id": 8, "name": "b"}]}`),
		},
	})}
	got, err := resolveRequest(t, rv, "Request variables")
	if err != nil {
		t.Fatal(err)
	}
	want := []Header{{Name: "If-Match", Value: `"v1"`}, {Name: "X-Name", Value: "b"}, {Name: "X-Count", Value: "2"}, {Name: "X-Obj", Value: `{"id":7,"name":"a"}`}}
	for i, h := range want {
		if i >= len(got.Headers) || got.Headers[i] != h {
			t.Errorf("header %d = %v, want %v", i, got.Headers, h)
		}
	}
	if string(got.Body) != `{"id": 7}` {
		t.Errorf("body = %s", got.Body)
	}
}

func TestResolveErrors(t *testing.T) {
	withResponse := func(body string, headers ...Header) func(string) (Response, bool) {
		return lastResponses(map[string]Response{"plain": {Headers: headers, Body: []byte(body)}})
	}
	tests := []struct {
		name   string
		source string
		rv     Resolver
		want   string
	}{
		{"an unknown variable", "### A\nGET http://x/{{nope}}\n", Resolver{}, "e.http:2:14: unresolved variable {{nope}}"},
		{"in a header value", "### A\nGET http://x/\nX-A: b{{nope}}\n", Resolver{}, "e.http:3:7: unresolved variable {{nope}}"},
		{"in a body", "### A\nPOST http://x/\n\n{\n  \"a\": {{nope}}\n}\n", Resolver{}, "e.http:5:8: unresolved variable {{nope}}"},
		{"on a query line", "GET http://x/\n  ?a=1\n  &b={{nope}}\n", Resolver{}, "e.http:3:6: unresolved variable {{nope}}"},
		{"through a file variable", "@a = {{b}}\n@b = x{{c}}\nGET http://x/{{a}}\n", Resolver{}, "e.http:3:14: unresolved variable {{c}} (used by {{a}} -> {{b}})"},
		{"a variable cycle", "@a = {{b}}\n@b = {{a}}\nGET {{a}}\n", Resolver{}, "e.http:3:5: variable cycle: a -> b -> a"},
		{"no demo", "GET {{demo}}/x\n", Resolver{}, "e.http:1:5: unresolved variable {{demo}}: the demo API is not running"},
		{"an unclosed {{", "GET http://x/{{a\n", Resolver{}, "e.http:1:14: unclosed {{: add }}"},
		{"an unknown dynamic variable", "GET http://x/{{$nope}}\n", Resolver{}, "e.http:1:14: unknown dynamic variable {{$nope}}"},
		{"an unset process variable", "GET http://x/{{$processEnv NOPE}}\n", Resolver{LookupEnv: func(string) (string, bool) { return "", false }}, "environment variable NOPE is not set"},
		{"no response yet", "GET http://x/{{plain.response.headers.ETag}}\n", Resolver{}, "request plain has no response yet; send it first"},
		{"a missing header", "GET http://x/{{plain.response.headers.ETag}}\n", Resolver{Responses: withResponse("{}")}, "the last response of plain has no ETag header"},
		{"a missing key", "GET http://x/{{plain.response.body.$.a.b}}\n", Resolver{Responses: withResponse(`{"a": {}}`)}, `$.a.b: no key "b"`},
		{"an index out of range", "GET http://x/{{plain.response.body.$[3]}}\n", Resolver{Responses: withResponse(`[1]`)}, "index [3] out of range (1 items)"},
		{"a body that is not JSON", "GET http://x/{{plain.response.body.$.a}}\n", Resolver{Responses: withResponse(`<html>`)}, "the body is not JSON"},
		{"neither headers nor body", "GET http://x/{{plain.response.status}}\n", Resolver{Responses: withResponse(`{}`)}, "expected plain.response.headers.NAME"},
		{"a missing body file", "POST http://x/\n\n< ./missing.json\n", Resolver{}, "e.http:3:1: body file: open missing.json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse("e.http", []byte(tc.source))
			if err != nil {
				t.Fatal(err)
			}
			_, err = tc.rv.Resolve(&f.Requests[0])
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v\nwant it to contain %s", err, tc.want)
			}
		})
	}
}

func TestResolveBodyFile(t *testing.T) {
	f := parseFile(t, "testdata/parse/basic.http")
	rv := &Resolver{Demo: "http://d"}
	got, err := rv.Resolve(&f.Requests[4])
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Body) != "{\"name\": \"from a file\"}\n" {
		t.Errorf("body = %q, want the content of testdata/parse/body.json", got.Body)
	}
}

// TestDynamicDialects: the dynamic variables of the JetBrains client and the
// REST Client, on a fixed clock and seed.
func TestDynamicDialects(t *testing.T) {
	now := time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)
	tests := []struct{ expr, want string }{
		{"$timestamp", "1700000000"},
		{"$timestamp -1 d", "1699913600"},
		{"$timestamp 2 h", "1700007200"},
		{"$datetime rfc1123", "Tue, 14 Nov 2023 22:13:20 GMT"},
		{"$datetime iso8601", "2023-11-14T22:13:20.000Z"},
		{"$datetime iso8601 1 M", "2023-12-14T22:13:20.000Z"},
		{`$datetime "YYYY-MM-DD HH:mm:ss" -1 y`, "2022-11-14 22:13:20"},
		{"$datetime 'DD/MM/YY'", "14/11/23"},
		{"$random.integer(7, 8)", "7"},
		{"$random.alphabetic(0)", ""},
		{"$dotenv %TOKEN", "t0k"},
	}
	for _, tc := range tests {
		t.Run(tc.expr, func(t *testing.T) {
			f, _ := Parse("d.http", []byte("GET http://x/{{"+tc.expr+"}}\n"))
			rv := &Resolver{Now: func() time.Time { return now }, Rand: rand.New(rand.NewPCG(1, 2)), DotEnv: map[string]string{"TOKEN": "t0k"}}
			got, err := rv.Resolve(&f.Requests[0])
			if err != nil || got.URL != "http://x/"+tc.want {
				t.Errorf("got %q, %v; want %q", got.URL, err, "http://x/"+tc.want)
			}
		})
	}
	for _, bad := range []string{"$random.integer(9, 1)", "$random.hexadecimal(x)", "$datetime", "$timestamp 1 fortnight", "$dotenv MISSING"} {
		f, _ := Parse("d.http", []byte("GET http://x/{{"+bad+"}}\n"))
		rv := &Resolver{DotEnv: map[string]string{}}
		if _, err := rv.Resolve(&f.Requests[0]); err == nil || !strings.Contains(err.Error(), "d.http:1:14: {{"+bad+"}}") {
			t.Errorf("%s: error %v", bad, err)
		}
	}
	for _, expr := range []string{"$random.uuid", "$guid"} {
		f, _ := Parse("d.http", []byte("GET http://x/{{"+expr+"}}\n"))
		got, err := (&Resolver{}).Resolve(&f.Requests[0])
		if err != nil || !regexp.MustCompile(`^http://x/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(got.URL) {
			t.Errorf("%s: %q %v", expr, got.URL, err)
		}
	}
}
