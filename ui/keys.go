package ui

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/explainview"
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

// reqTabActions select the request pane's tabs, in tab order.
var reqTabActions = [reqTabCount]settings.Action{actionRequestHeaders, actionRequestBody,
	actionRequestQuery, actionRequestAuth}

// requestKeys drive the request pane. Bindings that act on one tab only are
// enabled while that tab is shown (setTab), so help never lists a dead key.
type requestKeys struct{ keySet }

func newRequestKeys(km settings.Keymap) requestKeys {
	k := requestKeys{newKeySet(km, scopeRequest)}
	k.setTab(reqTabHeaders)
	k.Enable(actionCondition, false)
	return k
}

// setTab enables the bindings that act on tab t.
func (k *requestKeys) setTab(t int) {
	lists := t == reqTabHeaders || t == reqTabQuery
	k.Enable(actionAdd, lists)
	k.Enable(actionRemove, lists)
	k.Enable(actionToggleHeader, t == reqTabHeaders)
	k.Enable(actionEdit, t != reqTabAuth)
	k.Enable(actionContentType, t == reqTabBody)
	k.Enable(actionEditor, t == reqTabBody)
	k.Enable(actionAuthBasic, t == reqTabAuth)
	k.Enable(actionAuthBearer, t == reqTabAuth)
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

// editorKeys act while the body editor is taking text.
type editorKeys struct {
	Done      key.Binding
	Newline   key.Binding
	Backspace key.Binding
	Delete    key.Binding
	Up        key.Binding
	Down      key.Binding
	Left      key.Binding
	Right     key.Binding
	Home      key.Binding
	End       key.Binding
}

func newEditorKeys() editorKeys {
	return editorKeys{
		Done:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "done editing")),
		Newline:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "new line")),
		Backspace: key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", "delete back")),
		Delete:    key.NewBinding(key.WithKeys("delete"), key.WithHelp("del", "delete forward")),
		Up:        key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "line up")),
		Down:      key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "line down")),
		Left:      key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "left")),
		Right:     key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "right")),
		Home:      key.NewBinding(key.WithKeys("home", "ctrl+a"), key.WithHelp("home", "line start")),
		End:       key.NewBinding(key.WithKeys("end", "ctrl+e"), key.WithHelp("end", "line end")),
	}
}

func (k editorKeys) ShortHelp() []key.Binding { return []key.Binding{k.Done, k.Newline} }

func (k editorKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Done, k.Newline, k.Backspace, k.Delete}, {k.Up, k.Down, k.Left, k.Right, k.Home, k.End}}
}

// requestLabel names a request for messages; see tree.RequestLabel.
func requestLabel(r *collections.Request) string { return tree.RequestLabel(r) }
