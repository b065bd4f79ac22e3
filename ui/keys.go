package ui

import "github.com/charmbracelet/bubbles/key"

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
}

func newGlobalKeys() globalKeys {
	k := globalKeys{
		Send:     key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "send")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel request")),
		NextPane: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Env:      key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "environment")),
		Save:     key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save edits")),
		Reread:   key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "re-read after 412")),
		Check:    key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "check resource")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
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
	return [][]key.Binding{{k.Send, k.Cancel, k.Save, k.Reread, k.Check, k.Env}, {k.NextPane, k.PrevPane, k.Help, k.Quit}}
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

func newMoveKeys() moveKeys {
	return moveKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d", " "), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),
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

func newTreeKeys() treeKeys {
	k := treeKeys{
		New:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new request")),
		Duplicate:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "duplicate")),
		Rename:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rename")),
		Delete:      key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete request")),
		NewFile:     key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "new .http file")),
		moveKeys:    newMoveKeys(),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open / fold")),
		Expand:      key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "unfold")),
		Collapse:    key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "fold")),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
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

func newRequestKeys() requestKeys {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	k := requestKeys{
		moveKeys:    newMoveKeys(),
		Resolve:     b([]string{"v"}, "v", "show variables resolved"),
		Method:      b([]string{"m"}, "m", "next method"),
		MethodBack:  b([]string{"M"}, "M", "previous method"),
		URL:         b([]string{"u"}, "u", "edit URL"),
		NextTab:     b([]string{"right", "l", "]"}, "→/]", "next tab"),
		PrevTab:     b([]string{"left", "h", "["}, "←/[", "previous tab"),
		Edit:        b([]string{"enter"}, "enter", "edit"),
		Add:         b([]string{"a"}, "a", "add"),
		Remove:      b([]string{"d", "delete"}, "d", "delete"),
		Toggle:      b([]string{"x"}, "x", "disable/enable header"),
		ContentType: b([]string{"t"}, "t", "content type"),
		Editor:      b([]string{"e"}, "e", "body in $EDITOR"),
		Basic:       b([]string{"b"}, "b", "Basic auth"),
		Bearer:      b([]string{"B"}, "B", "Bearer auth"),
		Condition:   b([]string{"i"}, "i", "add If-Match/If-None-Match"),
		AutoIfMatch: b([]string{"A"}, "A", "auto If-Match on/off"),
		CopyCurl:    b([]string{"y"}, "y", "copy as curl"),
		Discard:     b([]string{"z"}, "z", "discard edits"),
	}
	for i := range k.Tabs {
		n := string(rune('1' + i))
		k.Tabs[i] = b([]string{n}, n, reqTabName(i))
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
}

func newResponseKeys() responseKeys {
	k := responseKeys{
		moveKeys:  newMoveKeys(),
		NextTab:   key.NewBinding(key.WithKeys("right", "l", "]"), key.WithHelp("→/]", "next tab")),
		PrevTab:   key.NewBinding(key.WithKeys("left", "h", "["), key.WithHelp("←/[", "previous tab")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search body")),
		NextMatch: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		EndSearch: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "end search")),
		CopyBody:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy body")),
		CopyRaw:   key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy raw response")),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "header note / reopen")),
		Mark:      key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "mark two to diff")),
		SaveBody:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "save body to a file")),
		Insecure:  key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "resend, certificate unchecked")),
	}
	k.SaveBody.SetEnabled(false)
	k.Insecure.SetEnabled(false)
	k.CopyBody.SetEnabled(false)
	k.CopyRaw.SetEnabled(false)
	for i := range k.Tabs {
		n := string(rune('1' + i))
		k.Tabs[i] = key.NewBinding(key.WithKeys(n), key.WithHelp(n, tabName(i)))
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
	if t == tabHistory {
		k.PageDown.SetKeys("pgdown", "ctrl+d")
	} else {
		k.PageDown.SetKeys("pgdown", "ctrl+d", " ")
	}
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

func newExplainKeys() explainKeys { return explainKeys{newMoveKeys()} }

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
