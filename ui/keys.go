package ui

import (
	"slices"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/actions"
	"github.com/httplens/httplens/ui/explainview"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/tree"
)

// newGlobalKeys binds the global actions to the keys km gives them (nil: the
// defaults); the constructors below do the same for each pane's scope. Global
// keys work from any pane, unless a text field is being edited (then only the
// control-key bindings act). A contextual global action (cancel, save, re-read,
// answers) waits for its state, so it starts off: nothing is in flight, edited or
// answered yet.
func newGlobalKeys(km settings.Keymap) keySet {
	k := newKeySet(km, settings.ScopeGlobal)
	for _, r := range tableRows() {
		if r.Contextual && slices.Contains(r.Scopes, settings.ScopeGlobal) {
			k.Enable(r.ID, false)
		}
	}
	return k
}

func newTreeKeys(km settings.Keymap) keySet { return newKeySet(km, actions.Tree) }

// newTreePane is the collection pane with the default keys.
func newTreePane(st Styles) tree.Model { return tree.New(st, newTreeKeys(nil)) }

// newRequestPane is the request pane with the default keys.
func newRequestPane(st Styles) requestpane.Model {
	return requestpane.New(st, newKeySet(nil, actions.Request))
}

// newResponseKeys binds the response pane's actions to the keys km gives them
// (nil: the defaults), with the global send and cancel keys its hints name.
func newResponseKeys(km settings.Keymap) responsepane.Keys {
	g := newKeySet(km, settings.ScopeGlobal)
	return responsepane.NewKeys(newKeySet(km, actions.Response), g.Get(actionSend), g.Get(actionCancel))
}

func newExplainKeys(km settings.Keymap) keySet { return newKeySet(km, actions.Explain) }

// newExplainPane is the Explain pane with the default keys.
func newExplainPane(st Styles) explainview.Model { return explainview.New(st, newExplainKeys(nil)) }
