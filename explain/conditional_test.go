package explain

import (
	"strings"
	"testing"
)

func TestConditionalFindings(t *testing.T) {
	const tagged = "ETag: \"v2\"\nDate: Wed, 01 May 2024 12:00:00 GMT\n"
	const lm = "Last-Modified: Wed, 01 May 2024 10:00:00 GMT\n"
	cases := []struct {
		name   string
		method string
		req    []string
		raw    string
		want   []string
	}{
		// 304
		{"304 to If-None-Match", "GET", []string{`If-None-Match: "v2"`}, "HTTP/1.1 304 Not Modified\n" + tagged + "\n", []string{"I not-modified"}},
		{"304 to If-Modified-Since", "GET", []string{"If-Modified-Since: Wed, 01 May 2024 11:00:00 GMT"}, "HTTP/1.1 304 Not Modified\n" + lm + "\n", []string{"I not-modified"}},
		{"304 to an unconditional GET", "GET", nil, "HTTP/1.1 304 Not Modified\n" + tagged + "\n", []string{"W not-modified"}},
		{"304 to PUT", "PUT", []string{`If-None-Match: "v2"`}, "HTTP/1.1 304 Not Modified\n" + tagged + "\n", []string{"W not-modified"}},
		{"304 to IMS on PUT", "PUT", []string{"If-Modified-Since: Wed, 01 May 2024 11:00:00 GMT"}, "HTTP/1.1 304 Not Modified\n\n",
			[]string{"W not-modified", "I precondition-ignored"}},
		{"304, request unknown", "", nil, "HTTP/1.1 304 Not Modified\n" + tagged + "\n", []string{"I not-modified"}},
		{"both sent: order explained", "GET", []string{`If-None-Match: "v2"`, "If-Modified-Since: Wed, 01 May 2024 11:00:00 GMT"},
			"HTTP/1.1 304 Not Modified\n" + tagged + "\n", []string{"I not-modified", "I precondition-order"}},

		// 412
		{"412 If-Match stale", "PUT", []string{`If-Match: "v1"`}, "HTTP/1.1 412 Precondition Failed\n" + tagged + "\n", []string{"I precondition-failed"}},
		{"412 If-Match weak tag", "PUT", []string{`If-Match: W/"v2"`}, "HTTP/1.1 412 Precondition Failed\n" + tagged + "\n",
			[]string{"I precondition-failed", "W if-match"}},
		{"412 If-None-Match star on existing", "PUT", []string{"If-None-Match: *"}, "HTTP/1.1 412 Precondition Failed\n" + tagged + "\n", []string{"I precondition-failed"}},
		{"412 If-Unmodified-Since", "DELETE", []string{"If-Unmodified-Since: Wed, 01 May 2024 09:00:00 GMT"}, "HTTP/1.1 412 Precondition Failed\n" + lm + "\n", []string{"I precondition-failed"}},
		{"412 without precondition", "PUT", nil, "HTTP/1.1 412 Precondition Failed\n\n", []string{"W precondition-failed"}},
		{"412 with only If-Modified-Since", "PUT", []string{"If-Modified-Since: Wed, 01 May 2024 09:00:00 GMT"}, "HTTP/1.1 412 Precondition Failed\n\n",
			[]string{"W precondition-failed", "I precondition-ignored"}},
		{"412, request unknown", "", nil, "HTTP/1.1 412 Precondition Failed\n\n", []string{"I precondition-failed"}},

		// 428
		{"428 unconditional PUT", "PUT", nil, "HTTP/1.1 428 Precondition Required\n\n", []string{"I precondition-required"}},

		// 2xx
		{"200 GET with validators", "GET", nil, "HTTP/1.1 200 OK\n" + tagged + lm + "\n", []string{"I next-request"}},
		{"200 GET without validators", "GET", nil, "HTTP/1.1 200 OK\n\n", nil},
		{"204 PUT matched", "PUT", []string{`If-Match: "v1"`}, "HTTP/1.1 204 No Content\n" + tagged + "\n", []string{"I precondition-passed"}},
		{"204 PUT weak If-Match yet success", "PUT", []string{`If-Match: W/"v1"`}, "HTTP/1.1 204 No Content\n" + tagged + "\n",
			[]string{"W if-match", "I success-despite-mismatch"}},
		{"200 GET If-Match not matching", "GET", []string{`If-Match: "v1"`}, "HTTP/1.1 200 OK\n" + tagged + "\n",
			[]string{"I success-despite-mismatch", "I next-request"}},
		{"200 GET If-Unmodified-Since violated", "GET", []string{"If-Unmodified-Since: Wed, 01 May 2024 09:00:00 GMT"}, "HTTP/1.1 200 OK\n" + lm + "\n",
			[]string{"I success-despite-mismatch", "I next-request"}},
		{"200 GET If-None-Match matching", "GET", []string{`If-None-Match: W/"v2"`}, "HTTP/1.1 200 OK\n" + tagged + "\n",
			[]string{"W not-modified-missed", "I next-request"}},
		{"200 GET If-Modified-Since not modified", "GET", []string{"If-Modified-Since: Wed, 01 May 2024 11:00:00 GMT"}, "HTTP/1.1 200 OK\n" + lm + "\n",
			[]string{"W not-modified-missed", "I next-request"}},
		{"200 GET If-None-Match changed", "GET", []string{`If-None-Match: "v1"`}, "HTTP/1.1 200 OK\n" + tagged + "\n", []string{"I next-request", "I precondition-passed"}},
		{"If-Match star mixed with tags", "PUT", []string{`If-Match: *, "v1"`}, "HTTP/1.1 204 No Content\n\n", []string{"W if-match"}},
		{"If-Match unquoted", "DELETE", []string{"If-Match: v1"}, "HTTP/1.1 412 Precondition Failed\n\n", []string{"W if-match", "I precondition-failed"}},
		{"If-Match and If-Unmodified-Since", "PUT", []string{`If-Match: "v1"`, "If-Unmodified-Since: Wed, 01 May 2024 09:00:00 GMT"},
			"HTTP/1.1 204 No Content\n\n", []string{"I precondition-order", "I precondition-passed"}},

		// ignored
		{"404 decides before preconditions", "GET", []string{`If-None-Match: "v1"`}, "HTTP/1.1 404 Not Found\n\n", []string{"I precondition-ignored"}},
		{"invalid If-Modified-Since", "GET", []string{"If-Modified-Since: yesterday"}, "HTTP/1.1 200 OK\n" + tagged + "\n",
			[]string{"I precondition-ignored", "I next-request"}},
		{"If-Range without Range", "GET", []string{`If-Range: "v2"`}, "HTTP/1.1 200 OK\n\n", []string{"I precondition-ignored"}},
		{"OPTIONS ignores preconditions", "OPTIONS", []string{`If-Match: "v1"`}, "HTTP/1.1 200 OK\n\n", []string{"I precondition-ignored"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assertFindings(t, conditionalFindings(exchange(t, c.method, c.req, c.raw)), c.want)
		})
	}
}

func TestConditionalAdvice(t *testing.T) {
	cases := []struct {
		name   string
		method string
		req    []string
		raw    string
		id     string
		says   []string
	}{
		{"412 names both tags", "PUT", []string{`If-Match: "v1"`}, "HTTP/1.1 412 Precondition Failed\nETag: \"v2\"\n\n",
			"precondition-failed", []string{`"v1"`, `"v2"`, "GET the current state", "retry with If-Match"}},
		{"create-only PUT", "PUT", []string{"If-None-Match: *"}, "HTTP/1.1 412 Precondition Failed\n\n",
			"precondition-failed", []string{"already exists", "create-only"}},
		{"428 says how to resend", "PUT", nil, "HTTP/1.1 428 Precondition Required\n\n",
			"precondition-required", []string{"GET", "If-Match"}},
		{"weak tag is the always-412 trap", "PUT", []string{`If-Match: W/"v1"`}, "HTTP/1.1 412 Precondition Failed\n\n",
			"if-match", []string{"always 412"}},
		{"next request with a weak tag", "GET", nil, "HTTP/1.1 200 OK\nETag: W/\"v1\"\n\n",
			"next-request", []string{`If-None-Match: W/"v1"`, "cannot guard a write"}},
		{"next request with a strong tag", "GET", nil, "HTTP/1.1 200 OK\nETag: \"v1\"\n\n",
			"next-request", []string{`If-None-Match: "v1"`, `If-Match: "v1"`}},
		{"order says what is skipped", "GET", []string{`If-None-Match: "v1"`, "If-Modified-Since: Wed, 01 May 2024 11:00:00 GMT"}, "HTTP/1.1 200 OK\n\n",
			"precondition-order", []string{"If-Modified-Since is skipped"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var f *Finding
			fs := conditionalFindings(exchange(t, c.method, c.req, c.raw))
			for i := range fs {
				if fs[i].ID == c.id {
					f = &fs[i]
				}
			}
			if f == nil {
				t.Fatalf("no %s in %q", c.id, codes(fs))
			}
			for _, s := range c.says {
				if !strings.Contains(f.Title+" "+f.Detail, s) {
					t.Errorf("%s does not say %q: %s — %s", c.id, s, f.Title, f.Detail)
				}
			}
		})
	}
}

func TestMethodSafety(t *testing.T) {
	cases := []struct{ method, title string }{
		{"GET", "safe and idempotent"},
		{"HEAD", "safe and idempotent"},
		{"PUT", "idempotent but not safe"},
		{"DELETE", "idempotent but not safe"},
		{"POST", "neither safe nor idempotent"},
		{"PATCH", "neither safe nor idempotent"},
		{"get", "case-sensitive"},
		{"PROPFIND", "not a standard method"},
	}
	for _, c := range cases {
		t.Run(c.method, func(t *testing.T) {
			f, ok := methodSafetyFinding(c.method)
			if !ok || f.ID != "method-safety" || f.Severity != Info || !strings.Contains(f.Title, c.title) {
				t.Fatalf("got %+v, want a method-safety info saying %q", f, c.title)
			}
		})
	}
	if _, ok := methodSafetyFinding(""); ok {
		t.Error("an unknown request must give no method-safety finding")
	}
}

func TestConditionalWithFieldsUnknown(t *testing.T) {
	cases := []struct {
		name, method, raw string
		want              []string
	}{
		{"412 does not blame a missing precondition", "PUT", "HTTP/1.1 412 Precondition Failed\n\n", []string{"I precondition-failed"}},
		{"304 to PUT is still wrong", "PUT", "HTTP/1.1 304 Not Modified\n\n", []string{"W not-modified"}},
		{"304 to GET is plausible", "GET", "HTTP/1.1 304 Not Modified\n\n", []string{"I not-modified"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := exchange(t, c.method, nil, c.raw)
			x.Request.FieldsUnknown = true
			assertFindings(t, conditionalFindings(x), c.want)
		})
	}
}
