package actions

import (
	"slices"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/keyset"
	rp "github.com/httplens/httplens/ui/responsepane"
)

// Keys are the collection view's bindings, one set per scope.
type Keys struct {
	Global, Tree, Request, Explain keyset.Set
	Response                       rp.Keys
}

// Bind binds the actions of rows (the whole table, global actions included) to
// the keys km gives them (nil: the defaults). Global keys work from any pane,
// unless a text field is being edited (see Route). A contextual global action
// (cancel, save, re-read, ...) waits for its state, so it starts off: nothing is
// in flight, edited or answered yet. The response pane's hints name the global
// send and cancel keys.
func Bind(rows []keyset.Row, km settings.Keymap, send, cancel settings.Action) Keys {
	g := keyset.New(rows, km, settings.ScopeGlobal)
	k := Keys{Global: g, Tree: keyset.New(rows, km, Tree), Request: keyset.New(rows, km, Request),
		Explain: keyset.New(rows, km, Explain), Response: rp.NewKeys(keyset.New(rows, km, Response), g.Get(send), g.Get(cancel))}
	var off []keyset.Switch
	for _, r := range rows {
		if r.Contextual && slices.Contains(r.Scopes, settings.ScopeGlobal) {
			off = append(off, keyset.Switch{ID: r.ID})
		}
	}
	k.Global.EnableAll(off...)
	return k
}
