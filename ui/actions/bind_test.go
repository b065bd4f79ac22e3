package actions

import (
	"slices"
	"testing"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/nav"
	"github.com/httplens/httplens/ui/tree"
)

// Bind makes each scope's set with the settings' keys, and a contextual global
// action starts off while a plain one is on.
func TestBind(t *testing.T) {
	g := []settings.Scope{settings.ScopeGlobal}
	rows := []keyset.Row{
		{ActionInfo: settings.ActionInfo{ID: "send", Scopes: g, Keys: []string{"ctrl+r"}}},
		{ActionInfo: settings.ActionInfo{ID: "cancel", Scopes: g, Keys: []string{"esc"}, Contextual: true}},
	}
	for _, r := range Panes() {
		rows = append(rows, r.Row)
	}
	k := Bind(rows, settings.Keymap{tree.Filter: {"f"}}, "send", "cancel")
	if !k.Global.Get("send").Enabled() || k.Global.Get("cancel").Enabled() {
		t.Errorf("send on %v, cancel on %v", k.Global.Get("send").Enabled(), k.Global.Get("cancel").Enabled())
	}
	if got := k.Tree.Get(tree.Filter).Keys(); !slices.Equal(got, []string{"f"}) {
		t.Errorf("filter keys %q, want the settings' f", got)
	}
	for name, s := range map[string]keyset.Set{"request": k.Request, "response": k.Response.Set, "explain": k.Explain} {
		if !s.Get(nav.Down).Enabled() {
			t.Errorf("down is off in the %s scope", name)
		}
	}
	if k.Request.Get(tree.Filter).Enabled() {
		t.Error("the tree's filter is bound in the request scope")
	}
}
