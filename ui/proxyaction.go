package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/exchangelist"
	"github.com/httplens/httplens/ui/proxyrun"
)

// startProxy hands the terminal to the recording proxy's live list (see
// proxyrun) until the user quits it; proxyrun.Stopped then says what it kept.
func (m Model) startProxy() (tea.Model, tea.Cmd) {
	return m, proxyrun.Start(&proxyrun.Run{Store: m.cfg.History, Dir: m.cfg.Dir, Lister: trafficLister{m.cfg.Keys, m.st}})
}

// trafficLister lists the proxy's exchanges in the traffic program. It is a type,
// not a func, so the action table (which names startProxy) does not depend on
// NewTraffic, which reads the table's keys: that would be an initialization cycle.
type trafficLister struct {
	keys settings.Keymap
	st   Styles
}

func (l trafficLister) List(src exchangelist.Source) tea.Model {
	return NewTraffic(TrafficConfig{Source: src, Keys: l.keys}, l.st)
}
