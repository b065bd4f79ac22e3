package ui

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/explainview"
	"github.com/httplens/httplens/ui/requestpane"
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
var respTabActions = [tabCount]settings.Action{actionResponseRaw, actionResponsePretty,
	actionResponseHeaders, actionResponseTiming, actionResponseHistory, actionResponseRequest, actionResponseTests, actionResponseLab}

// responseKeys drive the response pane.
type responseKeys struct {
	keySet
	pageDown []string // the keys page down has off the History tab
	// Global keys the pane's hints name ("Press ctrl+r to send"); the root acts on them.
	send, cancel key.Binding
}

func newResponseKeys(km settings.Keymap) responseKeys {
	k := responseKeys{keySet: newKeySet(km, scopeResponse)}
	g := newKeySet(km, settings.ScopeGlobal)
	k.send, k.cancel = g.Get(actionSend), g.Get(actionCancel)
	k.pageDown = k.Get(actionPageDown).Keys()
	k.Enable(actionSaveBody, false)
	k.Enable(actionInsecure, false)
	k.Enable(actionCopyBody, false)
	k.Enable(actionCopyRaw, false)
	k.setSearching(false)
	k.setTab(tabRaw)
	return k
}

// setTab enables the bindings that act on response tab t. On the History tab space
// marks an exchange, so it stops paging down there.
func (k *responseKeys) setTab(t int) {
	k.Enable(actionNote, t == tabHeaders || t == tabHistory)
	k.Enable(actionMark, t == tabHistory)
	keys := k.pageDown
	if t == tabHistory {
		mark := k.Get(actionMark).Keys()
		keys = slices.DeleteFunc(slices.Clone(keys), func(s string) bool { return slices.Contains(mark, s) })
	}
	k.SetKeys(actionPageDown, keys...) // no keys left: the binding is off on this tab
}

// setSearching enables the match keys only while there is a search to step through.
func (k *responseKeys) setSearching(on bool) {
	k.Enable(actionMatchNext, on)
	k.Enable(actionMatchPrev, on)
	k.Enable(actionEndSearch, on)
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
