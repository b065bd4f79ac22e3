package checks

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/check"
	"github.com/httplens/httplens/ui/styles"
)

// Each request keeps its own last answer of each kind; another's never shows.
func TestAnswersPerRequest(t *testing.T) {
	s := NewAnswers()
	at := time.Date(2026, 12, 2, 12, 0, 3, 0, time.UTC)
	s.Keep("a", Answer{Kind: Checks, Request: "GET A", Title: "Live checks of GET /a", Lines: []string{"old"}, At: at})
	s.Keep("a", Answer{Kind: Checks, Request: "GET A", Title: "Live checks of GET /a", Lines: []string{"new"}, At: at})
	s.Keep("a", Answer{Kind: Preflight, Request: "GET A", Title: "CORS", Lines: []string{"OPTIONS /a"}, At: at})
	s.Keep("b", Answer{Kind: Checks, Request: "GET B", Title: "Live checks of GET /b", Lines: []string{"b's"}, At: at})
	s.Keep("", Answer{Kind: Checks})
	got := strings.Join(s.Lines("a"), "\n")
	for _, want := range []string{"Live checks (C) of GET A · 12:00:03", "new", "CORS preflight (P) of GET A", "OPTIONS /a"} {
		if !strings.Contains(got, want) {
			t.Errorf("a's answers lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "old") || strings.Contains(got, "b's") {
		t.Errorf("a's answers hold another answer:\n%s", got)
	}
	if !s.Has("b") || s.Has("c") || s.Has("") || len(s.Of("b")) != 1 {
		t.Error("Has/Of per request")
	}
}

func TestLinesSayOutcomeInWordsAndSanitise(t *testing.T) {
	rep := check.Report{Results: []check.Result{
		{Title: "Range", Status: check.Failed, Reason: "server ignores Range", Evidence: []check.Evidence{{Method: "GET", URL: "http://127.0.0.1/\x1b[2J", Status: 200, Reason: "OK", BodyBytes: 1500}}},
		{Title: "HEAD", Status: check.Passed},
		{Title: "PUT", Status: check.Skipped},
	}}
	lines, sum := Lines(rep, 60, styles.New())
	all := ansi.Strip(strings.Join(lines, "\n"))
	if sum != "1 passed, 1 failed, 1 skipped" || !strings.Contains(all, "[FAIL] Range") || !strings.Contains(all, "body 1.5 KB") {
		t.Errorf("%s\n%s", sum, all)
	}
	if strings.Contains(strings.Join(lines, ""), "\x1b[2J") {
		t.Error("an escape from the network reaches the terminal")
	}
}
