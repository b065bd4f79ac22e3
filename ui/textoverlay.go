package ui

import "github.com/httplens/httplens/ui/overlay/textview"

// textWidth is the width text overlays wrap their prose to.
func (m *Model) textWidth() int { return max(m.w-8, 20) }

// openText shows lines (already safe to print) in a scrollable overlay.
func (m *Model) openText(title string, lines []string) {
	m.openDialog(dialog{kind: overlayText, textView: textview.New(title, lines)})
}

// diffReady opens the diff view, unless the request changed meanwhile.
func (m Model) diffReady(msg diffReadyMsg) Model {
	if r := m.req.Request(); r == nil || requestKey(r) != msg.key {
		return m
	}
	if msg.err != nil {
		m.setStatus("Cannot compare: "+msg.err.Error(), true)
		return m
	}
	m.setStatus("", false)
	m.openText(msg.title, msg.lines)
	return m
}
