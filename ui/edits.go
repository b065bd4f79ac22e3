package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/ui/clipboard"
	"github.com/httplens/httplens/ui/flight"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/saving"
	"github.com/httplens/httplens/ui/tree"
)

// handleEditMsg takes the results of editing, saving and copying.
func (m Model) handleEditMsg(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case saving.FileSaved:
		return m.fileSaved(msg)
	case tree.Change:
		return m.afterSaving(m.edits.Change(msg, &m.req, m.collDir()))
	case requestpane.CopyAsCurl:
		return m, m.copyCurlCmd()
	case responsepane.CopyMsg:
		return m, clipboard.ResponseCmd(m.cfg.Clipboard, m.lastX.Response, msg.Raw)
	case clipboard.Copied:
		m.setStatus(msg.Status())
	}
	return m, nil
}

// copyCurlCmd resolves the request as edited and copies it as a curl command.
func (m *Model) copyCurlCmd() tea.Cmd {
	r := m.req.Request()
	if r == nil {
		return nil
	}
	return clipboard.CurlCmd(m.cfg.Clipboard, flight.Later(m.resolver(), r, m.last))
}
