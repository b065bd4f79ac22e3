// Package exchangelist is the TUI view of traffic httplens did not send: the
// exchanges of a HAR file, or those the recording proxy sees, live. A read-only
// list above, the selected exchange below in four tabs (Raw, Headers, Timing,
// Explain), and "save as request", which appends the exchange's request to a
// .http file.
//
// Disk and channel work happen in the commands it returns; network bytes reach
// the screen only through termtext.
package exchangelist

import (
	"fmt"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/traffic"
	"github.com/httplens/httplens/ui/explainview"
	"github.com/httplens/httplens/ui/field"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/nav"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// Tab is a view of the selected exchange.
type Tab int

// The tabs, in order.
const (
	TabRaw Tab = iota
	TabHeaders
	TabTiming
	TabExplain
	tabCount
)

var tabNames = [tabCount]string{"Raw", "Headers", "Timing", "Explain"}

// The actions the view owns; the root's action table declares their rows in
// the traffic scope, with the movement actions of nav and TabNext and TabPrev.
const (
	ShowRaw     settings.Action = "traffic-raw"
	ShowHeaders settings.Action = "traffic-headers"
	ShowTiming  settings.Action = "traffic-timing"
	ShowExplain settings.Action = "traffic-explain"
	SaveRequest settings.Action = "save-as-request"
	// TabNext and TabPrev are the root's tab actions ("tab-next", "tab-prev"),
	// which act here too.
	TabNext settings.Action = "tab-next"
	TabPrev settings.Action = "tab-prev"
)

// Source says where the exchanges come from: a HAR file to read, or a live
// channel of the proxy's records.
type Source struct {
	// HARPath is the HAR file to read; Title is shown above the list.
	HARPath string
	Title   string
	// Live delivers exchanges as they are recorded; closed when recording ends.
	// Hint is shown while none has arrived (how to send traffic through it).
	Live <-chan traffic.Exchange
	Hint string
	// SaveTo is the .http file "save as request" proposes.
	SaveTo string
	// Dir is the folder a relative save path is taken from.
	Dir string
}

// Model is the view. Its zero value is not usable: make it with New.
type Model struct {
	st   styles.Styles
	keys keyset.Set
	src  Source
	expl explainview.Model // the Explain tab
	w, h int

	xs      []traffic.Exchange
	creator string
	loaded  bool
	loadErr string
	ended   bool

	sel, top int // the selected exchange, the first list row shown
	tab      Tab
	off      int      // the tab's scroll offset
	lines    []string // the tab's lines, rendered when the selection, tab or width change

	saving  savePhase
	path    field.Line
	message string
	failed  bool
}

// New returns the view of src with styles st, matching keys against k (the
// traffic scope of the action table).
func New(st styles.Styles, k keyset.Set, src Source) Model {
	if src.Title == "" {
		src.Title = filepath.Base(src.HARPath)
	}
	// The Explain tab is scrolled by this view's keys, never its own.
	expl := explainview.New(st, keyset.New(nil, nil, "traffic-explain"))
	return Model{st: st, keys: k, src: src, expl: expl, path: field.New("Save to: ")}
}

// Init starts reading the HAR file or listening to the live channel.
func (m Model) Init() tea.Cmd {
	if m.src.Live != nil {
		return Listen(m.src.Live)
	}
	return LoadHARCmd(m.src.HARPath)
}

// Typing says a text field has the keys: the caller's single-key actions (q)
// must not act.
func (m Model) Typing() bool { return m.saving != saveNone }

// Len is how many exchanges the list holds.
func (m Model) Len() int { return len(m.xs) }

// SetSize sets the size View fills.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.expl.SetSize(w, m.detailH())
	m.render()
}

// Update handles keys and the view's own messages.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case LoadedMsg:
		if msg.Path != m.src.HARPath {
			return m, nil
		}
		m.loaded, m.xs, m.creator = true, msg.Exchanges, msg.Creator
		if msg.Err != nil {
			m.loadErr = msg.Err.Error()
		}
		m.SetSize(m.w, m.h) // the list's height follows its length
	case ArrivedMsg:
		m.loaded = true
		m.xs = append(m.xs, msg.Exchange)
		if len(m.xs) == 1 || m.sel == len(m.xs)-2 {
			// Follow the newest while the cursor is on the last one.
			m.sel = len(m.xs) - 1
			m.off = 0
		}
		m.fixTop()
		m.SetSize(m.w, m.h)
		return m, Listen(msg.ch)
	case EndedMsg:
		m.ended = true
	case pathCheckedMsg:
		return m.pathChecked(msg)
	case savedMsg:
		m.saved(msg)
	case tea.KeyMsg:
		if m.saving != saveNone {
			return m.savingKey(msg)
		}
		return m.key(msg)
	case uimsg.RunAction:
		return m.Do(msg.ID)
	}
	return m, nil
}

func (m Model) key(msg tea.KeyMsg) (Model, tea.Cmd) {
	if id, ok := m.keys.Match(msg); ok {
		return m.Do(id)
	}
	return m, nil
}

// Do runs action id, as its key would: the palette's way in.
func (m Model) Do(id settings.Action) (Model, tea.Cmd) {
	n := len(m.xs)
	sel, tab := m.sel, m.tab
	switch id {
	case nav.Up, nav.Down, nav.Top, nav.Bottom:
		sel = nav.Cursor(id, sel, m.listH(), n)
	case nav.PageUp, nav.PageDown:
		if m.tab == TabExplain {
			m.expl, _ = m.expl.Update(uimsg.RunAction{ID: id})
		} else {
			m.off = nav.Scroll(id, m.off, m.detailH(), len(m.lines))
		}
	case TabNext:
		tab = (tab + 1) % tabCount
	case TabPrev:
		tab = (tab + tabCount - 1) % tabCount
	case ShowRaw:
		tab = TabRaw
	case ShowHeaders:
		tab = TabHeaders
	case ShowTiming:
		tab = TabTiming
	case ShowExplain:
		tab = TabExplain
	case SaveRequest:
		return m.startSave()
	}
	sel = max(min(sel, n-1), 0)
	if sel != m.sel || tab != m.tab {
		m.sel, m.tab, m.off = sel, tab, 0
		m.message = ""
		m.fixTop()
		m.render()
	}
	return m, nil
}

// Selected is the selected exchange; false when the list is empty.
func (m Model) Selected() (traffic.Exchange, bool) {
	if m.sel >= len(m.xs) {
		return traffic.Exchange{}, false
	}
	return m.xs[m.sel], true
}

// SaveDisabled says why "save as request" cannot act now; "" when it can.
func (m Model) SaveDisabled() string {
	x, ok := m.Selected()
	switch {
	case !ok:
		return "no exchange is selected"
	case x.Tunnel:
		return "a tunnel has no request to save"
	}
	return ""
}

// listH is how many exchanges the list shows: all of a short list, at most two
// fifths of the height, so the tab below gets the rest.
func (m Model) listH() int {
	return max(min(len(m.xs), (m.h-2)*2/5-1), 3)
}

// detailH is how many lines of the tab show.
func (m Model) detailH() int {
	return max(m.h-m.listH()-4, 0)
}

func (m *Model) fixTop() {
	h := m.listH()
	if m.sel < m.top {
		m.top = m.sel
	}
	if m.sel >= m.top+h {
		m.top = m.sel - h + 1
	}
}

// View draws exactly the size it was given.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	out := make([]string, 0, m.h)
	out = append(out, m.st.Bold.Render(m.heading()))
	out = append(out, m.st.Muted.Render(fmt.Sprintf("  %4s  %-7s %3s %8s  %-13s %-8s %s", "#", "METHOD", "ST", "SIZE", "PRIV/SHARED", "FRESH", "URL")))
	for i := m.top; i < m.top+m.listH(); i++ {
		out = append(out, m.row(i))
	}
	out = append(out, m.tabBar())
	if x, ok := m.Selected(); ok && m.tab == TabExplain && x.Report != nil {
		out = append(out, strings.Split(m.expl.View(), "\n")...)
	} else {
		end := min(m.off+m.detailH(), len(m.lines))
		for i := m.off; i < end; i++ {
			out = append(out, m.lines[i])
		}
	}
	for len(out) < m.h-1 {
		out = append(out, "")
	}
	out = append(out[:m.h-1], m.footer())
	return uikit.FitBlock(out, m.w, m.h)
}

func (m Model) heading() string {
	s := termtext.String(m.src.Title)
	if m.creator != "" {
		s += " · by " + termtext.String(m.creator)
	}
	s += fmt.Sprintf(" · %d exchange", len(m.xs))
	if len(m.xs) != 1 {
		s += "s"
	}
	if m.src.Live != nil && !m.ended {
		s += " · recording"
	}
	return s + " · read-only"
}

func (m Model) row(i int) string {
	if i >= len(m.xs) {
		if i == 0 {
			return m.st.Muted.Render("  " + m.emptyText())
		}
		return ""
	}
	x := m.xs[i]
	status, verdict, fresh := "---", "-", "-"
	switch {
	case x.Tunnel:
		status, verdict = "TUN", "tunnel"
	case x.Report != nil:
		c := x.Report.Cache
		status = fmt.Sprint(x.Status)
		verdict = c.Verdict()
		fresh = freshWord(c.Reusable(), c.FreshForS)
	}
	line := fmt.Sprintf("%4d  %-7s %3s %8s  %-13s %-8s %s", i+1, termtext.String(x.Method), status,
		sizeText(x.BodyBytes), verdict, fresh, termtext.String(x.URL))
	if i == m.sel {
		return m.st.Selected.Render("› " + uikit.Fit(line, max(m.w-2, 0)))
	}
	return "  " + line
}

func (m Model) emptyText() string {
	switch {
	case m.loadErr != "":
		return "Cannot read: " + termtext.String(m.loadErr)
	case !m.loaded && m.src.Live == nil:
		return "Reading " + termtext.String(m.src.HARPath) + "…"
	case m.src.Live != nil:
		return "No exchange yet. " + termtext.String(m.src.Hint)
	}
	return "The file holds no exchanges."
}

func (m Model) tabBar() string {
	var b strings.Builder
	for t := range tabCount {
		if t == m.tab {
			b.WriteString(m.st.TabActive.Render("[" + tabNames[t] + "]"))
		} else {
			b.WriteString(m.st.Tab.Render(" " + tabNames[t] + " "))
		}
	}
	if x, ok := m.Selected(); ok && x.Rebuilt && m.tab == TabRaw {
		b.WriteString(m.st.Muted.Render("  rebuilt from the HAR's fields, not the bytes on the wire"))
	}
	return b.String()
}

func (m Model) footer() string {
	switch m.saving {
	case saveTyping:
		return m.path.View()
	case saveConfirm:
		return m.st.Bold.Render(termtext.String(m.path.Value()) + " exists: add the request at its end? y/n")
	}
	if m.failed {
		return m.st.ErrorText.Render(m.message)
	}
	return m.message
}
