package ui

import (
	"context"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/exchangediff"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/uikit"
)

// The response pane lives in package responsepane and what it shows in package
// responsecontent; this file is the root's side of them.

// responseContent is what the response pane shows of one exchange.
type responseContent = responsecontent.Content

// newResponseContent prepares exchange x for the response pane; see responsecontent.New.
func newResponseContent(x requests.Exchange, st Styles) *responseContent {
	return responsecontent.New(x, st)
}

// newResponsePane is the response pane with the default keys.
func newResponsePane(st Styles) responsepane.Model {
	return responsepane.New(st, newResponseKeys(nil))
}

// headerNote opens the overlay with the full note of a response header.
func (m Model) headerNote(n explain.HeaderNote) Model {
	m.openText("Header "+n.Name, responsepane.NoteLines(n, m.textWidth(), m.st))
	return m
}

// diffCmd reads stored exchanges a and b (a older) and builds the diff view of
// request key; width is what its prose is wrapped to.
func diffCmd(s *history.Store, key string, a, b int64, width int, st Styles) tea.Cmd {
	return func() tea.Msg {
		title, lines, err := exchangediff.Read(context.Background(), s, a, b, width, st)
		return diffReadyMsg{key: key, title: title, lines: lines, err: err}
	}
}

// humanBytes formats a byte count as 0 B, 1.2 KB, 3.4 MB.
func humanBytes(n int64) string { return uikit.Bytes(n) }

// headerValue is the first value of the named header, or "".
func headerValue(hs []requests.Header, name string) string {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}
