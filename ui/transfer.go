package ui

import (
	"os"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
)

// transferState is the root's part in large bodies and faults: the formatting in
// progress, the progress feed of the send in flight, and whether the next send
// skips certificate checks.
type transferState struct {
	pretty   prettyJob
	feed     *progressFeed // of the send in flight; only handed to commands
	insecure bool          // the next send is a resend after a refused certificate
}

// resendInsecureMsg asks the root to resend the request whose certificate was
// refused, without checking it, this once.
type resendInsecureMsg struct{}

// spoolRemovedMsg ends the command that removed a spooled body no longer shown.
type spoolRemovedMsg struct{}

// handleTransferMsg routes the messages of large bodies, progress, saving a body,
// resending insecurely and pasting; ok is false for any other message.
func (m Model) handleTransferMsg(msg tea.Msg) (next tea.Model, cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case prettyDoneMsg:
		next, cmd = m.prettyDone(msg)
	case progressMsg:
		next, cmd = m.progressed(msg, m.xfer.feed)
	case resendInsecureMsg:
		next, cmd = m.resendInsecure()
	case saveBodyMsg:
		next, cmd = m.openSavePrompt(), nil
	case bodySavedMsg:
		next, cmd = m.bodySaved(msg), nil
	case spoolRemovedMsg:
		next = m
	default:
		return m, nil, false
	}
	return next, cmd, true
}

// newTransfer makes the client and progress feed of a new send; the formatting
// of the previous response, if any, is dropped.
func (m *Model) newTransfer() (*requests.Client, *progressFeed) {
	m.stopPretty()
	m.xfer.pretty = prettyJob{}
	f := newProgressFeed()
	client := m.sendClient(f, m.xfer.insecure)
	if m.xfer.insecure {
		m.flight.label += " (certificate not checked)"
		m.resp.SetSending(m.sendingText())
	}
	m.xfer.insecure, m.xfer.feed = false, f
	m.resp.SetProgress(transferProgress{})
	return client, f
}

// received follows up a response just shown: it starts formatting a large body,
// offers the insecure resend after a refused certificate, and removes the
// spooled body of the response it replaced.
func (m *Model) received(msg responseMsg, prev requests.Exchange) tea.Cmd {
	x := msg.exchange
	m.resp.setBodyKeys(x)
	if tlsRefused(x.Err) {
		m.setStatus("Failed: "+msg.content.err+" — press "+keyName(m.resp.keys.Get(actionInsecure))+
			" in the response pane to resend without checking it (this request only)", true)
	}
	cmds := []tea.Cmd{m.startPretty(msg.id)}
	if p := prev.Response; p != nil && p.SpoolPath != "" && (x.Response == nil || x.Response.SpoolPath != p.SpoolPath) {
		path := p.SpoolPath
		cmds = append(cmds, func() tea.Msg {
			_ = os.Remove(path) // in the session's temporary folder, removed on exit anyway
			return spoolRemovedMsg{}
		})
	}
	return tea.Batch(cmds...)
}

// resendInsecure sends the shown request again with certificate checks off, for
// this one send.
func (m Model) resendInsecure() (tea.Model, tea.Cmd) {
	if !tlsRefused(m.lastX.Err) {
		return m, nil
	}
	m.xfer.insecure = true
	return m.sendNow()
}

// setBodyKeys enables saving when there is a body, and the insecure resend after
// a refused certificate.
func (m *responsePane) setBodyKeys(x requests.Exchange) {
	r := x.Response
	m.keys.Enable(actionSaveBody, r != nil && (len(r.Body) > 0 || r.SpoolPath != ""))
	m.keys.Enable(actionInsecure, tlsRefused(x.Err))
}

// noticeRows is 1 when the Raw or Pretty tab shows what to know about a body
// that is not all here (spooled, cut, partial), else 0.
func (m *responsePane) noticeRows() int {
	c := m.content
	if m.sending != "" || c == nil || c.notice == "" || m.tab != tabRaw && m.tab != tabPretty {
		return 0
	}
	return 1
}
