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
	Help     key.Binding
	Quit     key.Binding
}

func newGlobalKeys() globalKeys {
	k := globalKeys{
		Send:     key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "send")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel request")),
		NextPane: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Env:      key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "next environment")),
		Save:     key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save edits")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
	// Nothing is in flight and nothing is edited at start.
	k.Cancel.SetEnabled(false)
	k.Save.SetEnabled(false)
	return k
}

func (k globalKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Send, k.Cancel, k.NextPane, k.Help, k.Quit}
}

func (k globalKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Send, k.Cancel, k.Save, k.Env}, {k.NextPane, k.PrevPane, k.Help, k.Quit}}
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
}

func newFieldKeys() fieldKeys {
	return fieldKeys{
		Accept:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		Abandon:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear")),
		Backspace: key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", "delete")),
	}
}

func (k fieldKeys) ShortHelp() []key.Binding { return []key.Binding{k.Accept, k.Abandon} }

func (k fieldKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Accept, k.Abandon, k.Backspace}}
}

// treeKeys drive the collection tree.
type treeKeys struct {
	moveKeys
	Open        key.Binding
	Expand      key.Binding
	Collapse    key.Binding
	Filter      key.Binding
	ClearFilter key.Binding
}

func newTreeKeys() treeKeys {
	k := treeKeys{
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
	return [][]key.Binding{k.list(), {k.Open, k.Expand, k.Collapse, k.Filter, k.ClearFilter}}
}

// requestKeys drive the request pane.
type requestKeys struct {
	moveKeys
	Resolve key.Binding
}

func newRequestKeys() requestKeys {
	return requestKeys{
		moveKeys: newMoveKeys(),
		Resolve:  key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "show variables resolved")),
	}
}

func (k requestKeys) ShortHelp() []key.Binding { return []key.Binding{k.Resolve} }

func (k requestKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.list(), {k.Resolve}} }

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
	}
	for i := range k.Tabs {
		n := string(rune('1' + i))
		k.Tabs[i] = key.NewBinding(key.WithKeys(n), key.WithHelp(n, tabName(i)))
	}
	k.setSearching(false)
	return k
}

// setSearching enables the match keys only while there is a search to step through.
func (k *responseKeys) setSearching(on bool) {
	k.NextMatch.SetEnabled(on)
	k.PrevMatch.SetEnabled(on)
	k.EndSearch.SetEnabled(on)
}

func (k responseKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.NextTab, k.Search, k.NextMatch, k.PrevMatch}
}

func (k responseKeys) FullHelp() [][]key.Binding {
	tabs := append([]key.Binding{k.NextTab, k.PrevTab}, k.Tabs[:]...)
	return [][]key.Binding{k.list(), tabs, {k.Search, k.NextMatch, k.PrevMatch, k.EndSearch}}
}

// explainKeys drive the explain panel.
type explainKeys struct{ moveKeys }

func newExplainKeys() explainKeys { return explainKeys{newMoveKeys()} }

func (k explainKeys) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.Up} }

func (k explainKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.list()} }

// overlayKeys close the help overlay.
type overlayKeys struct{ Close key.Binding }

func newOverlayKeys() overlayKeys {
	return overlayKeys{Close: key.NewBinding(key.WithKeys("esc", "?", "q"), key.WithHelp("esc/?", "close"))}
}

func (k overlayKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Close} }
func (k overlayKeys) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Close}} }
