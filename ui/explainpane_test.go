package ui

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/explain"
)

func TestExplainPane(t *testing.T) {
	r := explain.Report{
		Status: explain.Status{Code: 204, Class: "successful", Meaning: "The request succeeded and there is no content.", Refs: []string{"RFC 9110 §15.3.5"}},
		Findings: []explain.Finding{
			{ID: "a", Severity: explain.Info, Title: "A note", Detail: "Detail of the note.", Refs: []string{"RFC 9111 §3"}},
			{ID: "b", Severity: explain.Error, Title: "Body on a 204", Detail: "A 204 has no body.\x1b[2J", Refs: []string{"RFC 9110 §6.4.1"}},
		},
		Validators: explain.Validators{ETag: `"x1"`, ETagValid: true},
		Cache: explain.Cache{StorablePrivate: true, Fresh: true, FreshForS: 10,
			Private: explain.CacheView{Storable: true, FreshnessLifetimeS: 10, FreshnessSource: "max-age"}},
	}
	p := newExplainPane(NewStyles())
	p.SetSize(40, 40)
	p.SetReport(&r, "No Content")
	view := plain(p.View())
	words := strings.Join(strings.Fields(view), " ") // the text, whatever the wrapping
	for _, w := range []string{"204 No Content", "RFC 9110 §15.3.5", "Errors (1)", "Notes (1)", "Body on a 204", "A 204 has no body",
		`ETag "x1" (strong)`, "Private cache: storable", "Shared cache: not storable", "fresh for 10 seconds"} {
		if !strings.Contains(words, w) {
			t.Errorf("view lacks %q:\n%s", w, view)
		}
	}
	if strings.Contains(words, "Detail of the note") {
		t.Errorf("a note's detail shows while folded:\n%s", view)
	}
	if strings.Index(view, "Errors") > strings.Index(view, "Notes") {
		t.Error("errors are not listed before notes")
	}
	if strings.Contains(p.View(), "\x1b[2J") {
		t.Error("an escape sequence from the report reached the view")
	}
	assertSize(t, p.View(), 40, 40)

	p.SetSize(40, 5)
	before := plain(p.View())
	p, _ = p.Update(keyMsg("down"))
	if plain(p.View()) == before {
		t.Error("down did not scroll")
	}
}

// A title too long for one line wraps under itself: only its first line carries
// the fold mark.
func TestExplainTitleWrapsUnderItsBullet(t *testing.T) {
	m := newExplainPane(NewStyles())
	m.SetSize(30, 40)
	r := explain.Report{Findings: []explain.Finding{{ID: "x", Severity: explain.Info,
		Title: "a title that is far too long to fit on one line", Detail: "d"}}}
	m.SetReport(&r, "OK")
	view := plain(m.View())
	if n := strings.Count(view, "▸"); n != 1 {
		t.Fatalf("%d fold marks for one finding:\n%s", n, view)
	}
}

// proxy-revalidate binds shared caches only: the private view must not say that
// a stale copy must be revalidated (RFC 9111 §5.2.2.8).
func TestExplainMustRevalidatePerView(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	r := explain.Analyze(explain.Exchange{
		Request: &explain.Request{Method: "GET", URL: "http://127.0.0.1/x"},
		Response: explain.Response{Proto: "HTTP/1.1", Status: 200, Reason: "OK", Fields: []explain.Field{
			{Name: "Date", Value: now.Format(http.TimeFormat)}, {Name: "Cache-Control", Value: "max-age=60, proxy-revalidate"},
			{Name: "Content-Length", Value: "0"}}},
		Received: now, Now: now,
	})
	p := newExplainPane(NewStyles())
	p.SetSize(200, 80)
	p.SetReport(&r, "OK")
	p, _ = p.Update(keyMsg("o")) // every finding open, the caching verdict among them
	// The caching paragraph wraps; joined, it reads "Private cache: ... Shared cache: ...".
	var text []string
	for _, l := range strings.Split(plain(p.View()), "\n") {
		text = append(text, strings.TrimSpace(l))
	}
	all := strings.Join(text, " ")
	i, j := strings.Index(all, "Private cache:"), strings.Index(all, "Shared cache:")
	if i < 0 || j < i {
		t.Fatalf("no private and shared verdicts in:\n%s", plain(p.View()))
	}
	private, shared := all[i:j], all[j:]
	if strings.Contains(private, "must be revalidated") || !strings.Contains(shared, "once stale it must be revalidated") {
		t.Errorf("private: %q\nshared: %q", private, shared)
	}
}
