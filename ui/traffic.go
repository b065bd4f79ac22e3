package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/exchangelist"
	"github.com/httplens/httplens/ui/overlay/keyhelp"
	"github.com/httplens/httplens/ui/overlay/textview"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// TrafficConfig is what the traffic program needs from the command line.
type TrafficConfig struct {
	// Source is the HAR file to show, or the proxy's live records.
	Source exchangelist.Source
	// Keys binds the actions to keys, from the settings file; nil means the defaults.
	Keys settings.Keymap
	// Notices are the settings file's problems, shown in the hint line at start.
	Notices []string
}

// Traffic is the program that shows traffic httplens did not send: the
// exchanges of a HAR file, or those the recording proxy sees, live. It is a
// root of its own, smaller than Model: one view, the ? overlay and quit, with
// its keys from the action table's traffic scope. Build it with NewTraffic and
// run it with tea.NewProgram and the alternate screen.
type Traffic struct {
	st       Styles
	view     exchangelist.Model
	global   keySet // help and quit
	keys     keySet // the traffic scope
	close    textview.Keys
	help     *keyhelp.Model // the open ? overlay, nil when closed
	helpView help.Model
	notice   string
	w, h     int
}

// NewTraffic returns the traffic program for cfg, drawing with st.
func NewTraffic(cfg TrafficConfig, st Styles) Traffic {
	keys := newKeySet(cfg.Keys, scopeTraffic)
	global := newKeySet(cfg.Keys, settings.ScopeGlobal)
	h := help.New()
	h.Styles = st.Help()
	return Traffic{st: st, keys: keys, global: global, close: textview.NewKeys(), helpView: h,
		view: exchangelist.New(st, keys, cfg.Source), notice: strings.Join(cfg.Notices, "; ")}
}

// Init starts reading the HAR file or listening to the proxy.
func (m Traffic) Init() tea.Cmd { return m.view.Init() }

// Update routes: the ? overlay gets keys first; then quit and help, unless the
// save prompt is being typed in (then only ctrl+c quits); then the view.
func (m Traffic) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.view.SetSize(m.w, max(m.h-1, 0))
		return m, nil
	case tea.KeyMsg:
		if m.help != nil {
			hv, out := m.help.Update(msg, m.close)
			m.help = &hv
			if _, ok := out.(uimsg.Close); ok {
				m.help = nil
			}
			return m, nil
		}
		id, ok := m.global.Match(msg)
		typing := m.view.Typing()
		switch {
		case ok && id == actionQuit && (!typing || msg.Type == tea.KeyCtrlC):
			return m, tea.Quit
		case ok && id == actionHelp && !typing:
			m.help = &keyhelp.Model{}
			return m, nil
		}
		m.notice = ""
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(msg)
	return m, cmd
}

// View draws the view and the hint line, or the ? overlay over them.
func (m Traffic) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	if m.help != nil {
		scopes := []keyhelp.Scope{{Name: "Exchanges", Keys: m.keys},
			{Name: "Everywhere", Keys: bindings{m.global.Get(actionHelp), m.global.Get(actionQuit)}}}
		return m.help.View(m.st, m.helpView, scopes, m.w, m.h)
	}
	return m.view.View() + "\n" + m.hintLine()
}

// hintLine is the settings' problems at start, else the scope's hinted keys.
func (m Traffic) hintLine() string {
	if m.notice != "" {
		return uikit.Fit(m.st.ErrorText.Render(termtext.String(m.notice)), m.w)
	}
	hints := append(m.keys.ShortHelp(), m.global.Get(actionHelp), m.global.Get(actionQuit))
	return uikit.Fit(m.helpView.ShortHelpView(hints), m.w)
}

// bindings is a fixed list of bindings as a help.KeyMap.
type bindings []key.Binding

func (b bindings) ShortHelp() []key.Binding  { return b }
func (b bindings) FullHelp() [][]key.Binding { return [][]key.Binding{b} }
