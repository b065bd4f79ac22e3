package conditional

import (
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
)

func exchange(method, url string, status int, reqHs, respHs []requests.Header, reqBody, respBody string) requests.Exchange {
	return requests.Exchange{
		Request:  requests.SentRequest{Method: method, URL: url, Headers: reqHs, Body: []byte(reqBody)},
		Response: &requests.Response{Status: status, Headers: respHs, Body: []byte(respBody)},
		Received: time.Date(2026, 12, 2, 12, 0, 3, 0, time.UTC),
	}
}

func h(name, value string) requests.Header { return requests.Header{Name: name, Value: value} }

// A 412 belongs to the request that got it: another request's answer neither
// shows it nor ends it; that request's own next answer does.
func TestFailuresArePerRequest(t *testing.T) {
	w := New()
	w.Answered("read", exchange("GET", "http://127.0.0.1/items/1", 200, nil, []requests.Header{h("ETag", `"a"`)}, "", `{"name":"a"}`), "", "R")
	out := w.Answered("put", exchange("PUT", "http://127.0.0.1/items/1", 412, []requests.Header{h("If-Match", `"old"`)}, nil, `{"name":"b"}`, ""), "", "R")
	if out.Failed == nil || !strings.Contains(out.Failed.Note, "If-Match failed") || !strings.Contains(out.Failed.Note, "Press R") {
		t.Fatalf("412 outcome %+v", out)
	}
	if f, ok := w.Failed("put"); !ok || string(f.Base) != `{"name":"a"}` || string(f.Mine) != `{"name":"b"}` {
		t.Errorf("failure kept %+v %v", f, ok)
	}
	if _, ok := w.Failed("read"); ok {
		t.Error("the GET that did not fail has a failure")
	}
	w.Answered("head", exchange("HEAD", "http://127.0.0.1/items/2", 200, nil, nil, "", ""), "", "R")
	if _, ok := w.Failed("put"); !ok {
		t.Error("another request's 200 ended the PUT's 412")
	}
	w.Answered("put", exchange("PUT", "http://127.0.0.1/items/1", 204, nil, nil, "", ""), "", "R")
	if _, ok := w.Failed("put"); ok {
		t.Error("the PUT's own 204 did not end its 412")
	}
}

// R after a 412 on If-Match re-reads without the conditions and the body's
// fields; its answer gives the three-way view with the server's ETag.
func TestRereadThenMerge(t *testing.T) {
	w := New()
	w.Answered("read", exchange("GET", "http://127.0.0.1/items/1", 200, nil, []requests.Header{h("ETag", `"a"`)}, "", `{"n":1,"c":"x"}`), "", "R")
	w.Answered("put", exchange("PUT", "http://127.0.0.1/items/1", 412,
		[]requests.Header{h("If-Match", `"a0"`), h("Content-Type", "application/json"), h("Accept", "application/json")}, nil, `{"n":2,"c":"x"}`, ""), "", "R")
	get, _, ok := w.Reread("put")
	if !ok || get == nil || get.Method != "GET" || len(get.Headers) != 1 || get.Headers[0].Name != "Accept" {
		t.Fatalf("re-read %+v %v", get, ok)
	}
	// The failure stays until the re-read's answer: a re-read cancelled or
	// superseded by another send leaves R for the request.
	if _, still := w.Failed("put"); !still {
		t.Error("the failure is gone while its re-read is in flight")
	}
	out := w.Answered("", exchange("GET", "http://127.0.0.1/items/1", 200, nil, []requests.Header{h("ETag", `"b"`)}, "", `{"n":1,"c":"y"}`), "put", "R")
	if out.Merge == nil || out.For != "put" || out.Merge.Seen.ETag != `"b"` {
		t.Fatalf("after the re-read %+v", out)
	}
	if got := string(out.Merge.Merged); got != `{"c":"y","n":2}` || len(out.Merge.Conflicts) != 0 {
		t.Errorf("merged %s, conflicts %v", got, out.Merge.Conflicts)
	}
}

// R after If-None-Match: * failed drops it rather than re-reading; after a 428
// the re-read's ETag becomes If-Match; a re-read without an ETag says so.
func TestRereadPerFailure(t *testing.T) {
	w := New()
	w.Answered("create", exchange("PUT", "http://127.0.0.1/items/42", 412, []requests.Header{h("If-None-Match", "*")}, nil, `{}`, ""), "", "R")
	get, drop, ok := w.Reread("create")
	if !ok || get != nil || !drop.OK || len(drop.Remove) != 1 || drop.Remove[0] != "If-None-Match" {
		t.Errorf("R after If-None-Match: * %+v %+v", get, drop)
	}

	w.Answered("strict", exchange("PUT", "http://127.0.0.1/strict/items/2", 428, nil, nil, `{}`, ""), "", "R")
	if f, _ := w.Failed("strict"); !f.Required || !strings.Contains(f.Note, "428 Precondition Required") {
		t.Errorf("428 failure %+v", f)
	}
	if get, _, _ := w.Reread("strict"); get == nil {
		t.Fatal("no re-read after 428")
	}
	out := w.Answered("", exchange("GET", "http://127.0.0.1/strict/items/2", 200, nil, []requests.Header{h("ETag", `"s"`)}, "", `{}`), "strict", "R")
	if out.IfMatch == nil || out.IfMatch.Value != `"s"` || !strings.Contains(out.Status, "from GET /strict/items/2 at 12:00:03") {
		t.Errorf("after the 428's re-read %+v", out)
	}

	w.Answered("put", exchange("PUT", "http://127.0.0.1/x", 412, []requests.Header{h("If-Match", `"a"`)}, nil, `{}`, ""), "", "R")
	w.Reread("put")
	out = w.Answered("", exchange("GET", "http://127.0.0.1/x", 200, nil, nil, "", `{}`), "put", "R")
	if !out.IsErr || !strings.Contains(out.Status, "without an ETag") {
		t.Errorf("re-read without an ETag %+v", out)
	}
	if _, _, ok := w.Reread("nobody"); ok {
		t.Error("R acts for a request that got no 412")
	}
}

// A re-read that got no answer (cancelled, refused) leaves the 412 to R again.
func TestRereadWithoutAnswerKeepsTheFailure(t *testing.T) {
	w := New()
	w.Answered("put", exchange("PUT", "http://127.0.0.1/x", 412, []requests.Header{h("If-Match", `"a"`)}, nil, `{}`, ""), "", "R")
	w.Reread("put")
	w.Answered("", requests.Exchange{Request: requests.SentRequest{Method: "GET", URL: "http://127.0.0.1/x"}}, "put", "R")
	if _, ok := w.Failed("put"); !ok {
		t.Error("a cancelled re-read lost the 412")
	}
}

func TestAutoIfMatchSameURLOnly(t *testing.T) {
	etags := map[string]string{"http://127.0.0.1/items/1": `"a"`}
	tests := []struct {
		req  requests.Request
		want string
	}{
		{requests.Request{Method: "PUT", URL: "http://127.0.0.1/items/1"}, `"a"`},
		{requests.Request{Method: "DELETE", URL: "http://127.0.0.1/items/2"}, ""},
		{requests.Request{Method: "GET", URL: "http://127.0.0.1/items/1"}, ""},
		{requests.Request{Method: "PATCH", URL: "http://127.0.0.1/items/1", Headers: []requests.Header{h("if-match", `"mine"`)}}, `"mine"`},
	}
	for _, tt := range tests {
		if got := header(AutoIfMatch(tt.req, etags).Headers, "If-Match"); got != tt.want {
			t.Errorf("%s %s: If-Match %q, want %q", tt.req.Method, tt.req.URL, got, tt.want)
		}
	}
}

func TestNoteNamesTheNextStep(t *testing.T) {
	f := explain.PreconditionFailure(&explain.Request{Method: "PUT", Fields: []explain.Field{{Name: "If-None-Match", Value: "*"}}}, explain.Response{Status: 412})
	if n := Note(f, false, "f9"); !strings.Contains(n, "Press f9 to drop If-None-Match: *") {
		t.Errorf("note %q", n)
	}
}
