package ui

import (
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestPrettySaysWhyThereIsNoBody: against the demo API, the Pretty tab of a
// 204, a 304 and a HEAD response says why there is no body (issue 19 item 6:
// it was blank), while Raw shows the head as received.
func TestPrettySaysWhyThereIsNoBody(t *testing.T) {
	m := openModel(t, Config{DemoURL: demoServer(t).URL})
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 240, Height: 40})
	for _, c := range []struct {
		title  string
		status int
		note   string
	}{
		{"Update item if unchanged", 204, "No content: a 204 has none (RFC 9110 §15.3.5)"},
		{"Read item only if changed", 304, "No content: a 304 has none; the stored copy is current (RFC 9110 §15.4.5)"},
		{"Check an item with HEAD", 200, "HEAD responses carry no content (RFC 9110 §9.3.2)"},
	} {
		m = selectRequest(t, m, c.title)
		m, _ = drive(t, m, keyMsg("ctrl+r"))
		if r := m.sess.Exchange().Response; r == nil || r.Status != c.status {
			t.Fatalf("%s: %q, want %d", c.title, m.status, c.status)
		}
		m, _ = drive(t, m, keyMsg("2"))
		if v := plain(m.View()); !strings.Contains(v, c.note) {
			t.Errorf("%s: Pretty lacks %q:\n%s", c.title, c.note, v)
		}
		m, _ = drive(t, m, keyMsg("1"))
		if v := plain(m.View()); strings.Contains(v, c.note) || !strings.Contains(v, "HTTP/1.1 "+strconv.Itoa(c.status)) {
			t.Errorf("%s: Raw changed:\n%s", c.title, v)
		}
		m.setFocus(paneTree)
	}
}
