package actions

import (
	"testing"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/exchangelist"
	"github.com/httplens/httplens/ui/layout"
	"github.com/httplens/httplens/ui/nav"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/tree"
)

func info(t *testing.T, id settings.Action) settings.ActionInfo {
	t.Helper()
	for _, r := range Panes() {
		if r.ID == id {
			return r.ActionInfo
		}
	}
	t.Fatalf("no pane action %s", id)
	return settings.ActionInfo{}
}

// A pane action runs in the focused pane when it acts there, else in the first
// pane of its scopes.
func TestPaneFor(t *testing.T) {
	for _, c := range []struct {
		id            settings.Action
		focused, want layout.Pane
	}{
		{nav.Down, layout.Explain, layout.Explain},
		{nav.Down, layout.Request, layout.Request},
		{tree.Filter, layout.Response, layout.Tree},
		{requestpane.Editor, layout.Explain, layout.Request},
		{requestpane.Editor, layout.Request, layout.Request},
	} {
		if got := PaneFor(info(t, c.id), c.focused); got != c.want {
			t.Errorf("%s from %v runs in %v, want %v", c.id, c.focused, got, c.want)
		}
	}
}

// Only the traffic view's own rows are left out of the collection view; the
// movement keys it shares stay.
func TestInCollection(t *testing.T) {
	if InCollection(info(t, exchangelist.SaveRequest)) {
		t.Error("save as request is in the collection view")
	}
	if !InCollection(info(t, nav.Down)) || !InCollection(info(t, nav.TabNext)) {
		t.Error("a shared movement key is left out of the collection view")
	}
}

// Each row is complete, and its id is declared once.
func TestRowsAreComplete(t *testing.T) {
	seen := map[settings.Action]bool{}
	for _, r := range Panes() {
		if seen[r.ID] {
			t.Errorf("%s declared twice", r.ID)
		}
		seen[r.ID] = true
		if r.Help == "" || len(r.Scopes) == 0 || len(r.Keys) == 0 {
			t.Errorf("%s lacks help, scopes or keys", r.ID)
		}
		if r.Tab != (len(r.Scopes) == len(PaneScopes)) {
			t.Errorf("%s: Tab %v with scopes %v", r.ID, r.Tab, r.Scopes)
		}
	}
}
