// Package requestpane is the request pane: the selected request with its tabs
// (Headers, Body, Query, Auth), the line field and body editor that change it,
// the method and content-type pickers, and the drafts that hold unsaved edits
// per request. It hands up what only the root can do (resolve a request, copy it
// as curl) as messages, and runs $EDITOR itself. It imports collections,
// preconditions, requests, settings, termtext, ui/tree (request keys and marks),
// ui/explainfold (the lesson's lines) and the leaves under ui, never the root.
package requestpane

import (
	"maps"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/preconditions"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/field"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/tree"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// fieldPurpose says what the pane's line field is editing.
type fieldPurpose int

const (
	fieldNone fieldPurpose = iota
	fieldURL
	fieldHeaderAdd
	fieldHeaderEdit
	fieldParamAdd
	fieldParamEdit
	fieldBasic
	fieldBearer
)

// Model shows and edits the selected request. Edits live in drafts, one per
// request, until they are saved (the root writes them) or discarded; what the pane
// shows is what ctrl+r sends.
type Model struct {
	st      styles.Styles
	keys    Keys
	w, h    int
	focused bool

	req    *collections.Request // the saved request shown, or nil
	key    string
	issues []string          // req's errors and notes, styled, shown under the content
	drafts map[string]edited // by request key: every request edited in this session
	d      Draft             // the draft of req
	tab    int
	sel    int // selected row of the Headers or Query list
	top    int // first content row shown

	field   field.Line
	purpose fieldPurpose
	body    textEditor

	resolved bool     // show the resolved form (once it has arrived)
	wantKey  string   // the request whose resolution is awaited
	resLines []string // the resolved form's lines

	validator Validator           // of the last response, for the condition key
	knownURL  string              // the shown request's URL, resolved
	known     preconditions.Known // validators seen, by URL: the condition key quotes knownURL's only
	knownWhy  string              // why knownURL is not known, or ""
	notice    string              // what the last action has to say, for the status line
	noticeErr bool                // the notice is an error
	knownETag string              // the last ETag seen for this request's URL
	auto      bool                // auto If-Match on PUT, PATCH and DELETE
	tabMemo   *tabsMemo           // the tabs as last drawn; nil in a Model not made by New
}

// edited is a request's draft and the saved form it started from.
type edited struct {
	cur, base Draft
	orig      *collections.Request // the saved request the edit started from: its identity
}

// Validator is what the last response said about the version of its resource.
type Validator struct {
	ETag, LastModified string
}

// New is an empty pane drawing with st; keys is the request scope of the action
// table (see NewKeys).
func New(st styles.Styles, keys keyset.Set) Model {
	return Model{st: st, keys: NewKeys(keys), drafts: map[string]edited{}, field: field.New(""), body: newTextEditor(), tabMemo: &tabsMemo{}}
}

// SetKeys rebinds the pane's actions (from the settings file), as NewKeys makes them.
func (m *Model) SetKeys(keys keyset.Set) { m.keys = NewKeys(keys) }

// Keys is the pane's bindings, as they are now.
func (m *Model) Keys() keyset.Set { return m.keys.Set }

// EditorKeys is the body editor's keys, for help.
func (m *Model) EditorKeys() EditorKeys { return m.body.keys }

// Tab is the tab shown (TabHeaders, ...).
func (m *Model) Tab() int { return m.tab }

// SetSize sets the inner size the pane draws into.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Focus and Blur tell the pane whether keys come to it.
func (m *Model) Focus() { m.focused = true }

// Blur see Focus.
func (m *Model) Blur() { m.focused = false }

// Editing reports whether a text field or the body editor takes typed keys.
func (m *Model) Editing() bool { return m.field.Editing() || m.body.editing }

// KeyMap is the pane's bindings for the help views.
func (m *Model) KeyMap() Keys { return m.keys }

// EditKeys is the help of whatever is taking text, while Editing.
func (m *Model) EditKeys() help.KeyMap {
	if m.body.editing {
		return m.body.keys
	}
	return m.field.Keys
}

// Title is the frame title.
func (m *Model) Title() string {
	if m.req == nil {
		return "Request"
	}
	t := "Request · " + termtext.String(tree.RequestLabel(m.req))
	if m.Dirty() {
		t += " · modified"
	}
	if m.resolved {
		t += " · resolved"
	}
	return t
}

// Request is the request as edited (what ctrl+r sends), or nil.
func (m *Model) Request() *collections.Request {
	if m.req == nil {
		return nil
	}
	if _, ok := m.drafts[m.key]; !ok {
		return m.req
	}
	return m.d.Request(m.req, false)
}

// Key is the key of the request shown, "" for none.
func (m *Model) Key() string { return m.key }

// Saved is the request as saved on disk, or nil.
func (m *Model) Saved() *collections.Request { return m.req }

// Dirty reports whether the shown request has unsaved edits.
func (m *Model) Dirty() bool {
	return m.req != nil && !m.d.equal(newDraft(m.req))
}

// Draft returns the draft of the request with key k, if it was edited.
func (m *Model) Draft(k string) (Draft, bool) {
	e, ok := m.drafts[k]
	return e.cur, ok
}

// SetRequest shows r, with its unsaved edits if it has any; nil clears the pane.
// The same request again keeps the pane as it is.
func (m *Model) SetRequest(r *collections.Request) {
	if r != nil && m.req != nil && tree.RequestKey(r) == m.key && r == m.req {
		return
	}
	m.endEditing()
	m.req, m.resolved, m.wantKey, m.top, m.sel = r, false, "", 0, 0
	if r == nil {
		m.key, m.d, m.issues = "", Draft{}, nil
		return
	}
	m.key = tree.RequestKey(r)
	m.issues = requestIssues(r, m.st)
	m.d = newDraft(r)
	if e, ok := m.drafts[m.key]; ok {
		m.d = e.cur.clone()
	}
}

// Forget drops the edits of request k (saved or discarded) and, if it is shown,
// shows r (its saved form) again. Disabled headers stay disabled, since disabling
// is kept for the session.
func (m *Model) Forget(k string, r *collections.Request) {
	e, had := m.drafts[k]
	old := e.cur
	delete(m.drafts, k)
	if r == nil || (m.key != k && m.req != nil) {
		return
	}
	m.req = nil
	m.SetRequest(r)
	if had && len(old.Headers) == len(m.d.Headers) {
		for i := range m.d.Headers {
			m.d.Headers[i].Disabled = old.Headers[i].Disabled
		}
		m.commit()
	}
}

// Rematch moves the edits of requests of old to their requests in nf, found by
// identity (collections.Rematch), since a change on disk may have moved them.
// moved maps old keys to new ones; an edit whose request is gone is kept under a
// "gone:" key, listed in gone, so it is never shown on another request.
func (m *Model) Rematch(old, nf *collections.File) (moved map[string]string, gone []string) {
	var keys []string
	for k, e := range m.drafts {
		if e.orig != nil && e.orig.File == old && !strings.HasPrefix(k, GoneKey) {
			keys = append(keys, k)
		}
	}
	// Map order must not decide which of two equal requests gets which edit.
	slices.SortFunc(keys, func(a, b string) int { return m.drafts[a].orig.Index - m.drafts[b].orig.Index })
	var ids []collections.Identity
	for _, k := range keys {
		ids = append(ids, collections.IdentityOf(m.drafts[k].orig))
	}
	at := collections.Rematch(ids, nf)
	moved = map[string]string{}
	moving := map[string]edited{}
	for i, k := range keys {
		e := m.drafts[k]
		delete(m.drafts, k)
		if at[i] < 0 {
			gk := GoneKey + k
			m.drafts[gk] = e
			gone = append(gone, gk)
			continue
		}
		e.orig = &nf.Requests[at[i]]
		nk := tree.RequestKey(e.orig)
		moving[nk], moved[k] = e, nk
	}
	maps.Copy(m.drafts, moving)
	return moved, gone
}

// GoneKey prefixes the key of an edit whose request is no longer in its file.
const GoneKey = "gone:"

// Orig is the saved request the edit k started from, or nil.
func (m *Model) Orig(k string) *collections.Request { return m.drafts[k].orig }

// DirtyKeys lists the requests with unsaved edits.
func (m *Model) DirtyKeys() map[string]bool {
	out := map[string]bool{}
	for k, e := range m.drafts {
		if !e.cur.equal(e.base) {
			out[k] = true
		}
	}
	return out
}

// SetValidator tells the pane the validators of the last response.
func (m *Model) SetValidator(v Validator) {
	m.validator = v
	m.keys.Enable(Condition, true) // it says so when no validator is known
}

// SetKnownETag shows the last ETag seen for the request's URL ("" for none).
func (m *Model) SetKnownETag(tag string) { m.knownETag = tag }

// AutoIfMatch reports whether auto If-Match is on.
func (m *Model) AutoIfMatch() bool { return m.auto }

// Update edits the request, or scrolls; see Keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.updateKey(msg)
	case uimsg.RunAction:
		return m.do(msg.ID)
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			m.top = max(m.top-3, 0)
		case tea.MouseButtonWheelDown:
			m.top = uikit.Clamp(m.top+3, 0, max(m.contentRows()-m.listHeight(), 0))
		}
	case Resolved:
		if msg.Key != m.wantKey || msg.Key != m.key {
			return m, nil
		}
		m.wantKey, m.resolved, m.top = "", true, 0
		if msg.Err != nil {
			m.resLines = []string{m.st.ErrorText.Render("Cannot resolve: ") + termtext.String(msg.Err.Error())}
			return m, nil
		}
		m.resLines = m.requestLines(msg.Req.Method, msg.Req.URL, msg.Req.Headers, msg.Req.Body)
	case EditorReady, EditorDone, BodyEdited:
		return m.updateExternal(msg)
	}
	return m, nil
}
