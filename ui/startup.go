package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/treeedits"
)

// useKeymap binds every scope's actions to the keys of km (nil: the defaults),
// and tells the tree's edits the keys its messages name. New calls it before
// any state is set, so the bindings' enabled states are those their
// constructors give.
func (m *Model) useKeymap(km settings.Keymap) {
	m.keys = newGlobalKeys(km)
	m.tree.Keys = newTreeKeys(km).keySet
	m.req.SetKeys(newKeySet(km, scopeRequest))
	m.resp.SetKeys(newResponseKeys(km))
	m.expl.Keys = newExplainKeys(km).keySet
	m.edits = treeedits.Edits{DemoURL: m.cfg.DemoURL,
		NewFileKey: keyName(m.tree.Keys.Get(actionNewFile)), SaveKey: keyName(m.keys.Get(actionSave))}
}

// noticeWidth is the width notices wrap to: an overlay on an 80-column terminal.
const noticeWidth = 72

// showNotices opens the start-up notices (the settings file's problems), if any,
// in a text overlay the user closes with esc. The file is named once; each
// problem keeps its line and key, wrapped rather than cut.
func (m *Model) showNotices() {
	if len(m.cfg.Notices) == 0 {
		return
	}
	var lines []string
	add := func(text, indent string) {
		for i, l := range strings.Split(wrapText(termtext.String(text), noticeWidth), "\n") {
			if i > 0 {
				l = indent + l
			}
			lines = append(lines, l)
		}
	}
	file := m.cfg.SettingsFile
	if file != "" {
		add("File: "+file, "  ")
		lines = append(lines, "")
	}
	for _, n := range m.cfg.Notices {
		if file != "" {
			n = strings.ReplaceAll(n, file+":", filepath.Base(file)+":")
		}
		add(n, "    ")
	}
	lines = append(lines, "", "Everything else works; what is listed keeps its default.")
	title := "Settings: 1 problem"
	if len(m.cfg.Notices) > 1 {
		title = fmt.Sprintf("Settings: %d problems", len(m.cfg.Notices))
	}
	m.openText(title, lines)
}
