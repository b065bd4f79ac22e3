package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/collrun"
	"github.com/httplens/httplens/ui/labview"
	"github.com/httplens/httplens/ui/varsview"
)

// The cache lab (cachelab) and the variables overlay: global actions of the root, each a few lines over its own package.

// cacheLabToggle steps the cache lab off → private → shared → off. A new kind
// starts empty: what a private cache stored says nothing of a shared one.
func (m Model) cacheLabToggle() (tea.Model, tea.Cmd) {
	switch {
	case m.lab == nil:
		m.lab = cachelab.New(cachelab.Config{Send: collrun.ContextSend})
	case !m.lab.Shared():
		m.lab = cachelab.New(cachelab.Config{Shared: true, Send: collrun.ContextSend})
	default:
		m.lab = nil
		m.setStatus("Cache lab off: requests go straight to the server.", false)
		return m, nil
	}
	m.setStatus("Cache lab on: "+labview.Kind(m.lab)+" — every send goes through it; "+
		keyName(m.keys.Get(actionCacheContents))+" shows its contents, "+keyName(m.keys.Get(actionLabTen))+" moves its clock 10 s", false)
	return m, nil
}

func (m *Model) labDisabled() string { return offBecause(m.lab != nil, "the cache lab is off") }

// cacheContentsOpen opens the cache's contents view.
func (m Model) cacheContentsOpen() (tea.Model, tea.Cmd) {
	m.openDialog(dialog{kind: overlayLab, lab: labview.New(m.lab)})
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
	es := m.lab.Entries()
	if len(es) == 0 {
		m.setStatus("The cache lab stores nothing yet.", false)
		return m, nil
	}
	e := es[0]
	for _, x := range es {
		if x.Key == m.lastX.Request.Method+" "+m.lastX.Request.URL {
			e = x
		}
	}
	m.setStatus(labview.ToStale(m.lab, e), false)
	return m, nil
}

// variablesOpen lists --var, the environment's variables and the script globals.
func (m Model) variablesOpen() (tea.Model, tea.Cmd) {
	g := m.scripts.Globals.All()
	m.openText(varsview.Title(len(g)), varsview.Lines(m.env, m.cfg.Vars, m.envs[m.env], g))
	return m, nil
}
