package ui

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
	"github.com/httplens/httplens/ui/bodylines"
	"github.com/httplens/httplens/ui/labview"
	"github.com/httplens/httplens/ui/testsview"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/wireview"
)

// Response tabs, in the order they are shown.
const (
	tabRaw = iota
	tabPretty
	tabHeaders
	tabTiming
	tabHistory
	tabRequest // the request as it was written to the connection
	tabTests   // shown when the send ran scripts or @expect lines
	tabLab     // shown when the send went through the cache lab
	tabCount
)

// tabName is the label of response tab i.
func tabName(i int) string {
	return [tabCount]string{"Raw", "Pretty", "Headers", "Timing", "History", "Request", "Tests", "Cache lab"}[i]
}

// tabShown says whether tab i is in the tab bar for content c: Tests and Cache
// lab only when the send produced something for them.
func tabShown(i int, c *responseContent) bool {
	switch i {
	case tabTests:
		return c != nil && c.hasTests
	case tabLab:
		return c != nil && c.hasLab
	}
	return true
}

// setTests fills the Tests tab from what the send's scripts and @expect lines
// found; it stays hidden when the requests had none.
func (c *responseContent) setTests(steps []runner.StepResult, st Styles) {
	for _, s := range steps {
		for _, ch := range s.Checks {
			c.hasTests = c.hasTests || ch.Kind != runner.KindRequest
		}
		c.hasTests = c.hasTests || len(s.Logs) > 0
	}
	if c.hasTests {
		lines := testsview.Lines(steps, st)
		c.tabs[tabTests] = tabText{plain: plainLines(lines), styled: lines}
		c.tests = testsview.NewTab(steps, st)
	}
}

// setLab fills the Cache lab tab: what the lab did with the request, why, what
// it sent upstream and what the client got.
func (c *responseContent) setLab(r *cachelab.Result, lab *cachelab.Lab, st Styles) {
	lines := labview.ExchangeLines(r, labview.Kind(lab))
	c.hasLab = true
	styled := slices.Clone(lines)
	styled[0] = st.Bold.Render(lines[0])
	c.tabs[tabLab] = tabText{plain: lines, styled: styled}
}

// plainLines strips the styles from lines, for search.
func plainLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = ansi.Strip(l)
	}
	return out
}

// tabText is the display form of one tab, computed once when the response arrives
// and never changed after, so commands may read it from other goroutines.
type tabText struct {
	plain  []string        // sanitised lines
	styled []string        // the same lines with colours; nil means use plain
	hex    []byte          // when set, the lines are a hex dump of these bytes
	lazy   *bodylines.Text // when set, lines made on demand, after plain's
	tail   wireview.Block  // lines after the lazy ones: the bytes past the message
}

// Len is the number of lines.
func (t *tabText) Len() int {
	if t.hex != nil {
		return (len(t.hex) + 15) / 16
	}
	return t.lazyEnd() + t.tail.Len()
}

// lazyEnd is the index of the first tail line.
func (t *tabText) lazyEnd() int {
	if t.lazy != nil {
		return len(t.plain) + t.lazy.Len()
	}
	return len(t.plain)
}

// Plain is line i without colours.
func (t *tabText) Plain(i int) string {
	if t.hex != nil {
		return hexLine(t.hex, i)
	}
	if e := t.lazyEnd(); i >= e {
		return t.tail.Plain[i-e]
	}
	if i >= len(t.plain) && t.lazy != nil {
		return t.lazy.Line(i - len(t.plain))
	}
	return t.plain[i]
}

// StyledRange is lines [from, to) with colours where there are some; lazy lines are
// made in one walk (bodylines.Text.Lines).
func (t *tabText) StyledRange(from, to int) []string {
	to = min(to, t.Len())
	if e := t.lazyEnd(); t.hex == nil && to > e {
		out := t.StyledRange(from, max(e, from))
		for i := max(from, e); i < to; i++ {
			out = append(out, t.tail.Styled[i-e])
		}
		return out
	}
	if t.lazy == nil || t.hex != nil || to <= len(t.plain) {
		out := make([]string, 0, max(to-from, 0))
		for i := from; i < to; i++ {
			out = append(out, t.Styled(i))
		}
		return out
	}
	out := make([]string, 0, max(to-from, 0))
	for i := from; i < min(to, len(t.plain)); i++ {
		out = append(out, t.Styled(i))
	}
	return append(out, t.lazy.Lines(max(from, len(t.plain))-len(t.plain), to-len(t.plain))...)
}

// Styled is line i with colours.
func (t *tabText) Styled(i int) string {
	if i < len(t.styled) {
		return t.styled[i]
	}
	if e := t.lazyEnd(); t.hex == nil && i >= e {
		return t.tail.Styled[i-e]
	}
	return t.Plain(i)
}

// responseContent is everything the response pane shows, prepared off the UI
// goroutine by the send command.
type responseContent struct {
	method     string
	status     int
	reason     string // sanitised
	elapsed    time.Duration
	size       int64
	truncated  bool
	timing     requests.Timing
	err        string   // sanitised; empty when a response arrived whole
	notHTTP    bool     // bytes came but no status line: Raw shows them
	notHTTPWhy string   // for the Explain pane: what explain's reader says of those bytes
	incomplete bool     // the message did not reach its end (or did not start)
	wire       []string // what went wrong on the wire, in words (wireview.Notes)
	kind       bodyKind
	note       string // why Pretty shows less than it could
	notice     string // what to know about a body that is not all here (cut, spooled, partial)
	saveHint   bool   // the notice is followed by the save-body key, which keeps the whole body
	body       []byte // what Pretty is made from: the decoded body, else the body
	pending    bool   // Pretty is still being formatted by prettyCmd
	tabs       [tabCount]tabText
	notes      []explain.HeaderNote // one per header line, for the Headers tab
	hasTests   bool                 // the Tests tab has something to show
	tests      *testsview.Tab       // the Tests tab wrapped to the pane's width
	hasLab     bool                 // the Cache lab tab has something to show
}

// newResponseContent does all the content-only work for an exchange: sanitising,
// formatting, highlighting and splitting into lines. It runs once per response.
func newResponseContent(x requests.Exchange, st Styles) *responseContent {
	c := &responseContent{method: x.Request.Method, elapsed: x.Timing.Total, timing: x.Timing}
	if x.Err != nil {
		c.err = termtext.String(x.Err.Error())
	}
	c.tabs[tabRequest] = requestTab(x.Request, st)
	r := x.Response
	if r == nil {
		return c
	}
	c.status, c.reason = r.Status, termtext.String(r.Reason)
	c.size, c.truncated = r.BodyBytes, r.Truncated
	c.notHTTP, c.incomplete = r.Status == 0, x.Incomplete()
	if c.notHTTP {
		// The same reader `httplens explain` uses on saved bytes, so both say the same.
		raw := append(append([]byte{}, r.RawHead...), r.Body...)
		if _, err := explain.ReadResponse(raw); err != nil {
			c.notHTTPWhy = "Not an HTTP/1.x response: " + err.Error() + ". The bytes that came are in Raw."
		}
	}
	c.wire = wireview.Notes(x)

	c.tabs[tabRaw] = rawTab(r, st)
	// The notes place dates relative to when the response arrived, so a reopened
	// exchange reads as it did then; computing them here keeps them off Update.
	c.notes = explain.HeaderNotes(explaininput.From(x, x.Received))
	c.tabs[tabHeaders] = headersTab(c.notes, st)

	c.prepareBody(x, st)
	return c
}

// headersTab lays the response headers out two lines each: name and value, then
// the field's one-line meaning (muted), so header i starts on line 2*i.
func headersTab(notes []explain.HeaderNote, st Styles) tabText {
	width := 0
	for _, n := range notes {
		width = max(width, len(termtext.String(n.Name)))
	}
	width = min(width, 32)
	key := newWrappers(st.Syntax, true).key
	var t tabText
	for _, n := range notes {
		name := termtext.String(n.Name)
		pad := strings.Repeat(" ", max(0, width-len(name)))
		value := termtext.String(n.Value)
		meaning := "  ↳ " + termtext.String(n.Meaning)
		if len(n.Warnings) > 0 {
			meaning += fmt.Sprintf("  (! %d warning", len(n.Warnings)) + plural(len(n.Warnings)) + ")"
		}
		t.plain = append(t.plain, name+pad+"  "+value, meaning)
		t.styled = append(t.styled, key.prefix+name+key.suffix+pad+"  "+value, st.Muted.Render(meaning))
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

// humanBytes formats a byte count as 0 B, 1.2 KB, 3.4 MB.
func humanBytes(n int64) string { return uikit.Bytes(n) }

// humanDuration formats a duration for titles and lists.
func humanDuration(d time.Duration) string { return wireview.Duration(d) }
