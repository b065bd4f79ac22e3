package exchangelist

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/traffic"
	"github.com/httplens/httplens/ui/uikit"
)

// maxBodyLines caps the body lines the Raw tab renders: the tab is for reading
// heads and the start of a body; a frame must not cost more for a large one.
const (
	maxBodyLines = 2000
	maxBodyBytes = 256 << 10
)

// render rebuilds the selected exchange's tab for the current width. It runs
// when the content changes, never in View.
func (m *Model) render() {
	x, ok := m.Selected()
	if !ok {
		m.lines = nil
		return
	}
	var l []string
	switch m.tab {
	case TabRaw:
		l = m.raw(x)
	case TabHeaders:
		l = m.headers(x)
	case TabTiming:
		l = m.timing(x)
	}
	if m.tab == TabExplain {
		// What the record lacked comes first: it changes how far the rest holds.
		m.expl.SetReport(x.Report, termtext.String(x.Reason))
		m.expl.SetNote(recordNote(x))
		if x.Report == nil {
			l = strings.Split(uikit.WrapText(termtext.String(recordNote(x)), max(m.w, 8)), "\n")
		}
	}
	m.lines = l
	m.off = max(min(m.off, len(l)-m.detailH()), 0)
}

func (m *Model) raw(x traffic.Exchange) []string {
	l := termtext.Lines(x.RequestHead)
	if len(x.RequestBody) > 0 {
		l = append(l, bodyLines(x.RequestBody)...)
	}
	if len(l) == 0 || l[len(l)-1] != "" {
		l = append(l, "") // one blank line between the request and the response
	}
	if x.Status == 0 && !x.Tunnel {
		return append(l, m.st.ErrorText.Render("No response. "+termtext.String(x.Err)))
	}
	l = append(l, termtext.Lines(x.ResponseHead)...)
	l = append(l, bodyLines(x.ResponseBody)...)
	switch {
	case x.BodyCut && x.BodyKeptBy != "" && len(x.ResponseBody) == 0:
		l = append(l, m.st.Muted.Render(fmt.Sprintf("… body not kept in %s (%d bytes)", x.BodyKeptBy, x.BodyBytes)))
	case x.BodyCut && x.BodyKeptBy != "":
		l = append(l, m.st.Muted.Render(fmt.Sprintf("… body cut in %s: %d of %d bytes kept", x.BodyKeptBy, len(x.ResponseBody), x.BodyBytes)))
	case x.BodyCut:
		l = append(l, m.st.Muted.Render(fmt.Sprintf("… body cut: %d of %d bytes kept", len(x.ResponseBody), x.BodyBytes)))
	}
	return l
}

// bodyLines are the first lines of a body, made safe. Only the bytes shown are
// sanitised, so moving the cursor costs the same for a 1 KB or a 50 MB body.
func bodyLines(b []byte) []string {
	shown, rest := b, 0
	if len(b) > maxBodyBytes {
		shown = b[:maxBodyBytes]
	}
	if i := nthNewline(shown, maxBodyLines); i >= 0 {
		shown = shown[:i+1]
	}
	rest = len(b) - len(shown)
	l := termtext.Lines(shown)
	if len(l) > 0 && l[len(l)-1] == "" {
		l = l[:len(l)-1]
	}
	if rest > 0 {
		l = append(l, fmt.Sprintf("… %d more bytes not shown here", rest))
	}
	return l
}

// nthNewline is the index of the nth "\n" in b, -1 when b has fewer.
func nthNewline(b []byte, n int) int {
	off := 0
	for range n {
		i := bytes.IndexByte(b[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	return off - 1
}

func (m *Model) headers(x traffic.Exchange) []string {
	l := []string{m.st.Bold.Render("Request")}
	l = append(l, fieldLines(x.RequestFields)...)
	l = append(l, "", m.st.Bold.Render("Response"))
	if x.Status == 0 {
		return append(l, m.st.Muted.Render("  none"))
	}
	return append(l, fieldLines(x.ResponseFields)...)
}

func fieldLines(fs []explain.Field) []string {
	if len(fs) == 0 {
		return []string{"  (none recorded)"}
	}
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = "  " + termtext.String(f.Name) + ": " + termtext.String(f.Value)
	}
	return out
}

func (m *Model) timing(x traffic.Exchange) []string {
	var l []string
	longest := time.Duration(0)
	for _, p := range x.Phases {
		longest = max(longest, p.D)
	}
	barW := max(m.w-24, 4)
	for _, p := range x.Phases {
		bar := 0
		if longest > 0 {
			bar = int(int64(barW) * int64(p.D) / int64(longest))
		}
		l = append(l, fmt.Sprintf("  %-8s %10s  %s", p.Name, ms(p.D), strings.Repeat("█", bar)))
	}
	if len(x.Phases) == 0 {
		l = append(l, m.st.Muted.Render("  No phase timings recorded."))
	}
	if x.Total >= 0 {
		l = append(l, "", fmt.Sprintf("  %-8s %10s", "total", ms(x.Total)))
	}
	return l
}

func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 1, 64) + " ms"
}

// freshWord is how long a cache may reuse the response without asking.
func freshWord(storable bool, s int64) string {
	switch {
	case !storable:
		return "-"
	case s <= 0:
		return "revalid."
	}
	d := (time.Duration(s) * time.Second).String()
	if strings.HasSuffix(d, "m0s") {
		d = strings.TrimSuffix(d, "0s")
	}
	if strings.HasSuffix(d, "h0m") {
		d = strings.TrimSuffix(d, "0m")
	}
	return d
}

func sizeText(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

func itoa(n int) string { return strconv.Itoa(n) }

// recordNote is what the Explain tab says above the analysis: why there is none,
// the failure, and what the record lacked or adds.
func recordNote(x traffic.Exchange) string {
	var parts []string
	switch {
	case x.Tunnel:
		parts = append(parts, "A CONNECT tunnel: its bytes are encrypted, so there is nothing to explain.")
	case x.Report == nil:
		parts = append(parts, "No response to explain.")
	}
	if x.Err != "" {
		parts = append(parts, "Error: "+x.Err+".")
	}
	if len(x.Notes) > 0 {
		parts = append(parts, "The record: "+strings.Join(x.Notes, "; ")+".")
	}
	return strings.Join(parts, " ")
}
