package ui

import (
	"fmt"

	"github.com/httplens/httplens/settings"
)

// useKeymap binds every scope's actions to the keys of km (nil: the defaults). New
// calls it before any state is set, so the bindings' enabled states are those
// their constructors give.
func (m *Model) useKeymap(km settings.Keymap) {
	m.keys = newGlobalKeys(km)
	m.tree.keys = newTreeKeys(km)
	m.req.keys = newRequestKeys(km)
	m.resp.keys = newResponseKeys(km)
	m.expl.keys = newExplainKeys(km)
}

// showNotices opens the start-up notices (the settings file's problems), if any,
// in a text overlay the user closes with esc.
func (m *Model) showNotices() {
	if len(m.cfg.Notices) == 0 {
		return
	}
	lines := make([]string, 0, len(m.cfg.Notices)+2)
	for _, n := range m.cfg.Notices {
		lines = append(lines, sanitizeString(n))
	}
	lines = append(lines, "", "Everything else works; what is listed keeps its default.")
	title := "Settings: 1 problem"
	if len(m.cfg.Notices) > 1 {
		title = fmt.Sprintf("Settings: %d problems", len(m.cfg.Notices))
	}
	m.openText(title, lines)
}
