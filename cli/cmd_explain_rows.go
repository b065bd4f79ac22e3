package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// rowTable is the column layout of the exchange rows that `explain FILE.har` and
// `proxy` print. Every cell is padded and cut by terminal cells, not bytes or
// runes, after it is made printable, so a wide character or an escaped control
// byte in a URL cannot push the columns after it out of line with the header.
type rowTable struct {
	url int // cells of the URL column
}

// The columns around the URL: "#" 4, method 7, status 3, size 9, the cache
// verdict 13 ("store/refresh"), fresh-for 8 ("revalid."), with their gaps, and
// the findings counts at their usual widest ("no response"). rowOthers is what
// a row takes besides its URL.
const (
	rowURLPiped = 44 // the URL column when the output is not a terminal
	rowURLMin   = 12
	rowOthers   = 4 + 2 + 7 + 1 + 1 + 3 + 1 + 9 + 2 + 13 + 1 + 8 + 1 + len("no response")
)

// newRowTable fits the rows to a terminal width columns wide, or, with columns 0
// (not a terminal), gives the URL its usual 44 cells. On a terminal the URL
// column takes the room the other columns leave, but no more than the longest
// of urls needs; with urls nil (rows still to come) it takes all that room.
func newRowTable(columns int, urls []string) rowTable {
	if columns <= 0 {
		return rowTable{url: rowURLPiped}
	}
	w := max(columns-rowOthers, rowURLMin)
	if urls != nil {
		longest := len("URL")
		for _, u := range urls {
			longest = max(longest, ansi.StringWidth(printableText(trimScheme(u))))
		}
		w = min(w, longest)
	}
	return rowTable{url: w}
}

// terminalColumns is the width of the terminal w writes to, or 0 when w is not one.
func terminalColumns(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0
	}
	cols, _, err := term.GetSize(f.Fd())
	if err != nil {
		return 0
	}
	return cols
}

func (t rowTable) writeHeader(b *strings.Builder) {
	t.line(b, "#", "METHOD", "URL", "ST", "SIZE", "PRIV/SHARED", "FRESH", "FINDINGS")
}

// writeRow prints one exchange on one line, then its notes and gaps indented.
func (t rowTable) writeRow(b *strings.Builder, r exchangeRow) {
	status, verdict, fresh, findings := "---", "-", "-", "no response"
	if r.Report != nil {
		c := r.Report.Cache
		status = fmt.Sprint(r.Status)
		verdict = c.Verdict()
		fresh = freshWord(c)
		findings = severityCounts(r.Report.Findings)
	}
	t.line(b, fmt.Sprint(r.N), printableText(r.Method), printableText(trimScheme(r.URL)), status, sizeText(r.Size), verdict, fresh, findings)
	if r.Error != "" {
		b.WriteString("      error: " + printableText(r.Error) + "\n")
	}
	if r.Note != "" {
		b.WriteString("      " + printableText(r.Note) + "\n")
	}
	if len(r.Lacks) > 0 {
		wrapTo(b, "      ", "lacks: "+printableText(strings.Join(r.Lacks, "; ")))
	}
}

// line writes printable cells in the table's columns.
func (t rowTable) line(b *strings.Builder, n, method, url, status, size, verdict, fresh, findings string) {
	b.WriteString(padLeft(n, 4) + "  " + pad(cutEnd(method, 7), 7) + " " + pad(cutMiddle(url, t.url), t.url) + " " +
		padLeft(status, 3) + " " + padLeft(size, 9) + "  " + pad(verdict, 13) + " " + pad(fresh, 8) + " " + findings + "\n")
}

// pad fills s with spaces to w cells; padLeft puts the spaces first.
func pad(s string, w int) string { return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0)) }

func padLeft(s string, w int) string { return strings.Repeat(" ", max(w-ansi.StringWidth(s), 0)) + s }

// cutEnd keeps the first w cells of s, the last one an ellipsis when cut.
func cutEnd(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// cutMiddle keeps the start and the end of s in w cells, an ellipsis between:
// a URL's host and its last path segment say the most.
func cutMiddle(s string, w int) string {
	sw := ansi.StringWidth(s)
	if sw <= w {
		return s
	}
	head := ansi.Truncate(s, w/2, "")
	room := w - ansi.StringWidth(head) - 1
	// A wide character the cut falls inside is dropped whole: cut one cell more.
	tail := ansi.TruncateLeft(s, sw-room, "")
	for cut := sw - room + 1; ansi.StringWidth(tail) > room; cut++ {
		tail = ansi.TruncateLeft(s, cut, "")
	}
	return head + "…" + tail
}

func trimScheme(u string) string {
	return strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
}
