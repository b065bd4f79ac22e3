package ui

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
	"github.com/httplens/httplens/ui/uimsg"
	"github.com/httplens/httplens/ui/wireview"
)

// match is one search hit: byte offsets into a plain line.
type match struct{ line, start, end int }

// responsePane shows the response of the last send in tabs, with a body search.
// All content work happened before it arrived; View only slices visible lines.
type responsePane struct {
	st      Styles
	keys    responseKeys
	w, h    int
	focused bool

	content  *responseContent
	none     string // the request named in the empty state ("Not sent yet: …"), escaped
	sending  string // while a request is in flight: spinner and elapsed time
	tab      int
	offsets  [tabCount]int
	search   field.Line
	query    string // the search being shown
	matches  []match
	current  int
	searchID int // the id of the search whose result is wanted

	hsel int         // the header under the cursor in the Headers tab
	hist historyList // the History tab

	progress transferProgress // of the body arriving while sending
}

// copyResponseMsg asks the root to copy the response's body, or all of it raw.
type copyResponseMsg struct{ raw bool }

// SetCopyable enables the copy keys when there is a response to copy.
func (m *responsePane) SetCopyable(on bool) {
	m.keys.Enable(actionCopyBody, on)
	m.keys.Enable(actionCopyRaw, on)
}

func newResponsePane(st Styles) responsePane {
	return responsePane{st: st, keys: newResponseKeys(nil), search: field.New("/"), tab: tabRaw}
}

// SetSize sets the inner size the pane draws into.
func (m *responsePane) SetSize(w, h int) { m.w, m.h = w, h }

// Focus and Blur tell the pane whether keys come to it.
func (m *responsePane) Focus() { m.focused = true }

// Blur see Focus.
func (m *responsePane) Blur() { m.focused = false }

// Editing reports whether the search field is taking typed text.
func (m *responsePane) Editing() bool { return m.search.Editing() }

// KeyMap is the pane's bindings for the help views.
func (m *responsePane) KeyMap() responseKeys { return m.keys }

// FieldKeys are the search field's bindings while it is edited.
func (m *responsePane) FieldKeys() field.Keys { return m.search.Keys }

// SetSending shows (non-empty) or clears the in-flight indicator.
func (m *responsePane) SetSending(s string) { m.sending = s }

// SetContent shows a new response; scroll positions and the search start over.
func (m *responsePane) SetContent(c *responseContent) {
	m.content, m.sending = c, ""
	m.offsets = [tabCount]int{}
	if !tabShown(m.tab, c) {
		m.tab = tabRaw
		m.keys.setTab(tabRaw)
	}
	m.hsel = 0
	m.clearSearch()
}

func (m *responsePane) clearSearch() {
	m.query, m.matches, m.current = "", nil, 0
	m.search.Reset()
	m.searchID++
	m.keys.setSearching(false)
}

// Title is the frame title: status, reason, time and size once a response is in.
func (m *responsePane) Title() string {
	c := m.content
	switch {
	case c == nil:
		return "Response"
	case c.notHTTP:
		return "Response · no status line · " + humanBytes(c.size)
	case c.status == 0:
		return "Response · failed"
	}
	t := fmt.Sprintf("Response %d %s · %s · %s", c.status, c.reason, humanDuration(c.elapsed), humanBytes(c.size))
	if c.incomplete {
		t = fmt.Sprintf("Response %d %s · incomplete · %s", c.status, c.reason, humanBytes(c.size))
	}
	if c.truncated {
		t += " (truncated)"
	}
	return t
}

// Update handles keys, mouse events and search results.
func (m responsePane) Update(msg tea.Msg) (responsePane, tea.Cmd) {
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
	case searchDoneMsg:
		if msg.id == m.searchID {
			m.matches, m.current = msg.matches, 0
			m.keys.setSearching(true)
			m.revealMatch()
		}
	}
	return m, nil
}

// do runs the response pane's action id, from its key or from the palette.
func (m responsePane) do(id settings.Action) (responsePane, tea.Cmd) {
	if next, cmd, ok := m.updateListKey(id); ok {
		return next, cmd
	}
	switch {
	case id == actionTabNext:
		return m.setTab(m.nextTab(1))
	case id == actionTabPrev:
		return m.setTab(m.nextTab(-1))
	case id == actionSearch:
		m.search.Reset()
		m.search.Start()
		return m, nil
	case id == actionMatchNext:
		m.step(1)
	case id == actionMatchPrev:
		m.step(-1)
	case id == actionEndSearch:
		m.clearSearch()
	case id == actionCopyBody:
		return m, func() tea.Msg { return copyResponseMsg{} }
	case id == actionCopyRaw:
		return m, func() tea.Msg { return copyResponseMsg{raw: true} }
	case id == actionSaveBody:
		return m, func() tea.Msg { return saveBodyMsg{} }
	case id == actionInsecure:
		return m, func() tea.Msg { return resendInsecureMsg{} }
	default:
		if i := slices.Index(respTabActions[:], id); i >= 0 {
			if !tabShown(i, m.content) {
				return m, nil
			}
			return m.setTab(i)
		}
		m.offsets[m.tab] = scroll(id, m.offsets[m.tab], m.bodyHeight(), m.lineCount())
	}
	return m, nil
}

func (m responsePane) updateSearchField(msg tea.KeyMsg) (responsePane, tea.Cmd) {
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
func (m *responsePane) searchCmd() tea.Cmd {
	m.searchID++
	m.matches = nil
	t := m.text()
	if t == nil || m.query == "" {
		return nil
	}
	return searchCmd(m.searchID, t, m.query)
}

// nextTab is the next tab shown in direction d (+1 or -1), wrapping around.
func (m *responsePane) nextTab(d int) int {
	t := m.tab
	for range tabCount {
		t = (t + d + tabCount) % tabCount
		if tabShown(t, m.content) {
			return t
		}
	}
	return m.tab
}

func (m responsePane) setTab(i int) (responsePane, tea.Cmd) {
	m.tab = i
	m.keys.setTab(i)
	if m.query != "" {
		return m, m.searchCmd()
	}
	return m, nil
}

// step moves to the next (+1) or previous (-1) match, wrapping around.
func (m *responsePane) step(d int) {
	if len(m.matches) == 0 {
		return
	}
	m.current = (m.current + d + len(m.matches)) % len(m.matches)
	m.revealMatch()
}

// revealMatch scrolls so the current match is on screen, a third of the way down.
func (m *responsePane) revealMatch() {
	if len(m.matches) == 0 {
		return
	}
	line := m.matches[m.current].line
	top, h := m.offsets[m.tab], m.bodyHeight()
	if line < top || line >= top+h {
		m.offsets[m.tab] = clamp(line-h/3, 0, max(m.lineCount()-h, 0))
	}
}

func (m responsePane) updateMouse(msg tea.MouseMsg) responsePane {
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		m.offsets[m.tab] = max(m.offsets[m.tab]-3, 0)
	case msg.Button == tea.MouseButtonWheelDown:
		m.offsets[m.tab] = clamp(m.offsets[m.tab]+3, 0, max(m.lineCount()-m.bodyHeight(), 0))
	case msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft && msg.Y == 0:
		x := 0
		for i := range tabCount {
			if !tabShown(i, m.content) {
				continue
			}
			w := len(tabName(i)) + 2
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
func (m *responsePane) text() *tabText {
	if m.content == nil || m.tab == tabTiming || m.tab == tabHistory {
		return nil
	}
	if m.tab == tabTests && m.content.tests != nil {
		// Wrapped, not cut at the pane's edge: a test's message is worth reading whole.
		styled, plain := m.content.tests.Lines(m.w)
		return &tabText{plain: plain, styled: styled}
	}
	return &m.content.tabs[m.tab]
}

func (m *responsePane) lineCount() int {
	if t := m.text(); t != nil {
		return t.Len()
	}
	return 0
}

// bodyHeight is the rows left for content under the tab bar and the search line.
func (m *responsePane) bodyHeight() int {
	h := m.h - 1 - m.noticeRows()
	if m.search.Editing() || m.query != "" {
		h--
	}
	return max(h, 0)
}

// View draws exactly w×h cells.
func (m responsePane) View() string {
	lines := make([]string, 0, m.h)
	lines = append(lines, m.tabBar())
	lines = append(lines, m.noticeLines()...)
	switch c := m.content; {
	case m.sending != "":
		lines = append(lines, "", "  "+m.sending, "  "+progressBar(m.progress, m.w-2))
	case m.tab == tabHistory:
		lines = append(lines, m.hist.view(m.st, m.keys, m.bodyHeight(), m.focused)...)
	case c == nil && m.none != "":
		lines = append(lines, "", m.st.Muted.Render(ansi.Truncate("  Not sent yet: "+m.none, max(m.w, 0), "…")),
			m.st.Muted.Render("  Press "+keyName(m.keys.send)+" to send it."))
	case c == nil:
		lines = append(lines, "", m.st.Muted.Render("  No response yet. Press "+keyName(m.keys.send)+" to send the request."))
	case m.tab == tabRequest || m.tab == tabTests || m.tab == tabLab:
		lines = append(lines, m.visibleLines()...)
	case c.status == 0 && !c.notHTTP:
		lines = append(lines, "", m.st.ErrorText.Render("  Request failed"), "")
		for _, l := range strings.Split(wrapText(c.err, m.w-4), "\n") {
			lines = append(lines, "  "+l)
		}
	case m.tab == tabTiming:
		lines = append(lines, wireview.Timing(c.timing, m.w, m.st)...)
	default:
		lines = append(lines, m.visibleLines()...)
	}
	body := fitBlock(lines, m.w, m.h)
	if m.search.Editing() || m.query != "" {
		body = fitBlock(append(strings.Split(body, "\n")[:max(m.h-1, 0)], m.searchLine()), m.w, m.h)
	}
	return body
}

func (m *responsePane) tabBar() string {
	parts := make([]string, 0, tabCount+1)
	for i := range tabCount {
		if !tabShown(i, m.content) {
			continue
		}
		st := m.st.Tab
		if i == m.tab {
			st = m.st.TabActive
		}
		parts = append(parts, st.Render(tabLabel(tabName(i), i == m.tab)))
	}
	bar := strings.Join(parts, "")
	if c := m.content; c != nil && c.err != "" && c.status != 0 && m.tab != tabRaw && m.tab != tabPretty {
		bar += "  " + m.st.ErrorText.Render(c.err)
	} else if c != nil && m.tab == tabPretty && c.note != "" {
		note := c.note
		if c.pending {
			note += " (" + keyName(m.keys.cancel) + " stops)"
		}
		bar += "  " + m.st.Muted.Render(note)
	}
	return bar
}

// noticeText is the content's notice, with the key that saves the whole body
// when saving keeps more than the pane shows.
func (m *responsePane) noticeText() string {
	if m.content.saveHint {
		return m.content.notice + " · " + keyName(m.keys.Get(actionSaveBody)) + " saves it"
	}
	return m.content.notice
}

func (m *responsePane) searchLine() string {
	if m.search.Editing() {
		return m.search.View()
	}
	if len(m.matches) == 0 {
		return m.st.Muted.Render("/" + termtext.String(m.query) + "  no matches")
	}
	return fmt.Sprintf("/%s  %d/%d  %s next · %s previous", termtext.String(m.query), m.current+1, len(m.matches),
		keyName(m.keys.Get(actionMatchNext)), keyName(m.keys.Get(actionMatchPrev)))
}

// visibleLines slices the lines on screen and marks search hits on them.
func (m *responsePane) visibleLines() []string {
	t := m.text()
	if t == nil {
		return nil
	}
	top, h := m.offsets[m.tab], m.bodyHeight()
	end := min(top+h, t.Len())
	out := t.StyledRange(top, end)
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
func (m *responsePane) markMatches(line string, from, to int) string {
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
