package ui

import (
	"slices"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/actions"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/session"
	"github.com/httplens/httplens/ui/tourreset"
)

// The ids of the global actions, and of the pane actions the root names. The DESIGN.md contract keys are their
// defaults: send ctrl+r, cancel esc, focus tab / shift+tab, filter /, open enter,
// save ctrl+s, help ?, quit q and ctrl+c.
const (
	actionSend          settings.Action = "send"
	actionCancel        settings.Action = "cancel"
	actionFocusNext     settings.Action = "focus-next"
	actionFocusPrev     settings.Action = "focus-prev"
	actionEnv           settings.Action = "env"
	actionSave          settings.Action = "save"
	actionReread        settings.Action = "reread"
	actionCheck         settings.Action = "check"
	actionAnswers       settings.Action = "answers"
	actionHelp          settings.Action = "help"
	actionQuit          settings.Action = "quit"
	actionPalette       settings.Action = "palette"
	actionCookies       settings.Action = "cookies"
	actionResponseTests settings.Action = responsepane.ActionTests
	actionCacheLab      settings.Action = "cache-lab"
	actionCacheContents settings.Action = "cache-contents"
	actionLabTen        settings.Action = "lab-clock-10s"
	actionLabMinute     settings.Action = "lab-clock-1m"
	actionLabHour       settings.Action = "lab-clock-1h"
	actionLabStale      settings.Action = "lab-clock-stale"
	actionPreflight     settings.Action = "preflight"
	actionVariables     settings.Action = "variables"
	actionInsecure      settings.Action = responsepane.ActionInsecure
	actionResetTour     settings.Action = "reset-tour"
	actionZoom          settings.Action = "zoom"
	actionProxy         settings.Action = "proxy"
)

// action is one row of the action table: what settings needs to bind and check
// its keys (id, help, scopes, default keys) and where the hint line shows it
// (keyset.Row), what it does, and why it cannot act now.
type action struct {
	keyset.Row
	// typing is set for a global action that acts while a text field is edited,
	// as long as its key is not a typed character (ctrl+c quits; q types a q).
	typing bool
	// run does the action. A global action acts on the root; a pane action is run
	// by its pane (runInPane), the one its keys act in.
	run func(m Model) (tea.Model, tea.Cmd)
	// disabled says why the action cannot act now; "" when it can. The palette
	// greys such an action and shows the reason instead of running it.
	disabled func(m *Model) string
}

// actionTable is every action of the TUI, in the order help and the palette list
// them: the global actions, declared here with their handlers, then the panes'
// (package actions), which their panes run. Keys (and their rebinding in the
// settings file), the ? overlay, the hint line and the palette all come from it.
func actionTable() []action {
	g := []settings.Scope{settings.ScopeGlobal}
	a := func(id settings.Action, help string, keys []string, run func(Model) (tea.Model, tea.Cmd)) action {
		return action{Row: keyset.Row{ActionInfo: settings.ActionInfo{ID: id, Help: help, Scopes: g, Keys: keys}}, run: run}
	}
	ctx := func(x action) action { x.Contextual = true; return x }
	hint := func(n int, x action) action { x.Hint = n; return x }
	typing := func(x action) action { x.typing = true; return x }
	when := func(x action, f func(m *Model) string) action { x.disabled = f; return x }
	// off declares why contextual action x cannot act while its binding is off.
	off := func(why string, x action) action {
		return when(ctx(x), func(m *Model) string { return offBecause(m.keys.Get(x.ID).Enabled(), why) })
	}
	keys := func(k ...string) []string { return k }
	t := []action{
		typing(hint(1, a(actionSend, "send the request", keys("ctrl+r"), act((*session.Session).Send)))),
		hint(2, off("nothing is in flight", a(actionCancel, "cancel the request in flight", keys("esc"), Model.cancel))),
		hint(5, a(actionFocusNext, "next pane", keys("tab"), Model.focusNext)),
		a(actionFocusPrev, "previous pane", keys("shift+tab"), Model.focusPrev),
		a(actionEnv, "choose the environment", keys("ctrl+e"), Model.envPicker),
		typing(hint(3, off("there are no unsaved edits", a(actionSave, "save edits", keys("ctrl+s"), Model.save)))),
		hint(4, off("no precondition failed (412) or was required (428)", a(actionReread, "re-read after 412/428", keys("R"), act((*session.Session).Reread)))),
		a(actionCheck, "check the resource", keys("C"), act((*session.Session).Check)),
		hint(4, when(ctx(a(actionAnswers, "this request's C and P answers", keys("K"), act((*session.Session).AnswersOpen))), (*Model).answersDisabled)),
		a(actionZoom, "zoom the focused pane on/off", keys("ctrl+f"), Model.zoom),
		when(a(actionResetTour, "start the tour over (demo reset)", keys("ctrl+t"), act((*session.Session).ResetTour)), func(m *Model) string { return tourreset.Disabled(m.cfg.DemoURL) }),
		hint(6, a(actionHelp, "help", keys("?"), opens(dialogs.HelpView))),
		typing(hint(7, a(actionQuit, "quit", keys("q", "ctrl+c"), Model.quitOrAsk))),
		typing(a(actionPalette, "command palette", keys("ctrl+p"), opens(dialogs.PaletteView))),
		a(actionCookies, "cookies of this environment", keys("ctrl+k"), act((*session.Session).CookiesOpen)),
		a(actionVariables, "variables and script globals", keys("V"), act((*session.Session).Variables)),
		a(actionPreflight, "send the CORS preflight a browser would send", keys("P"), act((*session.Session).Preflight)),
		a(actionCacheLab, "cache lab off / private / shared", keys("L"), act((*session.Session).CacheLab)),
		a(actionProxy, "record traffic: a proxy on 127.0.0.1, its exchanges live", keys("T"), Model.startProxy),
		when(a(actionCacheContents, "cache lab contents", keys("ctrl+l"), act((*session.Session).CacheContents)), (*Model).labDisabled),
		when(a(actionLabTen, "cache lab clock +10 s", keys("+"), act(session.LabClock(10*time.Second))), (*Model).labDisabled),
		when(a(actionLabMinute, "cache lab clock +1 min", keys("ctrl+n"), act(session.LabClock(time.Minute))), (*Model).labDisabled),
		when(a(actionLabHour, "cache lab clock +1 h", keys("ctrl+o"), act(session.LabClock(time.Hour))), (*Model).labDisabled),
		when(a(actionLabStale, "cache lab clock to stale", keys("ctrl+x"), act((*session.Session).LabToStale)), (*Model).labDisabled),
	}
	for _, r := range actions.Panes() {
		run := runInPane(r.ID)
		if r.Tab {
			run = runInResponse(r.ID)
		}
		t = append(t, action{Row: r.Row, run: run})
	}
	return t
}

// collectionActions are the actions of the collection view, Model: the table
// without the traffic view's own rows.
// builtTable and collectionActions are the tables made once a process: they
// never change, and the settings file's check (Actions), the key sets and
// every model read the same rows (each made the table anew: ~90 actions and
// their closures, twice before the first frame; issue 24).
var (
	builtTable        = sync.OnceValue(actionTable)
	collectionActions = sync.OnceValue(func() []action {
		return slices.DeleteFunc(slices.Clone(builtTable()), func(a action) bool { return !actions.InCollection(a.ActionInfo) })
	})
)

// global reports whether a is a global action, which the root runs.
func (a action) global() bool { return slices.Contains(a.Scopes, settings.ScopeGlobal) }

// Actions returns what settings needs of every action of the TUI (id, help,
// scopes, default keys), for reading and checking [keys] in the settings file.
// The slice is made once a process and shared: it must not be changed.
func Actions() []settings.ActionInfo { return actionInfos() }

var actionInfos = sync.OnceValue(func() []settings.ActionInfo {
	t := tableRows() // the TUI binds its keys from the same rows: one table a process
	out := make([]settings.ActionInfo, len(t))
	for i, a := range t {
		out[i] = a.ActionInfo
	}
	return out
})

// newKeySet binds the table's actions of scope to the keys km gives them (nil:
// the defaults).
func newKeySet(km settings.Keymap, scope settings.Scope) keySet {
	return keyset.New(tableRows(), km, scope)
}

// bindKeys binds every scope's actions to the keys km gives them (nil: the
// defaults); see actions.Bind.
func bindKeys(km settings.Keymap) actions.Keys {
	return actions.Bind(tableRows(), km, actionSend, actionCancel)
}

// tableRows is the table as keyset takes it, made once: it never changes.
var tableRows = sync.OnceValue(func() []keyset.Row {
	t := builtTable()
	out := make([]keyset.Row, len(t))
	for i, a := range t {
		out[i] = a.Row
	}
	return out
})

// keySet is one scope's bindings; see package keyset.
type keySet = keyset.Set
