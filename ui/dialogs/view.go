package dialogs

import (
	"github.com/charmbracelet/bubbles/help"

	"github.com/httplens/httplens/ui/overlay/cookiejar"
	"github.com/httplens/httplens/ui/overlay/keyhelp"
	"github.com/httplens/httplens/ui/overlay/palette"
	"github.com/httplens/httplens/ui/overlay/threeway"
	"github.com/httplens/httplens/ui/styles"
)

// Screen is what drawing a dialog takes from the root: the area of the panes
// and, asked for only by the palette and the help, the actions and the keys of
// the panes' text fields.
type Screen struct {
	St      styles.Styles
	Help    help.Model
	W, H    int
	Catalog func() Catalog
	// Fields are the keys of the panes' text fields, which are not actions: help
	// lists them after the actions' groups, before the dialogs' own keys.
	Fields func() []keyhelp.Scope
}

// View draws the open dialog centred in the screen's w×h area.
func (m *Model) View(s Screen) string {
	if m.open == nil {
		return ""
	}
	d := m.open
	switch d.Kind {
	case Help:
		return d.help.View(s.St, s.Help, m.helpScopes(s), s.W, s.H)
	case Text:
		return d.textView.View(s.St, s.W, s.H)
	case SaveBody:
		return d.prompt.View(s.St, s.W, s.H)
	case Ask:
		return d.question.View(s.St, s.W, s.H)
	case Palette:
		return d.palette.View(s.St, s.Catalog().Entries(), s.W, s.H)
	case Cookies:
		return d.cookies.View(s.St, s.W, s.H)
	case Lab:
		return d.lab.View(s.St, s.W, s.H)
	case Retry:
		return d.merge.View(s.St, threeway.NewKeys(), s.W, s.H)
	case Env:
		return d.picker.View(s.St, s.Help, m.picker, s.W, s.H)
	}
	return m.question().View(s.St, s.W, s.H)
}

// helpScopes are the help overlay's groups: every action, with the keys in
// force, then the keys of text fields and dialogs.
func (m *Model) helpScopes(s Screen) []keyhelp.Scope {
	var scopes []keyhelp.Scope
	for _, g := range s.Catalog().HelpGroups() {
		scopes = append(scopes, keyhelp.Scope{Name: g.Name, Keys: g})
	}
	scopes = append(scopes, s.Fields()...)
	return append(scopes, keyhelp.Scope{Name: "Dialogs", Keys: m.confirm}, keyhelp.Scope{Name: "Environment picker", Keys: m.picker},
		keyhelp.Scope{Name: "Command palette", Keys: palette.NewKeys()}, keyhelp.Scope{Name: "Cookies", Keys: cookiejar.NewKeys()})
}

// KeyMap is the help line of the open dialog.
func (m *Model) KeyMap() help.KeyMap {
	switch m.Kind() {
	case Help, Text:
		return m.close
	case Env:
		return m.picker
	case SaveBody:
		return m.open.prompt.Keys()
	case Ask:
		return m.open.question.Keys()
	case Palette:
		return palette.NewKeys()
	case Cookies:
		return cookiejar.NewKeys()
	case Retry:
		return threeway.NewKeys()
	}
	return m.question().Keys(m.confirm)
}
