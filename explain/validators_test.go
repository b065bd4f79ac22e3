package explain

import "testing"

func TestValidatorFindings(t *testing.T) {
	const date = "Date: Wed, 01 May 2024 12:00:00 GMT\n"
	cases := []struct {
		name   string
		method string
		req    []string
		raw    string
		want   []string
		v      Validators
	}{
		{"strong tag and dates", "GET", nil, "HTTP/1.1 200 OK\nETag: \"a1\"\nLast-Modified: Wed, 01 May 2024 11:00:00 GMT\n" + date + "\n",
			nil, Validators{ETag: `"a1"`, ETagValid: true, LastModified: "Wed, 01 May 2024 11:00:00 GMT"}},
		{"empty tag is valid", "GET", nil, "HTTP/1.1 200 OK\nETag: \"\"\n" + date + "\n", nil, Validators{ETag: `""`, ETagValid: true}},
		{"weak tag", "GET", nil, "HTTP/1.1 200 OK\nETag: W/\"a1\"\n" + date + "\n",
			[]string{"I etag-weak"}, Validators{ETag: `W/"a1"`, ETagWeak: true, ETagValid: true}},
		{"unquoted tag", "GET", nil, "HTTP/1.1 200 OK\nETag: a1\n" + date + "\n", []string{"E etag-syntax"}, Validators{ETag: "a1"}},
		{"lower-case weak prefix", "GET", nil, "HTTP/1.1 200 OK\nETag: w/\"a1\"\n" + date + "\n", []string{"E etag-syntax"}, Validators{ETag: `w/"a1"`}},
		{"space inside tag", "GET", nil, "HTTP/1.1 200 OK\nETag: \"a 1\"\n" + date + "\n", []string{"E etag-syntax"}, Validators{ETag: `"a 1"`}},
		{"unterminated tag", "GET", nil, "HTTP/1.1 200 OK\nETag: \"a1\n" + date + "\n", []string{"E etag-syntax"}, Validators{ETag: `"a1`}},
		{"two tags", "GET", nil, "HTTP/1.1 200 OK\nETag: \"a\"\nETag: \"b\"\n" + date + "\n", []string{"E etag-syntax"}, Validators{ETag: `"a"`, ETagValid: false}},
		{"tag list in one field", "GET", nil, "HTTP/1.1 200 OK\nETag: \"a\", \"b\"\n" + date + "\n", []string{"E etag-syntax"}, Validators{ETag: `"a", "b"`}},
		{"no validator on 200 GET", "GET", nil, "HTTP/1.1 200 OK\n" + date + "\n", []string{"I no-validator"}, Validators{}},
		{"no validator, request unknown", "", nil, "HTTP/1.1 200 OK\n" + date + "\n", []string{"I no-validator"}, Validators{}},
		{"no validator on 404 is fine", "GET", nil, "HTTP/1.1 404 Not Found\n" + date + "\n", nil, Validators{}},
		{"missing Date", "GET", nil, "HTTP/1.1 200 OK\nETag: \"a\"\n\n", []string{"W date"}, Validators{ETag: `"a"`, ETagValid: true}},
		{"missing Date on 500 is allowed", "GET", nil, "HTTP/1.1 500 Internal Server Error\n\n", nil, Validators{}},
		{"invalid Date", "GET", nil, "HTTP/1.1 200 OK\nETag: \"a\"\nDate: yesterday\n\n", []string{"E date"}, Validators{ETag: `"a"`, ETagValid: true}},
		{"obsolete Date", "GET", nil, "HTTP/1.1 200 OK\nETag: \"a\"\nDate: Wednesday, 01-May-24 12:00:00 GMT\n\n", []string{"W date"}, Validators{ETag: `"a"`, ETagValid: true}},
		{"Last-Modified after Date", "GET", nil, "HTTP/1.1 200 OK\nLast-Modified: Wed, 01 May 2024 13:00:00 GMT\n" + date + "\n",
			[]string{"E last-modified"}, Validators{LastModified: "Wed, 01 May 2024 13:00:00 GMT"}},
		{"Last-Modified invalid", "GET", nil, "HTTP/1.1 200 OK\nLast-Modified: 2024-05-01\n" + date + "\n",
			[]string{"E last-modified"}, Validators{LastModified: "2024-05-01"}},
		{"Last-Modified asctime", "GET", nil, "HTTP/1.1 200 OK\nLast-Modified: Wed May  1 11:00:00 2024\n" + date + "\n",
			[]string{"W last-modified"}, Validators{LastModified: "Wed May  1 11:00:00 2024"}},
		{"PUT 204 with strong tag", "PUT", []string{`If-Match: "v1"`}, "HTTP/1.1 204 No Content\nETag: \"v2\"\n" + date + "\n",
			[]string{"I put-validator"}, Validators{ETag: `"v2"`, ETagValid: true}},
		{"PUT 201 with strong tag", "PUT", nil, "HTTP/1.1 201 Created\nETag: \"v1\"\n" + date + "\n",
			[]string{"I put-validator"}, Validators{ETag: `"v1"`, ETagValid: true}},
		{"PUT 204 without validator", "PUT", nil, "HTTP/1.1 204 No Content\n" + date + "\n", []string{"I put-validator"}, Validators{}},
		{"PUT 200 with Last-Modified only", "PUT", nil, "HTTP/1.1 200 OK\nLast-Modified: Wed, 01 May 2024 11:00:00 GMT\n" + date + "\n",
			[]string{"I put-validator"}, Validators{LastModified: "Wed, 01 May 2024 11:00:00 GMT"}},
		{"PUT 204 with weak tag", "PUT", nil, "HTTP/1.1 204 No Content\nETag: W/\"v2\"\n" + date + "\n",
			[]string{"I etag-weak", "W put-validator"}, Validators{ETag: `W/"v2"`, ETagWeak: true, ETagValid: true}},
		{"PUT 204 with unquoted tag", "PUT", nil, "HTTP/1.1 204 No Content\nETag: v2\n" + date + "\n",
			[]string{"E etag-syntax", "W put-validator"}, Validators{ETag: "v2"}},
		{"PUT 204 with the tag it was sent", "PUT", []string{`If-Match: "v1"`}, "HTTP/1.1 204 No Content\nETag: \"v1\"\n" + date + "\n",
			[]string{"W put-validator"}, Validators{ETag: `"v1"`, ETagValid: true}},
		{"PUT 412 makes no promise", "PUT", []string{`If-Match: "v1"`}, "HTTP/1.1 412 Precondition Failed\nETag: \"v2\"\n" + date + "\n",
			nil, Validators{ETag: `"v2"`, ETagValid: true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, fs := validatorFindings(exchange(t, c.method, c.req, c.raw))
			assertFindings(t, fs, c.want)
			if v != c.v {
				t.Errorf("validators = %+v, want %+v", v, c.v)
			}
		})
	}
}

func TestEntityTagComparison(t *testing.T) {
	// RFC 9110 §8.8.3.2, the table of examples.
	cases := []struct {
		a, b         string
		strong, weak bool
	}{
		{`W/"1"`, `W/"1"`, false, true},
		{`W/"1"`, `W/"2"`, false, false},
		{`W/"1"`, `"1"`, false, true},
		{`"1"`, `"1"`, true, true},
	}
	for _, c := range cases {
		t.Run(c.a+" vs "+c.b, func(t *testing.T) {
			a, pa := parseEntityTag(c.a)
			b, pb := parseEntityTag(c.b)
			if pa != "" || pb != "" {
				t.Fatalf("parse: %q %q", pa, pb)
			}
			if a.strongMatch(b) != c.strong || a.weakMatch(b) != c.weak {
				t.Fatalf("strong=%v weak=%v, want %v %v", a.strongMatch(b), a.weakMatch(b), c.strong, c.weak)
			}
		})
	}
}

func TestParseEntityTag(t *testing.T) {
	cases := []struct {
		in string
		ok bool
	}{
		{`"xyzzy"`, true}, {`W/"xyzzy"`, true}, {`""`, true}, {"\"caf\xc3\xa9\"", true}, {`"a\b"`, true},
		{`xyzzy`, false}, {`W/xyzzy`, false}, {`"a"b"`, false}, {`"a` + "\x7f" + `"`, false}, {`"tab	"`, false}, {``, false}, {`W/`, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			tag, problem := parseEntityTag(c.in)
			if (problem == "") != c.ok {
				t.Fatalf("parseEntityTag(%q): problem %q, want ok=%v", c.in, problem, c.ok)
			}
			if c.ok && tag.String() != c.in {
				t.Fatalf("round trip %q -> %q", c.in, tag.String())
			}
		})
	}
}
