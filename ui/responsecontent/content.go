// Package responsecontent is the display form of one exchange for the response
// pane: every tab's lines sanitised, formatted, highlighted and split once, off
// the UI goroutine, so that a frame only slices the visible lines. Large bodies
// are split on demand (ui/bodylines) and their Pretty tab formatted later
// (PrettyTab). It imports the packages it draws from and the leaves under ui,
// never the root or a pane.
package responsecontent

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/runner"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/highlight"
	"github.com/httplens/httplens/ui/labview"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/testsview"
	"github.com/httplens/httplens/ui/wireview"
)

// Response tabs, in the order they are shown.
const (
	TabRaw = iota
	TabPretty
	TabHeaders
	TabTiming
	TabHistory
	TabRequest // the request as it was written to the connection
	TabTests   // shown when the send ran scripts or @expect lines
	TabLab     // shown when the send went through the cache lab
	TabCount
)

// TabName is the label of response tab i.
func TabName(i int) string {
	return [TabCount]string{"Raw", "Pretty", "Headers", "Timing", "History", "Request", "Tests", "Cache lab"}[i]
}

// TabShown says whether tab i is in the tab bar for content c: Tests and Cache
// lab only when the send produced something for them.
func TabShown(i int, c *Content) bool {
	switch i {
	case TabTests:
		return c != nil && c.HasTests
	case TabLab:
		return c != nil && c.HasLab
	}
	return true
}

// SetTests fills the Tests tab from what the send's scripts and @expect lines
// found; it stays hidden when the requests had none.
func (c *Content) SetTests(steps []runner.StepResult, st styles.Styles) {
	for _, s := range steps {
		for _, ch := range s.Checks {
			c.HasTests = c.HasTests || ch.Kind != runner.KindRequest
		}
		c.HasTests = c.HasTests || len(s.Logs) > 0
	}
	if c.HasTests {
		lines := testsview.Lines(steps, st)
		c.Tabs[TabTests] = Text{plain: plainLines(lines), styled: lines}
		c.Tests = testsview.NewTab(steps, st)
	}
}

// SetLab fills the Cache lab tab: what the lab did with the request, why, what
// it sent upstream and what the client got.
func (c *Content) SetLab(r *cachelab.Result, lab *cachelab.Lab, st styles.Styles) {
	lines := labview.ExchangeLines(r, labview.Kind(lab))
	c.HasLab = true
	styled := slices.Clone(lines)
	styled[0] = st.Bold.Render(lines[0])
	c.Tabs[TabLab] = Text{plain: lines, styled: styled}
}

// plainLines strips the styles from lines, for search.
func plainLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = ansi.Strip(l)
	}
	return out
}

// Content is everything the response pane shows, prepared off the UI
// goroutine by the send command. Once handed to the pane it is never changed in
// place (a search command may be reading it): copy it to change it.
type Content struct {
	Method     string
	Status     int
	Reason     string // sanitised
	Elapsed    time.Duration
	Size       int64
	Truncated  bool
	Timing     requests.Timing
	Err        string   // sanitised; empty when a response arrived whole
	NotHTTP    bool     // bytes came but no status line: Raw shows them
	NotHTTPWhy string   // for the Explain pane: what explain's reader says of those bytes
	Incomplete bool     // the message did not reach its end (or did not start)
	Wire       []string // what went wrong on the wire, in words (wireview.Notes)
	Kind       Kind
	Note       string // why Pretty shows less than it could
	Notice     string // what to know about a body that is not all here (cut, spooled, partial)
	SaveHint   bool   // the notice is followed by the save-body key, which keeps the whole body
	Body       []byte // what Pretty is made from: the decoded body, else the body
	Pending    bool   // Pretty is still to be formatted (PrettyTab, in a command)
	Tabs       [TabCount]Text
	Notes      []explain.HeaderNote // one per header line, for the Headers tab
	HasTests   bool                 // the Tests tab has something to show
	Tests      *testsview.Tab       // the Tests tab wrapped to the pane's width
	HasLab     bool                 // the Cache lab tab has something to show
}

// New does all the content-only work for an exchange: sanitising,
// formatting, highlighting and splitting into lines. It runs once per response.
func New(x requests.Exchange, st styles.Styles) *Content {
	c := &Content{Method: x.Request.Method, Elapsed: x.Timing.Total, Timing: x.Timing}
	if x.Err != nil {
		c.Err = termtext.String(x.Err.Error())
	}
	c.Tabs[TabRequest] = requestTab(x.Request, st)
	r := x.Response
	if r == nil {
		return c
	}
	c.Status, c.Reason = r.Status, termtext.String(r.Reason)
	c.Size, c.Truncated = r.BodyBytes, r.Truncated
	c.NotHTTP, c.Incomplete = r.Status == 0, x.Incomplete()
	if c.NotHTTP {
		// The same reader `httplens explain` uses on saved bytes, so both say the same.
		raw := append(append([]byte{}, r.RawHead...), r.Body...)
		if _, err := explain.ReadResponse(raw); err != nil {
			c.NotHTTPWhy = "Not an HTTP/1.x response: " + err.Error() + ". The bytes that came are in Raw."
		}
	}
	c.Wire = wireview.Notes(x)

	c.Tabs[TabRaw] = rawTab(r, st)
	// The notes place dates relative to when the response arrived, so a reopened
	// exchange reads as it did then; computing them here keeps them off Update.
	c.Notes = explain.HeaderNotes(explaininput.From(x, x.Received))
	c.Tabs[TabHeaders] = headersTab(c.Notes, st)

	c.prepareBody(x, st)
	return c
}

// headersTab lays the response headers out two lines each: name and value, then
// the field's one-line meaning (muted), so header i starts on line 2*i.
func headersTab(notes []explain.HeaderNote, st styles.Styles) Text {
	width := 0
	for _, n := range notes {
		width = max(width, len(termtext.String(n.Name)))
	}
	width = min(width, 32)
	key := highlight.Key(st.Syntax)
	var t Text
	for _, n := range notes {
		name := termtext.String(n.Name)
		pad := strings.Repeat(" ", max(0, width-len(name)))
		value := termtext.String(n.Value)
		meaning := "  ↳ " + termtext.String(n.Meaning)
		if len(n.Warnings) > 0 {
			meaning += fmt.Sprintf("  (! %d warning", len(n.Warnings)) + plural(len(n.Warnings)) + ")"
		}
		t.plain = append(t.plain, name+pad+"  "+value, meaning)
		t.styled = append(t.styled, key.Prefix+name+key.Suffix+pad+"  "+value, st.Muted.Render(meaning))
	}
	return t
}

// plural is "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// headerValue is the first value of the named header, or "".
func headerValue(hs []requests.Header, name string) string {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}
