package conditional

import (
	"strings"
	"testing"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/overlay/threeway"
)

// to412 is a workflow where request "put" got a 412 on If-Match after "read"
// read the item.
func to412(t *testing.T) Workflow {
	t.Helper()
	w := New()
	w.After("read", exchange("GET", "http://127.0.0.1/items/1", 200, nil, []requests.Header{h("ETag", `"a"`)}, "", `{"n":1}`), "", "read", "R")
	s := w.After("put", exchange("PUT", "http://127.0.0.1/items/1", 412, []requests.Header{h("If-Match", `"a0"`)}, nil, `{"n":2}`, ""), "", "put", "R")
	if s.Note == nil || s.NoteFor != "put" || !s.IsErr || !strings.HasPrefix(s.Status, "412: If-Match failed") || strings.Contains(s.Status, "\n") {
		t.Fatalf("412 step %+v", s)
	}
	return w
}

var reread = exchange("GET", "http://127.0.0.1/items/1", 200, nil, []requests.Header{h("ETag", `"b"`)}, "", `{"n":1,"c":"y"}`)

// A re-read superseded by another send (its answer never comes) leaves the 412
// to its request: R is offered and re-reads again.
func TestSupersededRereadKeepsTheFailure(t *testing.T) {
	w := to412(t)
	s, ok := w.RereadStep("put")
	if !ok || s.Read == nil || s.ReadFor != "put" || s.Note == nil || *s.Note != "" {
		t.Fatalf("R: %+v %v", s, ok)
	}
	w.After("head", exchange("HEAD", "http://127.0.0.1/items/2", 200, nil, nil, "", ""), "", "head", "R")
	if _, ok := w.Failed("put"); !ok {
		t.Fatal("the 412 is gone after another send superseded its re-read")
	}
	if s, ok := w.RereadStep("put"); !ok || s.Read == nil {
		t.Fatalf("R again: %+v %v", s, ok)
	}
	if s := w.After("", reread, "put", "put", "R"); s.Merge == nil || s.Merge.Seen.ETag != `"b"` {
		t.Fatalf("the re-read's answer: %+v", s)
	}
	if _, ok := w.Failed("put"); ok {
		t.Error("the 412 is still offered after the three-way view opened")
	}
}

// A re-read answered while another request is shown says so and keeps R for
// the request, whose next R opens the view.
func TestRereadAnsweredElsewhereKeepsR(t *testing.T) {
	w := to412(t)
	w.RereadStep("put")
	s := w.After("", reread, "put", "other", "R")
	if s.Merge != nil || !strings.Contains(s.Status, "no longer shown: open it and press R again") {
		t.Fatalf("answered elsewhere: %+v", s)
	}
	if _, ok := w.Failed("put"); !ok {
		t.Fatal("R is not offered for the request the status line sends you back to")
	}
	w.RereadStep("put")
	if s := w.After("", reread, "put", "put", "R"); s.Merge == nil {
		t.Fatalf("R back on the request: %+v", s)
	}
}

// After a 428 the re-read's ETag becomes an edit adding If-Match; dropping
// If-None-Match: * is an edit removing it. Both end the failure.
func TestRereadStepsEdit(t *testing.T) {
	w := New()
	w.After("strict", exchange("PUT", "http://127.0.0.1/strict/2", 428, nil, nil, `{}`, ""), "", "strict", "R")
	w.RereadStep("strict")
	s := w.After("", exchange("GET", "http://127.0.0.1/strict/2", 200, nil, []requests.Header{h("ETag", `"s"`)}, "", `{}`), "strict", "strict", "R")
	if s.Edit == nil || s.Edit.Key != "strict" || s.Edit.IfMatch != `"s"` || !strings.HasSuffix(s.Status, "ctrl+r sends it.") {
		t.Fatalf("after the 428's re-read: %+v", s)
	}
	w.After("create", exchange("PUT", "http://127.0.0.1/items/9", 412, []requests.Header{h("If-None-Match", "*")}, nil, `{}`, ""), "", "create", "R")
	s, ok := w.RereadStep("create")
	if !ok || s.Read != nil || s.Edit == nil || strings.Join(s.Edit.Remove, ",") != "If-None-Match" || s.IsErr {
		t.Fatalf("R after If-None-Match: * failed: %+v", s)
	}
	if _, ok := w.Failed("create"); ok {
		t.Error("the failure outlived the drop")
	}
}

// The three-way choice edits the request it was for (yours keeps the body) and
// sends; nothing happens when another request is shown.
func TestChose(t *testing.T) {
	c := threeway.Chosen{Key: "put", Which: threeway.Theirs, Body: []byte(`{"n":1}`), ETag: `"b"`}
	s := Chose(c, "put")
	if !s.Send || s.Edit == nil || s.Edit.Body == nil || *s.Edit.Body != `{"n":1}` || s.Edit.IfMatch != `"b"` ||
		strings.Join(s.Edit.Remove, ",") != "If-Unmodified-Since" {
		t.Fatalf("theirs: %+v", s)
	}
	c.Which = threeway.Yours
	if s := Chose(c, "put"); !s.Send || s.Edit.Body != nil {
		t.Errorf("yours: %+v", s)
	}
	if s := Chose(c, "other"); s.Send || s.Edit != nil {
		t.Errorf("another request shown: %+v", s)
	}
}

// URLOf resolves the URL only, with request variables from last; a URL that
// does not resolve yet says why.
func TestURLOf(t *testing.T) {
	r := &collections.Request{Method: "PUT", URL: "{{base}}/items/{{read.response.body.$.id}}",
		Headers: []collections.Header{{Name: "X", Value: "{{nowhere}}"}}}
	rv := collections.Resolver{Vars: map[string]string{"base": "http://127.0.0.1:9"}}
	if url, why := URLOf(r, rv, nil); url != "" || !strings.HasPrefix(why, "The URL does not resolve yet: ") {
		t.Errorf("without read's answer: %q %q", url, why)
	}
	last := map[string]collections.Response{"read": {Body: []byte(`{"id":7}`)}}
	if url, why := URLOf(r, rv, last); url != "http://127.0.0.1:9/items/7" || why != "" {
		t.Errorf("with read's answer: %q %q", url, why)
	}
	if url, why := URLOf(nil, rv, last); url != "" || why != "No request selected." {
		t.Errorf("no request: %q %q", url, why)
	}
}

func TestValidators(t *testing.T) {
	x := exchange("GET", "http://127.0.0.1/", 200, nil, []requests.Header{h("etag", `"v"`), h("Last-Modified", "Wed, 02 Dec 2026 12:00:00 GMT")}, "", "")
	if e, lm := Validators(x); e != `"v"` || lm != "Wed, 02 Dec 2026 12:00:00 GMT" {
		t.Errorf("validators %q %q", e, lm)
	}
	if e, lm := Validators(requests.Exchange{}); e != "" || lm != "" {
		t.Errorf("no response: %q %q", e, lm)
	}
}
