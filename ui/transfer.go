package ui

import (
	"os"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/saving"
)

// transferState is the root's part in large bodies and faults: the progress
// feed of the send in flight, and whether the next send skips certificate
// checks. The response pane formats a large body itself.
type transferState struct {
	feed     *progressFeed // of the send in flight; only handed to commands
	insecure bool          // the next send is a resend after a refused certificate
}

// spoolRemovedMsg ends the command that removed a spooled body no longer shown.
type spoolRemovedMsg struct{}

// handleTransferMsg routes the messages of large bodies, progress, saving a body,
// resending insecurely and pasting; ok is false for any other message.
func (m Model) handleTransferMsg(msg tea.Msg) (next tea.Model, cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case responsepane.PrettyDoneMsg:
		next, cmd = m.prettyDone(msg)
	case progressMsg:
		next, cmd = m.progressed(msg, m.xfer.feed)
	case responsepane.ResendInsecureMsg:
		next, cmd = m.resendInsecure()
	case responsepane.SaveBodyMsg:
		next, cmd = m.openSavePrompt(), nil
	case saving.BodySaved:
		next, cmd = m.afterSaving(saving.BodyDone(msg))
	case spoolRemovedMsg:
		next = m
	default:
		return m, nil, false
	}
	return next, cmd, true
}

// newTransfer makes the client and progress feed of a new send of target (and the
// requests it depends on); the formatting of the previous response, if any, is dropped.
func (m *Model) newTransfer(target *collections.Request) (*requests.Client, *progressFeed) {
	m.resp.DropFormatting()
	f := newProgressFeed()
	client := m.sendClient(f, m.xfer.insecure, target)
	if m.xfer.insecure {
		m.flight.label += " (certificate not checked)"
		m.resp.SetSending(m.sendingText())
	}
	m.xfer.insecure, m.xfer.feed = false, f
	m.resp.SetProgress(responsepane.Progress{})
	return client, f
}

// received follows up a response just shown: it starts formatting a large body,
// offers the insecure resend after a refused certificate, and removes the
// spooled body of the response it replaced.
func (m *Model) received(msg responseMsg, prev requests.Exchange) tea.Cmd {
	x := msg.exchange
	m.resp.SetBodyKeys(x)
	if responsecontent.TLSRefused(x.Err) {
		m.setStatus("Failed: "+msg.content.Err+" — press "+keyName(m.resp.KeyMap().Get(actionInsecure))+
			" in the response pane to resend without checking it (this request only)", true)
	}
	cmds := []tea.Cmd{m.startFormatting()}
	if p := prev.Response; p != nil && p.SpoolPath != "" && (x.Response == nil || x.Response.SpoolPath != p.SpoolPath) {
		path := p.SpoolPath
		cmds = append(cmds, func() tea.Msg {
			_ = os.Remove(path) // in the session's temporary folder, removed on exit anyway
			return spoolRemovedMsg{}
		})
	}
	return tea.Batch(cmds...)
}

// startFormatting formats the Pretty tab of a large body just shown, unless
// that is being done; esc or the next send stops it.
func (m *Model) startFormatting() tea.Cmd {
	cmd := m.resp.StartFormatting()
	if cmd != nil {
		m.keys.Enable(actionCancel, true)
	}
	return cmd
}

// prettyDone shows a formatted Pretty tab, or after a cancel the body as
// received, and keeps it for its request, which may no longer be the one shown.
func (m Model) prettyDone(msg responsepane.PrettyDoneMsg) (tea.Model, tea.Cmd) {
	f, ok := m.resp.TakeFormatted(msg)
	if !ok {
		return m, nil
	}
	m.shown.Replace(f.Old, f.New)
	m.keys.Enable(actionCancel, m.flight.cancel != nil)
	if f.Stopped {
		m.setStatus("Formatting stopped: Pretty shows the body as received.", false)
	}
	return m, f.Cmd
}

// resendInsecure sends the shown request again with certificate checks off, for
// this one send.
func (m Model) resendInsecure() (tea.Model, tea.Cmd) {
	if !responsecontent.TLSRefused(m.lastX.Err) {
		return m, nil
	}
	m.xfer.insecure = true
	return m.sendNow()
}
