package preconditions

import (
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/explain"
)

var at = time.Date(2026, 12, 2, 12, 0, 3, 0, time.UTC)

// TestSuggest: the helper quotes a validator from the same URL only, says where it
// came from, and says so when there is none.
func TestSuggest(t *testing.T) {
	var k Known
	k.Observe("GET", "http://127.0.0.1:1/items/1", 200, `"i1"`, "Wed, 01 May 2024 10:00:00 GMT", at)
	k.Observe("GET", "http://127.0.0.1:1/cache/vary", 200, `"vary"`, "", at)
	k.Observe("GET", "http://127.0.0.1:1/items", 200, `W/"list"`, "", at)
	k.Observe("GET", "http://127.0.0.1:1/items/3", 200, `"i3"`, "", at)
	k.Observe("DELETE", "http://127.0.0.1:1/items/3", 204, "", "", at)
	k.Observe("PUT", "http://127.0.0.1:1/items/4", 412, `"server-now"`, "", at)
	cases := []struct {
		name, method, url string
		ok                bool
		field, value      string
		message           string
	}{
		{"PUT quotes the ETag of the same URL", "PUT", "http://127.0.0.1:1/items/1", true, "If-Match", `"i1"`, `If-Match: "i1" added: ETag from GET /items/1 at 12:00:03.`},
		{"GET revalidates with If-None-Match", "GET", "http://127.0.0.1:1/items/1", true, "If-None-Match", `"i1"`, "ETag from GET /items/1"},
		{"another URL's ETag is never used", "PUT", "http://127.0.0.1:1/items/2", false, "", "", "No validator known for /items/2: nothing added; send a GET of it first."},
		{"a weak ETag cannot guard a write", "DELETE", "http://127.0.0.1:1/items", false, "", "", `weak W/"list"`},
		{"after a DELETE the URL is forgotten", "PUT", "http://127.0.0.1:1/items/3", false, "", "", "No validator known for /items/3"},
		{"a 412's ETag is not learnt", "PUT", "http://127.0.0.1:1/items/4", false, "", "", "No validator known"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Suggest(c.method, c.url, k)
			if s.OK != c.ok || s.Name != c.field || s.Value != c.value {
				t.Errorf("Suggest = %+v, want ok=%v %s: %s", s, c.ok, c.field, c.value)
			}
			if !strings.Contains(s.Message, c.message) {
				t.Errorf("message %q does not say %q", s.Message, c.message)
			}
		})
	}
}

func TestSuggestLastModifiedOnly(t *testing.T) {
	var k Known
	k.Observe("GET", "http://h/x", 200, "", "Wed, 01 May 2024 10:00:00 GMT", at)
	if s := Suggest("PUT", "http://h/x", k); s.Name != "If-Unmodified-Since" || !strings.Contains(s.Message, "Last-Modified from GET /x") {
		t.Errorf("PUT = %+v", s)
	}
	if s := Suggest("GET", "http://h/x", k); s.Name != "If-Modified-Since" {
		t.Errorf("GET = %+v", s)
	}
	// A 304 without the date keeps the one known.
	k.Observe("GET", "http://h/x", 304, `"e"`, "", at)
	if s, _ := k.For("http://h/x"); s.ETag != `"e"` || s.LastModified == "" {
		t.Errorf("after 304: %+v", s)
	}
}

// TestAfterFailure: the retry after a 412 changes the precondition that failed.
func TestAfterFailure(t *testing.T) {
	current := Seen{ETag: `"v2"`, Method: "GET", URL: "http://h/items/1", At: at}
	cases := []struct {
		name   string
		req    []explain.Field
		set    string
		remove []string
		msg    string
	}{
		{"If-Match: retry with the current tag", []explain.Field{{Name: "If-Match", Value: `"v1"`}}, "If-Match", []string{"If-Unmodified-Since"}, `If-Match: "v2" added`},
		{"If-None-Match: * is dropped, not turned into If-Match", []explain.Field{{Name: "If-None-Match", Value: "*"}}, "", []string{"If-None-Match"}, "overwrite"},
		{"If-Unmodified-Since: retry with If-Match", []explain.Field{{Name: "If-Unmodified-Since", Value: "Wed, 01 May 2024 09:00:00 GMT"}}, "If-Match", []string{"If-Unmodified-Since"}, `"v2"`},
		{"If-Match: * on a missing resource: drop it", []explain.Field{{Name: "If-Match", Value: "*"}}, "", []string{"If-Match"}, "create"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := explain.PreconditionFailure(&explain.Request{Method: "PUT", Fields: c.req}, explain.Response{Status: 412})
			s := AfterFailure(f, current)
			if !s.OK || s.Name != c.set || strings.Join(s.Remove, ",") != strings.Join(c.remove, ",") || !strings.Contains(s.Message, c.msg) {
				t.Errorf("AfterFailure = %+v", s)
			}
		})
	}
	if s := AfterRequired(current); s.Name != "If-Match" || s.Value != `"v2"` {
		t.Errorf("AfterRequired = %+v", s)
	}
	if s := AfterRequired(Seen{}); s.OK {
		t.Errorf("AfterRequired without a validator = %+v", s)
	}
}

func TestMerge3(t *testing.T) {
	base := []byte(`{"name": "pencil", "colour": "red", "qty": 1}`)
	server := []byte(`{"name": "pencil (sharp)", "colour": "red", "qty": 1, "tag": "new"}`)
	mine := []byte(`{"name": "pencil", "colour": "blue", "qty": 1}`)
	w := Merge3(base, server, mine)
	got := map[string]Change{}
	for _, r := range w.Rows {
		got[r.Key] = r.Change
	}
	want := map[string]Change{"name": ServerOnly, "colour": MineOnly, "qty": Unchanged, "tag": ServerOnly}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %s, want %s", k, got[k], v)
		}
	}
	if string(w.Merged) != `{"colour":"blue","name":"pencil (sharp)","qty":1,"tag":"new"}` || len(w.Conflicts) != 0 {
		t.Errorf("merged = %s, conflicts %v", w.Merged, w.Conflicts)
	}
	c := Merge3(base, server, []byte(`{"name": "pen", "colour": "red", "qty": 1}`))
	if len(c.Conflicts) != 1 || c.Conflicts[0] != "name" {
		t.Errorf("conflicts = %v", c.Conflicts)
	}
	if n := Merge3([]byte("a"), []byte("b"), []byte("c")); n.Merged != nil || n.Rows != nil {
		t.Errorf("non-JSON: %+v", n)
	}
}
