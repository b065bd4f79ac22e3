package responsepane

import (
	"context"
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	rc "github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/styles"
)

// prettyJob is the formatting in progress: the send it belongs to and how to
// stop it. cancel is nil when nothing is being formatted.
type prettyJob struct {
	id     int
	cancel context.CancelFunc
}

// StartFormatting starts formatting the Pretty tab of the response just shown
// (of send id) when it was left pending; StopFormatting (esc) or the next send
// cancels it. It returns nil when there is nothing to format.
func (m *Model) StartFormatting(id int) tea.Cmd {
	c := m.content
	if c == nil || !c.Pending {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.pretty = prettyJob{id: id, cancel: cancel}
	return prettyCmd(ctx, id, c.Kind, c.Body, c.Truncated, m.st)
}

// Formatting reports a formatting in progress, which the cancel key stops.
func (m *Model) Formatting() bool { return m.pretty.cancel != nil }

// StopFormatting cancels the formatting in progress, if any; its result still
// comes, and Formatted shows the body as received.
func (m *Model) StopFormatting() {
	if m.pretty.cancel != nil {
		m.pretty.cancel()
	}
}

// DropFormatting cancels the formatting in progress and forgets it: its result
// is ignored (a new send began).
func (m *Model) DropFormatting() {
	m.StopFormatting()
	m.pretty = prettyJob{}
}

// prettyCmd formats the body of send id off the UI goroutine; cancelling ctx
// stops it. body is never modified, so sharing it is safe.
func prettyCmd(ctx context.Context, id int, kind rc.Kind, body []byte, cut bool, st styles.Styles) tea.Cmd {
	return func() tea.Msg {
		tab, note, err := rc.PrettyTab(ctx, kind, body, cut, st)
		return PrettyDoneMsg{id: id, tab: tab, note: note, err: err}
	}
}

// Formatted shows a formatted Pretty tab, or after a cancel the body as
// received (stopped). applied is false for the result of a formatting dropped
// since, which changes nothing.
func (m *Model) Formatted(msg PrettyDoneMsg) (cmd tea.Cmd, applied, stopped bool) {
	if msg.id != m.pretty.id || m.pretty.cancel == nil {
		return nil, false, false
	}
	m.pretty.cancel()
	m.pretty.cancel = nil
	if errors.Is(msg.err, context.Canceled) {
		msg.tab, msg.note = rc.AsReceived(m.content.Body), "formatting stopped: shown as received"
		stopped = true
	}
	return m.SetPretty(msg.tab, msg.note), true, stopped
}

// SetPretty replaces the Pretty tab once its formatting is done. The content is
// copied, never changed in place: a search command may be reading it.
func (m *Model) SetPretty(tab rc.Text, note string) tea.Cmd {
	if m.content == nil {
		return nil
	}
	c := *m.content
	c.Tabs[rc.TabPretty], c.Note, c.Pending = tab, note, false
	m.content = &c
	m.offsets[rc.TabPretty] = 0
	if m.tab == rc.TabPretty && m.query != "" {
		return m.searchCmd()
	}
	return nil
}
