// Package ui is the httplens terminal UI: a bubbletea program with one small model
// per pane (collection tree, request, response, explain) and a root model that owns
// focus, layout, the help overlay, the status line and the session (package session:
// the request in flight and what the run learnt).
package ui

import (
	"io"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/actions"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/explainview"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/layout"
	"github.com/httplens/httplens/ui/opening"
	"github.com/httplens/httplens/ui/proxyrun"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/saving"
	"github.com/httplens/httplens/ui/session"
	"github.com/httplens/httplens/ui/tourreset"
	"github.com/httplens/httplens/ui/tree"
	"github.com/httplens/httplens/ui/treeedits"
)

// Config is what the UI needs from the command line. Client is required.
type Config struct {
	// Path is the .http file or folder to open; "" means the .http files of Dir, or
	// the built-in tour when Dir has none.
	Path string
	Dir  string
	// Env names the environment to start with; "" picks none.
	Env string
	// DemoURL is the base URL of the running demo API, the {{demo}} variable.
	DemoURL string
	// Vars override every other variable (like --var).
	Vars   map[string]string
	Client *requests.Client // for the live checks (C)
	// Options are what every send starts from (timeout, body cap, SpoolDir for
	// bodies past the cap). Each send makes its own client from them, adding its
	// progress report, and Insecure for a resend after a refused certificate.
	Options requests.Options
	// Clipboard receives the OSC 52 sequences that copy text; nil means standard
	// output, the terminal the program draws on. Terminals (also over SSH) take the
	// sequence as a clipboard write.
	Clipboard io.Writer
	// History keeps every exchange sent and feeds the History tab; nil turns both
	// off, and HistoryErr then says why when it was not asked for (--no-history).
	History    *history.Store
	HistoryErr error
	// Keys binds the actions to keys, from the settings file; nil means the defaults.
	Keys settings.Keymap
	// Notices are shown in an overlay at start, one line each: the problems of the
	// settings file and the key conflicts. They are sanitised before display.
	Notices []string
	// SettingsFile is the settings file read, named once above the notices.
	SettingsFile string
	// Cookies says per environment whether the cookie jar is used; NoCookies
	// (--no-cookies) turns it off everywhere. The jars are kept in History.
	Cookies   settings.Cookies
	NoCookies bool
	// Layout is settings.LayoutWide, LayoutStacked or LayoutAuto ("" is auto).
	Layout string
	// Width and Height are the terminal's size at start (0: unknown): the first
	// View is then the whole screen, painted at the renderer's first tick rather
	// than one tick after bubbletea's size message (issue 24).
	Width, Height int
}

// Model is the root model. Build it with New and run it with tea.NewProgram, with
// the alternate screen and mouse cell motion enabled.
type Model struct {
	cfg     Config
	st      Styles
	keys    keySet
	help    *hintLine // the help model, and the hint line it last drew
	w, h    int
	lay     layout.Screen
	focus   paneID
	overlay dialogs.Model // the dialog open over the panes, if any

	tree tree.Model
	req  requestpane.Model
	resp responsepane.Model
	expl explainview.Model

	coll   *collections.Collection
	envs   map[string]map[string]string
	names  []string // environment names, sorted
	env    string
	status string
	errMsg bool

	sess   session.Session // what this run learnt: the send in flight, the exchanges shown, the answers, ...
	zoomed bool            // the focused pane fills the screen (the zoom key)

	acts []action // the action table, built once for this model; never changed

	frames *layout.Memo // the panes' box edges as last drawn, shared by the copies of the model
	saver  saving.Saver // writes edits, copies, pasted requests and bodies

	edits treeedits.Edits // the tree's new, duplicate, rename, delete and new file
}

// New returns the root model for cfg, with the default styles.
func New(cfg Config) Model {
	return NewWithStyles(cfg, NewStyles())
}

// NewWithStyles returns the root model drawing with st.
//
// The model is built in place, field by field: as one composite literal it and
// its panes were built in temporaries and copied, a 21 KB stack frame that a
// cold start grew the stack for and touched page by page (issue 24).
func NewWithStyles(cfg Config, st Styles) (m Model) {
	h := help.New()
	h.Styles = st.Help()
	k := bindKeys(cfg.Keys)
	m.cfg, m.st, m.keys, m.help = cfg, st, k.Global, &hintLine{Model: h}
	m.overlay = dialogs.New()
	m.tree = tree.New(st, k.Tree)
	m.req = requestpane.New(st, k.Request)
	m.resp = responsepane.New(st, k.Response)
	m.expl = explainview.New(st, k.Explain)
	m.env, m.status, m.acts = cfg.Env, "Loading the collection…", collectionActions()
	m.frames, m.saver = &layout.Memo{}, saving.Saver{Dir: cfg.Dir}
	m.edits = treeedits.Edits{DemoURL: cfg.DemoURL, NewFileKey: keyset.Name(k.Tree.Get(tree.NewFile)), SaveKey: keyset.Name(k.Global.Get(actionSave))}
	m.sess = m.newSession()
	m.tree.Focus()
	m.showNotices()
	if cfg.Width > 0 && cfg.Height > 0 {
		m.resize(cfg.Width, cfg.Height)
	}
	return m
}

// Init reads the collection in a command: Update never touches the disk.
func (m Model) Init() tea.Cmd {
	if prune := m.sess.Prune(); prune != nil {
		return tea.Batch(opening.LoadCmd(m.cfg.Path, m.cfg.Dir), prune)
	}
	return opening.LoadCmd(m.cfg.Path, m.cfg.Dir)
}

// Update routes a message: the overlay first, then global keys, then the focused
// pane; results go to whoever asked for them.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case tea.KeyMsg:
		return m.handleKeys(msg)
	case tea.MouseMsg:
		return m.handleMouse(msg)
	case opening.LoadedMsg:
		m = m.collectionLoaded(msg)
		follow := m.followRequest()
		return m, follow
	case tree.Opened:
		m.showRequest(msg.Req)
		m.setFocus(paneRequest)
		follow := m.followRequest()
		return m, follow
	case requestpane.Resolved:
		var cmd tea.Cmd
		m.req, cmd = m.req.Update(msg)
		return m, cmd
	case requestpane.EditorReady, requestpane.EditorDone, requestpane.BodyEdited:
		return m.updatePane(paneRequest, msg)
	case responsepane.SearchDoneMsg:
		var cmd tea.Cmd
		m.resp, cmd = m.resp.Update(msg)
		return m, cmd
	case saving.BodySaved:
		return m.afterSaving(saving.BodyDone(msg))
	case responsepane.NoteMsg:
		m.openText("Header "+msg.Note.Name, responsepane.NoteLines(msg.Note, m.textWidth(), m.st))
		return m, nil
	case tourreset.DoneMsg:
		return m.tourReset(msg)
	case proxyrun.Stopped:
		m.setStatus(msg.Status())
		return m, nil
	}
	if next, cmd, ok := m.sessionMsg(msg); ok {
		return next, cmd
	}
	return m.handleEditMsg(msg)
}

// sessionMsg hands msg to the session. A method of its own: Parts point into
// the model, which would otherwise move Update's model to the heap on every
// key press (issue 24).
func (m Model) sessionMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	o, ok := m.sess.Handle(msg, m.parts())
	if !ok {
		return nil, nil, false
	}
	next, cmd := m.step(o)
	return next, cmd, true
}

// The panes by the root's routing names; see package layout.
type paneID = layout.Pane

const (
	paneTree     = layout.Tree
	paneRequest  = layout.Request
	paneResponse = layout.Response
	paneExplain  = layout.Explain
	paneCount    = layout.Count
)

func (m *Model) resize(w, h int) {
	m.w, m.h = w, h
	m.lay = layout.For(m.cfg.Layout, w, h)
	if m.zoomed {
		m.lay = layout.OnePane(w, h)
	}
	m.help.Width = w
	m.tree.SetSize(m.lay.Panes[paneTree].Inner())
	m.req.SetSize(m.lay.Panes[paneRequest].Inner())
	m.resp.SetSize(m.lay.Panes[paneResponse].Inner())
	m.expl.SetSize(m.lay.Panes[paneExplain].Inner())
}

// editing reports whether the focused pane has a text field taking typed keys.
func (m *Model) editing() bool {
	switch m.focus {
	case paneTree:
		return m.tree.Editing()
	case paneRequest:
		return m.req.Editing()
	case paneResponse:
		return m.resp.Editing()
	}
	return false
}

// handleKeys splits a burst of typed runes (fast typing arrives as one message) into
// single keys, so that "/abc" opens the filter and then types "abc".
func (m Model) handleKeys(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if msg.Paste && !m.overlay.IsOpen() && !m.editing() {
		if next, cmd, ok := m.pastedCurl(msg); ok {
			return next, cmd
		}
	}
	if msg.Type != tea.KeyRunes || len(msg.Runes) < 2 || msg.Paste {
		return m.handleKey(msg)
	}
	var cmds []tea.Cmd
	var next tea.Model = m
	for _, r := range msg.Runes {
		var cmd tea.Cmd
		next, cmd = next.(Model).handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
		cmds = append(cmds, cmd)
	}
	return next, tea.Batch(cmds...)
}

func (m Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.overlay.IsOpen() {
		return m.handleOverlayKey(msg)
	}
	switch id, to := actions.Route(msg, m.editing(), m.keys, m.typing, m.resp.KeyMap().Set); to {
	case actions.Global:
		a, _ := m.action(id)
		return a.run(m)
	case actions.Tab:
		return runInResponse(id)(m)
	}
	return m.updatePane(m.focus, msg)
}

// typing reports whether global action id acts while a text field is edited.
func (m *Model) typing(id settings.Action) bool { a, _ := m.action(id); return a.typing }

// updatePane hands an input event to pane p; the request pane follows the tree.
func (m Model) updatePane(p paneID, msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch p {
	case paneTree:
		m.tree, cmd = m.tree.Update(msg)
		m.showRequest(m.tree.Selected())
		cmd = tea.Batch(cmd, m.followRequest())
	case paneRequest:
		m.req, cmd = m.req.Update(msg)
		m.syncEdits()
		if n, isErr := m.req.TakeNotice(); n != "" {
			m.setStatus(termtext.String(n), isErr)
		}
	case paneResponse:
		m.resp, cmd = m.resp.Update(msg)
	case paneExplain:
		m.expl, cmd = m.expl.Update(msg)
	}
	return m, tea.Batch(cmd, m.sess.SyncHistory(&m.resp, m.req.Request()))
}

func (m *Model) setFocus(p paneID) {
	m.tree.Blur()
	m.req.Blur()
	m.resp.Blur()
	m.expl.Blur()
	m.focus = p
	switch p {
	case paneTree:
		m.tree.Focus()
	case paneRequest:
		m.req.Focus()
	case paneResponse:
		m.resp.Focus()
	case paneExplain:
		m.expl.Focus()
	}
}

func (m *Model) setStatus(s string, isErr bool) { m.status, m.errMsg = s, isErr }

func (m Model) collectionLoaded(msg opening.LoadedMsg) Model {
	if msg.Err != nil {
		m.setStatus("Cannot open the collection: "+msg.Err.Error(), true)
		return m
	}
	m.coll, m.envs, m.names = msg.Coll, msg.Envs, msg.Names
	if m.env != "" {
		if _, ok := m.envs[m.env]; !ok {
			m.setStatus("No environment "+m.env+" in "+collections.EnvFile, true)
			m.env = ""
		}
	}
	m.tree.SetCollection(msg.Coll)
	m.showRequest(m.tree.Selected())
	if !m.errMsg {
		m.setStatus(msg.Status(), len(msg.Coll.Errors) > 0)
	}
	return m
}

// showRequest shows r in the request pane with the ETag known for its URL.
func (m *Model) showRequest(r *collections.Request) {
	m.req.SetRequest(r)
	m.syncEdits()
	lesson := ""
	if r != nil && r.Lesson != "" {
		lesson = "Lesson · " + tree.RequestLabel(r) + "\n\n" + r.Lesson
	}
	m.expl.SetEmpty(lesson)
	// Another request's explanation is not this one's: show the lesson instead.
	if owner := m.expl.Owner(); owner != "" && r != nil && owner != tree.RequestKey(r) {
		m.expl.SetReport(nil, "")
	}
	m.syncRequestHints()
}

// syncEdits tells the tree and the keys about unsaved edits after the request
// pane changed, and refreshes the ETag known for the shown request's URL.
func (m *Model) syncEdits() {
	m.tree.SetDirty(m.req.DirtyKeys())
	m.keys.Enable(actionSave, m.req.Dirty())
	m.refreshKnownETag()
}

// zoom toggles the focused pane filling the screen, so nothing in it is cut off;
// tab still moves between the panes.
func (m Model) zoom() (tea.Model, tea.Cmd) {
	m.zoomed = !m.zoomed
	m.resize(m.w, m.h)
	if m.zoomed {
		m.setStatus("Zoomed: the focused pane fills the screen; press "+keyset.Name(m.keys.Get(actionZoom))+" again for all four.", false)
	} else {
		m.setStatus("The four panes again.", false)
	}
	return m, nil
}
