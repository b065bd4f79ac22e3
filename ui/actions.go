package ui

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
)

// Actions of the TUI that the settings table does not hold yet: they keep their
// default keys, and help and the palette list them with the others.
const (
	actionCheck    settings.Action = "check"
	actionCookies  settings.Action = "cookies"
	actionNote     settings.Action = "note"
	actionMark     settings.Action = "mark"
	actionSaveBody settings.Action = "save-body"
	actionInsecure settings.Action = "insecure"

	actionResponseHistory settings.Action = "response-history"
)

// uiActions describes the actions above, as settings.Actions describes its own.
func uiActions() []settings.ActionInfo {
	g := []settings.Scope{settings.ScopeGlobal}
	resp := []settings.Scope{settings.ScopeResponse}
	return []settings.ActionInfo{
		{ID: actionCheck, Help: "check the resource", Scopes: g, Keys: []string{"C"}},
		{ID: actionCookies, Help: "cookies of this environment", Scopes: g, Keys: []string{"ctrl+k"}},
		{ID: actionResponseHistory, Help: "History tab", Scopes: resp, Keys: []string{"5"}},
		{ID: actionNote, Help: "header note / reopen", Scopes: resp, Keys: []string{"enter"}, Contextual: true},
		{ID: actionMark, Help: "mark two to diff", Scopes: resp, Keys: []string{" "}, Contextual: true},
		{ID: actionSaveBody, Help: "save body to a file", Scopes: resp, Keys: []string{"s"}, Contextual: true},
		{ID: actionInsecure, Help: "resend, certificate unchecked", Scopes: resp, Keys: []string{"i"}, Contextual: true},
	}
}

// actionList is every action of the TUI: the settings table, then the TUI's own.
// Help, the palette and the key bindings all come from it, so they never disagree.
func actionList() []settings.ActionInfo {
	return append(settings.Actions(), uiActions()...)
}

// actionInfo returns the description of action a.
func actionInfo(a settings.Action) settings.ActionInfo {
	for _, info := range actionList() {
		if info.ID == a {
			return info
		}
	}
	return settings.ActionInfo{ID: a, Help: string(a)}
}

// keysFor returns the keys bound to info in km, or its defaults when km says
// nothing of it (a nil keymap, or an action the settings file cannot bind).
func keysFor(km settings.Keymap, info settings.ActionInfo) []string {
	if keys, ok := km[info.ID]; ok {
		return keys
	}
	return info.Keys
}

// actionBinding is the binding of action a: the keys km gives it and the help text
// of the action table. An action bound to no key is a disabled binding.
func actionBinding(km settings.Keymap, a settings.Action) key.Binding {
	info := actionInfo(a)
	keys := keysFor(km, info)
	if len(keys) == 0 {
		b := key.NewBinding(key.WithHelp("", info.Help))
		b.SetEnabled(false)
		return b
	}
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keysLabel(keys), info.Help))
}

// keysLabel shows a binding's keys for help, briefly: the first key, and the
// second when both are short ("↑/k", "g/home"; "q" for q and ctrl+c).
func keysLabel(keys []string) string {
	names := map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", " ": "space", "pgdown": "pgdn"}
	out := make([]string, 0, 2)
	for _, k := range keys[:min(len(keys), 2)] {
		if n, ok := names[k]; ok {
			k = n
		}
		out = append(out, k)
	}
	if len(out) == 2 && utf8.RuneCountInString(out[0]+out[1]) > 6 {
		out = out[:1]
	}
	return strings.Join(out, "/")
}

// keyMsgFor builds the key press bubbletea reports for the key name k, so that the
// palette can run an action exactly as its key would. ok is false for a name
// bubbletea never reports.
func keyMsgFor(k string) (tea.KeyMsg, bool) {
	alt := false
	if rest, ok := strings.CutPrefix(k, "alt+"); ok && rest != "" {
		alt, k = true, rest
	}
	if utf8.RuneCountInString(k) == 1 && k != " " {
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k), Alt: alt}, true
	}
	// bubbletea's key types run from its special keys (negative) to DEL (127).
	for t := tea.KeyType(-200); t <= 127; t++ {
		if t == tea.KeyRunes {
			continue
		}
		msg := tea.KeyMsg{Type: t, Alt: alt}
		if t == tea.KeySpace {
			msg.Runes = []rune{' '}
		}
		if msg.String() == prefixAlt(alt)+k {
			return msg, true
		}
	}
	return tea.KeyMsg{}, false
}

func prefixAlt(alt bool) string {
	if alt {
		return "alt+"
	}
	return ""
}

// inScope reports whether info's keys act in scope s.
func inScope(info settings.ActionInfo, s settings.Scope) bool {
	return slices.Contains(info.Scopes, s)
}

// Conflicts reports keys that an action of the TUI's own (those settings.Keymap
// cannot bind) shares with an action of km where both act, in the words
// settings.Conflict uses. Mark and page down are no conflict: page down gives up
// mark's keys on the History tab, the one place mark acts.
func Conflicts(km settings.Keymap) []string {
	var out []string
	for _, a := range uiActions() {
		for _, b := range settings.Actions() {
			if a.ID == actionMark && b.ID == settings.ActionPageDown || !meets(a, b) {
				continue
			}
			for _, k := range keysFor(km, a) {
				if slices.Contains(keysFor(km, b), k) {
					out = append(out, fmt.Sprintf("key %q is bound to both %s and %s; change %s under [keys]",
						keysLabel([]string{k}), a.ID, b.ID, b.ID))
				}
			}
		}
	}
	return out
}

// meets reports whether a key of a and one of b can act at the same place: a
// shared scope, or a global action over a pane's, unless both act only at times.
func meets(a, b settings.ActionInfo) bool {
	for _, s := range a.Scopes {
		if inScope(b, s) {
			return true
		}
	}
	if a.Contextual && b.Contextual {
		return false
	}
	return inScope(a, settings.ScopeGlobal) || inScope(b, settings.ScopeGlobal)
}
