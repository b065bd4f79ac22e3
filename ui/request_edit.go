package ui

import (
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/preconditions"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/field"
)

// commit records the current draft as the request's edits. A draft identical to
// the saved request (disabled flags included) is no edit at all.
func (m *requestPane) commit() {
	if m.req == nil {
		return
	}
	base := newDraft(m.req)
	if m.d.same(base) {
		delete(m.drafts, m.key)
		return
	}
	m.drafts[m.key] = edited{cur: m.d.clone(), base: base, orig: m.req}
}

// changed commits an edit; the resolved view no longer shows this draft.
func (m *requestPane) changed() {
	m.resolved, m.wantKey = false, ""
	m.commit()
}

// endEditing stops any field or the body editor, keeping what was typed in the
// body (it is applied as typed) and dropping a half-typed field.
func (m *requestPane) endEditing() {
	m.field.Reset()
	m.purpose = fieldNone
	m.body.editing = false
}

func (m requestPane) updateKey(msg tea.KeyMsg) (requestPane, tea.Cmd) {
	switch {
	case m.req == nil:
		return m, nil
	case m.body.editing:
		if m.body.Update(msg) {
			m.d.Body = m.body.Text()
			m.changed()
		}
		return m, nil
	case m.field.Editing():
		m.updateField(msg)
		return m, nil
	}
	id, _ := m.keys.Match(msg)
	return m.do(id)
}

// do runs the request pane's action id, from its key or from the palette.
func (m requestPane) do(id settings.Action) (requestPane, tea.Cmd) {
	if m.req == nil {
		return m, nil
	}
	switch {
	case id == actionResolve:
		return m.toggleResolved()
	case id == actionCopyCurl:
		return m, func() tea.Msg { return copyRequestMsg{} }
	case id == actionEditor:
		return m, func() tea.Msg { return editBodyMsg{key: m.key, body: m.d.Body, ext: m.bodyExt()} }
	}
	if m.tabKey(id) || m.editKey(id) {
		m.resolved, m.wantKey = false, "" // the resolved view was of the request before
		return m, nil
	}
	if m.resolved {
		m.top = scroll(id, m.top, m.h, len(m.resLines))
		return m, nil
	}
	m.moveKey(id)
	return m, nil
}

func (m requestPane) toggleResolved() (requestPane, tea.Cmd) {
	if m.resolved || m.wantKey != "" {
		m.resolved, m.wantKey, m.top = false, "", 0
		return m, nil
	}
	m.wantKey = m.key
	k := m.key
	return m, func() tea.Msg { return resolveRequestMsg{key: k} }
}

// tabKey switches tabs.
func (m *requestPane) tabKey(id settings.Action) bool {
	t := m.tab
	switch {
	case id == actionTabNext:
		t = (t + 1) % reqTabCount
	case id == actionTabPrev:
		t = (t + reqTabCount - 1) % reqTabCount
	default:
		i := slices.Index(reqTabActions[:], id)
		if i < 0 {
			return false
		}
		t = i
	}
	m.setTab(t)
	return true
}

func (m *requestPane) setTab(t int) {
	m.tab, m.sel, m.top = t, 0, 0
	m.keys.setTab(t)
}

// editKey applies the editing actions; it reports whether id was one.
func (m *requestPane) editKey(id settings.Action) bool {
	switch {
	case id == actionMethodNext:
		m.d.Method = nextMethod(m.d.Method, 1)
	case id == actionMethodPrev:
		m.d.Method = nextMethod(m.d.Method, -1)
	case id == actionEditURL:
		m.startField(fieldURL, "URL: ", m.d.URL)
		return true
	case id == actionEdit:
		m.edit()
		return true
	case id == actionAdd:
		if m.tab == reqTabHeaders {
			m.startField(fieldHeaderAdd, "", "")
		} else {
			m.startField(fieldParamAdd, "", "")
		}
		return true
	case id == actionRemove:
		m.remove()
	case id == actionToggleHeader:
		if m.sel < len(m.d.Headers) {
			m.d.Headers[m.sel].Disabled = !m.d.Headers[m.sel].Disabled
		}
	case id == actionContentType:
		m.d.cycleContentType()
	case id == actionAuthBasic:
		m.startField(fieldBasic, "Basic user:password: ", "")
		return true
	case id == actionAuthBearer:
		m.startField(fieldBearer, "Bearer token: ", "")
		return true
	case id == actionCondition:
		m.addCondition()
	case id == actionAutoIfMatch:
		m.auto = !m.auto
		m.notice = "Auto If-Match off: writes are sent as written."
		if m.auto {
			m.notice = "Auto If-Match on: a PUT, PATCH or DELETE without If-Match gets the last ETag seen for its own URL."
		}
		return true
	case id == actionDiscard:
		m.notice = "Nothing to discard: the request is as saved."
		if m.Dirty() {
			m.notice = "Edits discarded: the request is as saved in the file."
		}
		m.d = newDraft(m.req)
		m.body.SetText(m.d.Body)
	default:
		return false
	}
	m.changed()
	return true
}

func (m *requestPane) moveKey(id settings.Action) {
	switch m.tab {
	case reqTabHeaders:
		m.sel = scrollCursor(id, m.sel, m.listHeight(), len(m.d.Headers))
	case reqTabQuery:
		m.sel = scrollCursor(id, m.sel, m.listHeight(), len(m.d.params()))
	default:
		m.top = scroll(id, m.top, m.listHeight(), m.contentRows())
	}
}

func (m *requestPane) startField(p fieldPurpose, prompt, value string) {
	m.purpose = p
	m.field.SetPrompt(prompt)
	m.field.SetValue(value)
	m.field.Start()
}

// edit opens the selected header or parameter in the field, or the body editor.
func (m *requestPane) edit() {
	switch m.tab {
	case reqTabHeaders:
		if m.sel < len(m.d.Headers) {
			h := m.d.Headers[m.sel]
			m.startField(fieldHeaderEdit, "", h.Name+": "+h.Value)
		}
	case reqTabQuery:
		if ps := m.d.params(); m.sel < len(ps) {
			p := ps[m.sel]
			v := p.Name
			if p.Eq || p.Value != "" {
				v += "=" + p.Value
			}
			m.startField(fieldParamEdit, "", v)
		}
	case reqTabBody:
		m.body.SetText(m.d.Body)
		m.body.editing = true
	}
}

// remove deletes the selected header or parameter.
func (m *requestPane) remove() {
	switch m.tab {
	case reqTabHeaders:
		if m.sel < len(m.d.Headers) {
			m.d.Headers = append(m.d.Headers[:m.sel:m.sel], m.d.Headers[m.sel+1:]...)
			m.sel = clamp(m.sel, 0, max(len(m.d.Headers)-1, 0))
		}
	case reqTabQuery:
		if ps := m.d.params(); m.sel < len(ps) {
			m.d.setParams(append(ps[:m.sel:m.sel], ps[m.sel+1:]...))
			m.sel = clamp(m.sel, 0, max(len(ps)-2, 0))
		}
	}
}

// updateField types into the line field; enter applies it to the draft.
func (m *requestPane) updateField(msg tea.KeyMsg) {
	switch m.field.Update(msg) {
	case field.Accepted:
		m.applyField(strings.TrimSpace(m.field.Value()))
		m.endEditing()
		m.changed()
	case field.Abandoned:
		m.endEditing()
	}
}

func (m *requestPane) applyField(v string) {
	switch m.purpose {
	case fieldURL:
		if v != "" {
			m.d.URL = v
		}
	case fieldHeaderAdd, fieldHeaderEdit:
		name, value, ok := strings.Cut(v, ":")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			// Not a header line: nothing changes, and the user is told, with the text.
			if strings.TrimSpace(v) != "" {
				m.notice = fmt.Sprintf("Not a header, nothing changed: %q. Write it as Name: value (a colon after a name without spaces).", v)
			}
			return
		}
		h := draftHeader{Name: name, Value: value}
		if m.purpose == fieldHeaderAdd {
			m.d.Headers = append(m.d.Headers, h)
			m.sel = len(m.d.Headers) - 1
		} else if m.sel < len(m.d.Headers) {
			h.Disabled = m.d.Headers[m.sel].Disabled
			m.d.Headers[m.sel] = h
		}
	case fieldParamAdd, fieldParamEdit:
		if v == "" {
			return
		}
		ps := m.d.params()
		if m.purpose == fieldParamAdd {
			ps = append(ps, parseParam(v))
			m.sel = len(ps) - 1
		} else if m.sel < len(ps) {
			ps[m.sel] = parseParam(v)
		}
		m.d.setParams(ps)
	case fieldBasic:
		if v != "" {
			m.d.setBasicAuth(v)
		}
	case fieldBearer:
		if v != "" {
			m.d.setBearerAuth(v)
		}
	}
}

// addCondition makes the request conditional on the last response's validator:
// If-Match (or If-Unmodified-Since) for a write, If-None-Match (or
// If-Modified-Since) for a read. RFC 9110 §13.1 prefers the entity tag.
func (m *requestPane) addCondition() {
	s := preconditions.Suggestion{Message: m.knownWhy}
	if m.knownWhy == "" {
		s = preconditions.Suggest(m.d.Method, m.knownURL, m.known)
	}
	if s.OK {
		m.d.setHeader(s.Name, s.Value)
	}
	m.notice = s.Message
	if s.Message == "" {
		m.notice = "No validator known for this URL yet: send a GET of it first."
	}
	m.setTab(reqTabHeaders)
}

// SetKnown tells the pane the shown request's resolved URL and the validators
// seen so far: the condition key quotes only those of that URL. why, when not
// empty, says why the URL is not known (it does not resolve yet).
func (m *requestPane) SetKnown(url string, k preconditions.Known, why string) {
	m.knownURL, m.known, m.knownWhy = url, k, why
	m.keys.Enable(actionCondition, m.req != nil) // it says why when nothing is known
}

// TakeNotice returns what the last action has to tell the user ("" for nothing)
// and forgets it: the root shows it in the status line.
func (m *requestPane) TakeNotice() string {
	n := m.notice
	m.notice = ""
	return n
}

// SetIfMatch sets If-Match on the shown request (the retry after a re-read).
func (m *requestPane) SetIfMatch(tag string) {
	if m.req == nil {
		return
	}
	m.d.setHeader("If-Match", tag)
	m.changed()
}

// RemoveHeader removes every header called name from the shown request.
func (m *requestPane) RemoveHeader(name string) {
	if m.req == nil {
		return
	}
	m.d.removeHeader(name)
	m.changed()
}

// bodyExt is the temporary file's extension for $EDITOR, for its syntax colours.
func (m *requestPane) bodyExt() string {
	switch m.d.contentTypeLabel() {
	case "JSON":
		return ".json"
	case "form", "text", "none":
		return ".txt"
	}
	return ".txt"
}
