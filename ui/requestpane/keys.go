package requestpane

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/keyset"
)

// The ids of the pane's own actions; the root's action table gives them keys and help.
const (
	Headers     settings.Action = "request-headers"
	Body        settings.Action = "request-body"
	Query       settings.Action = "request-query"
	Auth        settings.Action = "request-auth"
	Resolve     settings.Action = "resolve"
	MethodNext  settings.Action = "method-next"
	MethodPrev  settings.Action = "method-prev"
	EditURL     settings.Action = "edit-url"
	Edit        settings.Action = "edit"
	Add         settings.Action = "add"
	Remove      settings.Action = "remove"
	Toggle      settings.Action = "toggle-header"
	ContentType settings.Action = "content-type"
	Editor      settings.Action = "editor"
	AuthBasic   settings.Action = "auth-basic"
	AuthBearer  settings.Action = "auth-bearer"
	Condition   settings.Action = "condition"
	AutoIfMatch settings.Action = "auto-if-match"
	CopyCurl    settings.Action = "copy-curl"
	Discard     settings.Action = "discard"
	// TabNext and TabPrev are the root's tab actions ("tab-next", "tab-prev"),
	// which the response pane and the traffic view share.
	TabNext settings.Action = "tab-next"
	TabPrev settings.Action = "tab-prev"
)

// The pane's tabs, in the order they are shown.
const (
	TabHeaders = iota
	TabBody
	TabQuery
	TabAuth
	TabCount
)

// TabName is the label of tab i.
func TabName(i int) string {
	return [TabCount]string{"Headers", "Body", "Query", "Auth"}[i]
}

// tabActions select the tabs, in tab order.
var tabActions = [TabCount]settings.Action{Headers, Body, Query, Auth}

// Keys drive the request pane. Bindings that act on one tab only are enabled
// while that tab is shown (SetTab), so help never lists a dead key.
type Keys struct{ keyset.Set }

// NewKeys is the pane's keys from the request scope of the action table, as
// they are when a request is first shown.
func NewKeys(s keyset.Set) Keys {
	k := Keys{s}
	k.SetTab(TabHeaders)
	k.Enable(Condition, false)
	return k
}

// SetTab enables the bindings that act on tab t.
func (k *Keys) SetTab(t int) {
	lists := t == TabHeaders || t == TabQuery
	k.EnableAll(keyset.Switch{ID: Add, On: lists}, keyset.Switch{ID: Remove, On: lists},
		keyset.Switch{ID: Toggle, On: t == TabHeaders}, keyset.Switch{ID: Edit, On: t != TabAuth},
		keyset.Switch{ID: ContentType, On: t == TabBody}, keyset.Switch{ID: Editor, On: t == TabBody},
		keyset.Switch{ID: AuthBasic, On: t == TabAuth}, keyset.Switch{ID: AuthBearer, On: t == TabAuth})
}

// EditorKeys act while the body editor is taking text.
type EditorKeys struct {
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

// NewEditorKeys is the body editor's fixed keys.
func NewEditorKeys() EditorKeys {
	return EditorKeys{
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

// ShortHelp is the editor's keys for the hint line.
func (k EditorKeys) ShortHelp() []key.Binding { return []key.Binding{k.Done, k.Newline} }

// FullHelp is every key of the editor.
func (k EditorKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Done, k.Newline, k.Backspace, k.Delete}, {k.Up, k.Down, k.Left, k.Right, k.Home, k.End}}
}
