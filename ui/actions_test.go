package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/overlay/palette"
	"github.com/httplens/httplens/ui/uimsg"
)

// Every action of the table is reachable both ways: each default key, pressed
// where the action's scope is, is matched to it (once its binding is enabled, for
// a contextual action); and the palette lists it, finds it by its help text and
// has a handler to run. A row added to the table passes this test with nothing
// else to write: the keys, help, hint line and palette all come from the row.
func TestEveryActionIsReachableFromKeysAndPalette(t *testing.T) {
	m := New(Config{})
	entries := m.catalog().Entries()
	seen := map[settings.Action]bool{}
	for _, a := range actionTable() {
		t.Run(string(a.ID), func(t *testing.T) {
			if seen[a.ID] {
				t.Fatalf("listed twice")
			}
			seen[a.ID] = true
			if a.Help == "" || len(a.Scopes) == 0 || len(a.Keys) == 0 || a.run == nil {
				t.Fatalf("lacks help, scope, keys or handler: %+v", a.ActionInfo)
			}
			for _, s := range a.Scopes {
				ks := newKeySet(nil, s)
				ks.Enable(a.ID, true)
				if a.ID == actionMark {
					// mark acts on the History tab only, where page down gives it space.
					p, _ := newResponsePane(m.st).Update(uimsg.RunAction{ID: actionResponseHistory})
					ks = p.KeyMap().Set
				}
				for _, k := range a.Keys {
					msg, ok := keyMsgFor(k)
					if !ok {
						t.Fatalf("default key %q cannot be pressed", k)
					}
					if id, ok := ks.Match(msg); !ok || id != a.ID {
						t.Errorf("%q in scope %s runs %q, not %s", k, s, id, a.ID)
					}
				}
			}
			if !slices.ContainsFunc(collectionActions(), func(c action) bool { return c.ID == a.ID }) {
				return // the traffic view's own: its help lists it (TestTrafficHelpListsItsKeys)
			}
			i := slices.IndexFunc(entries, func(e palette.Entry) bool { return e.Info.ID == a.ID })
			if i < 0 || func() bool { a, _ := m.action(entries[i].Info.ID); return a.run == nil }() {
				t.Fatalf("the palette does not list it with a handler")
			}
			hits := palette.Matches(entries, a.Help)
			if !slices.ContainsFunc(hits, func(e palette.Entry) bool { return e.Info.ID == a.ID }) {
				t.Errorf("the palette does not find it by %q", a.Help)
			}
		})
	}
	if len(Actions()) != len(actionTable()) {
		t.Errorf("Actions lists %d actions, the table %d", len(Actions()), len(actionTable()))
	}
	if c := settings.DefaultKeymap(Actions()).Conflicts(Actions()); len(c) != 0 {
		t.Errorf("conflicts in the defaults: %v", c)
	}
}

// The palette runs an action through its handler: an action bound to no key
// still runs, in the pane it belongs to, and no key press is made up for it.
func TestPaletteRunsTheHandler(t *testing.T) {
	km := settings.DefaultKeymap(Actions())
	km[actionRequestBody] = nil
	km[actionFocusNext] = nil
	m := openModel(t, Config{Keys: km})
	if m.focus != paneTree {
		t.Fatalf("focus starts on %v", m.focus)
	}
	run := func(m Model, query string) Model {
		m, _ = drive(t, m, pressKey("ctrl+p"))
		m, _ = drive(t, m, typeText(query)...)
		m, _ = drive(t, m, keyMsg("enter"))
		return m
	}
	m = run(m, "next pane")
	if m.focus != paneRequest || m.errMsg {
		t.Fatalf("the unbound next-pane did not run: focus %v, status %q", m.focus, m.status)
	}
	m = run(m, "filter")
	if m.focus != paneTree || !m.tree.Editing() {
		t.Fatalf("filter did not focus the tree and start the filter: focus %v", m.focus)
	}
}

// An action that cannot act now is not run from the palette: the status line
// says why, and the palette greys it.
func TestPaletteSaysWhyAnActionIsDisabled(t *testing.T) {
	m := openModel(t, Config{})
	if why := m.disabledReason(mustAction(t, actionCancel)); why != "nothing is in flight" {
		t.Errorf("cancel's reason is %q", why)
	}
	m, _ = drive(t, m, pressKey("ctrl+p"))
	m, _ = drive(t, m, typeText("cancel the request")...)
	m, _ = drive(t, m, keyMsg("enter"))
	if !m.errMsg || !strings.Contains(m.status, "nothing is in flight") {
		t.Errorf("status %q, error %v", m.status, m.errMsg)
	}
	if why := m.disabledReason(mustAction(t, actionMatchNext)); why == "" {
		t.Error("next match is runnable with no search")
	}
	if why := m.disabledReason(mustAction(t, actionSend)); why != "" {
		t.Errorf("send is disabled: %q", why)
	}
}

func mustAction(t *testing.T, id settings.Action) action {
	t.Helper()
	a, ok := lookupAction(id)
	if !ok {
		t.Fatalf("no action %s", id)
	}
	return a
}

// The hint line comes from the table's hint column, in its order.
func TestHintLineFromTheTable(t *testing.T) {
	var got []string
	for _, b := range newGlobalKeys(nil).ShortHelp() {
		got = append(got, b.Help().Desc)
	}
	want := []string{"send the request", "cancel the request in flight", "save edits", "re-read after 412/428", "this request's C and P answers", "next pane", "help", "quit"}
	if !slices.Equal(got, want) {
		t.Errorf("global hints %q, want %q", got, want)
	}
	var b key.Binding = newExplainKeys(nil).ShortHelp()[0]
	if b.Help().Desc != "down" {
		t.Errorf("the explain panel's first hint is %q", b.Help().Desc)
	}
}
