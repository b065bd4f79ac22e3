package responsepane

import (
	"fmt"
	"strings"

	"github.com/httplens/httplens/requests"
	rc "github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/uikit"
)

// SetBodyKeys enables saving when there is a body, and the insecure resend after
// a refused certificate.
func (m *Model) SetBodyKeys(x requests.Exchange) {
	r := x.Response
	m.keys.Enable(ActionSaveBody, r != nil && (len(r.Body) > 0 || r.SpoolPath != ""))
	m.keys.Enable(ActionInsecure, rc.TLSRefused(x.Err))
}

// noticeRows is how many rows noticeLines takes.
func (m *Model) noticeRows() int { return len(m.noticeLines()) }

// noticeLines is what the Raw and Pretty tabs show above the content: what went
// wrong on the wire (the error, the reader's problems), wrapped, at most a third
// of the pane; then what to know about a body that is not all here (spooled, cut,
// partial).
func (m *Model) noticeLines() []string {
	c := m.content
	if m.sending != "" || c == nil || m.tab != rc.TabRaw && m.tab != rc.TabPretty {
		return nil
	}
	var out []string
	limit := max(m.h/3, 1)
	// Only the notes that fit are wrapped: a head can hold thousands of problems.
	for i, n := range c.Wire {
		if len(out) >= limit {
			out[limit-1] = m.st.SeverityWarning.Render(fmt.Sprintf("! … %d more", len(c.Wire)-i+1))
			break
		}
		for _, l := range strings.Split(uikit.WrapText("! "+n, max(m.w, 1)), "\n") {
			out = append(out, m.st.SeverityWarning.Render(l))
		}
	}
	out = out[:min(len(out), limit)]
	if c.Notice != "" {
		out = append(out, m.st.SeverityWarning.Render(m.noticeText()))
	}
	return out
}
