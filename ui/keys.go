package ui

import (
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/explainview"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/tree"
)

// globalKeys work from any pane, unless a text field is being edited (then only the
// control-key bindings act).
type globalKeys struct{ keySet }

// newGlobalKeys binds the global actions to the keys km gives them (nil: the
// defaults); every scope's constructor below does the same for its own.
func newGlobalKeys(km settings.Keymap) globalKeys {
	k := globalKeys{newKeySet(km, settings.ScopeGlobal)}
	// Nothing is in flight, nothing is edited and nothing failed a precondition at start.
	k.Enable(actionCancel, false)
	k.Enable(actionSave, false)
	k.Enable(actionReread, false)
	k.Enable(actionAnswers, false)
	return k
}

// treeKeys drive the collection tree.
type treeKeys struct{ keySet }

func newTreeKeys(km settings.Keymap) treeKeys {
	k := treeKeys{newKeySet(km, scopeTree)}
	k.Enable(actionClearFilter, false)
	return k
}

// newTreePane is the collection pane with the default keys.
func newTreePane(st Styles) tree.Model { return tree.New(st, newTreeKeys(nil).keySet) }

// requestKey identifies a request within a session; see tree.RequestKey.
func requestKey(r *collections.Request) string { return tree.RequestKey(r) }

// newRequestKeys makes the request pane's keys from km; see requestpane.Keys.
func newRequestKeys(km settings.Keymap) requestpane.Keys {
	return requestpane.NewKeys(newKeySet(km, scopeRequest))
}

// newRequestPane is the request pane with the default keys.
func newRequestPane(st Styles) requestpane.Model {
	return requestpane.New(st, newKeySet(nil, scopeRequest))
}

// respTabActions select the response pane's tabs, in tab order.
var respTabActions = responsepane.TabActions

// newResponseKeys binds the response pane's actions to the keys km gives them
// (nil: the defaults), with the global send and cancel keys its hints name.
func newResponseKeys(km settings.Keymap) responsepane.Keys {
	g := newKeySet(km, settings.ScopeGlobal)
	return responsepane.NewKeys(newKeySet(km, scopeResponse), g.Get(actionSend), g.Get(actionCancel))
}

// explainKeys drive the explain panel.
type explainKeys struct{ keySet }

func newExplainKeys(km settings.Keymap) explainKeys { return explainKeys{newKeySet(km, scopeExplain)} }

// newExplainPane is the Explain pane with the default keys.
func newExplainPane(st Styles) explainview.Model {
	return explainview.New(st, newExplainKeys(nil).keySet)
}

// requestLabel names a request for messages; see tree.RequestLabel.
func requestLabel(r *collections.Request) string { return tree.RequestLabel(r) }
