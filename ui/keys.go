package ui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/explainview"
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
