package ui

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"

	"github.com/httplens/httplens/settings"
)

// globalKeys work from any pane, unless a text field is being edited (then only the
// control-key bindings act).
type globalKeys struct {
	Send     key.Binding
	Cancel   key.Binding
	NextPane key.Binding
	PrevPane key.Binding
	Env      key.Binding
	Save     key.Binding
	Reread   key.Binding
	Check    key.Binding
	Help     key.Binding
	Quit     key.Binding
	Palette  key.Binding
	Cookies  key.Binding
}

// newGlobalKeys binds the global actions to the keys km gives them (nil: the
// defaults); every scope's constructor below does the same for its own.
func newGlobalKeys(km settings.Keymap) globalKeys {
	b := func(a settings.Action) key.Binding { return actionBinding(km, a) }
	k := globalKeys{
		Send:     b(settings.ActionSend),
		Cancel:   b(settings.ActionCancel),
		NextPane: b(settings.ActionFocusNext),
		PrevPane: b(settings.ActionFocusPrev),
		Env:      b(settings.ActionEnv),
		Save:     b(settings.ActionSave),
		Reread:   b(settings.ActionReread),
		Check:    b(settings.ActionCheck),
		Help:     b(settings.ActionHelp),
		Quit:     b(settings.ActionQuit),
		Palette:  b(settings.ActionPalette),
		Cookies:  b(settings.ActionCookies),
	}
	// Nothing is in flight, nothing is edited and nothing failed a precondition at start.
	k.Cancel.SetEnabled(false)
	k.Save.SetEnabled(false)
	k.Reread.SetEnabled(false)
	return k
}

func (k globalKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Send, k.Cancel, k.Save, k.Reread, k.NextPane, k.Help, k.Quit}
}

func (k globalKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Send, k.Cancel, k.Save, k.Reread, k.Check, k.Env}, {k.NextPane, k.PrevPane, k.Palette, k.Cookies, k.Help, k.Quit}}
}

// moveKeys are the scrolling bindings shared by the list and text panes.
type moveKeys struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
}

func newMoveKeys(km settings.Keymap) moveKeys {
	b := func(a settings.Action) key.Binding { return actionBinding(km, a) }
	return moveKeys{
		Up:       b(settings.ActionUp),
		Down:     b(settings.ActionDown),
		PageUp:   b(settings.ActionPageUp),
		PageDown: b(settings.ActionPageDown),
		Top:      b(settings.ActionTop),
		Bottom:   b(settings.ActionBottom),
	}
}

func (k moveKeys) list() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}

// fieldKeys act while a one-line text field (a filter or a search) is edited.
type fieldKeys struct {
	Accept    key.Binding
	Abandon   key.Binding
	Backspace key.Binding
	Delete    key.Binding
	Left      key.Binding
	Right     key.Binding
	Home      key.Binding
	End       key.Binding
}

func newFieldKeys() fieldKeys {
	return fieldKeys{
		Accept:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		Abandon:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear")),
		Backspace: key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", "delete back")),
		Delete:    key.NewBinding(key.WithKeys("delete"), key.WithHelp("del", "delete forward")),
		Left:      key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "cursor left")),
		Right:     key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "cursor right")),
		Home:      key.NewBinding(key.WithKeys("home", "ctrl+a"), key.WithHelp("home", "line start")),
		End:       key.NewBinding(key.WithKeys("end", "ctrl+e"), key.WithHelp("end", "line end")),
	}
}

func (k fieldKeys) ShortHelp() []key.Binding { return []key.Binding{k.Accept, k.Abandon} }

func (k fieldKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Accept, k.Abandon, k.Backspace, k.Delete}, {k.Left, k.Right, k.Home, k.End}}
}

// treeKeys drive the collection tree.
type treeKeys struct {
	moveKeys
	Open        key.Binding
	Expand      key.Binding
	Collapse    key.Binding
	Filter      key.Binding
	ClearFilter key.Binding
	New         key.Binding
	Duplicate   key.Binding
	Rename      key.Binding
	Delete      key.Binding
	NewFile     key.Binding
}

func newTreeKeys(km settings.Keymap) treeKeys {
	b := func(a settings.Action) key.Binding { return actionBinding(km, a) }
	k := treeKeys{
		New:         b(settings.ActionNewRequest),
		Duplicate:   b(settings.ActionDuplicate),
		Rename:      b(settings.ActionRename),
		Delete:      b(settings.ActionDeleteRequest),
		NewFile:     b(settings.ActionNewFile),
		moveKeys:    newMoveKeys(km),
		Open:        b(settings.ActionOpen),
		Expand:      b(settings.ActionExpand),
		Collapse:    b(settings.ActionCollapse),
		Filter:      b(settings.ActionFilter),
		ClearFilter: b(settings.ActionClearFilter),
	}
	k.ClearFilter.SetEnabled(false)
	return k
}

func (k treeKeys) ShortHelp() []key.Binding { return []key.Binding{k.Open, k.Filter, k.ClearFilter} }

func (k treeKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.list(), {k.Open, k.Expand, k.Collapse, k.Filter, k.ClearFilter},
		{k.New, k.Duplicate, k.Rename, k.Delete, k.NewFile}}
}

// requestKeys drive the request pane. Bindings that act on one tab only are
// enabled while that tab is shown (setTab), so help never lists a dead key.
type requestKeys struct {
	moveKeys
	Resolve     key.Binding
	Method      key.Binding
	MethodBack  key.Binding
	URL         key.Binding
	NextTab     key.Binding
	PrevTab     key.Binding
	Tabs        [reqTabCount]key.Binding
	Edit        key.Binding
	Add         key.Binding
	Remove      key.Binding
	Toggle      key.Binding
	ContentType key.Binding
	Editor      key.Binding
	Basic       key.Binding
	Bearer      key.Binding
	Condition   key.Binding
	AutoIfMatch key.Binding
	CopyCurl    key.Binding
	Discard     key.Binding
}

func newRequestKeys(km settings.Keymap) requestKeys {
	b := func(a settings.Action) key.Binding { return actionBinding(km, a) }
	k := requestKeys{
		moveKeys:    newMoveKeys(km),
		Resolve:     b(settings.ActionResolve),
		Method:      b(settings.ActionMethodNext),
		MethodBack:  b(settings.ActionMethodPrev),
		URL:         b(settings.ActionEditURL),
		NextTab:     b(settings.ActionTabNext),
		PrevTab:     b(settings.ActionTabPrev),
		Edit:        b(settings.ActionEdit),
		Add:         b(settings.ActionAdd),
		Remove:      b(settings.ActionRemove),
		Toggle:      b(settings.ActionToggleHeader),
		ContentType: b(settings.ActionContentType),
		Editor:      b(settings.ActionEditor),
		Basic:       b(settings.ActionAuthBasic),
		Bearer:      b(settings.ActionAuthBearer),
		Condition:   b(settings.ActionCondition),
		AutoIfMatch: b(settings.ActionAutoIfMatch),
		CopyCurl:    b(settings.ActionCopyCurl),
		Discard:     b(settings.ActionDiscard),
	}
	tabs := [reqTabCount]settings.Action{settings.ActionRequestHeaders, settings.ActionRequestBody,
		settings.ActionRequestQuery, settings.ActionRequestAuth}
	for i := range k.Tabs {
		k.Tabs[i] = b(tabs[i])
	}
	k.setTab(reqTabHeaders)
	k.Condition.SetEnabled(false)
	return k
}

// setTab enables the bindings that act on tab t.
func (k *requestKeys) setTab(t int) {
	lists := t == reqTabHeaders || t == reqTabQuery
	k.Add.SetEnabled(lists)
	k.Remove.SetEnabled(lists)
	k.Toggle.SetEnabled(t == reqTabHeaders)
	k.Edit.SetEnabled(t != reqTabAuth)
	k.ContentType.SetEnabled(t == reqTabBody)
	k.Editor.SetEnabled(t == reqTabBody)
	k.Basic.SetEnabled(t == reqTabAuth)
	k.Bearer.SetEnabled(t == reqTabAuth)
}

func (k requestKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Method, k.URL, k.Edit, k.Add, k.Condition, k.Resolve}
}

func (k requestKeys) FullHelp() [][]key.Binding {
	tabs := append([]key.Binding{k.NextTab, k.PrevTab}, k.Tabs[:]...)
	return [][]key.Binding{
		k.list(), tabs,
		{k.Method, k.MethodBack, k.URL, k.Edit, k.Add, k.Remove, k.Toggle},
		{k.ContentType, k.Editor, k.Basic, k.Bearer, k.Resolve},
		{k.Condition, k.AutoIfMatch, k.CopyCurl, k.Discard},
	}
}

// responseKeys drive the response pane.
type responseKeys struct {
	moveKeys
	NextTab   key.Binding
	PrevTab   key.Binding
	Tabs      [tabCount]key.Binding
	Search    key.Binding
	NextMatch key.Binding
	PrevMatch key.Binding
	EndSearch key.Binding
	CopyBody  key.Binding
	CopyRaw   key.Binding
	Open      key.Binding // Headers: the header's full note; History: reopen the exchange
	Mark      key.Binding // History: mark an exchange; the second mark shows the diff
	SaveBody  key.Binding // the whole body, spooled or not, to a file
	Insecure  key.Binding // after a refused certificate: resend without checking it

	pageDown []string // the keys page down has off the History tab
	// Global keys the pane's hints name ("Press ctrl+r to send"); the root acts on them.
	send, cancel key.Binding
}

func newResponseKeys(km settings.Keymap) responseKeys {
	b := func(a settings.Action) key.Binding { return actionBinding(km, a) }
	k := responseKeys{
		moveKeys:  newMoveKeys(km),
		NextTab:   b(settings.ActionTabNext),
		PrevTab:   b(settings.ActionTabPrev),
		Search:    b(settings.ActionSearch),
		NextMatch: b(settings.ActionMatchNext),
		PrevMatch: b(settings.ActionMatchPrev),
		EndSearch: b(settings.ActionEndSearch),
		CopyBody:  b(settings.ActionCopyBody),
		CopyRaw:   b(settings.ActionCopyRaw),
		Open:      b(settings.ActionNote),
		Mark:      b(settings.ActionMark),
		SaveBody:  b(settings.ActionSaveBody),
		Insecure:  b(settings.ActionInsecure),
		send:      b(settings.ActionSend),
		cancel:    b(settings.ActionCancel),
	}
	k.pageDown = k.PageDown.Keys()
	k.SaveBody.SetEnabled(false)
	k.Insecure.SetEnabled(false)
	k.CopyBody.SetEnabled(false)
	k.CopyRaw.SetEnabled(false)
	tabs := [tabCount]settings.Action{settings.ActionResponseRaw, settings.ActionResponsePretty,
		settings.ActionResponseHeaders, settings.ActionResponseTiming, settings.ActionResponseHistory}
	for i := range k.Tabs {
		k.Tabs[i] = b(tabs[i])
	}
	k.setSearching(false)
	k.setTab(tabRaw)
	return k
}

// setTab enables the bindings that act on response tab t. On the History tab space
// marks an exchange, so it stops paging down there.
func (k *responseKeys) setTab(t int) {
	k.Open.SetEnabled(t == tabHeaders || t == tabHistory)
	k.Mark.SetEnabled(t == tabHistory)
	keys := k.pageDown
	if t == tabHistory {
		keys = slices.DeleteFunc(slices.Clone(keys), func(s string) bool { return slices.Contains(k.Mark.Keys(), s) })
	}
	k.PageDown.SetKeys(keys...) // no keys left: the binding is off on this tab
}

// setSearching enables the match keys only while there is a search to step through.
func (k *responseKeys) setSearching(on bool) {
	k.NextMatch.SetEnabled(on)
	k.PrevMatch.SetEnabled(on)
	k.EndSearch.SetEnabled(on)
}

func (k responseKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.NextTab, k.Search, k.NextMatch, k.PrevMatch, k.Open, k.Mark, k.Insecure, k.SaveBody}
}

func (k responseKeys) FullHelp() [][]key.Binding {
	tabs := append([]key.Binding{k.NextTab, k.PrevTab}, k.Tabs[:]...)
	return [][]key.Binding{k.list(), tabs, {k.Search, k.NextMatch, k.PrevMatch, k.EndSearch}, {k.CopyBody, k.CopyRaw, k.Open, k.Mark, k.SaveBody, k.Insecure}}
}

// explainKeys drive the explain panel.
type explainKeys struct{ moveKeys }

func newExplainKeys(km settings.Keymap) explainKeys { return explainKeys{newMoveKeys(km)} }

func (k explainKeys) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.Up} }

func (k explainKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.list()} }

// overlayKeys close and scroll the help overlay.
type overlayKeys struct {
	Close key.Binding
	Up    key.Binding
	Down  key.Binding
}

func newOverlayKeys() overlayKeys {
	return overlayKeys{
		Close: key.NewBinding(key.WithKeys("esc", "?", "q"), key.WithHelp("esc/?", "close")),
		Up:    key.NewBinding(key.WithKeys("up", "k", "pgup"), key.WithHelp("↑/k", "scroll up")),
		Down:  key.NewBinding(key.WithKeys("down", "j", "pgdown", " "), key.WithHelp("↓/j", "scroll down")),
	}
}

func (k overlayKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Close, k.Down, k.Up} }
func (k overlayKeys) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Close, k.Up, k.Down}} }

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

// dialogKeys answer the confirm dialogs (quit, delete, conflict, retry).
type dialogKeys struct {
	Yes      key.Binding
	No       key.Binding
	Reload   key.Binding
	SaveCopy key.Binding
}

func newDialogKeys() dialogKeys {
	return dialogKeys{
		Yes:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:       key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "no")),
		Reload:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload the file")),
		SaveCopy: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "save a copy")),
	}
}

func (k dialogKeys) ShortHelp() []key.Binding { return []key.Binding{k.Yes, k.No} }

func (k dialogKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Yes, k.No, k.Reload, k.SaveCopy}}
}

// pickerKeys drive the environment picker.
type pickerKeys struct {
	Up     key.Binding
	Down   key.Binding
	Choose key.Binding
	Close  key.Binding
}

func newPickerKeys() pickerKeys {
	return pickerKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j", "ctrl+e"), key.WithHelp("↓/j", "down")),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "use")),
		Close:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

func (k pickerKeys) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Choose, k.Close} }

func (k pickerKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// paletteKeys drive the command palette; typed characters filter it.
type paletteKeys struct {
	Up    key.Binding
	Down  key.Binding
	Run   key.Binding
	Close key.Binding
}

func newPaletteKeys() paletteKeys {
	return paletteKeys{
		Up:    key.NewBinding(key.WithKeys("up", "ctrl+k"), key.WithHelp("↑", "up")),
		Down:  key.NewBinding(key.WithKeys("down", "ctrl+j", "ctrl+n"), key.WithHelp("↓", "down")),
		Run:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "run")),
		Close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

func (k paletteKeys) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Run, k.Close} }

func (k paletteKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// cookieKeys drive the cookies view.
type cookieKeys struct {
	Up     key.Binding
	Down   key.Binding
	Delete key.Binding
	Clear  key.Binding
	Close  key.Binding
}

func newCookieKeys() cookieKeys {
	return cookieKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Delete: key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "delete cookie")),
		Clear:  key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "clear all")),
		Close:  key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "close")),
	}
}

func (k cookieKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Delete, k.Clear, k.Close}
}

func (k cookieKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
