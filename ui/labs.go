package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collrun"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/labview"
	"github.com/httplens/httplens/ui/varsview"
)

// The cache lab (cachelab, drawn and stepped by labview) and the variables
// overlay: global actions of the root, each a few lines over its own package.

// cacheLabToggle steps the cache lab off → private → shared → off.
func (m Model) cacheLabToggle() (tea.Model, tea.Cmd) {
	var status string
	m.lab, status = labview.Toggle(m.lab, collrun.ContextSend, keyset.Name(m.keys.Get(actionCacheContents)), keyset.Name(m.keys.Get(actionLabTen)))
	m.setStatus(status, false)
	return m, nil
}

func (m *Model) labDisabled() string { return offBecause(m.lab != nil, "the cache lab is off") }

// cacheContentsOpen opens the cache's contents view.
func (m Model) cacheContentsOpen() (tea.Model, tea.Cmd) {
	m.overlay.Open(dialogs.LabView(labview.New(m.lab)))
	return m, nil
}

// labClock returns the handler of a clock action: the lab clock moves by d.
func labClock(d time.Duration) func(m Model) (tea.Model, tea.Cmd) {
	return func(m Model) (tea.Model, tea.Cmd) {
		m.setStatus(labview.Advance(m.lab, d), false)
		return m, nil
	}
}

// labToStale advances the clock until the entry of the shown exchange (else the
// first stored one) is stale.
func (m Model) labToStale() (tea.Model, tea.Cmd) {
	m.setStatus(labview.StaleFor(m.lab, m.lastX.Request.Method+" "+m.lastX.Request.URL), false)
	return m, nil
}

// variablesOpen lists --var, the environment's variables and the script globals.
func (m Model) variablesOpen() (tea.Model, tea.Cmd) {
	g := m.scripts.Globals.All()
	m.openText(varsview.Title(len(g)), varsview.Lines(m.env, m.cfg.Vars, m.envs[m.env], g))
	return m, nil
}
