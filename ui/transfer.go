package ui

import (
	"fmt"
	"os"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/saving"
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
	m.stopPretty()
	m.xfer.pretty = prettyJob{}
	f := newProgressFeed()
	client := m.sendClient(f, m.xfer.insecure, target)
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

// noticeRows is how many rows noticeLines takes.
func (m *responsePane) noticeRows() int { return len(m.noticeLines()) }

// noticeLines is what the Raw and Pretty tabs show above the content: what went
// wrong on the wire (the error, the reader's problems), wrapped, at most a third
// of the pane; then what to know about a body that is not all here (spooled, cut,
// partial).
func (m *responsePane) noticeLines() []string {
	c := m.content
	if m.sending != "" || c == nil || m.tab != tabRaw && m.tab != tabPretty {
		return nil
	}
	var out []string
	limit := max(m.h/3, 1)
	// Only the notes that fit are wrapped: a head can hold thousands of problems.
	for i, n := range c.wire {
		if len(out) >= limit {
			out[limit-1] = m.st.SeverityWarning.Render(fmt.Sprintf("! … %d more", len(c.wire)-i+1))
			break
		}
		for _, l := range strings.Split(wrapText("! "+n, max(m.w, 1)), "\n") {
			out = append(out, m.st.SeverityWarning.Render(l))
		}
	}
	out = out[:min(len(out), limit)]
	if c.notice != "" {
		out = append(out, m.st.SeverityWarning.Render(m.noticeText()))
	}
	return out
}
