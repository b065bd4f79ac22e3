package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/jsonsafe"
)

// jsonExplained is `explain --json`: the contract's keys plus "headers", the note on
// each response header field.
type jsonExplained struct {
	jsonExplanation
	Headers []explain.HeaderNote `json:"headers"`
}

// writeHeaderNotes prints the HEADERS section: each field as received, its meaning,
// its parsed value, warnings marked with "!", and its references.
func writeHeaderNotes(b *strings.Builder, notes []explain.HeaderNote) {
	b.WriteString("\nHEADERS\n")
	if len(notes) == 0 {
		b.WriteString("  none\n")
		return
	}
	for _, n := range notes {
		wrapTo(b, "  ", printableText(n.Name+": "+n.Value))
		wrapTo(b, "      ", printableText(n.Meaning))
		for _, p := range n.Parsed {
			wrapHanging(b, "      · ", "        ", printableText(p))
		}
		for _, w := range n.Warnings {
			wrapHanging(b, "      ! ", "        ", printableText(w))
		}
		wrapTo(b, "      ", strings.Join(n.Refs, " · "))
	}
}

// wrapHanging is wrapTo with a marker on the first line only: later lines are
// indented by rest, so a bullet is not repeated on every wrapped line.
func wrapHanging(b *strings.Builder, first, rest, text string) {
	var w strings.Builder
	wrapTo(&w, rest, text)
	out := w.String()
	if strings.HasPrefix(out, rest) {
		out = first + out[len(rest):]
	}
	b.WriteString(out)
}

// compareSide is one saved response of `explain --compare`.
type compareSide struct {
	name string
	x    explain.Exchange
}

// readCompareSide reads a saved raw response. Its receive time is the file's
// modification time, which is when `curl -si URL > FILE` wrote it, and its
// freshness is judged at that moment, so two saves of one response show whether it
// went stale between them.
func readCompareSide(path string, req *explain.Request, now time.Time) (compareSide, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return compareSide{}, usageError("explain --compare: %v", err)
	}
	resp, err := explain.ReadResponse(raw)
	if err != nil {
		return compareSide{}, usageError("explain --compare: %s: %v", path, err)
	}
	received := now
	if st, err := os.Stat(path); err == nil {
		received = st.ModTime()
	}
	return compareSide{name: path, x: explain.Exchange{Request: req, Response: resp, Received: received, Now: received}}, nil
}

// runCompare explains why two saved responses differ.
func runCompare(c *cobra.Command, args []string, f explainFlags, now time.Time) error {
	if len(args) != 2 {
		return usageError("explain --compare needs two files: explain --compare A B")
	}
	req, err := explainRequest(f)
	if err != nil {
		return err
	}
	var sides [2]compareSide
	for i, path := range args {
		if sides[i], err = readCompareSide(path, req, now); err != nil {
			return err
		}
	}
	cmp := explain.Compare(sides[0].x, sides[1].x)
	out := c.OutOrStdout()
	if f.json {
		enc := json.NewEncoder(jsonsafe.Writer(out))
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			A          jsonResponse       `json:"a"`
			B          jsonResponse       `json:"b"`
			Comparison explain.Comparison `json:"comparison"`
		}{newJSONResponse(sides[0].x.Response), newJSONResponse(sides[1].x.Response), cmp})
	}
	return writeComparison(out, sides, cmp)
}

// writeComparison prints the comparison for a person.
func writeComparison(out io.Writer, sides [2]compareSide, cmp explain.Comparison) error {
	var b strings.Builder
	for i, s := range sides {
		r := s.x.Response
		line := fmt.Sprintf("%c  %s  %s %d %s", 'A'+i, s.name, r.Proto, r.Status, r.Reason)
		if tag := []string{cmp.ETagA, cmp.ETagB}[i]; tag != "" {
			line += "  ETag " + tag
		}
		wrapTo(&b, "", printableText(line))
	}
	b.WriteString("\nWHY THEY DIFFER\n")
	if len(cmp.Causes) == 0 {
		b.WriteString("  nothing to explain: same status, same validators, same content\n")
	}
	for _, cause := range cmp.Causes {
		wrapTo(&b, "  ", cause.ID+" ("+string(cause.Severity)+"): "+printableText(cause.Title))
		wrapTo(&b, "      ", printableText(cause.Detail))
		wrapTo(&b, "      ", strings.Join(cause.Refs, " · "))
	}
	b.WriteString("\nBODY\n")
	wrapTo(&b, "  ", cmp.Body)
	b.WriteString("\nHEADER CHANGES\n")
	if len(cmp.Headers) == 0 {
		b.WriteString("  none\n")
	}
	for _, h := range cmp.Headers {
		wrapTo(&b, "  ", printableText(fmt.Sprintf("%-8s %s: %s → %s", h.Change, h.Name, orNone(h.A), orNone(h.B))))
	}
	_, err := io.WriteString(out, b.String())
	return err
}

// orNone joins a field's lines, or says it is absent.
func orNone(lines []string) string {
	if len(lines) == 0 {
		return "(absent)"
	}
	return strings.Join(lines, " | ")
}
