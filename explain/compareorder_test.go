package explain

import (
	"strings"
	"testing"
)

// TestCompareCausesPreconditionsAsSent: the diff compares the preconditions the
// requests carried as sent (a helper's If-Match included) and lists the causes
// that explain the change first.
func TestCompareCausesPreconditionsAsSent(t *testing.T) {
	x := func(method string, req []Field, status int, resp ...Field) Exchange {
		return Exchange{Request: &Request{Method: method, URL: "http://127.0.0.1/items/2", Fields: req},
			Response: Response{Status: status, Fields: resp}}
	}
	cases := []struct {
		name      string
		a, b      Exchange
		wantIDs   []string // the causes, in order
		detailHas string   // the first cause's detail says this
	}{
		{"428 then 204 with the If-Match a helper added",
			x("PUT", nil, 428), x("PUT", []Field{{Name: "If-Match", Value: `"v1"`}}, 204, Field{Name: "ETag", Value: `"v2"`}),
			[]string{"precondition-differs", "precondition-met"}, `B added If-Match: "v1"`},
		{"412 then 204 after the retry with the new tag",
			x("PUT", []Field{{Name: "If-Match", Value: `"v1"`}}, 412, Field{Name: "ETag", Value: `"v2"`}), x("PUT", []Field{{Name: "If-Match", Value: `"v2"`}}, 204, Field{Name: "ETag", Value: `"v3"`}),
			[]string{"precondition-differs", "precondition-met", "etag-changed"}, `A sent If-Match: "v1", B sent "v2"`},
		{"200 then 304 when If-None-Match was added",
			x("GET", nil, 200, Field{Name: "ETag", Value: `"v1"`}), x("GET", []Field{{Name: "If-None-Match", Value: `"v1"`}}, 304, Field{Name: "ETag", Value: `"v1"`}),
			[]string{"precondition-differs", "not-modified-match"}, `B added If-None-Match: "v1"`},
		{"204 then 412 with the same If-Match: no precondition difference",
			x("PUT", []Field{{Name: "If-Match", Value: `"v1"`}}, 204, Field{Name: "ETag", Value: `"v2"`}), x("PUT", []Field{{Name: "If-Match", Value: `"v1"`}}, 412, Field{Name: "ETag", Value: `"v2"`}),
			[]string{"precondition-failed-changed"}, "ETag is now"},
		{"201 then 412 when If-None-Match: * is sent twice",
			x("PUT", []Field{{Name: "If-None-Match", Value: "*"}}, 201, Field{Name: "ETag", Value: `"n1"`}), x("PUT", []Field{{Name: "If-None-Match", Value: "*"}}, 412),
			[]string{"precondition-failed-changed"}, "If-None-Match: *"},
		{"Vary: the Accept difference comes before the ETag change",
			x("GET", []Field{{Name: "Accept", Value: "application/json"}}, 200, Field{Name: "Vary", Value: "Accept"}, Field{Name: "ETag", Value: `"j"`}),
			x("GET", []Field{{Name: "Accept", Value: "text/plain"}}, 200, Field{Name: "Vary", Value: "Accept"}, Field{Name: "ETag", Value: `"t"`}),
			[]string{"vary-request-differs", "etag-changed"}, `A sent Accept: "application/json"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.a.Response.Body, c.b.Response.Body = []byte("a"), []byte("b")
			cmp := Compare(c.a, c.b)
			var ids []string
			for _, cause := range cmp.Causes {
				ids = append(ids, cause.ID)
			}
			if strings.Join(ids, " ") != strings.Join(c.wantIDs, " ") {
				t.Fatalf("causes = %v, want %v", ids, c.wantIDs)
			}
			if !strings.Contains(cmp.Causes[0].Detail, c.detailHas) {
				t.Errorf("first cause %q does not say %q", cmp.Causes[0].Detail, c.detailHas)
			}
			for _, cause := range cmp.Causes {
				if strings.Contains(cause.Title, "no cause visible") {
					t.Errorf("says %q", cause.Title)
				}
			}
		})
	}
}
