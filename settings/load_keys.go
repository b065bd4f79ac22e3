package settings

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// keymap reads [keys]: each action id bound to a key or a list of keys. An
// action the file leaves out keeps its default keys; [] unbinds it.
func (l *loader) keymap(s *Settings, p toml.Primitive) {
	t, ok := l.table(p)
	if !ok {
		return
	}
	if l.lazy != nil {
		l.acts = l.lazy()
		s.Keys = DefaultKeymap(l.acts)
	}
	var ids []string
	for _, a := range l.acts {
		ids = append(ids, string(a.ID))
	}
	l.keys = map[Action]bool{}
	for id, q := range t {
		if !slices.Contains(ids, id) {
			l.unknown(q, id, ids)
			continue
		}
		l.prims["keys."+id] = q
		def := quoteList(s.Keys[Action(id)])
		l.decode(q, func(v any) error {
			keys, err := keyList(v)
			if err != nil {
				return fmt.Errorf("%v; using the default %s", err, def)
			}
			s.Keys[Action(id)] = keys
			l.keys[Action(id)] = true
			return nil
		})
	}
}

// keyList takes a key or a list of keys, each checked and named as bubbletea names it.
func keyList(v any) ([]string, error) {
	var raw []any
	switch x := v.(type) {
	case string:
		raw = []any{x}
	case []any:
		raw = x
	default:
		return nil, fmt.Errorf("%s is not allowed: use a key such as \"ctrl+r\" or a list of keys", show(v))
	}
	keys := []string{}
	for _, r := range raw {
		k, ok := r.(string)
		if !ok {
			return nil, fmt.Errorf("%s is not a key: keys are strings such as \"ctrl+r\"", show(r))
		}
		c, err := canonicalKey(k)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(keys, c) {
			keys = append(keys, c)
		}
	}
	return keys, nil
}

// themes reads [themes.NAME] tables.
func (l *loader) themes(s *Settings, p toml.Primitive) {
	t, ok := l.table(p)
	if !ok {
		return
	}
	s.Themes = map[string]Theme{}
	for name, q := range t {
		if builtinTheme(name) {
			l.fail(q, fmt.Sprintf("%q is a built-in theme; give yours another name; ignored", name))
			continue
		}
		tt, ok := l.table(q)
		if !ok {
			continue
		}
		s.Themes[name] = l.theme(tt)
	}
}

func (l *loader) theme(t map[string]toml.Primitive) Theme {
	th := Theme{Base: ThemeAuto}
	known := []string{"base"}
	for _, r := range Roles() {
		known = append(known, string(r))
	}
	for key, q := range t {
		switch {
		case key == "base":
			l.decode(q, func(v any) error {
				b, ok := v.(string)
				if !ok || !builtinTheme(b) {
					return fmt.Errorf("%s is not allowed: use \"auto\", \"dark\", \"light\" or \"high-contrast\"; using \"auto\"", show(v))
				}
				th.Base = b
				return nil
			})
		case isRole(key):
			l.decode(q, func(v any) error {
				c, ok := v.(string)
				if !ok {
					return fmt.Errorf("%s is not a colour: use \"#rrggbb\", \"#rgb\" or an ANSI number such as \"33\"; the base's colour is used", show(v))
				}
				if err := checkColor(c); err != nil {
					return fmt.Errorf("%v; the base's colour is used", err)
				}
				if th.Colors == nil {
					th.Colors = map[Role]string{}
				}
				th.Colors[Role(key)] = c
				return nil
			})
		default:
			l.unknown(q, key, known)
		}
	}
	return th
}

// checkTheme runs after the walk, when every user theme is known.
func (l *loader) checkTheme(s *Settings) {
	name := s.UI.Theme
	if builtinTheme(name) {
		return
	}
	if _, ok := s.Themes[name]; ok {
		return
	}
	var names []string
	for n := range s.Themes {
		names = append(names, quote(n))
	}
	slices.Sort(names)
	allowed := `"auto", "dark", "light" or "high-contrast"`
	if len(names) > 0 {
		allowed = `"auto", "dark", "light", "high-contrast" or ` + strings.Join(names, ", ")
	}
	s.UI.Theme = ThemeAuto
	l.fail(l.prims["ui.theme"], fmt.Sprintf("%s is not a theme: use %s, or define it under [themes.%s]; using \"auto\"",
		quote(name), allowed, name))
}

// checkConflicts reports keys the file bound to two actions that meet. The
// bindings stay as written: the report says which to change.
func (l *loader) checkConflicts(s *Settings) {
	if len(l.keys) == 0 {
		return // only keys the file binds are reported: the defaults have no conflict
	}
	for _, c := range s.Keys.conflicts(l.acts, l.keys) {
		for i, a := range c.Actions {
			if l.keys[a] {
				other := c.Actions[1-i]
				l.fail(l.prims["keys."+string(a)], fmt.Sprintf("%q is also bound to %s (%s); change one of them",
					keyLabel(c.Key), other, scopeList(c.Scopes)))
				break
			}
		}
	}
}

func scopeList(scopes []Scope) string {
	names := make([]string, len(scopes))
	for i, s := range scopes {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}
