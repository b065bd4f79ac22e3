package responsepane

import (
	"context"
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	rc "github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/styles"
)

// prettyJob is the formatting in progress: which one (its result carries the
// id), the content it formats and how to stop it. cancel is nil when nothing is
// being formatted.
type prettyJob struct {
	id      int
	content *rc.Content
	cancel  context.CancelFunc
}

// StartFormatting starts formatting the Pretty tab of the content shown when
// it was left pending, unless that is being done; StopFormatting (esc) stops
// it, and a new formatting (or DropFormatting) drops one still running. It
// returns nil when there is nothing to start.
func (m *Model) StartFormatting() tea.Cmd {
	c := m.content
	if c == nil || !c.Pending || m.pretty.cancel != nil && m.pretty.content == c {
		return nil
	}
	m.DropFormatting()
	ctx, cancel := context.WithCancel(context.Background())
	m.pretty = prettyJob{id: m.pretty.id + 1, content: c, cancel: cancel}
	return prettyCmd(ctx, m.pretty.id, c.Kind, c.Body, c.Truncated, m.st)
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
	m.pretty.cancel = nil
}

// prettyCmd formats the body of formatting id off the UI goroutine; cancelling
// ctx stops it. body is never modified, so sharing it is safe.
func prettyCmd(ctx context.Context, id int, kind rc.Kind, body []byte, cut bool, st styles.Styles) tea.Cmd {
	return func() tea.Msg {
		tab, note, err := rc.PrettyTab(ctx, kind, body, cut, st)
		return PrettyDoneMsg{id: id, tab: tab, note: note, err: err}
	}
}

// Formatted is what a finished formatting changed: the content formatted (Old)
// and its copy with the Pretty tab filled (New), so that the root replaces the
// one it remembers for the request; Stopped when it was cancelled (Pretty then
// shows the body as received); Cmd runs the search again on the new Pretty tab.
type Formatted struct {
	Old, New *rc.Content
	Stopped  bool
	Cmd      tea.Cmd
}

// TakeFormatted takes a formatting's result; ok is false for the result of one dropped
// since, which changes nothing. The pane shows the formatted content only when
// it still shows the content formatted: another request may be selected by now.
func (m *Model) TakeFormatted(msg PrettyDoneMsg) (f Formatted, ok bool) {
	job := m.pretty
	if msg.id != job.id || job.cancel == nil {
		return Formatted{}, false
	}
	job.cancel()
	m.pretty.cancel = nil
	if errors.Is(msg.err, context.Canceled) {
		msg.tab, msg.note = rc.AsReceived(job.content.Body), "formatting stopped: shown as received"
		f.Stopped = true
	}
	// The content is copied, never changed in place: a search command may be reading it.
	c := *job.content
	c.Tabs[rc.TabPretty], c.Note, c.Pending = msg.tab, msg.note, false
	f.Old, f.New = job.content, &c
	if m.content == job.content {
		m.content = f.New
		m.offsets[rc.TabPretty] = 0
		if m.tab == rc.TabPretty && m.query != "" {
			f.Cmd = m.searchCmd()
		}
	}
	return f, true
}
