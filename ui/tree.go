package ui

import (
	"path"
	"path/filepath"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/field"
	"github.com/httplens/httplens/ui/uimsg"
)

// nodeKind is what a tree row stands for.
type nodeKind int

const (
	nodeGroup nodeKind = iota
	nodeFile
	nodeRequest
	nodeError // a file that failed to load: its path, line, column and why
)

// treeNode is one row of the collection tree. Text fields are sanitised.
type treeNode struct {
	kind   nodeKind
	depth  int
	id     string // unique within the tree; the fold state is kept by it
	label  string
	method string
	match  string // lower-case name and title, for the filter
	parent int    // index of the enclosing node, -1 at the top
	req    *collections.Request
	file   *collections.File // for a file row
}

// treePane lists the files, folders and requests of the collection.
type treePane struct {
	st      Styles
	keys    treeKeys
	w, h    int
	focused bool

	nodes   []treeNode
	folded  map[string]bool
	visible []int // indexes into nodes, in display order
	cursor  int   // index into visible
	top     int
	filter  field.Line

	prompt    field.Line // the rename and new-file prompt
	promptFor treeAction
	dirty     map[string]bool // requests with unsaved edits, by key
}

func newTreePane(st Styles) treePane {
	return treePane{st: st, keys: newTreeKeys(nil), folded: map[string]bool{}, filter: field.New("/"), prompt: field.New("")}
}

// SetCollection replaces the tree's content; the cursor goes to the first request.
func (m *treePane) SetCollection(c *collections.Collection) {
	m.nodes = buildNodes(c)
	m.folded = map[string]bool{}
	m.cursor, m.top = 0, 0
	m.refresh()
	m.cursorToRequest(1)
}

// buildNodes flattens the collection into rows: folders, then files, then requests.
func buildNodes(c *collections.Collection) []treeNode {
	var nodes []treeNode
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
					nodes = append(nodes, treeNode{kind: nodeGroup, depth: i, id: "g:" + p,
						label: termtext.String(parts[i]) + "/", parent: parent})
				}
				parent, depth = idx, i+1
			}
		}
		fileIdx := len(nodes)
		nodes = append(nodes, treeNode{kind: nodeFile, depth: depth, id: "f:" + f.Path,
			label: termtext.String(filepath.Base(f.Path)), parent: parent, file: f})
		for i := range f.Requests {
			r := &f.Requests[i]
			nodes = append(nodes, treeNode{kind: nodeRequest, depth: depth + 1, id: requestKey(r),
				label: termtext.String(requestLabel(r)), method: termtext.String(r.Method),
				match: strings.ToLower(r.Name + "\x00" + r.Title), parent: fileIdx, req: r})
		}
	}
	for i, err := range c.Errors {
		nodes = append(nodes, treeNode{kind: nodeError, id: "e:" + strconv.Itoa(i),
			label: "✗ " + termtext.String(relativeError(err, c.Dir).Error()), parent: -1})
	}
	return nodes
}

// requestKey identifies a request within a session: its file and position.
func requestKey(r *collections.Request) string {
	if r.File == nil {
		return "r:#" + r.Name
	}
	return "r:" + r.File.Path + "#" + strconv.Itoa(r.Index)
}

// requestLabel is what the tree shows for a request: its title, name or URL.
func requestLabel(r *collections.Request) string {
	switch {
	case r.Title != "":
		return r.Title
	case r.Name != "":
		return r.Name
	}
	return r.URL
}

// SetSize sets the inner size the pane draws into.
func (m *treePane) SetSize(w, h int) {
	m.w, m.h = w, h
	m.reveal()
}

// Focus and Blur tell the pane whether keys come to it.
func (m *treePane) Focus() { m.focused = true }

// Blur see Focus.
func (m *treePane) Blur() { m.focused = false }

// Editing reports whether the filter or a prompt is taking typed text.
func (m *treePane) Editing() bool { return m.filter.Editing() || m.prompt.Editing() }

// KeyMap is the pane's bindings for the help views.
func (m *treePane) KeyMap() treeKeys { return m.keys }

// FieldKeys are the filter field's bindings while it is edited.
func (m *treePane) FieldKeys() field.Keys { return m.filter.Keys }

// Title is the frame title.
func (m *treePane) Title() string {
	if f := m.filter.Value(); f != "" {
		return "Collection · filter: " + termtext.String(f)
	}
	return "Collection"
}

// Selected is the request under the cursor, or nil.
func (m *treePane) Selected() *collections.Request {
	if m.cursor < 0 || m.cursor >= len(m.visible) {
		return nil
	}
	return m.nodes[m.visible[m.cursor]].req
}

// Update handles keys and mouse clicks.
func (m treePane) Update(msg tea.Msg) (treePane, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if m.prompt.Editing() {
			return m.updatePrompt(msg)
		}
		if m.filter.Editing() {
			return m.updateFilter(msg), nil
		}
		id, _ := m.keys.Match(msg)
		return m.do(id)
	case uimsg.RunAction:
		return m.do(msg.ID)
	case tea.MouseMsg:
		return m.updateMouse(msg)
	}
	return m, nil
}

// do runs the tree's action id, from its key or from the palette.
func (m treePane) do(id settings.Action) (treePane, tea.Cmd) {
	if ok, cmd := m.actionKey(id); ok {
		return m, cmd
	}
	switch {
	case id == actionFilter:
		m.filter.Start()
	case id == actionClearFilter:
		m.setFilter("")
	case id == actionOpen:
		return m.open()
	case id == actionExpand:
		m.fold(false)
	case id == actionCollapse:
		m.fold(true)
	default:
		m.cursor = scrollCursor(id, m.cursor, m.h, len(m.visible))
		m.reveal()
	}
	return m, nil
}

func (m treePane) updateFilter(msg tea.KeyMsg) treePane {
	switch m.filter.Update(msg) {
	case field.Changed:
		m.setFilter(m.filter.Value())
		m.filter.SetEditing(true)
	case field.Abandoned:
		m.setFilter("")
	case field.Accepted:
		m.keys.Enable(actionClearFilter, m.filter.Value() != "")
	}
	return m
}

// setFilter shows only the requests whose name or title contains f (any case).
func (m *treePane) setFilter(f string) {
	if f == "" {
		m.filter.Reset()
	}
	m.keys.Enable(actionClearFilter, f != "")
	m.cursor, m.top = 0, 0
	m.refresh()
	m.cursorToRequest(1)
}

// open opens the request under the cursor, or folds and unfolds a file or folder.
func (m treePane) open() (treePane, tea.Cmd) {
	r := m.Selected()
	if r == nil {
		if m.cursor < len(m.visible) {
			id := m.nodes[m.visible[m.cursor]].id
			m.fold(!m.folded[id])
		}
		return m, nil
	}
	return m, func() tea.Msg { return requestOpenedMsg{req: r} }
}

// fold folds (true) or unfolds the file or folder under the cursor; on a request it
// acts on the request's file.
func (m *treePane) fold(on bool) {
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
func (m *treePane) refresh() {
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
	m.cursor = clamp(m.cursor, 0, max(len(m.visible)-1, 0))
}

// hidden reports a node inside a folded file or folder.
func (m *treePane) hidden(i int) bool {
	for p := m.nodes[i].parent; p >= 0; p = m.nodes[p].parent {
		if m.folded[m.nodes[p].id] {
			return true
		}
	}
	return false
}

// cursorToRequest moves the cursor to the nearest request in direction d.
func (m *treePane) cursorToRequest(d int) {
	for i := m.cursor; i >= 0 && i < len(m.visible); i += d {
		if m.nodes[m.visible[i]].kind == nodeRequest {
			m.cursor = i
			break
		}
	}
	m.reveal()
}

// reveal scrolls so the cursor row is on screen.
func (m *treePane) reveal() {
	if m.h <= 0 {
		return
	}
	rows := m.listHeight()
	if m.cursor < m.top {
		m.top = m.cursor
	} else if m.cursor >= m.top+rows {
		m.top = m.cursor - rows + 1
	}
	m.top = clamp(m.top, 0, max(len(m.visible)-rows, 0))
}

func (m *treePane) listHeight() int {
	if m.filter.Editing() || m.prompt.Editing() {
		return max(m.h-1, 1)
	}
	return max(m.h, 1)
}

func (m treePane) updateMouse(msg tea.MouseMsg) (treePane, tea.Cmd) {
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		m.top = max(m.top-3, 0)
	case msg.Button == tea.MouseButtonWheelDown:
		m.top = clamp(m.top+3, 0, max(len(m.visible)-m.listHeight(), 0))
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
func (m treePane) View() string {
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
	return fitBlock(lines, m.w, m.h)
}

func (m *treePane) row(vi int) string {
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
		method := fit(n.method, 7)
		label := n.label
		if m.dirty[n.id] {
			label += " ●" // unsaved edits
		}
		plain = indent + method + label
		styled = indent + m.st.Method(n.method).Render(method) + label
	default:
		arrow := "▾ "
		if m.folded[n.id] {
			arrow = "▸ "
		}
		plain = indent + arrow + n.label
		styled = indent + arrow + m.st.Bold.Render(n.label)
	}
	if vi == m.cursor {
		return m.st.Selected.Render(fit(plain, m.w))
	}
	return styled
}
