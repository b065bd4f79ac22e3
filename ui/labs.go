package ui

import (
	"context"
	"maps"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/collrun"
	"github.com/httplens/httplens/preflight"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/labview"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/varsview"
)

// The cache lab (cachelab), the CORS preflight (preflight) and the variables
// overlay: global actions of the root, each a few lines over its own package.

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

// preflightDoneMsg is the preflight's story, ready for the text overlay.
type preflightDoneMsg struct {
	lines []string
	err   error
}

// preflight sends, in a command, the OPTIONS a browser would send before the
// shown request (as resolved) and then the request when the browser goes on,
// and shows both explained.
func (m Model) preflight() (tea.Model, tea.Cmd) {
	r := m.req.Request()
	if r == nil {
		m.setStatus("No request selected: pick one in the collection first.", true)
		return m, nil
	}
	resolve, last := m.resolver(), maps.Clone(m.last)
	opts := m.cfg.Options
	opts.Jar = nil // a preflight never carries cookies; the actual request's are as written
	m.setStatus("Sending the CORS preflight…", false)
	return m, func() tea.Msg {
		req, err := resolve(r, last, nil)
		if err != nil {
			return preflightDoneMsg{err: err}
		}
		c := requests.NewClient(opts)
		defer c.CloseIdleConnections()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		return preflightDoneMsg{lines: preflight.Run(ctx, c.Send, req, time.Now).Lines()}
	}
}

// preflightDone opens the story, its long lines wrapped to the overlay.
func (m Model) preflightDone(msg preflightDoneMsg) Model {
	if msg.err != nil {
		m.setStatus("Cannot send the preflight: "+msg.err.Error(), true)
		return m
	}
	m.setStatus("", false)
	var lines []string
	for _, l := range msg.lines {
		indent := len(l) - len(strings.TrimLeft(l, " "))
		for _, w := range strings.Split(uikit.WrapText(strings.TrimLeft(l, " "), max(m.textWidth()-indent, 20)), "\n") {
			lines = append(lines, strings.Repeat(" ", indent)+w)
		}
	}
	m.openText("CORS: what a browser sends", lines)
	return m
}

// variablesOpen lists --var, the environment's variables and the script globals.
func (m Model) variablesOpen() (tea.Model, tea.Cmd) {
	g := m.scripts.Globals.All()
	m.openText(varsview.Title(len(g)), varsview.Lines(m.env, m.cfg.Vars, m.envs[m.env], g))
	return m, nil
}
