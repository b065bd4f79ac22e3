// Package responsepane is the Response pane: the exchange shown in tabs (Raw,
// Pretty, Headers, Timing, History, Request, Tests, Cache lab), a body search,
// the History tab's list of stored exchanges, and the formatting of a large
// body's Pretty tab in a command. Its content comes ready-made from package
// responsecontent, so View only slices the visible lines. It talks to the root
// with the messages in msgs.go and imports the leaves under ui, never the root.
package responsepane

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/field"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/nav"
	rc "github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
	"github.com/httplens/httplens/ui/wireview"
)

// Model shows the response of the last send in tabs, with a body search.
// All content work happened before it arrived; View only slices visible lines.
type Model struct {
	st      styles.Styles
	keys    Keys
	w, h    int
	focused bool

	content  *rc.Content
	none     string // the request named in the empty state ("Not sent yet: …"), escaped
	sending  string // while a request is in flight: spinner and elapsed time
	tab      int
	offsets  [rc.TabCount]int
	search   field.Line
	query    string // the search being shown
	matches  []match
	current  int
	searchID int // the id of the search whose result is wanted

	hsel int         // the header under the cursor in the Headers tab
	hist historyList // the History tab

	progress Progress  // of the body arriving while sending
	pretty   prettyJob // the formatting of a large body's Pretty tab
	bar      *barMemo  // the tab bar as last drawn; nil in a Model not made by New
}

// SetCopyable enables the copy keys when there is a response to copy.
func (m *Model) SetCopyable(on bool) {
	m.keys.Enable(ActionCopyBody, on)
	m.keys.Enable(ActionCopyRaw, on)
}

// New returns an empty pane that matches keys against keys.
func New(st styles.Styles, keys Keys) Model {
	return Model{st: st, keys: keys, search: field.New("/"), tab: rc.TabRaw, bar: &barMemo{}}
}

// SetSize sets the inner size the pane draws into.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	// The Tests tab is wrapped to the width: wider, it is shorter, and its
	// offset must still leave the view ending on its last line.
	if m.content != nil && m.content.Tests != nil {
		t := m.tab
		m.tab = rc.TabTests
		m.offsets[rc.TabTests] = uikit.Clamp(m.offsets[rc.TabTests], 0, max(m.lineCount()-m.bodyHeight(), 0))
		m.tab = t
	}
}

// Focus and Blur tell the pane whether keys come to it.
func (m *Model) Focus() { m.focused = true }

// Blur see Focus.
func (m *Model) Blur() { m.focused = false }

// Editing reports whether the search field is taking typed text.
func (m *Model) Editing() bool { return m.search.Editing() }

// KeyMap is the pane's bindings for the help views.
func (m *Model) KeyMap() Keys { return m.keys }

// FieldKeys are the search field's bindings while it is edited.
func (m *Model) FieldKeys() field.Keys { return *m.search.Keys }

// SetSending shows (non-empty) or clears the in-flight indicator.
func (m *Model) SetSending(s string) { m.sending = s }

// SetContent shows a new response; scroll positions and the search start over.
func (m *Model) SetContent(c *rc.Content) {
	m.content, m.sending, m.none = c, "", ""
	m.offsets = [rc.TabCount]int{}
	if !rc.TabShown(m.tab, c) {
		m.tab = rc.TabRaw
		m.keys.setTab(rc.TabRaw)
	}
	m.hsel = 0
	m.clearSearch()
}

func (m *Model) clearSearch() {
	m.query, m.matches, m.current = "", nil, 0
	m.search.Reset()
	m.searchID++
	m.keys.setSearching(false)
}

// Title is the frame title: status, reason, time and size once a response is in.
func (m *Model) Title() string {
	c := m.content
	switch {
	case c == nil:
		return "Response"
	case c.NotHTTP:
		return "Response · no status line · " + uikit.Bytes(c.Size)
	case c.Status == 0:
		return "Response · failed"
	}
	t := fmt.Sprintf("Response %d %s · %s · %s", c.Status, c.Reason, wireview.Duration(c.Elapsed), uikit.Bytes(c.Size))
	if c.Incomplete {
		t = fmt.Sprintf("Response %d %s · incomplete · %s", c.Status, c.Reason, uikit.Bytes(c.Size))
	}
	if c.Truncated {
		t += " (truncated)"
	}
	return t
}

// Update handles keys, mouse events and search results.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if m.search.Editing() {
			return m.updateSearchField(msg)
		}
		id, _ := m.keys.Match(msg)
		return m.do(id)
	case uimsg.RunAction:
		return m.do(msg.ID)
	case tea.MouseMsg:
		return m.updateMouse(msg), nil
	case SearchDoneMsg:
		if msg.id == m.searchID {
			m.matches, m.current = msg.matches, 0
			m.keys.setSearching(true)
			m.revealMatch()
		}
	}
	return m, nil
}

// do runs the response pane's action id, from its key or from the palette.
func (m Model) do(id settings.Action) (Model, tea.Cmd) {
	if next, cmd, ok := m.updateListKey(id); ok {
		return next, cmd
	}
	switch {
	case id == nav.TabNext:
		return m.setTab(m.nextTab(1))
	case id == nav.TabPrev:
		return m.setTab(m.nextTab(-1))
	case id == ActionSearch:
		m.search.Reset()
		m.search.Start()
		return m, nil
	case id == ActionNext:
		m.step(1)
	case id == ActionPrev:
		m.step(-1)
	case id == ActionEnd:
		m.clearSearch()
	case id == ActionCopyBody:
		return m, func() tea.Msg { return CopyMsg{} }
	case id == ActionCopyRaw:
		return m, func() tea.Msg { return CopyMsg{Raw: true} }
	case id == ActionSaveBody:
		return m, func() tea.Msg { return SaveBodyMsg{} }
	case id == ActionInsecure:
		return m, func() tea.Msg { return ResendInsecureMsg{} }
	default:
		if i := slices.Index(TabActions[:], id); i >= 0 {
			if !rc.TabShown(i, m.content) {
				return m, nil
			}
			return m.setTab(i)
		}
		m.offsets[m.tab] = nav.Scroll(id, m.offsets[m.tab], m.bodyHeight(), m.lineCount())
	}
	return m, nil
}

func (m Model) updateSearchField(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch m.search.Update(msg) {
	case field.Accepted:
		m.query = m.search.Value()
		if m.query == "" {
			m.clearSearch()
			return m, nil
		}
		return m, m.searchCmd()
	case field.Abandoned:
		m.clearSearch()
	}
	return m, nil
}

// searchCmd starts a search of the current tab; the content is immutable, so the
// command may read it while the pane goes on.
func (m *Model) searchCmd() tea.Cmd {
	m.searchID++
	m.matches = nil
	t := m.text()
	if t == nil || m.query == "" {
		return nil
	}
	return searchCmd(m.searchID, t, m.query)
}

// nextTab is the next tab shown in direction d (+1 or -1), wrapping around.
func (m *Model) nextTab(d int) int {
	t := m.tab
	for range rc.TabCount {
		t = (t + d + rc.TabCount) % rc.TabCount
		if rc.TabShown(t, m.content) {
			return t
		}
	}
	return m.tab
}

func (m Model) setTab(i int) (Model, tea.Cmd) {
	m.tab = i
	m.keys.setTab(i)
	if m.query != "" {
		return m, m.searchCmd()
	}
	return m, nil
}

// step moves to the next (+1) or previous (-1) match, wrapping around.
func (m *Model) step(d int) {
	if len(m.matches) == 0 {
		return
	}
	m.current = (m.current + d + len(m.matches)) % len(m.matches)
	m.revealMatch()
}

// revealMatch scrolls so the current match is on screen, a third of the way down.
func (m *Model) revealMatch() {
	if len(m.matches) == 0 {
		return
	}
	line := m.matches[m.current].line
	top, h := m.offsets[m.tab], m.bodyHeight()
	if line < top || line >= top+h {
		m.offsets[m.tab] = uikit.Clamp(line-h/3, 0, max(m.lineCount()-h, 0))
	}
}

func (m Model) updateMouse(msg tea.MouseMsg) Model {
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		m.offsets[m.tab] = max(m.offsets[m.tab]-3, 0)
	case msg.Button == tea.MouseButtonWheelDown:
		m.offsets[m.tab] = uikit.Clamp(m.offsets[m.tab]+3, 0, max(m.lineCount()-m.bodyHeight(), 0))
	case msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft && msg.Y == 0:
		x := 0
		for i := range rc.TabCount {
			if !rc.TabShown(i, m.content) {
				continue
			}
			w := len(rc.TabName(i)) + 2
			if msg.X >= x && msg.X < x+w {
				m.tab = i
				m.keys.setTab(i)
			}
			x += w
		}
	}
	return m
}

// text is the current tab's lines, or nil for the Timing tab and before a response.
func (m *Model) text() *rc.Text {
	if m.content == nil || m.tab == rc.TabTiming || m.tab == rc.TabHistory {
		return nil
	}
	if m.tab == rc.TabTests && m.content.Tests != nil {
		// Wrapped, not cut at the pane's edge: a test's message is worth reading whole.
		styled, plain := m.content.Tests.Lines(m.w)
		return rc.NewText(plain, styled)
	}
	return &m.content.Tabs[m.tab]
}

func (m *Model) lineCount() int {
	if t := m.text(); t != nil {
		return t.Len()
	}
	return 0
}

// bodyHeight is the rows left for content under the tab bar and the search line.
func (m *Model) bodyHeight() int {
	h := m.h - 1 - m.noticeRows()
	if m.search.Editing() || m.query != "" {
		h--
	}
	return max(h, 0)
}

// View draws exactly w×h cells.
func (m Model) View() string { return uikit.FitBlock(m.Lines(), m.w, m.h) }

// Size is the size the pane draws into.
func (m *Model) Size() (w, h int) { return m.w, m.h }

// Lines are the pane's lines as View shows them once each is fitted to the
// pane's width (View is them fitted and joined): the root writes them straight
// into the screen, without the joined copy (issue 24).
func (m Model) Lines() []string {
	lines := make([]string, 0, m.h)
	lines = append(lines, m.tabBar())
	lines = append(lines, m.noticeLines()...)
	switch c := m.content; {
	case m.sending != "":
		lines = append(lines, "", "  "+m.sending, "  "+progressBar(m.progress, m.w-2))
	case m.tab == rc.TabHistory:
		lines = append(lines, m.hist.view(m.st, m.keys, m.bodyHeight(), m.focused)...)
	case c == nil && m.none != "":
		lines = append(lines, "", m.st.Muted.Render(ansi.Truncate("  Not sent yet: "+m.none, max(m.w, 0), "…")),
			m.st.Muted.Render("  Press "+keyset.Name(m.keys.send)+" to send it."))
	case c == nil:
		lines = append(lines, "", m.st.Muted.Render("  No response yet. Press "+keyset.Name(m.keys.send)+" to send the request."))
	case m.tab == rc.TabRequest || m.tab == rc.TabTests || m.tab == rc.TabLab:
		lines = append(lines, m.visibleLines()...)
	case c.Status == 0 && !c.NotHTTP:
		lines = append(lines, "", m.st.ErrorText.Render("  Request failed"), "")
		for _, l := range strings.Split(uikit.WrapText(c.Err, m.w-4), "\n") {
			lines = append(lines, "  "+l)
		}
	case m.tab == rc.TabTiming:
		lines = append(lines, wireview.Timing(c.Timing, m.w, m.st)...)
	default:
		lines = append(lines, m.visibleLines()...)
	}
	if m.search.Editing() || m.query != "" {
		// The search line takes the last row.
		for len(lines) < m.h-1 {
			lines = append(lines, "")
		}
		lines = append(lines[:max(m.h-1, 0)], m.searchLine())
	}
	return lines
}

func (m *Model) tabBar() string {
	k := m.tabBarKey()
	if c := m.bar; c != nil && c.out != "" && c.key == k {
		return c.out
	}
	out := m.drawTabBar()
	if m.bar != nil {
		*m.bar = barMemo{key: k, out: out}
	}
	return out
}

// barMemo is the tab bar as last drawn and what it was drawn from. The bar is
// the same from key press to key press, and styling it every frame was a tenth
// of a Down key's time (issue 24). A cache of a pure function: the model's
// copies share it.
type barMemo struct {
	key barKey
	out string
}

// barKey is everything the tab bar shows.
type barKey struct {
	st        styles.Styles
	tab       int
	shown     [rc.TabCount]bool
	status    int
	err, note string
	pending   bool
	cancel    string
}

func (m *Model) tabBarKey() barKey {
	k := barKey{st: m.st, tab: m.tab}
	for i := range rc.TabCount {
		k.shown[i] = rc.TabShown(i, m.content)
	}
	if c := m.content; c != nil {
		k.status, k.err, k.note, k.pending = c.Status, c.Err, c.Note, c.Pending
		if c.Pending {
			k.cancel = keyset.Name(m.keys.cancel)
		}
	}
	return k
}

// drawTabBar is the tab bar: the tabs, the active one marked, then the
// response's error or the Pretty tab's note.
func (m *Model) drawTabBar() string {
	parts := make([]string, 0, rc.TabCount+1)
	for i := range rc.TabCount {
		if !rc.TabShown(i, m.content) {
			continue
		}
		st := m.st.Tab
		if i == m.tab {
			st = m.st.TabActive
		}
		parts = append(parts, st.Render(uikit.TabLabel(rc.TabName(i), i == m.tab)))
	}
	bar := strings.Join(parts, "")
	if c := m.content; c != nil && c.Err != "" && c.Status != 0 && m.tab != rc.TabRaw && m.tab != rc.TabPretty {
		bar += "  " + m.st.ErrorText.Render(c.Err)
	} else if c != nil && m.tab == rc.TabPretty && c.Note != "" {
		note := c.Note
		if c.Pending {
			note += " (" + keyset.Name(m.keys.cancel) + " stops)"
		}
		bar += "  " + m.st.Muted.Render(note)
	}
	return bar
}

// noticeText is the content's notice, with the key that saves the whole body
// when saving keeps more than the pane shows.
func (m *Model) noticeText() string {
	if m.content.SaveHint {
		return m.content.Notice + " · " + keyset.Name(m.keys.Get(ActionSaveBody)) + " saves it"
	}
	return m.content.Notice
}

func (m *Model) searchLine() string {
	if m.search.Editing() {
		return m.search.View()
	}
	if len(m.matches) == 0 {
		return m.st.Muted.Render("/" + termtext.String(m.query) + "  no matches")
	}
	return fmt.Sprintf("/%s  %d/%d  %s next · %s previous", termtext.String(m.query), m.current+1, len(m.matches),
		keyset.Name(m.keys.Get(ActionNext)), keyset.Name(m.keys.Get(ActionPrev)))
}

// visibleLines slices the lines on screen and marks search hits on them.
func (m *Model) visibleLines() []string {
	t := m.text()
	if t == nil {
		return nil
	}
	top, h := m.offsets[m.tab], m.bodyHeight()
	end := min(top+h, t.Len())
	out := t.StyledRangeIn(top, end, m.w) // fitted to m.w in View
	mi := sort.Search(len(m.matches), func(i int) bool { return m.matches[i].line >= top })
	for i := top; i < end; i++ {
		j := mi
		for j < len(m.matches) && m.matches[j].line == i {
			j++
		}
		switch {
		case j > mi:
			out[i-top] = m.markMatches(t.Plain(i), mi, j)
		case m.selectedLine(i):
			out[i-top] = m.st.Selected.Render(t.Plain(i))
		}
		mi = j
	}
	return out
}

// markMatches renders a plain line with matches[from:to] highlighted.
func (m *Model) markMatches(line string, from, to int) string {
	var sb strings.Builder
	pos := 0
	for k := from; k < to; k++ {
		mt := m.matches[k]
		st := m.st.Match
		if k == m.current {
			st = m.st.MatchCurrent
		}
		sb.WriteString(line[pos:mt.start])
		sb.WriteString(st.Render(line[mt.start:mt.end]))
		pos = mt.end
	}
	sb.WriteString(line[pos:])
	return sb.String()
}
