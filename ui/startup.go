package ui

import (
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/actions"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/notices"
	"github.com/httplens/httplens/ui/tree"
	"github.com/httplens/httplens/ui/treeedits"
)

// useKeymap binds every scope's actions to the keys of km (nil: the defaults),
// and tells the tree's edits the keys its messages name. New calls it before
// any state is set, so the bindings' enabled states are those their
// constructors give.
func (m *Model) useKeymap(km settings.Keymap) {
	m.keys = newGlobalKeys(km)
	m.tree.SetKeys(newTreeKeys(km))
	m.req.SetKeys(newKeySet(km, actions.Request))
	m.resp.SetKeys(newResponseKeys(km))
	m.expl.Keys = newExplainKeys(km)
	m.edits = treeedits.Edits{DemoURL: m.cfg.DemoURL,
		NewFileKey: keyset.Name(m.tree.Keys.Get(tree.NewFile)), SaveKey: keyset.Name(m.keys.Get(actionSave))}
}

// showNotices opens the start-up notices (the settings file's problems), if any,
// in a text overlay the user closes with esc.
func (m *Model) showNotices() {
	if len(m.cfg.Notices) > 0 {
		m.openText(notices.Overlay(m.cfg.SettingsFile, m.cfg.Notices))
	}
}
