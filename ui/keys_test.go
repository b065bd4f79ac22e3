package ui

import (
	"reflect"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"

	"github.com/httplens/httplens/settings"
)

// bindingsOf collects every key.Binding field of a keyMap, embedded and array
// fields included, by reflection, so that a binding left out of FullHelp is found.
func bindingsOf(v reflect.Value) []key.Binding {
	var out []key.Binding
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[key.Binding]() {
			return []key.Binding{v.Interface().(key.Binding)}
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() || v.Type().Field(i).Anonymous {
				out = append(out, bindingsOf(v.Field(i))...)
			}
		}
	case reflect.Array:
		for i := range v.Len() {
			out = append(out, bindingsOf(v.Index(i))...)
		}
	}
	return out
}

// scopes builds every scope's bindings from km, as New does from the settings.
func scopes(km settings.Keymap) map[string]help.KeyMap {
	return map[string]help.KeyMap{
		"global": newGlobalKeys(km), "tree": newTreeKeys(km), "request": newRequestKeys(km),
		"response": newResponseKeys(km), "explain": newExplainKeys(km), "field": newFieldKeys(),
		"overlay": newOverlayKeys(), "editor": newEditorKeys(), "dialog": newDialogKeys(), "picker": newPickerKeys(),
	}
}

func TestKeys(t *testing.T) {
	bound := map[string]bool{}
	for name, km := range scopes(settings.DefaultKeymap()) {
		t.Run(name, func(t *testing.T) {
			inHelp := map[string]bool{}
			for _, col := range km.FullHelp() {
				for _, b := range col {
					inHelp[b.Help().Key+b.Help().Desc] = true
				}
			}
			seen := map[string]string{}
			for _, b := range bindingsOf(reflect.ValueOf(km)) {
				h := b.Help()
				if h.Key == "" || h.Desc == "" {
					t.Errorf("binding %v has no help text", b.Keys())
				}
				if !inHelp[h.Key+h.Desc] {
					t.Errorf("binding %q (%s) is missing from FullHelp", h.Key, h.Desc)
				}
				for _, k := range b.Keys() {
					bound[k] = true
					if !b.Enabled() {
						continue
					}
					if other, dup := seen[k]; dup {
						t.Errorf("key %q bound to both %q and %q", k, other, h.Desc)
					}
					seen[k] = h.Desc
				}
			}
		})
	}
	t.Run("contract keys are bound", func(t *testing.T) {
		for _, k := range []string{"ctrl+r", "esc", "tab", "shift+tab", "/", "enter", "ctrl+s", "?", "q", "ctrl+c"} {
			if !bound[k] {
				t.Errorf("contract key %q is not bound in any scope", k)
			}
		}
	})
}

func TestSearchKeysEnabledOnlyWithMatches(t *testing.T) {
	k := newResponseKeys(nil)
	if k.NextMatch.Enabled() || k.EndSearch.Enabled() {
		t.Fatal("match keys enabled before any search")
	}
	k.setSearching(true)
	if !k.NextMatch.Enabled() || !k.PrevMatch.Enabled() {
		t.Fatal("match keys disabled during a search")
	}
}

func TestRequestKeysOnEveryTab(t *testing.T) {
	for tab := range reqTabCount {
		t.Run(reqTabName(tab), func(t *testing.T) {
			k := newRequestKeys(nil)
			k.setTab(tab)
			k.Condition.SetEnabled(true)
			seen := map[string]string{}
			for _, b := range bindingsOf(reflect.ValueOf(k)) {
				if !b.Enabled() {
					continue
				}
				for _, key := range b.Keys() {
					if other, dup := seen[key]; dup {
						t.Errorf("key %q bound to both %q and %q", key, other, b.Help().Desc)
					}
					seen[key] = b.Help().Desc
				}
			}
		})
	}
}
