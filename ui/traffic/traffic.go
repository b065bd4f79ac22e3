// Package traffic is the program that shows traffic httplens did not send: the
// exchanges of a HAR file, or those the recording proxy sees, live. It is a root
// of its own, smaller than the collection view: one view (ui/exchangelist), the ?
// overlay and quit. Its keys come from the action table of package ui, which
// builds it (ui.NewTraffic); this package never imports ui.
package traffic

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/exchangelist"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/overlay/keyhelp"
	"github.com/httplens/httplens/ui/overlay/textview"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// Config is what the traffic program needs from the command line.
type Config struct {
	// Source is the HAR file to show, or the proxy's live records.
	Source exchangelist.Source
	// Keys binds the actions to keys, from the settings file; nil means the defaults.
	Keys settings.Keymap
	// Notices are the settings file's problems, shown in the hint line at start.
	Notices []string
}

// Keys are the program's bindings: the traffic scope's, and help and quit.
type Keys struct {
	Scope      keyset.Set
	Help, Quit key.Binding
}

// Model is the traffic program. Build it with New and run it with
// tea.NewProgram and the alternate screen.
type Model struct {
	st       styles.Styles
	view     exchangelist.Model
	keys     Keys
	close    textview.Keys
	help     *keyhelp.Model // the open ? overlay, nil when closed
	helpView help.Model
	notice   string
	w, h     int
}

// New returns the traffic program for cfg, with keys, drawing with st.
func New(cfg Config, st styles.Styles, keys Keys) Model {
	h := help.New()
	h.Styles = st.Help()
	return Model{st: st, keys: keys, close: textview.NewKeys(), helpView: h,
		view: exchangelist.New(st, keys.Scope, cfg.Source), notice: strings.Join(cfg.Notices, "; ")}
}

// Init starts reading the HAR file or listening to the proxy.
func (m Model) Init() tea.Cmd { return m.view.Init() }

// Update routes: the ? overlay gets keys first; then quit and help, unless the
// save prompt is being typed in (then only ctrl+c quits); then the view.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
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
		typing := m.view.Typing()
		switch {
		case key.Matches(msg, m.keys.Quit) && (!typing || msg.Type == tea.KeyCtrlC):
			return m, tea.Quit
		case key.Matches(msg, m.keys.Help) && !typing:
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
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	if m.help != nil {
		scopes := []keyhelp.Scope{{Name: "Exchanges", Keys: m.keys.Scope},
			{Name: "Everywhere", Keys: bindings{m.keys.Help, m.keys.Quit}}}
		return m.help.View(m.st, m.helpView, scopes, m.w, m.h)
	}
	return m.view.View() + "\n" + m.hintLine()
}

// hintLine is the settings' problems at start, else the scope's hinted keys.
func (m Model) hintLine() string {
	if m.notice != "" {
		return uikit.Fit(m.st.ErrorText.Render(termtext.String(m.notice)), m.w)
	}
	hints := append(m.keys.Scope.ShortHelp(), m.keys.Help, m.keys.Quit)
	return uikit.Fit(m.helpView.ShortHelpView(hints), m.w)
}

// bindings is a fixed list of bindings as a help.KeyMap.
type bindings []key.Binding

func (b bindings) ShortHelp() []key.Binding  { return b }
func (b bindings) FullHelp() [][]key.Binding { return [][]key.Binding{b} }
