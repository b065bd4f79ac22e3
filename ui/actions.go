package ui

import (
	"slices"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/exchangelist"
	"github.com/httplens/httplens/ui/explainview"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/nav"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/session"
	"github.com/httplens/httplens/ui/tourreset"
	"github.com/httplens/httplens/ui/tree"
)

// The scopes of the TUI's keys besides settings.ScopeGlobal: a pane's keys act
// while it has focus.
const (
	scopeTree     settings.Scope = "tree"
	scopeRequest  settings.Scope = "request"
	scopeResponse settings.Scope = "response"
	scopeExplain  settings.Scope = "explain"
	// scopeTraffic is the view of a HAR file or the live proxy (NewTraffic).
	scopeTraffic settings.Scope = "traffic"
)

// The ids of the actions the code names. The DESIGN.md contract keys are their
// defaults: send ctrl+r, cancel esc, focus tab / shift+tab, filter /, open enter,
// save ctrl+s, help ?, quit q and ctrl+c.
const (
	actionSend            settings.Action = "send"
	actionCancel          settings.Action = "cancel"
	actionFocusNext       settings.Action = "focus-next"
	actionFocusPrev       settings.Action = "focus-prev"
	actionEnv             settings.Action = "env"
	actionSave            settings.Action = "save"
	actionReread          settings.Action = "reread"
	actionCheck           settings.Action = "check"
	actionAnswers         settings.Action = "answers"
	actionHelp            settings.Action = "help"
	actionQuit            settings.Action = "quit"
	actionPalette         settings.Action = "palette"
	actionCookies         settings.Action = "cookies"
	actionUp              settings.Action = nav.Up
	actionDown            settings.Action = nav.Down
	actionPageUp          settings.Action = nav.PageUp
	actionPageDown        settings.Action = nav.PageDown
	actionTop             settings.Action = nav.Top
	actionBottom          settings.Action = nav.Bottom
	actionOpen            settings.Action = tree.Open
	actionExpand          settings.Action = tree.Expand
	actionCollapse        settings.Action = tree.Collapse
	actionFilter          settings.Action = tree.Filter
	actionClearFilter     settings.Action = tree.ClearFilter
	actionNewRequest      settings.Action = tree.NewRequest
	actionDuplicate       settings.Action = tree.Duplicate
	actionRename          settings.Action = tree.Rename
	actionDeleteRequest   settings.Action = tree.DeleteRequest
	actionNewFile         settings.Action = tree.NewFile
	actionTabNext         settings.Action = nav.TabNext
	actionTabPrev         settings.Action = nav.TabPrev
	actionRequestHeaders  settings.Action = requestpane.Headers
	actionRequestBody     settings.Action = requestpane.Body
	actionRequestQuery    settings.Action = requestpane.Query
	actionRequestAuth     settings.Action = requestpane.Auth
	actionResolve         settings.Action = requestpane.Resolve
	actionMethodNext      settings.Action = requestpane.MethodNext
	actionMethodPrev      settings.Action = requestpane.MethodPrev
	actionEditURL         settings.Action = requestpane.EditURL
	actionEdit            settings.Action = requestpane.Edit
	actionAdd             settings.Action = requestpane.Add
	actionRemove          settings.Action = requestpane.Remove
	actionToggleHeader    settings.Action = requestpane.Toggle
	actionContentType     settings.Action = requestpane.ContentType
	actionEditor          settings.Action = requestpane.Editor
	actionAuthBasic       settings.Action = requestpane.AuthBasic
	actionAuthBearer      settings.Action = requestpane.AuthBearer
	actionCondition       settings.Action = requestpane.Condition
	actionAutoIfMatch     settings.Action = requestpane.AutoIfMatch
	actionCopyCurl        settings.Action = requestpane.CopyCurl
	actionDiscard         settings.Action = requestpane.Discard
	actionResponseRaw     settings.Action = responsepane.ActionRaw
	actionResponsePretty  settings.Action = responsepane.ActionPretty
	actionResponseHeaders settings.Action = responsepane.ActionHeaders
	actionResponseTiming  settings.Action = responsepane.ActionTiming
	actionResponseHistory settings.Action = responsepane.ActionHistory
	actionResponseRequest settings.Action = responsepane.ActionRequest
	actionResponseTests   settings.Action = responsepane.ActionTests
	actionResponseLab     settings.Action = responsepane.ActionLab
	actionCacheLab        settings.Action = "cache-lab"
	actionCacheContents   settings.Action = "cache-contents"
	actionLabTen          settings.Action = "lab-clock-10s"
	actionLabMinute       settings.Action = "lab-clock-1m"
	actionLabHour         settings.Action = "lab-clock-1h"
	actionLabStale        settings.Action = "lab-clock-stale"
	actionPreflight       settings.Action = "preflight"
	actionVariables       settings.Action = "variables"
	actionSearch          settings.Action = responsepane.ActionSearch
	actionMatchNext       settings.Action = responsepane.ActionNext
	actionMatchPrev       settings.Action = responsepane.ActionPrev
	actionEndSearch       settings.Action = responsepane.ActionEnd
	actionCopyBody        settings.Action = responsepane.ActionCopyBody
	actionCopyRaw         settings.Action = responsepane.ActionCopyRaw
	actionNote            settings.Action = responsepane.ActionNote
	actionMark            settings.Action = responsepane.ActionMark
	actionSaveBody        settings.Action = responsepane.ActionSaveBody
	actionInsecure        settings.Action = responsepane.ActionInsecure
	actionTrafficRaw      settings.Action = exchangelist.ShowRaw
	actionTrafficHeaders  settings.Action = exchangelist.ShowHeaders
	actionTrafficTiming   settings.Action = exchangelist.ShowTiming
	actionTrafficExplain  settings.Action = exchangelist.ShowExplain
	actionSaveAsRequest   settings.Action = exchangelist.SaveRequest
	actionResetTour       settings.Action = "reset-tour"
	actionZoom            settings.Action = "zoom"
	actionProxy           settings.Action = "proxy"
)

// action is one row of the action table: what settings needs to bind and check
// its keys (id, help, scopes, default keys), where the hint line shows it, what it
// does, and why it cannot act now.
type action struct {
	settings.ActionInfo
	// hint is the action's place in the hint line of the scope hintIn (the first
	// scope when empty); 0 leaves it out of the hint line.
	hint   int
	hintIn settings.Scope
	// run does the action. A global action acts on the root; a pane action is run
	// by its pane (runInPane), the one its keys act in.
	run func(m Model) (tea.Model, tea.Cmd)
	// disabled says why the action cannot act now; "" when it can. The palette
	// greys such an action and shows the reason instead of running it.
	disabled func(m *Model) string
}

// actionTable is every action of the TUI, in the order help and the palette list
// them: the one place an action is declared. Keys (and their rebinding in the
// settings file), the ? overlay, the hint line and the palette all come from it.
// Defaults avoid ctrl+h (backspace in many terminals), ctrl+b (tmux's prefix) and
// alt (the Option key on macOS types characters unless configured).
func actionTable() []action {
	g := []settings.Scope{settings.ScopeGlobal}
	panes := []settings.Scope{scopeTree, scopeRequest, scopeResponse, scopeExplain}
	tree, req, resp := []settings.Scope{scopeTree}, []settings.Scope{scopeRequest}, []settings.Scope{scopeResponse}
	both := []settings.Scope{scopeRequest, scopeResponse, scopeTraffic}
	traffic := []settings.Scope{scopeTraffic}
	// The movement actions also move through the exchanges of a HAR file or the proxy.
	moves := append(slices.Clip(panes), scopeTraffic)
	// a declares a global action run by the root.
	a := func(id settings.Action, help string, keys []string, run func(Model) (tea.Model, tea.Cmd)) action {
		return action{ActionInfo: settings.ActionInfo{ID: id, Help: help, Scopes: g, Keys: keys}, run: run}
	}
	// p declares a pane action, run by the pane its scope names.
	p := func(id settings.Action, help string, scopes []settings.Scope, keys ...string) action {
		return action{ActionInfo: settings.ActionInfo{ID: id, Help: help, Scopes: scopes, Keys: keys}, run: runInPane(id)}
	}
	// r declares a response tab action: its digit acts from every pane, and shows
	// the response pane with that tab.
	r := func(id settings.Action, help string, keys ...string) action {
		return action{ActionInfo: settings.ActionInfo{ID: id, Help: "response " + help, Scopes: panes, Keys: keys}, run: runInResponse(id)}
	}
	ctx := func(x action) action { x.Contextual = true; return x }
	hint := func(n int, x action) action { x.hint = n; return x }
	hintIn := func(s settings.Scope, n int, x action) action { x.hint, x.hintIn = n, s; return x }
	when := func(x action, f func(m *Model) string) action { x.disabled = f; return x }
	keys := func(k ...string) []string { return k }
	mark := ctx(p(actionMark, "mark two to diff", resp, " "))
	mark.Overrides = []settings.Action{actionPageDown}
	return []action{
		hint(1, a(actionSend, "send the request", keys("ctrl+r"), act((*session.Session).Send))),
		hint(2, when(ctx(a(actionCancel, "cancel the request in flight", keys("esc"), Model.cancel)), (*Model).cancelDisabled)),
		hint(5, a(actionFocusNext, "next pane", keys("tab"), Model.focusNext)),
		a(actionFocusPrev, "previous pane", keys("shift+tab"), Model.focusPrev),
		a(actionEnv, "choose the environment", keys("ctrl+e"), Model.envPicker),
		hint(3, when(ctx(a(actionSave, "save edits", keys("ctrl+s"), Model.save)), (*Model).saveDisabled)),
		hint(4, when(ctx(a(actionReread, "re-read after 412/428", keys("R"), act((*session.Session).Reread))), (*Model).rereadDisabled)),
		a(actionCheck, "check the resource", keys("C"), act((*session.Session).Check)),
		hint(4, when(ctx(a(actionAnswers, "this request's C and P answers", keys("K"), act((*session.Session).AnswersOpen))), (*Model).answersDisabled)),
		a(actionZoom, "zoom the focused pane on/off", keys("ctrl+f"), Model.zoom),
		when(a(actionResetTour, "start the tour over (demo reset)", keys("ctrl+t"), act((*session.Session).ResetTour)), func(m *Model) string { return tourreset.Disabled(m.cfg.DemoURL) }),
		hint(6, a(actionHelp, "help", keys("?"), opens(dialogs.HelpView))),
		hint(7, a(actionQuit, "quit", keys("q", "ctrl+c"), Model.quitOrAsk)),
		a(actionPalette, "command palette", keys("ctrl+p"), opens(dialogs.PaletteView)),
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

		hintIn(scopeExplain, 3, p(explainview.ActionToggle, "open / fold the finding", []settings.Scope{scopeExplain}, "enter")),
		hintIn(scopeExplain, 4, p(explainview.ActionOpenAll, "open / fold all findings", []settings.Scope{scopeExplain}, "o")),
		hintIn(scopeExplain, 2, p(actionUp, "up", moves, "up", "k")),
		hintIn(scopeExplain, 1, p(actionDown, "down", moves, "down", "j")),
		p(actionPageUp, "page up", moves, "pgup", "ctrl+u"),
		p(actionPageDown, "page down", moves, "pgdown", "ctrl+d", " "),
		p(actionTop, "top", moves, "home", "g"),
		p(actionBottom, "bottom", moves, "end", "G"),

		hint(1, p(actionOpen, "open / fold", tree, "enter")),
		p(actionExpand, "unfold", tree, "right", "l"),
		p(actionCollapse, "fold", tree, "left", "h"),
		hint(2, p(actionFilter, "filter", tree, "/")),
		hint(3, ctx(p(actionClearFilter, "clear filter", tree, "esc"))),
		p(actionNewRequest, "new request", tree, "n"),
		p(actionDuplicate, "duplicate", tree, "c"),
		p(actionRename, "rename", tree, "r"),
		p(actionDeleteRequest, "delete request", tree, "x", "delete"),
		p(actionNewFile, "new .http file", tree, "N"),

		hintIn(scopeResponse, 1, p(actionTabNext, "next tab", both, "right", "l", "]")),
		p(actionTabPrev, "previous tab", both, "left", "h", "["),
		// Digits pick the response pane's tabs from every pane (the tour says
		// "Headers tab (3)"), so the request pane's tabs take alt+digit; [ and ]
		// step through them where Option types characters.
		hint(7, p(actionRequestHeaders, "request Headers tab", req, "alt+1")),
		p(actionRequestBody, "request Body tab", req, "alt+2"),
		p(actionRequestQuery, "request Query tab", req, "alt+3"),
		p(actionRequestAuth, "request Auth tab", req, "alt+4"),
		hint(6, p(actionResolve, "show variables resolved", req, "v")),
		hint(1, p(actionMethodNext, "next method", req, "m")),
		p(actionMethodPrev, "previous method", req, "M"),
		hint(2, p(actionEditURL, "edit URL", req, "u")),
		hint(3, p(actionEdit, "edit", req, "enter")),
		hint(4, p(actionAdd, "add", req, "a")),
		p(actionRemove, "delete", req, "d", "delete"),
		p(actionToggleHeader, "disable/enable header", req, "x"),
		p(actionContentType, "content type", req, "t"),
		p(actionEditor, "body in $EDITOR", req, "e"),
		p(actionAuthBasic, "Basic auth", req, "b"),
		p(actionAuthBearer, "Bearer auth", req, "B"),
		hint(5, p(actionCondition, "add If-Match/If-None-Match", req, "i")),
		p(actionAutoIfMatch, "auto If-Match on/off", req, "A"),
		p(actionCopyCurl, "copy as curl", req, "y"),
		p(actionDiscard, "discard edits", req, "z"),

		r(actionResponseRaw, "Raw tab", "1"),
		r(actionResponsePretty, "Pretty tab", "2"),
		r(actionResponseHeaders, "Headers tab", "3"),
		r(actionResponseTiming, "Timing tab", "4"),
		r(actionResponseHistory, "History tab", "5"),
		r(actionResponseRequest, "Request tab", "6"),
		r(actionResponseTests, "Tests tab (scripts, @expect)", "7"),
		r(actionResponseLab, "Cache lab tab", "8"),
		hint(2, p(actionSearch, "search body", resp, "/")),
		hint(3, ctx(p(actionMatchNext, "next match", resp, "n"))),
		hint(4, ctx(p(actionMatchPrev, "previous match", resp, "N"))),
		ctx(p(actionEndSearch, "end search", resp, "esc")),
		p(actionCopyBody, "copy body", resp, "y"),
		p(actionCopyRaw, "copy raw response", resp, "Y"),
		// On the Headers tab: the header's full note; on History: reopen the exchange.
		hint(5, ctx(p(actionNote, "header note / reopen", resp, "enter"))),
		// Only on the History tab, where page down gives mark its keys.
		hint(6, mark),
		hint(8, ctx(p(actionSaveBody, "save body to a file", resp, "s"))),
		hint(7, ctx(p(actionInsecure, "resend, certificate unchecked", resp, "i"))),

		// The view of a HAR file or the live proxy (NewTraffic); the palette of the
		// collection view greys them.
		hintIn(scopeTraffic, 3, when(p(actionTrafficRaw, "Raw tab", traffic, "1"), trafficOnly)),
		when(p(actionTrafficHeaders, "Headers tab", traffic, "2"), trafficOnly),
		when(p(actionTrafficTiming, "Timing tab", traffic, "3"), trafficOnly),
		hint(2, when(p(actionTrafficExplain, "Explain tab", traffic, "4"), trafficOnly)),
		hint(1, when(p(actionSaveAsRequest, "save as request (.http)", traffic, "s"), trafficOnly)),
	}
}

// collectionActions are the actions of the collection view, Model: the table
// without the traffic view's own rows, which its palette and help would only list
// as keys that never act there.
func collectionActions() []action {
	return slices.DeleteFunc(actionTable(), func(a action) bool {
		return len(a.Scopes) == 1 && a.Scopes[0] == scopeTraffic
	})
}

// trafficOnly is why the traffic view's own actions do not act in the collection view.
func trafficOnly(*Model) string { return "only when a HAR file or the proxy is shown" }

// Actions returns what settings needs of every action of the TUI (id, help,
// scopes, default keys), for reading and checking [keys] in the settings file.
func Actions() []settings.ActionInfo {
	t := actionTable()
	out := make([]settings.ActionInfo, len(t))
	for i, a := range t {
		out[i] = a.ActionInfo
	}
	return out
}

// rows is the table as keyset takes it.
func rows(acts []action) []keyset.Row {
	out := make([]keyset.Row, len(acts))
	for i, a := range acts {
		out[i] = keyset.Row{ActionInfo: a.ActionInfo, Hint: a.hint, HintIn: a.hintIn}
	}
	return out
}

// newKeySet binds the table's actions of scope to the keys km gives them (nil:
// the defaults).
func newKeySet(km settings.Keymap, scope settings.Scope) keySet {
	return keyset.New(tableRows(), km, scope)
}

// tableRows is the table as keyset takes it, made once: it never changes.
var tableRows = sync.OnceValue(func() []keyset.Row { return rows(actionTable()) })

// keySet is one scope's bindings; see package keyset.
type keySet = keyset.Set

// inScope reports whether info's keys act in scope s.
func inScope(info settings.ActionInfo, s settings.Scope) bool {
	return slices.Contains(info.Scopes, s)
}
