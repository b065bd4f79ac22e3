package explain

import (
	"strings"
	"testing"
	"time"
)

// side builds one exchange for Compare tests: method "" leaves the request unknown;
// reqFields are "Name: value"; the response is raw text; at is both Received and Now.
func side(t *testing.T, method string, reqFields []string, raw string, at time.Time) Exchange {
	t.Helper()
	x := Exchange{Response: rawResponse(t, raw), Received: at, Now: at}
	if method == "" {
		return x
	}
	x.Request = &Request{Method: method, URL: "http://127.0.0.1/items/1", Fields: []Field{}}
	for _, l := range reqFields {
		name, value, _ := strings.Cut(l, ":")
		x.Request.Fields = append(x.Request.Fields, Field{Name: name, Value: strings.TrimSpace(value)})
	}
	return x
}

const (
	ok200v1   = "HTTP/1.1 200 OK\nETag: \"v1\"\nLast-Modified: Tue, 30 Apr 2024 12:00:00 GMT\nDate: Wed, 01 May 2024 12:00:00 GMT\nContent-Length: 5\n\nfirst"
	ok200v2   = "HTTP/1.1 200 OK\nETag: \"v2\"\nDate: Wed, 01 May 2024 12:00:00 GMT\nContent-Length: 6\n\nsecond"
	nm304v1   = "HTTP/1.1 304 Not Modified\nETag: \"v1\"\nDate: Wed, 01 May 2024 12:00:05 GMT\n\n"
	put204v2  = "HTTP/1.1 204 No Content\nETag: \"v2\"\nDate: Wed, 01 May 2024 12:00:00 GMT\n\n"
	pf412     = "HTTP/1.1 412 Precondition Failed\nDate: Wed, 01 May 2024 12:00:09 GMT\nContent-Length: 0\n\n"
	pf412v3   = "HTTP/1.1 412 Precondition Failed\nETag: \"v3\"\nContent-Length: 0\n\n"
	del204    = "HTTP/1.1 204 No Content\nDate: Wed, 01 May 2024 12:00:00 GMT\n\n"
	nf404     = "HTTP/1.1 404 Not Found\nContent-Length: 0\n\n"
	fresh60   = "HTTP/1.1 200 OK\nETag: \"v1\"\nCache-Control: max-age=60\nDate: Wed, 01 May 2024 12:00:00 GMT\nContent-Length: 5\n\nfirst"
	plainBody = "HTTP/1.1 200 OK\nContent-Length: 3\n\n"
)

func TestCompareCauses(t *testing.T) {
	t0 := received
	later := t0.Add(2 * time.Minute)
	cases := []struct {
		name       string
		a, b       func(t *testing.T) Exchange
		between    []string // methods of "→ 2xx" writes in between, with their raw responses
		betweenRaw []string
		id         string
		sev        Severity
		want       []string // substrings of the cause's title and detail
	}{
		{name: "200 then 304 because If-None-Match matched",
			a:  func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v1, t0) },
			b:  func(t *testing.T) Exchange { return side(t, "GET", []string{`If-None-Match: "v1"`}, nm304v1, later) },
			id: "not-modified-match", sev: Info, want: []string{"200 then 304", `matches the ETag "v1" that A carried`}},
		{name: "200 then 304 because If-Modified-Since",
			a: func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v1, t0) },
			b: func(t *testing.T) Exchange {
				return side(t, "GET", []string{"If-Modified-Since: Tue, 30 Apr 2024 12:00:00 GMT"}, nm304v1, later)
			},
			id: "not-modified-match", sev: Info, want: []string{"If-Modified-Since", "A's Last-Modified was Tue, 30 Apr 2024"}},
		{name: "304 to an unconditional request is the server's fault",
			a:  func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v1, t0) },
			b:  func(t *testing.T) Exchange { return side(t, "GET", nil, nm304v1, later) },
			id: "not-modified-match", sev: Warning, want: []string{"unconditional"}},
		{name: "304 with the request unknown still reads the tags",
			a:  func(t *testing.T) Exchange { return side(t, "", nil, ok200v1, t0) },
			b:  func(t *testing.T) Exchange { return side(t, "", nil, nm304v1, later) },
			id: "not-modified-match", sev: Info, want: []string{"must have carried", `Both responses carry the ETag "v1"`}},
		{name: "204 then 412 because the ETag changed between",
			a:  func(t *testing.T) Exchange { return side(t, "PUT", []string{`If-Match: "v1"`}, put204v2, t0) },
			b:  func(t *testing.T) Exchange { return side(t, "PUT", []string{`If-Match: "v1"`}, pf412, later) },
			id: "precondition-failed-changed", sev: Info,
			want: []string{"204 then 412 because the ETag changed between", `now "v2" (A's response gave it)`, "A, a successful PUT, changed it"}},
		{name: "412 names the write in between",
			a:          func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v1, t0) },
			b:          func(t *testing.T) Exchange { return side(t, "PUT", []string{`If-Match: "v1"`}, pf412, later) },
			between:    []string{"PUT"},
			betweenRaw: []string{put204v2},
			id:         "precondition-failed-changed", sev: Info, want: []string{`now "v2" (from the PUT → 204 in between)`, "in between changed it"}},
		{name: "412 with the current tag in its own response",
			a:  func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v1, t0) },
			b:  func(t *testing.T) Exchange { return side(t, "PUT", []string{`If-Match: "v1"`}, pf412v3, later) },
			id: "precondition-failed-changed", sev: Info, want: []string{`now "v3" (B's 412 says so)`}},
		{name: "412 with the request unknown names the changed ETag",
			a:  func(t *testing.T) Exchange { return side(t, "", nil, ok200v1, t0) },
			b:  func(t *testing.T) Exchange { return side(t, "", nil, pf412v3, later) },
			id: "precondition-failed-changed", sev: Info, want: []string{"the ETag changed between", `A carried the ETag "v1"`, `now "v3"`}},
		{name: "412 for a weak tag in If-Match",
			a:  func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v1, t0) },
			b:  func(t *testing.T) Exchange { return side(t, "PUT", []string{`If-Match: W/"v1"`}, pf412, later) },
			id: "precondition-failed-changed", sev: Warning, want: []string{"weak tag never matches"}},
		{name: "412 for If-Unmodified-Since",
			a: func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v1, t0) },
			b: func(t *testing.T) Exchange {
				return side(t, "PUT", []string{"If-Unmodified-Since: Mon, 29 Apr 2024 12:00:00 GMT"}, pf412, later)
			},
			id: "precondition-failed-changed", sev: Info, want: []string{"modified after that"}},
		{name: "200 then 404 after a DELETE",
			a:  func(t *testing.T) Exchange { return side(t, "DELETE", nil, del204, t0) },
			b:  func(t *testing.T) Exchange { return side(t, "GET", nil, nf404, later) },
			id: "gone", sev: Info, want: []string{"204 then 404 after a DELETE", "successful DELETE"}},
		{name: "200 then 404 with the DELETE in between",
			a:          func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v1, t0) },
			b:          func(t *testing.T) Exchange { return side(t, "GET", nil, nf404, later) },
			between:    []string{"DELETE"},
			betweenRaw: []string{del204},
			id:         "gone", sev: Info, want: []string{"200 then 404 after a DELETE", "DELETE → 204 in between removed"}},
		{name: "200 then 410 without a known cause",
			a:  func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v1, t0) },
			b:  func(t *testing.T) Exchange { return side(t, "GET", nil, "HTTP/1.1 410 Gone\n\n", later) },
			id: "gone", sev: Info, want: []string{"went away", "410"}},
		{name: "404 then 201 created by B",
			a: func(t *testing.T) Exchange { return side(t, "GET", nil, nf404, t0) },
			b: func(t *testing.T) Exchange {
				return side(t, "PUT", nil, "HTTP/1.1 201 Created\nETag: \"v1\"\n\n", later)
			},
			id: "created", sev: Info, want: []string{"B itself, a PUT, created it"}},
		{name: "304 then 200 because the resource changed",
			a:  func(t *testing.T) Exchange { return side(t, "GET", []string{`If-None-Match: "v1"`}, nm304v1, t0) },
			b:  func(t *testing.T) Exchange { return side(t, "GET", []string{`If-None-Match: "v1"`}, ok200v2, later) },
			id: "validator-changed", sev: Info, want: []string{`current ETag is "v2"`}},
		{name: "then 428",
			a: func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v1, t0) },
			b: func(t *testing.T) Exchange {
				return side(t, "PUT", nil, "HTTP/1.1 428 Precondition Required\n\n", later)
			},
			id: "precondition-required", sev: Info, want: []string{"If-Match"}},
		{name: "status changed for no visible reason",
			a: func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v1, t0) },
			b: func(t *testing.T) Exchange {
				return side(t, "GET", nil, "HTTP/1.1 500 Internal Server Error\n\n", later)
			},
			id: "status-changed", sev: Info, want: []string{"no cause visible"}},
		{name: "a fresh response that became stale",
			a:  func(t *testing.T) Exchange { return side(t, "GET", nil, fresh60, t0) },
			b:  func(t *testing.T) Exchange { return side(t, "GET", nil, fresh60, later) },
			id: "became-stale", sev: Info, want: []string{"60 s lifetime", "fresh for 60 s more", "stale by 60 s"}},
		{name: "a stale copy replaced by a fresh one",
			a: func(t *testing.T) Exchange { return side(t, "GET", nil, fresh60, later) },
			b: func(t *testing.T) Exchange {
				return side(t, "GET", nil, strings.Replace(fresh60, "12:00:00", "12:02:00", 1), later)
			},
			id: "became-fresh", sev: Info, want: []string{"newer or revalidated"}},
		{name: "etag changed with the body",
			a:  func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v1, t0) },
			b:  func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v2, later) },
			id: "etag-changed", sev: Info, want: []string{`"v1" then "v2"`, "representation changed"}},
		{name: "same strong etag over different bytes",
			a: func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v1, t0) },
			b: func(t *testing.T) Exchange {
				return side(t, "GET", nil, strings.Replace(ok200v1, "first", "FIRST", 1), later)
			},
			id: "etag-reused", sev: Warning, want: []string{"must change whenever the bytes"}},
		{name: "same weak etag over different bytes",
			a: func(t *testing.T) Exchange {
				return side(t, "GET", nil, strings.Replace(ok200v1, `"v1"`, `W/"v1"`, 1), t0)
			},
			b: func(t *testing.T) Exchange {
				return side(t, "GET", nil, strings.Replace(strings.Replace(ok200v1, `"v1"`, `W/"v1"`, 1), "first", "FIRST", 1), later)
			},
			id: "etag-weak-changed", sev: Info, want: []string{"semantically equivalent"}},
		{name: "body changed without validators",
			a:  func(t *testing.T) Exchange { return side(t, "GET", nil, plainBody+"abc", t0) },
			b:  func(t *testing.T) Exchange { return side(t, "GET", nil, plainBody+"xyz", later) },
			id: "body-changed", sev: Info, want: []string{"no validator says why"}},
		{name: "gzip then identity",
			a: func(t *testing.T) Exchange {
				return side(t, "GET", []string{"Accept-Encoding: gzip"}, "HTTP/1.1 200 OK\nContent-Encoding: gzip\nVary: Accept-Encoding\n\n\x1f\x8b", t0)
			},
			b: func(t *testing.T) Exchange {
				return side(t, "GET", nil, "HTTP/1.1 200 OK\nVary: Accept-Encoding\n\nplain", later)
			},
			id: "content-coding-differs", sev: Info, want: []string{"gzip then identity"}},
		{name: "vary on a request field that differs",
			a: func(t *testing.T) Exchange {
				return side(t, "GET", []string{"Accept-Language: en"}, "HTTP/1.1 200 OK\nVary: Accept-Language\n\nhello", t0)
			},
			b: func(t *testing.T) Exchange {
				return side(t, "GET", []string{"Accept-Language: fr"}, "HTTP/1.1 200 OK\nVary: Accept-Language\n\nbonjour", later)
			},
			id: "vary-request-differs", sev: Info, want: []string{`A sent Accept-Language: "en", B sent Accept-Language: "fr"`}},
		{name: "different methods",
			a:  func(t *testing.T) Exchange { return side(t, "GET", nil, ok200v1, t0) },
			b:  func(t *testing.T) Exchange { return side(t, "HEAD", nil, ok200v1, t0) },
			id: "method-differs", sev: Info, want: []string{"A was GET, B was HEAD"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var between []Exchange
			for i, m := range c.between {
				between = append(between, side(t, m, nil, c.betweenRaw[i], t0.Add(time.Minute)))
			}
			cmp := Compare(c.a(t), c.b(t), between...)
			cause, ok := findCause(cmp.Causes, c.id)
			if !ok {
				t.Fatalf("no cause %s in %+v", c.id, cmp.Causes)
			}
			if cause.Severity != c.sev || len(cause.Refs) == 0 {
				t.Errorf("cause %+v: want severity %s and refs", cause, c.sev)
			}
			for _, w := range c.want {
				if !strings.Contains(cause.Title+" "+cause.Detail, w) {
					t.Errorf("cause lacks %q:\n%s\n%s", w, cause.Title, cause.Detail)
				}
			}
		})
	}
}

func TestCompareDifferentStatusNeedsNoBodyCause(t *testing.T) {
	cmp := Compare(side(t, "GET", nil, ok200v1, received), side(t, "GET", nil, "HTTP/1.1 500 Oops\n\nboom", received))
	if !cmp.BodyChanged || cmp.SameStatus {
		t.Errorf("summary %+v", cmp)
	}
	for _, c := range cmp.Causes {
		if c.ID == "body-changed" || c.ID == "etag-reused" {
			t.Errorf("cause %s for a different status: %+v", c.ID, c)
		}
	}
}

func findCause(cs []Cause, id string) (Cause, bool) {
	for _, c := range cs {
		if c.ID == id {
			return c, true
		}
	}
	return Cause{}, false
}

func TestCompareSameExchange(t *testing.T) {
	a := side(t, "GET", nil, ok200v1, received)
	cmp := Compare(a, a)
	if len(cmp.Causes) != 0 || len(cmp.Headers) != 0 || cmp.Body != "same" || cmp.BodyChanged || !cmp.SameStatus {
		t.Errorf("identical exchanges: %+v", cmp)
	}
	if cmp.ETagA != `"v1"` || cmp.ETagB != `"v1"` || cmp.StatusA != 200 {
		t.Errorf("summary fields: %+v", cmp)
	}
}

func TestCompareBodyAndHeaders(t *testing.T) {
	a := side(t, "GET", nil, "HTTP/1.1 200 OK\nETag: \"1\"\nX-Old: a\nSet-Cookie: a=1\nSet-Cookie: b=2\n\nbody", received)
	b := side(t, "GET", nil, "HTTP/1.1 200 OK\nETag: \"2\"\nset-cookie: a=1\nX-New: n\n\nbody", received)
	cmp := Compare(a, b)
	got := []string{}
	for _, h := range cmp.Headers {
		got = append(got, h.Change+" "+h.Name+" "+strings.Join(h.A, "|")+" > "+strings.Join(h.B, "|"))
	}
	want := []string{`changed ETag "1" > "2"`, "removed X-Old a > ", "changed Set-Cookie a=1|b=2 > a=1", "added X-New  > n"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("headers:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if cmp.Body != "same" {
		t.Errorf("Body = %q", cmp.Body)
	}
	for _, c := range []struct{ name, rawB, method, want string }{
		{"304 has no content", nm304v1, "GET", "not compared: B is a 304"},
		{"HEAD has no content", ok200v1, "HEAD", "not compared: B answers a HEAD"},
		{"204 has no content", del204, "GET", "not compared: B is a 204"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmp := Compare(a, side(t, c.method, nil, c.rawB, received))
			if !strings.HasPrefix(cmp.Body, c.want) || cmp.BodyChanged {
				t.Errorf("Body = %q, changed %v", cmp.Body, cmp.BodyChanged)
			}
		})
	}
}
