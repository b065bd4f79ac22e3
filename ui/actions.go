package ui

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
)

// actionList is every action of the TUI, from the settings table. Help, the
// palette and the key bindings all come from it, so they never disagree.
func actionList() []settings.ActionInfo { return settings.Actions() }

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
// nothing of it (a nil keymap, as the panes' constructors use).
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

// keyName is the key of b for a hint in the UI ("Press ctrl+r to send"), as help
// shows it, so the hint follows a rebinding; an unbound action says so.
func keyName(b key.Binding) string {
	if k := b.Help().Key; k != "" {
		return k
	}
	return "(unbound)"
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
