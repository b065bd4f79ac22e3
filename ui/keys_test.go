package ui

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/conditional"
	"github.com/httplens/httplens/ui/field"
	"github.com/httplens/httplens/ui/overlay/confirm"
	"github.com/httplens/httplens/ui/overlay/envpicker"
	"github.com/httplens/httplens/ui/overlay/textview"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/uimsg"
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
		if ks, ok := v.Interface().(interface{ Bindings() []key.Binding }); ok {
			return ks.Bindings() // a scope made from the action table
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
		"response": newResponseKeys(km), "explain": newExplainKeys(km), "field": field.NewKeys(),
		"overlay": textview.NewKeys(), "editor": requestpane.NewEditorKeys(), "dialog": confirm.NewKeys(), "picker": envpicker.NewKeys(),
	}
}

func TestKeys(t *testing.T) {
	bound := map[string]bool{}
	for name, km := range scopes(settings.DefaultKeymap(Actions())) {
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

func TestRequestKeysOnEveryTab(t *testing.T) {
	for tab := range requestpane.TabCount {
		t.Run(requestpane.TabName(tab), func(t *testing.T) {
			k := newRequestKeys(nil)
			k.SetTab(tab)
			k.Enable(actionCondition, true)
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

// The UI's hints name the keys in force: after a rebinding they show the new key
// and no longer the default.
func TestHintsNameTheKeysInForce(t *testing.T) {
	tests := []struct {
		name      string
		rebind    settings.Keymap
		view      func(t *testing.T, m Model) string
		want, old string
	}{
		{"send, in the empty response pane", settings.Keymap{actionSend: {"f5"}},
			func(t *testing.T, m Model) string { m.resp.SetSize(80, 6); return m.resp.View() },
			"Press f5 to send the request", "ctrl+r"},
		{"cancel, in the in-flight line", settings.Keymap{actionCancel: {"ctrl+x"}},
			func(t *testing.T, m Model) string { return m.sendingText() }, "(ctrl+x cancels)", "esc"},
		{"next pane, in the single-pane bar", settings.Keymap{actionFocusNext: {"f2"}},
			func(t *testing.T, m Model) string { return m.paneBar() }, "f2: next pane", "tab"},
		{"send, on an empty History tab", settings.Keymap{actionSend: {"f5"}},
			func(t *testing.T, m Model) string {
				m.resp.SetSize(80, 12)
				m.resp.SetHistoryRows("k", nil, nil)
				m.resp, _ = m.resp.Update(uimsg.RunAction{ID: actionResponseHistory})
				return m.resp.View()
			}, "Send it with f5.", "ctrl+r"},
		{"reopen and mark, on the History tab", settings.Keymap{actionNote: {"o"}, actionMark: {"x"}},
			func(t *testing.T, m Model) string {
				m.resp.SetSize(80, 12)
				m.resp.SetHistoryRows("k", []history.Summary{{ID: 1, Status: 200}}, nil)
				m.resp, _ = m.resp.Update(uimsg.RunAction{ID: actionResponseHistory})
				return m.resp.View()
			}, "o reopens · x marks (0/2)", "space"},
		{"next and previous match, under a search", settings.Keymap{actionMatchNext: {"f3"}, actionMatchPrev: {"f4"}},
			func(t *testing.T, m Model) string {
				m.resp.SetSize(80, 10)
				m.resp.SetContent(newResponseContent(jsonExchange(`{"id":1}`), m.st))
				m.resp = press(t, m.resp, append([]tea.Msg{keyMsg("/")}, append(typeText("id"), keyMsg("enter"))...)...)
				return m.resp.View()
			}, "f3 next · f4 previous", " n next"},
		{"save-body, after a partial body", settings.Keymap{actionSaveBody: {"S"}},
			func(t *testing.T, m Model) string {
				x := jsonExchange(`{"id"`)
				x.Err = errors.New("connection reset")
				m.resp.SetSize(120, 10)
				m.resp.SetContent(newResponseContent(x, m.st))
				return m.resp.View()
			}, "arrived before the error · S saves it", "· s saves"},
		{"the body editor's keys, on the Body tab", settings.Keymap{actionEdit: {"w"}, actionEditor: {"E"}},
			func(t *testing.T, m Model) string {
				r, err := tour(t).Find("Read item")
				if err != nil {
					t.Fatal(err)
				}
				m.req.SetSize(80, 10)
				m.req.SetRequest(r)
				m.req, _ = m.req.Update(uimsg.RunAction{ID: requestpane.Body})
				return m.req.View()
			},
			"w edit · E $EDITOR", "e opens"},
		{"re-read, in the 412 explanation", settings.Keymap{actionReread: {"f9"}},
			func(t *testing.T, m Model) string {
				f := explain.PreconditionFailure(&explain.Request{Method: "PUT", Fields: []explain.Field{{Name: "If-Match", Value: `"a"`}}}, explain.Response{Status: 412})
				return conditional.Note(f, false, keyName(m.keys.Get(actionReread)))
			}, "Press f9 to re-read it", "Press R"},
		{"an unbound action says so", settings.Keymap{actionSend: {}},
			func(t *testing.T, m Model) string { m.resp.SetSize(80, 6); return m.resp.View() },
			"Press (unbound) to send", "ctrl+r"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			km := settings.DefaultKeymap(Actions())
			for a, keys := range tt.rebind {
				km[a] = keys
			}
			v := plain(tt.view(t, New(Config{Keys: km})))
			if !strings.Contains(v, tt.want) || strings.Contains(v, tt.old) {
				t.Errorf("view lacks %q or still shows %q:\n%s", tt.want, tt.old, v)
			}
		})
	}
}

// mark overrides page down (actionInfo.Overrides): on the History tab a
// key they share marks, on every other tab it pages down, whatever the key.
func TestMarkTakesPageDownKeysOnTheHistoryTab(t *testing.T) {
	km := settings.DefaultKeymap(Actions())
	km[actionMark] = []string{"pgdown"}
	if c := km.Conflicts(Actions()); len(c) != 0 {
		t.Fatalf("mark on page down's key is reported: %v", c)
	}
	// Every tab can be shown: the content says it has tests and a lab.
	c := newResponseContent(jsonExchange("{}"), NewStyles())
	c.HasTests, c.HasLab = true, true
	for tab, id := range respTabActions {
		t.Run(responsecontent.TabName(tab), func(t *testing.T) {
			p := responsepane.New(NewStyles(), newResponseKeys(km))
			p.SetContent(c)
			p, _ = p.Update(uimsg.RunAction{ID: id})
			if p.Tab() != tab {
				t.Fatalf("tab %d shown, want %d", p.Tab(), tab)
			}
			k := p.KeyMap()
			press := pressKey("pgdown")
			marks, pages := key.Matches(press, k.Get(actionMark)), key.Matches(press, k.Get(actionPageDown))
			if onHistory := tab == responsecontent.TabHistory; marks != onHistory || pages == onHistory {
				t.Errorf("pgdown marks: %v, pages down: %v", marks, pages)
			}
		})
	}
}
