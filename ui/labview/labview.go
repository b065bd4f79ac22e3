// Package labview draws the cache lab for the TUI: what the cache did with one
// exchange (its label, why, the request it sent upstream and the response the
// client got) and the cache's contents (entries, their history, the explain
// verdict at the lab clock; clear one or all; the clock keys). It imports the
// lab, explain, styles and termtext; never ui.
package labview

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// Kind names the lab's cache for a title.
func Kind(lab *cachelab.Lab) string {
	if lab.Shared() {
		return "shared cache"
	}
	return "private cache"
}

// Clock says how far the lab clock is ahead, e.g. "+1 h 0 min 10 s".
func Clock(lab *cachelab.Lab) string {
	d := lab.Advanced()
	if d == 0 {
		return "clock not advanced"
	}
	return "clock " + Ahead(d)
}

// Ahead is a duration as the clock keys move it: "+1 h 0 min 10 s".
func Ahead(d time.Duration) string {
	s := int64(d / time.Second)
	switch {
	case s >= 3600:
		return fmt.Sprintf("+%d h %d min %d s", s/3600, s%3600/60, s%60)
	case s >= 60:
		return fmt.Sprintf("+%d min %d s", s/60, s%60)
	}
	return fmt.Sprintf("+%d s", s)
}

// ExchangeLines is what the lab did with one exchange, one line each, safe to
// print: the label, each reason, the store decision, the request it sent upstream
// with the status that came back (or that it sent nothing), and what the client got.
func ExchangeLines(r *cachelab.Result, kind string) []string {
	s := termtext.String
	out := []string{fmt.Sprintf("Cache lab (%s): %s", kind, r.Label)}
	for _, w := range r.Why {
		out = append(out, "  • "+s(w))
	}
	switch {
	case r.Stored:
		out = append(out, "  stored: "+s(r.StoreWhy))
	case r.StoreWhy != "":
		out = append(out, "  not stored: "+s(r.StoreWhy))
	}
	if len(r.Updated) > 0 {
		out = append(out, "  the 304 updated: "+s(strings.Join(r.Updated, ", ")))
	}
	if len(r.Invalidated) > 0 {
		out = append(out, "  invalidated: "+s(strings.Join(r.Invalidated, ", ")))
	}
	if r.Upstream == nil {
		out = append(out, "Upstream: nothing sent (answered from the store)")
	} else {
		out = append(out, "Upstream request:")
		out = append(out, head(*r.Upstream)...)
	}
	out = append(out, "Client got: "+got(r.Response))
	return out
}

// head is the request the lab sent and the status it got back.
func head(x requests.Exchange) []string {
	s := termtext.String
	out := []string{"  " + s(x.Request.Method) + " " + s(x.Request.URL)}
	for _, h := range x.Request.Headers {
		out = append(out, "  "+s(h.Name)+": "+s(h.Value))
	}
	switch {
	case x.Err != nil:
		out = append(out, "  → failed: "+s(x.Err.Error()))
	case x.Response != nil:
		out = append(out, fmt.Sprintf("  → %d %s", x.Response.Status, s(x.Response.Reason)))
	}
	return out
}

// got is the client's response in a line: status, Age, and whether its head was
// rebuilt from the store.
func got(x requests.Exchange) string {
	if x.Response == nil {
		if x.Err != nil {
			return "nothing: " + termtext.String(x.Err.Error())
		}
		return "nothing"
	}
	r := x.Response
	line := fmt.Sprintf("%d %s", r.Status, termtext.String(r.Reason))
	for _, h := range r.Headers {
		if strings.EqualFold(h.Name, "Age") {
			line += " · Age: " + termtext.String(h.Value)
		}
	}
	if r.Reconstructed {
		line += " (served from the store, head rebuilt)"
	}
	return line
}

// Model is the cache's contents view: one row per stored entry, the selected
// entry's history and its explain verdict at the lab clock. Its keys are its
// own (an overlay's); it hands uimsg.Close up.
type Model struct {
	lab     *cachelab.Lab
	entries []cachelab.Entry
	sel     int
	note    string // what the last key did
	keys    keyMap
}

type keyMap struct {
	Up, Down, Clear, ClearAll, Ten, Minute, Hour, Stale, Close key.Binding
}

func newKeys() keyMap {
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], help))
	}
	return keyMap{
		Up: b("up", "up", "k"), Down: b("down", "down", "j"),
		Clear: b("clears one", "d", "delete"), ClearAll: b("clears all", "D"),
		Ten: b("+10 s", "+", "t"), Minute: b("+1 min", "m"), Hour: b("+1 h", "H"),
		Stale: b("to stale", "s"), Close: b("closes", "esc", "q"),
	}
}

// New opens the view on lab's contents now.
func New(lab *cachelab.Lab) Model {
	m := Model{lab: lab, keys: newKeys()}
	m.Refresh()
	return m
}

// Refresh rereads the lab's entries, e.g. after a send or a clock key.
func (m *Model) Refresh() {
	m.entries = m.lab.Entries()
	m.sel = max(min(m.sel, len(m.entries)-1), 0)
}

// Selected is the entry under the cursor; false when the store is empty.
func (m Model) Selected() (cachelab.Entry, bool) {
	if len(m.entries) == 0 {
		return cachelab.Entry{}, false
	}
	return m.entries[m.sel], true
}

// Advance moves the lab clock by d and says so; the clock actions of the TUI
// and the view's own keys both come here.
func Advance(lab *cachelab.Lab, d time.Duration) string {
	lab.Advance(d)
	return fmt.Sprintf("Cache lab clock %s (now %s)", Ahead(lab.Advanced()), lab.Now().UTC().Format("15:04:05"))
}

// Cycle is the lab after the toggle: off → private → shared → off (nil). A new
// kind starts empty: what a private cache stored says nothing of a shared one.
func Cycle(lab *cachelab.Lab, send func(context.Context, requests.Request) requests.Exchange) *cachelab.Lab {
	switch {
	case lab == nil:
		return cachelab.New(cachelab.Config{Send: send})
	case !lab.Shared():
		return cachelab.New(cachelab.Config{Shared: true, Send: send})
	}
	return nil
}

// Toggle is the lab after the toggle (Cycle) and what the status line says of
// it; contents and ten name the keys of the contents view and the +10 s clock.
func Toggle(lab *cachelab.Lab, send func(context.Context, requests.Request) requests.Exchange, contents, ten string) (*cachelab.Lab, string) {
	lab = Cycle(lab, send)
	if lab == nil {
		return nil, "Cache lab off: requests go straight to the server."
	}
	return lab, "Cache lab on: " + Kind(lab) + " — every send goes through it; " + contents + " shows its contents, " +
		ten + " moves its clock 10 s"
}

// StaleFor advances the clock until the entry stored for key (a request's
// "METHOD URL"), else the first one stored, is stale, and says so.
func StaleFor(lab *cachelab.Lab, key string) string {
	es := lab.Entries()
	if len(es) == 0 {
		return "The cache lab stores nothing yet."
	}
	e := es[0]
	for _, x := range es {
		if x.Key == key {
			e = x
		}
	}
	return ToStale(lab, e)
}

// ToStale advances the clock to the moment the entry goes stale (or says it is
// stale already).
func ToStale(lab *cachelab.Lab, e cachelab.Entry) string {
	d, ok := lab.UntilStale(e.Key, e.Secondary)
	switch {
	case !ok:
		return "That entry is gone from the store."
	case d == 0:
		return "That entry is stale already."
	}
	return "To stale: " + Advance(lab, d)
}

// Update handles a key; on close it returns uimsg.Close. Every change to the lab
// happens here, in memory: nothing is sent.
func (m Model) Update(msg tea.KeyMsg) (Model, tea.Msg) {
	k := m.keys
	e, any := m.Selected()
	switch {
	case key.Matches(msg, k.Close):
		return m, uimsg.Close{}
	case key.Matches(msg, k.Up):
		m.sel = max(m.sel-1, 0)
	case key.Matches(msg, k.Down):
		m.sel = min(m.sel+1, max(len(m.entries)-1, 0))
	case key.Matches(msg, k.Clear) && any:
		m.lab.Clear(e.Key, e.Secondary)
		m.note = "Cleared " + termtext.String(e.Key)
	case key.Matches(msg, k.ClearAll) && any:
		m.note = fmt.Sprintf("Cleared %d entries", len(m.entries))
		m.lab.ClearAll()
	case key.Matches(msg, k.Ten):
		m.note = Advance(m.lab, 10*time.Second)
	case key.Matches(msg, k.Minute):
		m.note = Advance(m.lab, time.Minute)
	case key.Matches(msg, k.Hour):
		m.note = Advance(m.lab, time.Hour)
	case key.Matches(msg, k.Stale) && any:
		m.note = ToStale(m.lab, e)
	}
	m.Refresh()
	return m, nil
}

// View draws the contents in a box centred in a w×h area.
func (m Model) View(st styles.Styles, w, h int) string {
	w, h = max(w-6, 20), max(h-2, 4) // the box's border and padding
	s := termtext.String
	fitw := func(l string) string { return uikit.Fit(l, w) }
	lines := []string{st.Bold.Render(fitw(fmt.Sprintf("Cache lab · %s · %s · %d entries", Kind(m.lab), Clock(m.lab), len(m.entries)))), ""}
	if len(m.entries) == 0 {
		lines = append(lines, st.Muted.Render(fitw("The store is empty: send a GET with the lab on.")))
	} else {
		lines = append(lines, st.Muted.Render(fitw(row("KEY", "VARY", "STATUS", "AGE", "LIFETIME", "STATE"))))
		room := max(h/3, 1)
		top := max(min(m.sel-room+1, len(m.entries)-room), 0)
		for i := top; i < min(top+room, len(m.entries)); i++ {
			e := m.entries[i]
			l := fitw(row(s(e.Key), s(orDash(e.Secondary)), fmt.Sprint(e.Status), fmt.Sprintf("%d s", e.AgeS),
				fmt.Sprintf("%d s %s", e.LifetimeS, e.Source), state(e)))
			if i == m.sel {
				l = st.Selected.Render(l)
			}
			lines = append(lines, l)
		}
		e := m.entries[m.sel]
		lines = append(lines, "", st.Bold.Render(fitw("History of "+s(e.Key))))
		for _, ev := range e.History {
			lines = append(lines, fitw("  "+ev.At.UTC().Format("15:04:05")+"  "+s(ev.What)))
		}
		if e.ValidateBy != "" {
			lines = append(lines, fitw("  revalidates with "+s(e.ValidateBy)))
		}
		lines = append(lines, "", st.Bold.Render(fitw("Explain at the lab clock")))
		for _, l := range m.explainLines(e) {
			lines = append(lines, fitw("  "+l))
		}
	}
	foot := "↑↓ select · + 10 s · m 1 min · H 1 h · s to stale · d clears one · D clears all · esc closes"
	if m.note != "" {
		foot = m.note + " · " + foot
	}
	for len(lines) < h-1 {
		lines = append(lines, "")
	}
	if len(lines) > h-1 {
		lines = lines[:max(h-1, 0)]
	}
	return uikit.Centre(st.Overlay, append(lines, st.Muted.Render(fitw(foot))), w+6, h+2)
}

// explainLines is the stored response's caching verdict for this lab's kind of
// cache, read at the lab clock.
func (m Model) explainLines(e cachelab.Entry) []string {
	x, ok := m.lab.ExplainEntry(e.Key, e.Secondary)
	if !ok {
		return []string{"(gone from the store)"}
	}
	rep := explain.Analyze(x)
	v := rep.Cache.Private
	if m.lab.Shared() {
		v = rep.Cache.Shared
	}
	out := []string{CacheViewLine(Kind(m.lab), v)}
	if v.Fresh {
		out = append(out, fmt.Sprintf("Age %d s: fresh for %d s more.", rep.Cache.AgeS, v.FreshForS))
	} else {
		out = append(out, fmt.Sprintf("Age %d s: stale by %d s; reuse needs revalidation.", rep.Cache.AgeS, -v.FreshForS))
	}
	return out
}

// CacheViewLine is one kind of cache's verdict in a sentence, with its own
// must-revalidate (must-revalidate binds every cache; proxy-revalidate and
// s-maxage shared ones only).
func CacheViewLine(kind string, v explain.CacheView) string {
	line := kind + ": "
	if !v.Storable {
		return line + "not storable — " + termtext.String(v.Reason)
	}
	line += "storable"
	if v.Reason != "" {
		line += " (" + termtext.String(v.Reason) + ")"
	}
	if v.FreshnessSource == "none" || v.FreshnessSource == "" {
		line += "; no freshness lifetime, so every reuse is revalidated"
	} else {
		line += fmt.Sprintf("; lifetime %d s from %s", v.FreshnessLifetimeS, v.FreshnessSource)
	}
	if v.MustRevalidate {
		line += "; once stale it must be revalidated"
	}
	return line
}

func state(e cachelab.Entry) string {
	if e.Fresh {
		return fmt.Sprintf("fresh for %d s", e.FreshForS)
	}
	return fmt.Sprintf("stale by %d s", -e.FreshForS)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func row(key, vary, status, age, life, st string) string {
	col := func(s string, n int) string { return uikit.Fit(s, n) + " " }
	return col(key, 44) + col(vary, 20) + col(status, 6) + col(age, 8) + col(life, 16) + st
}
