// Package checks is the TUI's live checks (C) and CORS preflight (P): the
// commands that run them (RunChecks, RunPreflight, handing up CheckDone and
// PreflightDone), each answer laid out for the text overlay, and Answers, the
// small type the root holds that keeps each answer for the request it ran for,
// so that selecting a request shows its own answers (K), never another
// request's. It imports check, preflight, requests, termtext and the leaves
// under ui, never the root ui package.
package checks

import (
	"fmt"
	"strings"
	"time"

	"github.com/httplens/httplens/check"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
)

// Kind is what produced an answer.
type Kind int

// The kinds, in the order K shows them.
const (
	Checks Kind = iota
	Preflight
)

func (k Kind) String() string {
	if k == Preflight {
		return "CORS preflight (P)"
	}
	return "Live checks (C)"
}

// Answer is one run of C or P for a request: what the overlay shows.
type Answer struct {
	Kind    Kind
	Request string // "GET First", as shown
	Title   string
	Lines   []string // safe to print
	Summary string   // one line: "3 passed, 1 failed, 0 skipped"
	At      time.Time
}

// Heading names the answer, its request and its time.
func (a Answer) Heading() string {
	return fmt.Sprintf("%s of %s · %s", a.Kind, a.Request, a.At.Format("15:04:05"))
}

// Answers are the last answer of each kind, by request key. Copies share the
// map, as the root model's copies do.
type Answers struct{ by map[string][2]*Answer }

// NewAnswers returns an empty set.
func NewAnswers() Answers { return Answers{by: map[string][2]*Answer{}} }

// Keep makes a the last answer of its kind for request key.
func (s Answers) Keep(key string, a Answer) {
	if key == "" {
		return
	}
	e := s.by[key]
	e[a.Kind] = &a
	s.by[key] = e
}

// Has says whether request key has an answer.
func (s Answers) Has(key string) bool {
	e := s.by[key]
	return e[Checks] != nil || e[Preflight] != nil
}

// Of is request key's answers, checks first.
func (s Answers) Of(key string) []Answer {
	var out []Answer
	for _, a := range s.by[key] {
		if a != nil {
			out = append(out, *a)
		}
	}
	return out
}

// Lines is every answer of request key for one overlay, each under its heading.
func (s Answers) Lines(key string) []string {
	var out []string
	for i, a := range s.Of(key) {
		if i > 0 {
			out = append(out, "")
		}
		out = append(out, "── "+termtext.String(a.Heading())+" ──", termtext.String(a.Title), "")
		out = append(out, a.Lines...)
	}
	return out
}

// Lines lays a check report out: each result with its outcome, in words and in
// colour, its reason and its evidence. Everything from the network is sanitised.
func Lines(rep check.Report, width int, st styles.Styles) (lines []string, summary string) {
	counts := map[check.Status]int{}
	wrap := func(indent, s string) {
		for _, l := range strings.Split(uikit.WrapText(termtext.String(s), max(width-len(indent), 20)), "\n") {
			lines = append(lines, indent+l)
		}
	}
	for _, res := range rep.Results {
		counts[res.Status]++
		lines = append(lines, statusLabel(res.Status, st)+" "+st.Bold.Render(termtext.String(res.Title)))
		wrap("    ", res.Reason)
		for _, e := range res.Evidence {
			lines = append(lines, evidenceLines(e)...)
		}
		if len(res.Refs) > 0 {
			lines = append(lines, st.Muted.Render("    "+termtext.String(strings.Join(res.Refs, ", "))))
		}
		lines = append(lines, "")
	}
	summary = fmt.Sprintf("%d passed, %d failed, %d skipped", counts[check.Passed], counts[check.Failed], counts[check.Skipped])
	return append(lines, summary), summary
}

// statusLabel is an outcome as a bracketed word, so it reads without colour.
func statusLabel(s check.Status, st styles.Styles) string {
	switch s {
	case check.Passed:
		return st.DiffAdded.Render("[pass]")
	case check.Failed:
		return st.SeverityError.Render("[FAIL]")
	}
	return st.Muted.Render("[skip]")
}

// evidenceLines is one follow-up as sent and received.
func evidenceLines(e check.Evidence) []string {
	out := []string{"    → " + termtext.String(e.Method+" "+e.URL)}
	for _, h := range e.Sent {
		out = append(out, "        "+termtext.String(h.Name)+": "+termtext.String(h.Value))
	}
	if e.Error != "" {
		return append(out, "    ← "+termtext.String(e.Error))
	}
	out = append(out, fmt.Sprintf("    ← %d %s · body %s", e.Status, termtext.String(e.Reason), uikit.Bytes(e.BodyBytes)))
	for _, h := range e.Headers {
		out = append(out, "        "+termtext.String(h.Name)+": "+termtext.String(h.Value))
	}
	return out
}

// Wrapped wraps story lines (the preflight's, already safe to print) to width,
// keeping each line's indent.
func Wrapped(story []string, width int) []string {
	var lines []string
	for _, l := range story {
		indent := len(l) - len(strings.TrimLeft(l, " "))
		for _, w := range strings.Split(uikit.WrapText(strings.TrimLeft(l, " "), max(width-indent, 20)), "\n") {
			lines = append(lines, strings.Repeat(" ", indent)+w)
		}
	}
	return lines
}
