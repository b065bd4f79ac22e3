package settings

import (
	"fmt"
	"slices"
	"strings"
)

// Action is the id of something a key can do; the settings file binds keys to it
// under [keys]. The program declares its actions (their ids, scopes, help and
// default keys) and hands them to Load, Parse, Defaults and DefaultFile: settings
// knows how keys are bound and checked, not what the actions are.
type Action string

// Scope is where an action's keys act: everywhere, or in one pane when it has focus.
type Scope string

// ScopeGlobal is the scope of keys that act everywhere; they are matched before a
// pane's. The other scopes are the program's to name.
const ScopeGlobal Scope = "global"

// ActionInfo describes one action: the help and palette text, where its keys act,
// and its default keys.
type ActionInfo struct {
	ID Action
	// Help is the short text of the footer, the help overlay and the palette.
	Help   string
	Scopes []Scope
	// Keys are the default keys, in bubbletea's key names ("ctrl+r", "esc", "?").
	Keys []string
	// Contextual actions act only in some state (a request in flight, a filter
	// typed); a global and a pane action may share a key when both are.
	Contextual bool
	// Overrides are actions of the same scope that give up a key they share with
	// this one where this one acts (mark takes space from page down on the History
	// tab), so sharing a key with them is no conflict.
	Overrides []Action
}

// Keymap binds each action to its keys. An action with no keys is unbound.
type Keymap map[Action][]string

// DefaultKeymap returns every action of acts bound to its default keys.
func DefaultKeymap(acts []ActionInfo) Keymap {
	// Every TUI start makes it (~90 actions): the map made to size, and the
	// keys copied into one array, each action's a slice of it capped at its
	// length, so that an append to one never writes into the next (issue 24).
	n := 0
	for _, a := range acts {
		n += len(a.Keys)
	}
	all := make([]string, 0, n)
	k := make(Keymap, len(acts))
	for _, a := range acts {
		if a.Keys == nil {
			k[a.ID] = nil // as slices.Clone of nil
			continue
		}
		from := len(all)
		all = append(all, a.Keys...)
		k[a.ID] = all[from:len(all):len(all)]
	}
	return k
}

// Keys returns the keys bound to a, in bubbletea's key names.
func (k Keymap) Keys(a Action) []string { return k[a] }

// Conflict is one key bound to two actions that can both act where it is pressed:
// in the same scope, or a global action over a pane's (the global one would win).
type Conflict struct {
	Key     string
	Actions [2]Action
	// Scopes are where the two meet.
	Scopes []Scope
}

func (c Conflict) String() string {
	names := make([]string, len(c.Scopes))
	for i, s := range c.Scopes {
		names[i] = string(s)
	}
	return fmt.Sprintf("key %q is bound to both %s and %s (%s)", keyLabel(c.Key), c.Actions[0], c.Actions[1],
		strings.Join(names, ", "))
}

// Conflicts returns every key bound to two actions of acts that meet, in the order
// of acts. ctrl+h and backspace count as one key: many terminals send one for the
// other.
func (k Keymap) Conflicts(acts []ActionInfo) []Conflict { return k.conflicts(acts, nil) }

// conflicts is Conflicts; with only, just those of pairs where one of the two
// is in only (the actions the settings file binds: the others' defaults have
// no conflict), in the same order.
func (k Keymap) conflicts(acts []ActionInfo, only map[Action]bool) []Conflict {
	// Each action's keys and whether it is checked, looked up once: the pairs
	// are ~4,000 for the TUI's table, and two map lookups a pair were most of a
	// settings file's reading when it has [keys] (issue 24).
	keysOf := make([][]string, len(acts))
	check := make([]bool, len(acts))
	for i, a := range acts {
		keysOf[i], check[i] = k[a.ID], only == nil || only[a.ID]
	}
	var out []Conflict
	for i, a := range acts {
		for j := i + 1; j < len(acts); j++ {
			if !check[i] && !check[j] {
				continue
			}
			b := acts[j]
			// Keys first: most pairs share none, and comparing keys costs no
			// allocation where meet's scope lists would (every run of send reads
			// the settings file, which checks the file's keys for conflicts).
			keys := sharedKeys(keysOf[i], keysOf[j])
			if len(keys) == 0 {
				continue
			}
			scopes := meet(a, b)
			if len(scopes) == 0 {
				continue
			}
			for _, key := range keys {
				out = append(out, Conflict{Key: key, Actions: [2]Action{a.ID, b.ID}, Scopes: scopes})
			}
		}
	}
	return out
}

// meet returns the scopes where a key of a and one of b would both act.
func meet(a, b ActionInfo) []Scope {
	if slices.Contains(a.Overrides, b.ID) || slices.Contains(b.Overrides, a.ID) {
		return nil
	}
	var out []Scope
	for _, s := range a.Scopes {
		if slices.Contains(b.Scopes, s) {
			out = append(out, s)
		}
	}
	if len(out) > 0 || (a.Contextual && b.Contextual) {
		return out
	}
	// A global key is matched before the focused pane's, so it hides the pane's.
	if slices.Equal(a.Scopes, []Scope{ScopeGlobal}) {
		return b.Scopes
	}
	if slices.Equal(b.Scopes, []Scope{ScopeGlobal}) {
		return a.Scopes
	}
	return nil
}

func sharedKeys(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if sameKey(x, y) && !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	return out
}

func sameKey(a, b string) bool {
	alias := func(k string) string {
		if k == "ctrl+h" {
			return "backspace"
		}
		return k
	}
	return alias(a) == alias(b)
}

// keyLabel shows a key for people: the space bar is "space".
func keyLabel(k string) string {
	if k == " " {
		return "space"
	}
	return k
}
