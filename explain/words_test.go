package explain

import (
	"strings"
	"testing"
)

// TestWords checks the sentences a learner reads for the cases of issue 19: each
// case names where the words are (the status meaning, or a finding by id) and
// what they must and must not say.
func TestWords(t *testing.T) {
	cases := []struct {
		name, method, raw string
		where             string // "status" or a finding id
		says, notSays     []string
		refs              []string // the refs at that place, exactly, in order
	}{
		{name: "DELETE 204 names the three answers and the repeated DELETE", method: "DELETE",
			raw: "HTTP/1.1 204 No Content\r\n\r\n", where: "status",
			says: []string{"200 (done", "202 (accepted", "204 (done", "404"},
			refs: []string{"RFC 9110 §15.3.5", "RFC 9112 §6.3", "RFC 9110 §9.3.5"}},
		{name: "DELETE 200 names the three answers", method: "DELETE",
			raw: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", where: "status", says: []string{"202 (accepted", "204 (done"}},
		{name: "repeated DELETE 404 stays idempotent", method: "DELETE",
			raw: "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", where: "status",
			says: []string{"repeated DELETE", "still idempotent", "same effect"}},
		{name: "204 ends at the blank line, whatever the method", method: "PUT",
			raw: "HTTP/1.1 204 No Content\r\nETag: \"b\"\r\n\r\n", where: "status",
			says: []string{"ends at the blank line", "nothing to show under Pretty"}},
		{name: "204 to GET says it too", method: "GET",
			raw: "HTTP/1.1 204 No Content\r\n\r\n", where: "status", says: []string{"ends at the blank line"}},
		{name: "304 is not a redirect", method: "GET",
			raw: "HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\n\r\n", where: "status",
			says: []string{"not a redirect", "no Location to follow"}},
		{name: "POST 201 not stored says when it would be (§9.3.3)", method: "POST",
			raw: "HTTP/1.1 201 Created\r\nLocation: /items/9\r\nContent-Length: 0\r\n\r\n", where: "cache-method",
			says: []string{"is not stored", "explicit freshness", "Content-Location"}, notSays: []string{"never"},
			refs: []string{"RFC 9110 §9.3.3", "RFC 9111 §3"}},
		{name: "PUT never stored, said once", method: "PUT",
			raw: "HTTP/1.1 204 No Content\r\nETag: \"b\"\r\n\r\n", where: "cache-method",
			says: []string{"never stored", "GET and HEAD", "drop what they hold"}, notSays: []string{"are not stored"}},
		{name: "418 cites 418's section, not 306's", method: "GET",
			raw: "HTTP/1.1 418 I'm a teapot\r\nContent-Length: 0\r\n\r\n", where: "status-unused",
			says: []string{"418 is reserved"}, refs: []string{"RFC 9110 §15.5.19"}},
		{name: "306 cites 306's section", method: "GET",
			raw: "HTTP/1.1 306 Unused\r\nContent-Length: 0\r\n\r\n", where: "status-unused", refs: []string{"RFC 9110 §15.4.7"}},
		{name: "POST 204 cites §15.3.5 once", method: "POST",
			raw: "HTTP/1.1 204 No Content\r\n\r\n", where: "status", refs: []string{"RFC 9110 §15.3.5", "RFC 9112 §6.3"}},
		{name: "GET without freshness: no 'Stale by 0 s', folded", method: "GET",
			raw: "HTTP/1.1 200 OK\r\nCache-Control: no-cache\r\nETag: \"a\"\r\nContent-Type: text/plain\r\nContent-Length: 1\r\n\r\nx", where: "cache-stale",
			says: []string{"No freshness lifetime"}, notSays: []string{"Stale by 0 s"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, err := ReadResponse([]byte(c.raw))
			if err != nil {
				t.Fatal(err)
			}
			r := Analyze(Exchange{Request: &Request{Method: c.method, URL: "http://127.0.0.1/items/1"}, Response: resp})
			text, refs, found := "", []string(nil), false
			if c.where == "status" {
				text, refs, found = r.Status.Meaning, r.Status.Refs, true
			}
			for _, f := range r.Findings {
				if f.ID == c.where {
					text, refs, found = f.Title+" — "+f.Detail, f.Refs, true
				}
			}
			if !found {
				t.Fatalf("no %s in the report: %+v", c.where, r.Findings)
			}
			for _, w := range c.says {
				if !strings.Contains(text, w) {
					t.Errorf("%s does not say %q:\n%s", c.where, w, text)
				}
			}
			for _, w := range c.notSays {
				if strings.Contains(text, w) {
					t.Errorf("%s wrongly says %q:\n%s", c.where, w, text)
				}
			}
			if c.refs != nil && strings.Join(refs, ", ") != strings.Join(c.refs, ", ") {
				t.Errorf("refs = %v, want %v", refs, c.refs)
			}
		})
	}
}

// TestObvious: the notes a reader can skip are marked, the rest are not.
func TestObvious(t *testing.T) {
	get := Analyze(Exchange{Request: &Request{Method: "GET", URL: "http://127.0.0.1/items/1"},
		Response: Response{Status: 200, Fields: []Field{{Name: "Cache-Control", Value: "no-cache"}, {Name: "ETag", Value: `"a"`}}}})
	put := Analyze(Exchange{Request: &Request{Method: "PUT", URL: "http://127.0.0.1/items/1"},
		Response: Response{Status: 204, Fields: []Field{{Name: "ETag", Value: `"b"`}}}})
	obvious := map[string]bool{}
	for _, f := range get.Findings {
		obvious[f.ID] = f.Obvious
	}
	if !obvious["method-safety"] || !obvious["cache-stale"] {
		t.Errorf("GET: method-safety and a zero cache-stale should be obvious: %v", obvious)
	}
	if obvious["next-request"] {
		t.Errorf("GET: next-request is not obvious")
	}
	for _, f := range put.Findings {
		if f.ID == "method-safety" && f.Obvious {
			t.Errorf("PUT's idempotence note is not obvious: it says to guard it with If-Match")
		}
	}
	// Every finding's refs are listed once.
	for _, r := range []Report{get, put} {
		for _, f := range r.Findings {
			seen := map[string]bool{}
			for _, ref := range f.Refs {
				if seen[ref] {
					t.Errorf("%s cites %s twice", f.ID, ref)
				}
				seen[ref] = true
			}
		}
	}
}
