// Package wireview turns the wire side of an exchange into display lines: the
// request head as it was written, with the fields httplens added marked; the
// bytes that followed the message, under a marked line; what the lenient reader
// found wrong; the timing phases, with "—" for those that did not happen; and the
// outcome in words for the status line. It is pure: no I/O, no clock. Every byte
// from the network or from the user's variables goes through termtext.
package wireview

import (
	"fmt"
	"strings"
	"time"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/styles"
)

// AddedMark ends the line of a header field httplens added to the user's own,
// the words send --verbose uses.
const AddedMark = "(added by httplens)"

// Block is display lines, line for line without colours (Plain) and with them
// (Styled).
type Block struct {
	Plain, Styled []string
}

func (b *Block) add(plain, styled string) {
	b.Plain = append(b.Plain, plain)
	b.Styled = append(b.Styled, styled)
}

// Len is the number of lines.
func (b Block) Len() int { return len(b.Plain) }

// RequestHead is the request line and header section exactly as written to the
// connection, a display line per line (a very long line is cut into several),
// each field httplens added marked at the end of its line. When no head was
// written as text (HTTP/2 frames, or a failure before writing), it is rebuilt
// from the request's fields under a line that says so.
func RequestHead(s requests.SentRequest, st styles.Styles) Block {
	var b Block
	raw := strings.TrimSuffix(string(s.RawHead), "\r\n\r\n")
	lines := strings.Split(raw, "\n")
	if len(s.RawHead) == 0 && s.Method == "" {
		b.add("Nothing was sent.", st.Muted.Render("Nothing was sent."))
		return b
	}
	if len(s.RawHead) == 0 {
		note := "no request head was written as text: rebuilt from its fields"
		if strings.HasPrefix(s.Proto, "HTTP/2") {
			note = "HTTP/2 sends the head as binary frames: rebuilt from its fields"
		}
		b.add("── "+note+" ──", st.Muted.Render("── "+note+" ──"))
		lines = []string{s.Method + " " + s.URL + " " + s.Proto}
		for _, h := range s.Headers {
			lines = append(lines, h.Name+": "+h.Value)
		}
	}
	for i, line := range lines {
		added := i > 0 && i-1 < len(s.Added) && s.Added[i-1]
		for j, piece := range termtext.Lines([]byte(strings.TrimSuffix(line, "\r"))) {
			if added && j == 0 {
				b.add(piece+"   "+AddedMark, piece+"   "+st.Muted.Render(AddedMark))
				continue
			}
			b.add(piece, piece)
		}
	}
	b.add("", "")
	return b
}

// Extra is the bytes that followed the end of the message (after a 204, 304 or
// HEAD response, past Content-Length, after broken chunked framing), under a
// marked line that says they are not part of it and why. Empty when there were none.
func Extra(r *requests.Response, st styles.Styles) Block {
	var b Block
	if r == nil || len(r.Extra) == 0 {
		return b
	}
	mark := fmt.Sprintf("── %d bytes after the end of the message, not part of it ──", len(r.Extra))
	b.add(mark, st.SeverityWarning.Render(mark))
	if r.ExtraNote != "" {
		note := "   " + termtext.String(r.ExtraNote)
		b.add(note, st.Muted.Render(note))
	}
	for _, l := range termtext.Lines(r.Extra) {
		b.add(l, l)
	}
	return b
}

// Notes is what the user must know about how the exchange went on the wire, in
// words: why it fell short (the error), then each problem the lenient reader found
// in the head. Sanitised; nil for a clean exchange.
func Notes(x requests.Exchange) []string {
	var out []string
	if x.Err != nil && x.Response != nil {
		out = append(out, termtext.String(x.Err.Error()))
	}
	if r := x.Response; r != nil {
		for _, p := range r.Problems {
			out = append(out, termtext.String(p))
		}
		if r.Complete && x.Err == nil && len(r.Extra) > 0 && r.ExtraNote != "" {
			out = append(out, fmt.Sprintf("%d bytes followed the end of the message: shown after it in Raw, marked", len(r.Extra)))
		}
	}
	return out
}

// Outcome says in words how the exchange labelled label ended, for the status
// line, and whether that is a failure. A status code is named as the result only
// when the message arrived whole: an exchange cut short says so, and why.
func Outcome(x requests.Exchange, label string) (string, bool) {
	r, label := x.Response, termtext.String(label)
	why := ""
	if x.Err != nil {
		why = termtext.String(x.Err.Error())
	}
	switch {
	case r == nil:
		return "Failed: " + why, true
	case r.Status == 0:
		if why == "" {
			why = "the reply has no status line"
		}
		return label + ": no HTTP response: " + why + " (its bytes are in Raw)", true
	case x.Incomplete():
		if why == "" {
			why = "the message did not reach its end"
		}
		return fmt.Sprintf("%s: incomplete %d %s response: %s (the bytes that came are in Raw)",
			label, r.Status, termtext.String(r.Reason), why), true
	}
	return fmt.Sprintf("%s → %d %s in %s", label, r.Status, termtext.String(r.Reason), Duration(x.Timing.Total)), false
}

// Duration formats a duration for titles and the timing table: 412 µs, 18 ms, 1.25 s.
func Duration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%d µs", d.Microseconds())
	case d < time.Second:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}
