package ui

import "github.com/httplens/httplens/ui/overlay/textview"

// textWidth is the width text overlays wrap their prose to.
func (m *Model) textWidth() int { return max(m.w-8, 20) }

// openText shows lines (already safe to print) in a scrollable overlay.
func (m *Model) openText(title string, lines []string) {
	m.openDialog(dialog{kind: overlayText, textView: textview.New(title, lines)})
}
