package dialogs

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/overlay/palette"
)

// Catalog is the root's action table as the palette and the help overlay list
// it: handed in as data, so this package needs nothing else of the root.
type Catalog struct {
	Rows []Row           // every action, in the table's order
	Keys settings.Keymap // the keys in force; nil: the defaults
	// Scopes titles the scopes, in the order help shows their groups (after
	// "Global" and "Every pane"); a scope not listed is titled by its name.
	Scopes []Scope
	// OwnHelp is a scope whose actions another view's help lists (the traffic
	// view): help groups the actions by their other scopes only.
	OwnHelp settings.Scope
}

// Row is one action and whether it can act now.
type Row struct {
	settings.ActionInfo
	Disabled bool
}

// Scope is a scope and its title in the palette and the help.
type Scope struct {
	ID    settings.Scope
	Title string
}

// title names scope s.
func (c Catalog) title(s settings.Scope) string {
	for _, t := range c.Scopes {
		if t.ID == s {
			return t.Title
		}
	}
	if s == "" {
		return ""
	}
	return strings.ToUpper(string(s[:1])) + string(s[1:])
}

// Entries lists every action with the keys bound to it now, as the palette
// lists them.
func (c Catalog) Entries() []palette.Entry {
	out := make([]palette.Entry, len(c.Rows))
	for i, a := range c.Rows {
		keys := keyset.KeysFor(c.Keys, a.ActionInfo)
		where := c.title(a.Scopes[0])
		if len(a.Scopes) > 1 {
			where = "panes"
		}
		label := ""
		if len(keys) > 0 {
			label = keyset.Label(keys)
		}
		out[i] = palette.Entry{Info: a.ActionInfo, Keys: keys, Label: label, Where: where, Disabled: a.Disabled}
	}
	return out
}

// Group is one group of actions in the help overlay, as a help.KeyMap.
type Group struct {
	Name string
	Cols [][]key.Binding
}

func (g Group) ShortHelp() []key.Binding { return nil }

func (g Group) FullHelp() [][]key.Binding { return g.Cols }

// helpRows is how many bindings a column of a help group holds at most.
const helpRows = 8

// HelpGroups groups the entries by where they act (actions of several scopes
// together), in columns of at most helpRows bindings. An action of OwnHelp alone
// is left out.
func (c Catalog) HelpGroups() []Group {
	order := []string{c.title(settings.ScopeGlobal), "Every pane"}
	for _, s := range c.Scopes {
		if s.ID != settings.ScopeGlobal {
			order = append(order, s.Title)
		}
	}
	groups := map[string][]key.Binding{}
	for _, e := range c.Entries() {
		scopes := slices.DeleteFunc(slices.Clone(e.Info.Scopes), func(s settings.Scope) bool { return s == c.OwnHelp })
		if len(scopes) == 0 {
			continue // only that view's help lists it
		}
		name := c.title(scopes[0])
		if len(scopes) > 1 {
			name = "Every pane"
			if len(scopes) == 2 {
				name = c.title(scopes[0]) + " and " + c.title(scopes[1])
			}
		}
		if _, ok := groups[name]; !ok && !slices.Contains(order, name) {
			order = append(order, name)
		}
		b := key.NewBinding(key.WithKeys(e.Keys...), key.WithHelp(keyset.Label(e.Keys), e.Info.Help))
		groups[name] = append(groups[name], b)
	}
	var out []Group
	for _, name := range order {
		bs := groups[name]
		if len(bs) == 0 {
			continue
		}
		g := Group{Name: name}
		for len(bs) > 0 {
			n := min(len(bs), helpRows)
			g.Cols, bs = append(g.Cols, bs[:n]), bs[n:]
		}
		out = append(out, g)
	}
	return out
}
