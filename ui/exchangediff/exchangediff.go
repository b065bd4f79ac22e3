// Package exchangediff compares two stored exchanges of a request for the diff
// view of the History tab: explain.Compare's causes, the ETags, then the heads
// and bodies line by line (go-udiff's LCS), all sanitised. It reads the history
// store and imports the leaves under ui, never the root.
package exchangediff

import (
	"context"
	"fmt"
	"strings"

	"time"

	"github.com/aymanbagabas/go-udiff/lcs"
	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
)

const (
	// diffContext is how many unchanged lines are kept around a change.
	diffContext = 3
	// maxBetween caps the writes in between that are handed to Compare.
	maxBetween = 20
	// betweenScan is how many recent exchanges are searched for writes in between.
	betweenScan = 1000
)

// diffOp is one line of a line diff: ' ' in both, '-' only in the older text,
// '+' only in the newer.
type diffOp struct {
	kind byte
	text string
}

// lineDiff compares two lists of lines with go-udiff's LCS (Myers-style, with a
// bounded cost on pathological input). Each distinct line becomes one rune, so
// the rune diff is a line diff.
func lineDiff(a, b []string) []diffOp {
	ids := map[string]rune{}
	intern := func(lines []string) []rune {
		out := make([]rune, len(lines))
		for i, l := range lines {
			id, ok := ids[l]
			if !ok {
				id = rune(len(ids))
				ids[l] = id
			}
			out[i] = id
		}
		return out
	}
	ra, rb := intern(a), intern(b)
	var out []diffOp
	i := 0
	for _, d := range lcs.DiffRunes(ra, rb) {
		for ; i < d.Start; i++ {
			out = append(out, diffOp{' ', a[i]})
		}
		for ; i < d.End; i++ {
			out = append(out, diffOp{'-', a[i]})
		}
		for _, l := range b[d.ReplStart:d.ReplEnd] {
			out = append(out, diffOp{'+', l})
		}
	}
	for ; i < len(a); i++ {
		out = append(out, diffOp{' ', a[i]})
	}
	return out
}

// renderDiff draws ops with a marker column that reads without colour ("-", "+",
// and "!" for an ETag line that changed); long unchanged runs fold to one line.
func renderDiff(ops []diffOp, st styles.Styles) []string {
	var lines []string
	for i := 0; i < len(ops); {
		if ops[i].kind != ' ' {
			lines = append(lines, diffLine(ops[i], st))
			i++
			continue
		}
		j := i
		for j < len(ops) && ops[j].kind == ' ' {
			j++
		}
		keepHead, keepTail := diffContext, diffContext
		if i == 0 {
			keepHead = 0
		}
		if j == len(ops) {
			keepTail = 0
		}
		if j-i > keepHead+keepTail+1 {
			for _, op := range ops[i : i+keepHead] {
				lines = append(lines, diffLine(op, st))
			}
			lines = append(lines, st.Muted.Render(fmt.Sprintf("  … %d unchanged lines", j-i-keepHead-keepTail)))
			for _, op := range ops[j-keepTail : j] {
				lines = append(lines, diffLine(op, st))
			}
		} else {
			for _, op := range ops[i:j] {
				lines = append(lines, diffLine(op, st))
			}
		}
		i = j
	}
	return lines
}

func diffLine(op diffOp, st styles.Styles) string {
	switch op.kind {
	case '-':
		return st.DiffRemoved.Render(markETag("-", op.text) + " " + op.text)
	case '+':
		return st.DiffAdded.Render(markETag("+", op.text) + " " + op.text)
	}
	return "   " + op.text
}

// markETag adds "!" to the marker of a changed ETag line, so it stands out even
// without colour.
func markETag(m, line string) string {
	if name, _, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(name), "ETag") {
		return m + "!"
	}
	return m + " "
}

// headLines are an exchange's status line and header lines, sanitised.
func headLines(x requests.Exchange) []string {
	r := x.Response
	if r == nil {
		return []string{"(no response: " + termtext.String(fmt.Sprint(x.Err)) + ")"}
	}
	lines := []string{termtext.String(fmt.Sprintf("%s %d %s", r.Proto, r.Status, r.Reason))}
	for _, h := range r.Headers {
		lines = append(lines, termtext.String(h.Name)+": "+termtext.String(h.Value))
	}
	return lines
}

// bodyLines are an exchange's body as compared: JSON pretty-printed first, so a
// changed field is one changed line; other text as received; binary as hex.
func bodyLines(x requests.Exchange) []string {
	r := x.Response
	if r == nil {
		return nil
	}
	kind, body := responsecontent.BodyOf(r)
	if kind == responsecontent.KindBinary {
		t := responsecontent.Hex(body)
		out := make([]string, t.Len())
		for i := range out {
			out[i] = t.Plain(i)
		}
		return out
	}
	return termtext.Lines(responsecontent.Format(kind, body))
}

// Read reads stored exchanges a and b (a older) and lays out their comparison:
// the title of the view and its lines. Writes to the same URL stored in between
// are given to explain.Compare so that it can name them. width is what the
// causes are wrapped to. It does I/O: call it from a command.
func Read(ctx context.Context, s *history.Store, a, b int64, width int, st styles.Styles) (title string, lines []string, err error) {
	ea, err := s.Get(ctx, a)
	if err != nil {
		return "", nil, err
	}
	eb, err := s.Get(ctx, b)
	if err != nil {
		return "", nil, err
	}
	between := writesBetween(ctx, s, ea, eb)
	return diffTitle(ea, eb), diffView(ea, eb, between, width, st), nil
}

// writesBetween returns, oldest first, the exchanges of a's URL stored after a and
// before b, as explain input.
func writesBetween(ctx context.Context, s *history.Store, a, b history.Entry) []explain.Exchange {
	rows, err := s.List(ctx, history.Filter{Limit: betweenScan})
	if err != nil {
		return nil
	}
	var out []explain.Exchange
	for i := len(rows) - 1; i >= 0 && len(out) < maxBetween; i-- {
		r := rows[i]
		if r.ID <= a.ID || r.ID >= b.ID || r.URL != a.Request.URL {
			continue
		}
		e, err := s.Get(ctx, r.ID)
		if err != nil {
			continue
		}
		out = append(out, explaininput.From(e.Exchange(), moment(e)))
	}
	return out
}

func diffTitle(a, b history.Entry) string {
	return fmt.Sprintf("Exchange #%d (%s) → #%d (%s)", a.ID, entryLabel(a), b.ID, entryLabel(b))
}

func entryLabel(e history.Entry) string {
	status := "failed"
	if e.Response != nil {
		status = fmt.Sprint(e.Response.Status)
	}
	return e.Sent.Local().Format("Jan 02 15:04:05") + ", " + status
}

// diffView lays out the comparison of two stored exchanges.
func diffView(a, b history.Entry, between []explain.Exchange, width int, st styles.Styles) []string {
	xa, xb := a.Exchange(), b.Exchange()
	cmp := explain.Compare(explaininput.From(xa, moment(a)), explaininput.From(xb, moment(b)), between...)
	lines := []string{st.Bold.Render("Why they differ")}
	if len(cmp.Causes) == 0 {
		lines = append(lines, "  Nothing differs that the headers explain: same status and body.")
	}
	for _, c := range cmp.Causes {
		lines = append(lines, severityStyle(st, c.Severity).Render("• "+termtext.String(c.Title)))
		for _, l := range strings.Split(uikit.WrapText(termtext.String(c.Detail), max(width-2, 20)), "\n") {
			lines = append(lines, "  "+l)
		}
		if len(c.Refs) > 0 {
			lines = append(lines, st.Muted.Render("  "+termtext.String(strings.Join(c.Refs, ", "))))
		}
	}
	lines = append(lines, "", etagLine(cmp, st), "Body: "+termtext.String(cmp.Body), "")
	lines = append(lines, st.Bold.Render("Head")+st.Muted.Render("  (- older, + newer, ! a changed ETag)"))
	lines = append(lines, renderDiff(lineDiff(headLines(xa), headLines(xb)), st)...)
	lines = append(lines, "", st.Bold.Render("Body"))
	body := renderDiff(lineDiff(bodyLines(xa), bodyLines(xb)), st)
	if len(body) == 0 {
		body = []string{st.Muted.Render("  (no body in either)")}
	}
	return append(lines, body...)
}

// etagLine says whether the ETag changed, with a marker that reads without colour.
func etagLine(c explain.Comparison, st styles.Styles) string {
	a, b := termtext.String(c.ETagA), termtext.String(c.ETagB)
	switch {
	case a == b && a == "":
		return "ETag: none in either"
	case a == b:
		return "ETag: unchanged " + a
	}
	if a == "" {
		a = "(none)"
	}
	if b == "" {
		b = "(none)"
	}
	return st.DiffAdded.Render("! ETag changed: " + a + " → " + b)
}

// severityStyle is the style of a finding or cause of severity s.
func severityStyle(st styles.Styles, s explain.Severity) lipgloss.Style {
	switch s {
	case explain.Error:
		return st.SeverityError
	case explain.Warning:
		return st.SeverityWarning
	}
	return st.SeverityInfo
}

// moment is when a stored exchange's verdicts are for: when it was received, or
// when it was sent when that was not recorded.
func moment(e history.Entry) time.Time {
	if !e.Received.IsZero() {
		return e.Received
	}
	return e.Sent
}
