package responsepane

import (
	"fmt"
	"slices"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/keyset"
	rc "github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/wireview"
)

// historyList is the History tab of the response pane: the stored exchanges of the
// request shown, newest first. The root loads the rows in a command; the list only
// keeps them, the cursor and the marks.
type historyList struct {
	key     string // the request the rows are for (requestKey), "" before any load
	loading bool
	rows    []history.Summary
	err     string // why the rows could not be read, sanitised
	off     bool   // no history database in this run
	offWhy  string // why, when it was not asked for; sanitised
	sel     int
	top     int
	marks   []int64 // ids marked for a diff, in marking order, at most two
	shown   int64   // the id reopened in the response pane, 0 when none
}

// setRows takes a load's result for request key.
func (h *historyList) setRows(key string, rows []history.Summary, err error) {
	if key != h.key {
		h.marks = nil
	}
	h.key, h.loading, h.rows, h.err = key, false, rows, ""
	if err != nil {
		h.err = termtext.String(err.Error())
	}
	h.sel = uikit.Clamp(h.sel, 0, max(len(h.rows)-1, 0))
	h.marks = slices.DeleteFunc(h.marks, func(id int64) bool { return h.index(id) < 0 })
}

// index is the row of exchange id, or -1.
func (h *historyList) index(id int64) int {
	return slices.IndexFunc(h.rows, func(s history.Summary) bool { return s.ID == id })
}

// selected is the exchange under the cursor, if any.
func (h *historyList) selected() (history.Summary, bool) {
	if h.sel < 0 || h.sel >= len(h.rows) {
		return history.Summary{}, false
	}
	return h.rows[h.sel], true
}

// toggleMark marks or unmarks the exchange under the cursor. When two are marked
// it returns them, older first, and starts over.
func (h *historyList) toggleMark() (a, b int64, pair bool) {
	s, ok := h.selected()
	if !ok {
		return 0, 0, false
	}
	if i := slices.Index(h.marks, s.ID); i >= 0 {
		h.marks = slices.Delete(h.marks, i, i+1)
		return 0, 0, false
	}
	h.marks = append(h.marks, s.ID)
	if len(h.marks) < 2 {
		return 0, 0, false
	}
	a, b = min(h.marks[0], h.marks[1]), max(h.marks[0], h.marks[1])
	h.marks = nil
	return a, b, true
}

// view is the tab's lines for a body of height rows: a header row, then the rows
// around the cursor. Every value shown came from the network, so all of it goes
// through the sanitiser.
func (h *historyList) view(st styles.Styles, k Keys, height int, focused bool) []string {
	switch {
	case h.off && h.offWhy != "":
		return []string{"", st.ErrorText.Render("  History is off for this run: ") + h.offWhy}
	case h.off:
		return []string{"", st.Muted.Render("  History is off for this run (--no-history, or the database could not be opened).")}
	case h.err != "":
		return []string{"", st.ErrorText.Render("  Cannot read the history: ") + h.err}
	case h.loading && len(h.rows) == 0:
		return []string{"", st.Muted.Render("  Reading the history…")}
	case len(h.rows) == 0:
		return []string{"", st.Muted.Render("  No stored exchanges of this request yet. Send it with " + keyset.Name(k.send) + ".")}
	}
	lines := []string{st.Muted.Render(fmt.Sprintf("    %-15s %-6s %9s %9s  %s", "Sent", "Status", "Size", "Time", "ETag"))}
	rows := max(height-2, 1)
	top := uikit.Clamp(h.top, max(h.sel-rows+1, 0), h.sel)
	for i := top; i < min(top+rows, len(h.rows)); i++ {
		lines = append(lines, h.row(st, i, focused))
	}
	hint := fmt.Sprintf("  %d stored · %s reopens · %s marks (%d/2) for a diff", len(h.rows), keyset.Name(k.Get(ActionNote)),
		keyset.Name(k.Get(ActionMark)), len(h.marks))
	return append(lines, st.Muted.Render(hint))
}

// row draws exchange i: a cursor, a mark column that shows without colour, then
// time, status, size, duration and ETag.
func (h *historyList) row(st styles.Styles, i int, focused bool) string {
	s := h.rows[i]
	mark := " "
	if slices.Contains(h.marks, s.ID) {
		mark = "*"
	}
	cur := " "
	if i == h.sel {
		cur = "›"
	}
	status := "failed"
	if s.Status != 0 {
		status = fmt.Sprint(s.Status)
	}
	tag := termtext.String(s.ETag)
	if s.ID == h.shown {
		tag += st.Muted.Render("  (shown)")
	}
	lead := fmt.Sprintf("%s%s  %-15s ", cur, mark, s.Sent.Local().Format("Jan 02 15:04:05"))
	rest := fmt.Sprintf(" %9s %9s  %s", uikit.Bytes(s.BodyBytes), wireview.Duration(s.Total), tag)
	status = fmt.Sprintf("%-6s", status)
	if focused && i == h.sel {
		return st.Selected.Render(lead + status + rest)
	}
	return lead + st.Status(s.Status).Render(status) + rest
}

// follow keeps the cursor inside the rows shown, height rows at a time.
func (h *historyList) follow(height int) {
	rows := max(height-2, 1)
	h.top = uikit.Clamp(h.top, max(h.sel-rows+1, 0), h.sel)
}

// SetHistoryOff says whether this run has no history database, and why when it
// was not asked for (sanitised here).
func (m *Model) SetHistoryOff(off bool, why string) {
	m.hist.off = off
	if off && why != "" {
		m.hist.offWhy = termtext.String(why)
	}
}

// LoadHistory reports whether the History tab, shown for request key, needs
// its rows loaded; it then marks them loading, and the caller loads them
// (SetHistoryRows).
func (m *Model) LoadHistory(key string) bool {
	h := &m.hist
	if m.tab != rc.TabHistory || h.off || h.key == key {
		return false
	}
	if h.key != "" || len(h.rows) == 0 {
		h.rows, h.sel, h.top, h.marks, h.shown = nil, 0, 0, nil, 0
	}
	h.key, h.loading = key, true
	return true
}

// HistoryStale says that new exchanges of the requests keys were stored: the
// History tab loads its rows again when they are among them.
func (m *Model) HistoryStale(keys ...string) {
	if slices.Contains(keys, m.hist.key) {
		m.hist.key = ""
	}
}

// HistoryGone says that stored exchanges left the history (the tour started
// over): whatever the History tab shows is read again.
func (m *Model) HistoryGone() { m.hist.key = "" }

// SetHistoryRows takes the stored exchanges of request key, newest first, or
// why they could not be read.
func (m *Model) SetHistoryRows(key string, rows []history.Summary, err error) {
	m.hist.setRows(key, rows, err)
}
