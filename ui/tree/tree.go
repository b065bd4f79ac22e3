// Package tree is the collection pane: the files, folders and requests of the
// collection, folded and filtered, with the actions that change files handed up
// as Change and an opened request as Opened. It imports collections, settings,
// termtext and the leaves under ui, never the root.
package tree

import (
	"errors"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/field"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/nav"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// The ids of the tree's own actions; the root's action table gives them keys and help.
const (
	Filter        settings.Action = "filter"
	ClearFilter   settings.Action = "clear-filter"
	Open          settings.Action = "open"
	Expand        settings.Action = "expand"
	Collapse      settings.Action = "collapse"
	NewRequest    settings.Action = "new-request"
	Duplicate     settings.Action = "duplicate"
	DeleteRequest settings.Action = "delete-request"
	Rename        settings.Action = "rename"
	NewFile       settings.Action = "new-file"
)

// nodeKind is what a tree row stands for.
type nodeKind int

const (
	nodeGroup nodeKind = iota
	nodeFile
	nodeRequest
	nodeError // a file that failed to load: its path, line, column and why
)

// node is one row of the collection tree. Text fields are sanitised.
type node struct {
	kind   nodeKind
	depth  int
	id     string // unique within the tree; the fold state is kept by it
	label  string
	method string
	match  string // lower-case name and title, for the filter
	parent int    // index of the enclosing node, -1 at the top
	req    *collections.Request
	file   *collections.File // for a file row
	mark   string            // after a request's label: MarkError or MarkNote
}

// MarkError and MarkNote are the marks after a request in the tree: it has an error (it cannot be sent as it
// is), or constructs not supported here. The request pane says which. Scripts
// are not marked: the TUI runs them.
const (
	MarkError = "✗"
	MarkNote  = "!"
)

// requestMark is the mark of r in the tree, or "".
func requestMark(r *collections.Request) string {
	switch {
	case len(r.Errors) > 0:
		return MarkError
	case len(r.Unsupported) > 0:
		return MarkNote
	}
	return ""
}

// Model lists the files, folders and requests of the collection.
type Model struct {
	st      styles.Styles
	Keys    keyset.Set // the tree scope's bindings, from the action table
	w, h    int
	focused bool

	nodes   []node
	folded  map[string]bool
	visible []int // indexes into nodes, in display order
	cursor  int   // index into visible
	top     int
	filter  field.Line

	prompt    field.Line // the rename and new-file prompt
	promptFor Action
	dirty     map[string]bool // requests with unsaved edits, by key
}

// New returns an empty tree that matches keys against keys (their clear-filter
// binding off until there is a filter).
func New(st styles.Styles, keys keyset.Set) Model {
	keys.Enable(ClearFilter, false)
	return Model{st: st, Keys: keys, folded: map[string]bool{}, filter: field.New("/"), prompt: field.New("")}
}

// SetKeys rebinds the tree's actions; clear-filter acts only while there is a filter.
func (m *Model) SetKeys(keys keyset.Set) {
	keys.Enable(ClearFilter, m.filter.Value() != "")
	m.Keys = keys
}

// SetCollection replaces the tree's content; the cursor goes to the first request.
func (m *Model) SetCollection(c *collections.Collection) {
	m.nodes = buildNodes(c)
	m.folded = map[string]bool{}
	m.cursor, m.top = 0, 0
	m.refresh()
	m.cursorToRequest(1)
}

// buildNodes flattens the collection into rows: folders, then files, then requests.
func buildNodes(c *collections.Collection) []node {
	var nodes []node
	groups := map[string]int{} // group path -> node index
	for _, f := range c.Files {
		parent, depth := -1, 0
		if f.Group != "" {
			parts := strings.Split(f.Group, "/")
			for i := range parts {
				p := path.Join(parts[:i+1]...)
				idx, ok := groups[p]
				if !ok {
					idx = len(nodes)
					groups[p] = idx
					nodes = append(nodes, node{kind: nodeGroup, depth: i, id: "g:" + p,
						label: termtext.String(parts[i]) + "/", parent: parent})
				}
				parent, depth = idx, i+1
			}
		}
		fileIdx := len(nodes)
		nodes = append(nodes, node{kind: nodeFile, depth: depth, id: "f:" + f.Path,
			label: termtext.String(filepath.Base(f.Path)), parent: parent, file: f})
		for i := range f.Requests {
			r := &f.Requests[i]
			nodes = append(nodes, node{kind: nodeRequest, depth: depth + 1, id: RequestKey(r),
				label: termtext.String(RequestLabel(r)), method: termtext.String(r.Method),
				match: strings.ToLower(r.Name + "\x00" + r.Title), parent: fileIdx, req: r, mark: requestMark(r)})
		}
	}
	for i, err := range c.Errors {
		nodes = append(nodes, node{kind: nodeError, id: "e:" + strconv.Itoa(i),
			label: "✗ " + termtext.String(relativeError(err, c.Dir).Error()), parent: -1})
	}
	return nodes
}

// requestKey identifies a request within a session: its file and position.
func RequestKey(r *collections.Request) string {
	if r.File == nil {
		return "r:#" + r.Name
	}
	return "r:" + r.File.Path + "#" + strconv.Itoa(r.Index)
}

// requestLabel is what the tree shows for a request: its title, name or URL.
func RequestLabel(r *collections.Request) string {
	switch {
	case r.Title != "":
		return r.Title
	case r.Name != "":
		return r.Name
	}
	return r.URL
}

// SetSize sets the inner size the pane draws into.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.reveal()
}

// Focus and Blur tell the pane whether keys come to it.
func (m *Model) Focus() { m.focused = true }

// Blur see Focus.
func (m *Model) Blur() { m.focused = false }

// Editing reports whether the filter or a prompt is taking typed text.
func (m *Model) Editing() bool { return m.filter.Editing() || m.prompt.Editing() }

// KeyMap is the pane's bindings for the help views.
func (m *Model) KeyMap() keyset.Set { return m.Keys }

// FieldKeys are the filter field's bindings while it is edited.
func (m *Model) FieldKeys() field.Keys { return *m.filter.Keys }

// Title is the frame title.
func (m *Model) Title() string {
	if f := m.filter.Value(); f != "" {
		return "Collection · filter: " + termtext.String(f)
	}
	return "Collection"
}

// Selected is the request under the cursor, or nil.
func (m *Model) Selected() *collections.Request {
	if m.cursor < 0 || m.cursor >= len(m.visible) {
		return nil
	}
	return m.nodes[m.visible[m.cursor]].req
}

// Update handles keys and mouse clicks.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if m.prompt.Editing() {
			return m.updatePrompt(msg)
		}
		if m.filter.Editing() {
			return m.updateFilter(msg), nil
		}
		id, _ := m.Keys.Match(msg)
		return m.do(id)
	case uimsg.RunAction:
		return m.do(msg.ID)
	case tea.MouseMsg:
		return m.updateMouse(msg)
	}
	return m, nil
}

// do runs the tree's action id, from its key or from the palette.
func (m Model) do(id settings.Action) (Model, tea.Cmd) {
	if ok, cmd := m.actionKey(id); ok {
		return m, cmd
	}
	switch {
	case id == Filter:
		m.filter.Start()
	case id == ClearFilter:
		m.setFilter("")
	case id == Open:
		return m.open()
	case id == Expand:
		m.fold(false)
	case id == Collapse:
		m.fold(true)
	default:
		m.cursor = nav.Cursor(id, m.cursor, m.h, len(m.visible))
		m.reveal()
	}
	return m, nil
}

func (m Model) updateFilter(msg tea.KeyMsg) Model {
	switch m.filter.Update(msg) {
	case field.Changed:
		m.setFilter(m.filter.Value())
		m.filter.SetEditing(true)
	case field.Abandoned:
		m.setFilter("")
	case field.Accepted:
		m.Keys.Enable(ClearFilter, m.filter.Value() != "")
	}
	return m
}

// setFilter shows only the requests whose name or title contains f (any case).
func (m *Model) setFilter(f string) {
	if f == "" {
		m.filter.Reset()
	}
	m.Keys.Enable(ClearFilter, f != "")
	m.cursor, m.top = 0, 0
	m.refresh()
	m.cursorToRequest(1)
}

// open opens the request under the cursor, or folds and unfolds a file or folder.
func (m Model) open() (Model, tea.Cmd) {
	r := m.Selected()
	if r == nil {
		if m.cursor < len(m.visible) {
			id := m.nodes[m.visible[m.cursor]].id
			m.fold(!m.folded[id])
		}
		return m, nil
	}
	return m, func() tea.Msg { return Opened{Req: r} }
}

// fold folds (true) or unfolds the file or folder under the cursor; on a request it
// acts on the request's file.
func (m *Model) fold(on bool) {
	if m.cursor >= len(m.visible) {
		return
	}
	i := m.visible[m.cursor]
	if m.nodes[i].kind == nodeRequest {
		if !on {
			return
		}
		i = m.nodes[i].parent
	}
	m.folded[m.nodes[i].id] = on
	m.refresh()
	for vi, ni := range m.visible {
		if ni == i {
			m.cursor = vi
		}
	}
	m.reveal()
}

// refresh recomputes the visible rows from the fold state and the filter.
func (m *Model) refresh() {
	f := strings.ToLower(m.filter.Value())
	keep := make([]bool, len(m.nodes))
	for i, n := range m.nodes {
		if n.kind == nodeRequest && (f == "" || strings.Contains(n.match, f)) {
			for j := i; j >= 0 && !keep[j]; j = m.nodes[j].parent {
				keep[j] = true
			}
		}
	}
	m.visible = m.visible[:0]
	for i, n := range m.nodes {
		if !keep[i] && (f != "" || n.kind == nodeRequest) {
			continue
		}
		if f == "" && m.hidden(i) {
			continue
		}
		m.visible = append(m.visible, i)
	}
	m.cursor = uikit.Clamp(m.cursor, 0, max(len(m.visible)-1, 0))
}

// hidden reports a node inside a folded file or folder.
func (m *Model) hidden(i int) bool {
	for p := m.nodes[i].parent; p >= 0; p = m.nodes[p].parent {
		if m.folded[m.nodes[p].id] {
			return true
		}
	}
	return false
}

// cursorToRequest moves the cursor to the nearest request in direction d.
func (m *Model) cursorToRequest(d int) {
	for i := m.cursor; i >= 0 && i < len(m.visible); i += d {
		if m.nodes[m.visible[i]].kind == nodeRequest {
			m.cursor = i
			break
		}
	}
	m.reveal()
}

// reveal scrolls so the cursor row is on screen.
func (m *Model) reveal() {
	if m.h <= 0 {
		return
	}
	rows := m.listHeight()
	if m.cursor < m.top {
		m.top = m.cursor
	} else if m.cursor >= m.top+rows {
		m.top = m.cursor - rows + 1
	}
	m.top = uikit.Clamp(m.top, 0, max(len(m.visible)-rows, 0))
}

func (m *Model) listHeight() int {
	if m.filter.Editing() || m.prompt.Editing() {
		return max(m.h-1, 1)
	}
	return max(m.h, 1)
}

func (m Model) updateMouse(msg tea.MouseMsg) (Model, tea.Cmd) {
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		m.top = max(m.top-3, 0)
	case msg.Button == tea.MouseButtonWheelDown:
		m.top = uikit.Clamp(m.top+3, 0, max(len(m.visible)-m.listHeight(), 0))
	case msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft:
		if row := m.top + msg.Y; msg.Y >= 0 && row < len(m.visible) {
			m.cursor = row
			if m.Selected() == nil {
				return m.open()
			}
		}
	}
	return m, nil
}

// View draws exactly w×h cells.
func (m Model) View() string {
	rows := m.listHeight()
	lines := make([]string, 0, m.h)
	if len(m.nodes) == 0 {
		lines = append(lines, m.st.Muted.Render("No requests."))
	}
	if len(m.nodes) > 0 && len(m.visible) == 0 {
		lines = append(lines, m.st.Muted.Render("No request matches."))
	}
	for vi := m.top; vi < min(m.top+rows, len(m.visible)); vi++ {
		lines = append(lines, m.row(vi))
	}
	if m.filter.Editing() || m.prompt.Editing() {
		lines = append(lines[:min(len(lines), rows)], make([]string, max(rows-len(lines), 0))...)
		if m.prompt.Editing() {
			lines = append(lines, m.prompt.View())
		} else {
			lines = append(lines, m.filter.View())
		}
	}
	return uikit.FitBlock(lines, m.w, m.h)
}

func (m *Model) row(vi int) string {
	n := m.nodes[m.visible[vi]]
	// The cursor is marked by a glyph as well as a colour, so it shows without colour.
	indent := strings.Repeat("  ", n.depth) + "  "
	if vi == m.cursor {
		indent = strings.Repeat("  ", n.depth) + "› "
	}
	var plain, styled string
	switch n.kind {
	case nodeError:
		plain, styled = indent+n.label, indent+m.st.ErrorText.Render(n.label)
	case nodeRequest:
		method := uikit.Fit(n.method, 7)
		if !strings.HasSuffix(method, " ") {
			method += " " // a 7-letter method (OPTIONS) fills the column: keep a gap before the title
		}
		label := n.label
		if m.dirty[n.id] {
			label += " ●" // unsaved edits
		}
		// The mark goes before the label, so a long label cut at the edge keeps it.
		mark, markStyled := "", ""
		if n.mark != "" {
			st := m.st.SeverityWarning
			if n.mark == MarkError {
				st = m.st.ErrorText
			}
			mark, markStyled = n.mark+" ", st.Render(n.mark)+" "
		}
		plain = indent + method + mark + label
		styled = indent + m.st.Method(n.method).Render(method) + markStyled + label
	default:
		arrow := "▾ "
		if m.folded[n.id] {
			arrow = "▸ "
		}
		plain = indent + arrow + n.label
		styled = indent + arrow + m.st.Bold.Render(n.label)
	}
	if vi == m.cursor {
		return m.st.Selected.Render(uikit.Fit(plain, m.w))
	}
	return styled
}

// FilterValue is the filter typed so far.
func (m *Model) FilterValue() string { return m.filter.Value() }

// relativeError names a file that failed to load relative to the collection's
// folder, so the narrow tree shows the file and the line rather than /tmp/….
func relativeError(err error, dir string) error {
	var ce *collections.Error
	if dir == "" || !errors.As(err, &ce) {
		return err
	}
	rel, rerr := filepath.Rel(dir, ce.Path)
	if rerr != nil || strings.HasPrefix(rel, "..") {
		return err
	}
	out := *ce
	out.Path = rel
	return &out
}

// Opened says the tree opened a request (enter or a click).
type Opened struct{ Req *collections.Request }
