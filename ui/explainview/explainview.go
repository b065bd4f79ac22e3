// Package explainview is the Explain pane: what the response means (its status
// for this method, the findings by severity, the validators, the caching
// verdict), scrolled with the movement actions of its key set. It imports
// explain, settings, termtext and the leaves under ui, never the root.
package explainview

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/nav"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// Model shows what the response means: its status for this method, the
// findings by severity, the validators and the caching verdict.
type Model struct {
	st      styles.Styles
	Keys    keyset.Set // the explain scope's bindings, from the action table
	w, h    int
	focused bool
	report  *explain.Report
	reason  string // the response's reason phrase, sanitised
	note    string // what the session adds, e.g. what a 412 means for the request sent
	vp      viewport.Model
}

// New returns an empty pane that matches keys against keys.
func New(st styles.Styles, keys keyset.Set) Model {
	vp := viewport.New(0, 0)
	vp.KeyMap = viewport.KeyMap{} // keys are routed through the key set instead
	return Model{st: st, Keys: keys, vp: vp}
}

// SetSize sets the inner size and re-wraps the text for it.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.vp.Width, m.vp.Height = w, h
	m.render()
}

// Focus and Blur tell the pane whether keys come to it.
func (m *Model) Focus() { m.focused = true }

// Blur see Focus.
func (m *Model) Blur() { m.focused = false }

// KeyMap is the pane's bindings for the help views.
func (m *Model) KeyMap() keyset.Set { return m.Keys }

// Title is the frame title.
func (m *Model) Title() string { return "Explain" }

// SetReport shows the analysis of a new response; nil clears the panel. The note
// of the previous response goes with it.
func (m *Model) SetReport(r *explain.Report, reason string) {
	m.report, m.reason, m.note = r, reason, ""
	m.render()
	m.vp.GotoTop()
}

// SetNote shows text above the analysis ("" removes it).
func (m *Model) SetNote(s string) {
	m.note = s
	m.render()
	m.vp.GotoTop()
}

// Update scrolls with keys and the mouse wheel.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		id, _ := m.Keys.Match(msg)
		return m.do(id), nil
	case uimsg.RunAction:
		return m.do(msg.ID), nil
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			m.vp.ScrollUp(3)
		case tea.MouseButtonWheelDown:
			m.vp.ScrollDown(3)
		}
	}
	return m, nil
}

// do runs the explain panel's action id (it only scrolls).
func (m Model) do(id settings.Action) Model {
	m.vp.SetYOffset(nav.Scroll(id, m.vp.YOffset, m.vp.Height, m.vp.TotalLineCount()))
	return m
}

// View draws exactly w×h cells.
func (m Model) View() string {
	return uikit.FitBlock(strings.Split(m.vp.View(), "\n"), m.w, m.h)
}

// render rebuilds the wrapped text; it depends only on the report and the width.
func (m *Model) render() {
	if m.report == nil {
		m.vp.SetContent(m.st.Muted.Render(uikit.WrapText("Send a request to see what its response means.", m.w)))
		return
	}
	var b strings.Builder
	if m.note != "" {
		m.para(&b, "", m.note)
		b.WriteString("\n")
	}
	m.writeStatus(&b)
	m.writeFindings(&b)
	m.writeValidators(&b)
	m.writeCache(&b)
	m.vp.SetContent(strings.TrimRight(b.String(), "\n"))
}

// para writes text wrapped to the pane, the first line after indent and the others
// under it (so a "• " marks only where an item starts).
func (m *Model) para(b *strings.Builder, indent, text string) {
	w := lipgloss.Width(indent)
	hang := strings.Repeat(" ", w)
	for i, l := range strings.Split(uikit.WrapText(termtext.String(text), max(m.w-w, 8)), "\n") {
		if i == 0 {
			b.WriteString(indent + l + "\n")
		} else {
			b.WriteString(hang + l + "\n")
		}
	}
}

func (m *Model) refs(b *strings.Builder, indent string, refs []string) {
	if len(refs) > 0 {
		b.WriteString(m.st.Muted.Render(indent+termtext.String(strings.Join(refs, ", "))) + "\n")
	}
}

func (m *Model) writeStatus(b *strings.Builder) {
	s := m.report.Status
	b.WriteString(m.st.Status(s.Code).Render(fmt.Sprintf("%d %s", s.Code, m.reason)))
	if s.Class != "" {
		b.WriteString(m.st.Muted.Render(" · " + termtext.String(s.Class)))
	}
	b.WriteString("\n")
	m.para(b, "", s.Meaning)
	m.refs(b, "", s.Refs)
}

func (m *Model) writeFindings(b *strings.Builder) {
	groups := []struct {
		sev   explain.Severity
		label string
	}{{explain.Error, "Errors"}, {explain.Warning, "Warnings"}, {explain.Info, "Notes"}}
	for _, g := range groups {
		var fs []explain.Finding
		for _, f := range m.report.Findings {
			if f.Severity == g.sev {
				fs = append(fs, f)
			}
		}
		if len(fs) == 0 {
			continue
		}
		b.WriteString("\n" + m.severityStyle(g.sev).Render(fmt.Sprintf("%s (%d)", g.label, len(fs))) + "\n")
		for _, f := range fs {
			m.para(b, "• ", f.Title)
			m.para(b, "  ", f.Detail)
			m.refs(b, "  ", f.Refs)
		}
	}
}

func (m *Model) severityStyle(s explain.Severity) lipgloss.Style {
	switch s {
	case explain.Error:
		return m.st.SeverityError
	case explain.Warning:
		return m.st.SeverityWarning
	}
	return m.st.SeverityInfo
}

func (m *Model) writeValidators(b *strings.Builder) {
	v := m.report.Validators
	if v.ETag == "" && v.LastModified == "" {
		return
	}
	b.WriteString("\n" + m.st.Bold.Render("Validators") + "\n")
	if v.ETag != "" {
		kind := "strong"
		if v.ETagWeak {
			kind = "weak"
		}
		if !v.ETagValid {
			kind += ", malformed"
		}
		m.para(b, "  ", fmt.Sprintf("ETag %s (%s)", v.ETag, kind))
	}
	if v.LastModified != "" {
		m.para(b, "  ", "Last-Modified "+v.LastModified)
	}
}

func (m *Model) writeCache(b *strings.Builder) {
	c := m.report.Cache
	b.WriteString("\n" + m.st.Bold.Render("Caching") + "\n")
	m.para(b, "  ", "Private cache: "+cacheView(c.Private))
	m.para(b, "  ", "Shared cache: "+cacheView(c.Shared))
	verdict := fmt.Sprintf("Age %s; ", seconds(c.AgeS))
	switch {
	case !c.StorablePrivate && !c.StorableShared:
		verdict = "Not stored by any cache."
	case c.Fresh:
		verdict += fmt.Sprintf("fresh for %s more.", seconds(c.FreshForS))
	default:
		verdict += fmt.Sprintf("stale by %s: reuse needs revalidation.", seconds(-c.FreshForS))
	}
	m.para(b, "  ", verdict)
	if c.MustRevalidate {
		m.para(b, "  ", "Once stale it must be revalidated (must-revalidate).")
	}
	if len(c.Vary) > 0 {
		m.para(b, "  ", "Varies on: "+strings.Join(c.Vary, ", "))
	}
	if len(c.Invalidates) > 0 {
		m.para(b, "  ", "Invalidates stored responses for: "+strings.Join(c.Invalidates, ", "))
	}
}

// cacheView is one cache's verdict in a sentence.
func cacheView(v explain.CacheView) string {
	if !v.Storable {
		s := "not storable"
		if v.Reason != "" {
			s += " — " + v.Reason
		}
		return s
	}
	s := "storable"
	if v.Reason != "" {
		s += " (" + v.Reason + ")"
	}
	if v.FreshnessSource == "none" || v.FreshnessSource == "" {
		return s + "; no freshness lifetime, so every reuse is revalidated"
	}
	return s + fmt.Sprintf("; lifetime %s from %s", seconds(v.FreshnessLifetimeS), v.FreshnessSource)
}

// seconds formats a whole number of seconds.
func seconds(n int64) string {
	if n == 1 {
		return "1 second"
	}
	return fmt.Sprintf("%d seconds", n)
}
