package requestpane

import (
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/preconditions"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/field"
	"github.com/httplens/httplens/ui/nav"
	"github.com/httplens/httplens/ui/uikit"
)

// commit records the current draft as the request's edits. A draft identical to
// the saved request (disabled flags included) is no edit at all.
func (m *Model) commit() {
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
func (m *Model) changed() {
	m.resolved, m.wantKey = false, ""
	m.commit()
}

// endEditing stops any field or the body editor, keeping what was typed in the
// body (it is applied as typed) and dropping a half-typed field.
func (m *Model) endEditing() {
	m.field.Reset()
	m.purpose = fieldNone
	m.body.editing = false
}

func (m Model) updateKey(msg tea.KeyMsg) (Model, tea.Cmd) {
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
func (m Model) do(id settings.Action) (Model, tea.Cmd) {
	if m.req == nil {
		return m, nil
	}
	switch {
	case id == Resolve:
		return m.toggleResolved()
	case id == CopyCurl:
		return m, func() tea.Msg { return CopyAsCurl{} }
	case id == Editor:
		return m, writeBodyCmd(m.key, m.d.Body, m.bodyExt())
	}
	if m.tabKey(id) || m.editKey(id) {
		m.resolved, m.wantKey = false, "" // the resolved view was of the request before
		return m, nil
	}
	if m.resolved {
		m.top = nav.Scroll(id, m.top, m.h, len(m.resLines))
		return m, nil
	}
	m.moveKey(id)
	return m, nil
}

func (m Model) toggleResolved() (Model, tea.Cmd) {
	if m.resolved || m.wantKey != "" {
		m.resolved, m.wantKey, m.top = false, "", 0
		return m, nil
	}
	m.wantKey = m.key
	k := m.key
	return m, func() tea.Msg { return ResolveWanted{Key: k} }
}

// tabKey switches tabs.
func (m *Model) tabKey(id settings.Action) bool {
	t := m.tab
	switch {
	case id == TabNext:
		t = (t + 1) % TabCount
	case id == TabPrev:
		t = (t + TabCount - 1) % TabCount
	default:
		i := slices.Index(tabActions[:], id)
		if i < 0 {
			return false
		}
		t = i
	}
	m.setTab(t)
	return true
}

func (m *Model) setTab(t int) {
	m.tab, m.sel, m.top = t, 0, 0
	m.keys.SetTab(t)
}

// editKey applies the editing actions; it reports whether id was one.
func (m *Model) editKey(id settings.Action) bool {
	switch {
	case id == MethodNext:
		m.d.Method = nextMethod(m.d.Method, 1)
	case id == MethodPrev:
		m.d.Method = nextMethod(m.d.Method, -1)
	case id == EditURL:
		m.startField(fieldURL, "URL: ", m.d.URL)
		return true
	case id == Edit:
		m.edit()
		return true
	case id == Add:
		if m.tab == TabHeaders {
			m.startField(fieldHeaderAdd, "", "")
		} else {
			m.startField(fieldParamAdd, "", "")
		}
		return true
	case id == Remove:
		m.remove()
	case id == Toggle:
		if m.sel < len(m.d.Headers) {
			m.d.Headers[m.sel].Disabled = !m.d.Headers[m.sel].Disabled
		}
	case id == ContentType:
		m.d.cycleContentType()
	case id == AuthBasic:
		m.startField(fieldBasic, "Basic user:password: ", "")
		return true
	case id == AuthBearer:
		m.startField(fieldBearer, "Bearer token: ", "")
		return true
	case id == Condition:
		m.addCondition()
	case id == AutoIfMatch:
		m.auto = !m.auto
		m.setNotice("Auto If-Match off: writes are sent as written.", false)
		if m.auto {
			m.setNotice("Auto If-Match on: a PUT, PATCH or DELETE without If-Match gets the last ETag seen for its own URL.", false)
		}
		return true
	case id == Discard:
		m.setNotice("Nothing to discard: the request is as saved.", false)
		if m.Dirty() {
			m.setNotice("Edits discarded: the request is as saved in the file.", false)
		}
		m.d = newDraft(m.req)
		m.body.SetText(m.d.Body)
	default:
		return false
	}
	m.changed()
	return true
}

func (m *Model) moveKey(id settings.Action) {
	switch m.tab {
	case TabHeaders:
		m.sel = nav.Cursor(id, m.sel, m.listHeight(), len(m.d.Headers))
	case TabQuery:
		m.sel = nav.Cursor(id, m.sel, m.listHeight(), len(m.d.params()))
	default:
		m.top = nav.Scroll(id, m.top, m.listHeight(), m.contentRows())
	}
}

func (m *Model) startField(p fieldPurpose, prompt, value string) {
	m.purpose = p
	m.field.SetPrompt(prompt)
	m.field.SetValue(value)
	m.field.Start()
}

// edit opens the selected header or parameter in the field, or the body editor.
func (m *Model) edit() {
	switch m.tab {
	case TabHeaders:
		if m.sel < len(m.d.Headers) {
			h := m.d.Headers[m.sel]
			m.startField(fieldHeaderEdit, "", h.Name+": "+h.Value)
		}
	case TabQuery:
		if ps := m.d.params(); m.sel < len(ps) {
			p := ps[m.sel]
			v := p.Name
			if p.Eq || p.Value != "" {
				v += "=" + p.Value
			}
			m.startField(fieldParamEdit, "", v)
		}
	case TabBody:
		m.body.SetText(m.d.Body)
		m.body.editing = true
	}
}

// remove deletes the selected header or parameter.
func (m *Model) remove() {
	switch m.tab {
	case TabHeaders:
		if m.sel < len(m.d.Headers) {
			m.d.Headers = append(m.d.Headers[:m.sel:m.sel], m.d.Headers[m.sel+1:]...)
			m.sel = uikit.Clamp(m.sel, 0, max(len(m.d.Headers)-1, 0))
		}
	case TabQuery:
		if ps := m.d.params(); m.sel < len(ps) {
			m.d.setParams(append(ps[:m.sel:m.sel], ps[m.sel+1:]...))
			m.sel = uikit.Clamp(m.sel, 0, max(len(ps)-2, 0))
		}
	}
}

// updateField types into the line field; enter applies it to the draft.
func (m *Model) updateField(msg tea.KeyMsg) {
	switch m.field.Update(msg) {
	case field.Accepted:
		m.applyField(strings.TrimSpace(m.field.Value()))
		m.endEditing()
		m.changed()
	case field.Abandoned:
		m.endEditing()
	}
}

func (m *Model) applyField(v string) {
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
				m.setNotice(fmt.Sprintf("Not a header, nothing changed: %q. Write it as Name: value (a colon after a name without spaces).", v), false)
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

// addCondition makes the request conditional on the last response's Validator:
// If-Match (or If-Unmodified-Since) for a write, If-None-Match (or
// If-Modified-Since) for a read. RFC 9110 §13.1 prefers the entity tag.
func (m *Model) addCondition() {
	s := preconditions.Suggestion{Message: m.knownWhy}
	if m.knownWhy == "" {
		s = preconditions.Suggest(m.d.Method, m.knownURL, m.known)
	}
	if s.OK {
		m.d.setHeader(s.Name, s.Value)
	}
	m.setNotice(s.Message, false)
	if s.Message == "" {
		m.setNotice("No validator known for this URL yet: send a GET of it first.", false)
	}
	m.setTab(TabHeaders)
}

// SetKnown tells the pane the shown request's resolved URL and the validators
// seen so far: the condition key quotes only those of that URL. why, when not
// empty, says why the URL is not known (it does not resolve yet).
func (m *Model) SetKnown(url string, k preconditions.Known, why string) {
	m.knownURL, m.known, m.knownWhy = url, k, why
	m.keys.Enable(Condition, m.req != nil) // it says why when nothing is known
}

// TakeNotice returns what the last action has to tell the user ("" for nothing)
// and forgets it: the root shows it in the status line.
func (m *Model) TakeNotice() (notice string, isErr bool) {
	n, e := m.notice, m.noticeErr
	m.notice, m.noticeErr = "", false
	return n, e
}

func (m *Model) setNotice(s string, isErr bool) { m.notice, m.noticeErr = s, isErr }

// SetIfMatch sets If-Match on the shown request (the retry after a re-read).
func (m *Model) SetIfMatch(tag string) {
	if m.req == nil {
		return
	}
	m.d.setHeader("If-Match", tag)
	m.changed()
}

// SetBody replaces the body of the shown request when it is request key (the
// merged or server's version chosen in the three-way view).
func (m *Model) SetBody(key, body string) {
	if m.req == nil || key != m.key {
		return
	}
	m.d.Body = body
	m.body.SetText(body)
	m.changed()
}

// RemoveHeader removes every header called name from the shown request.
func (m *Model) RemoveHeader(name string) {
	if m.req == nil {
		return
	}
	m.d.removeHeader(name)
	m.changed()
}

// bodyExt is the temporary file's extension for $EDITOR, for its syntax colours.
func (m *Model) bodyExt() string {
	switch m.d.contentTypeLabel() {
	case "JSON":
		return ".json"
	case "form", "text", "none":
		return ".txt"
	}
	return ".txt"
}
