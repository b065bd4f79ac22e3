package shown

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/explainview"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/styles"
)

// A view applied to the real panes shows its exchange, report, note and owner;
// the empty state then clears both and names the request not sent yet.
func TestViewAppliedToThePanes(t *testing.T) {
	st := styles.New()
	resp := responsepane.New(st, responsepane.Keys{})
	resp.SetSize(100, 20)
	expl := explainview.New(st, keyset.Set{})
	expl.SetSize(100, 30)

	at := time.Date(2026, 12, 3, 4, 0, 0, 0, time.UTC)
	x := requests.Exchange{Request: requests.SentRequest{Method: "GET", URL: "http://127.0.0.1/items/1"},
		Response: &requests.Response{Proto: "HTTP/1.1", Status: 200, Reason: "OK",
			Headers: []requests.Header{{Name: "Content-Type", Value: "text/plain"}},
			RawHead: []byte("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"),
			Body:    []byte("hello-body"), BodyBytes: 10, Complete: true},
		Sent: at, Received: at.Add(time.Millisecond)}
	r := explain.Analyze(explaininput.From(x, at))
	e := Exchange{X: x, Content: responsecontent.New(x, st), Report: &r, Note: "a note for k", Source: "sent just now"}
	if !(View{Key: "k", Found: true, E: e}).ApplyTo(&resp, &expl) {
		t.Fatal("a found exchange asks for no formatting")
	}
	if got := ansi.Strip(resp.View()); !strings.Contains(got, "hello-body") {
		t.Errorf("the response pane does not show the body:\n%s", got)
	}
	if got := ansi.Strip(expl.View()); !strings.Contains(got, "a note for k") || expl.Owner() != "k" {
		t.Errorf("explain pane owned by %q:\n%s", expl.Owner(), got)
	}

	none := None(&collections.Request{File: &collections.File{Path: "a.http"}, Method: "GET", Title: "Never sent"})
	if none.ApplyTo(&resp, &expl) {
		t.Fatal("the empty state asks for formatting")
	}
	if got := ansi.Strip(resp.View()); strings.Contains(got, "hello-body") || !strings.Contains(got, "Never sent") {
		t.Errorf("the response pane after the empty state:\n%s", got)
	}
	if got := ansi.Strip(expl.View()); strings.Contains(got, "a note for k") || expl.Owner() != "" {
		t.Errorf("the explain pane kept the old exchange (owner %q):\n%s", expl.Owner(), got)
	}
}
