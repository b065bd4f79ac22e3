// Package actions is the data of the TUI's pane actions: each one's id, default
// keys, scopes, help text and place in the hint line, in the order help and the
// palette list them; and which pane runs an action. The panes own what their
// actions do (they take them as uimsg.RunAction); the root declares the global
// actions, whose handlers are its own, and adds these rows after them.
//
// It imports settings and the panes' leaf packages for their ids only; it never
// imports the root.
package actions

import (
	"slices"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/exchangelist"
	"github.com/httplens/httplens/ui/explainview"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/layout"
	"github.com/httplens/httplens/ui/nav"
	"github.com/httplens/httplens/ui/requestpane"
	rp "github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/tree"
)

// The scopes of the TUI's keys besides settings.ScopeGlobal: a pane's keys act
// while it has focus.
const (
	Tree     settings.Scope = "tree"
	Request  settings.Scope = "request"
	Response settings.Scope = "response"
	Explain  settings.Scope = "explain"
	// Traffic is the view of a HAR file or the live proxy (the root's NewTraffic).
	Traffic settings.Scope = "traffic"
)

// PaneScopes are the scopes of the panes' keys, by layout.Pane.
var PaneScopes = [layout.Count]settings.Scope{Tree, Request, Response, Explain}

// Row is one pane action.
type Row struct {
	keyset.Row
	// Tab is set for a response tab action: its digit acts from every pane, and
	// shows the response pane on that tab.
	Tab bool
}

// Panes returns the pane actions, in the order help and the palette list them:
// the one place a pane action is declared. Defaults avoid ctrl+h (backspace in
// many terminals), ctrl+b (tmux's prefix) and alt (the Option key on macOS types
// characters unless configured).
func Panes() []Row {
	panes := PaneScopes[:]
	tree_, req, resp := []settings.Scope{Tree}, []settings.Scope{Request}, []settings.Scope{Response}
	both := []settings.Scope{Request, Response, Traffic}
	traffic := []settings.Scope{Traffic}
	// The movement actions also move through the exchanges of a HAR file or the proxy.
	moves := append(slices.Clip(panes), Traffic)
	// p declares an action run by the pane its scope names.
	p := func(id settings.Action, help string, scopes []settings.Scope, keys ...string) Row {
		return Row{Row: keyset.Row{ActionInfo: settings.ActionInfo{ID: id, Help: help, Scopes: scopes, Keys: keys}}}
	}
	// r declares a response tab action.
	r := func(id settings.Action, help string, keys ...string) Row {
		return Row{Row: keyset.Row{ActionInfo: settings.ActionInfo{ID: id, Help: "response " + help, Scopes: panes, Keys: keys}}, Tab: true}
	}
	ctx := func(x Row) Row { x.Contextual = true; return x }
	hint := func(n int, x Row) Row { x.Hint = n; return x }
	hintIn := func(s settings.Scope, n int, x Row) Row { x.Hint, x.HintIn = n, s; return x }
	mark := ctx(p(rp.ActionMark, "mark two to diff", resp, " "))
	mark.Overrides = []settings.Action{nav.PageDown}
	return []Row{
		hintIn(Explain, 3, p(explainview.ActionToggle, "open / fold the finding", []settings.Scope{Explain}, "enter")),
		hintIn(Explain, 4, p(explainview.ActionOpenAll, "open / fold all findings", []settings.Scope{Explain}, "o")),
		hintIn(Explain, 2, p(nav.Up, "up", moves, "up", "k")),
		hintIn(Explain, 1, p(nav.Down, "down", moves, "down", "j")),
		p(nav.PageUp, "page up", moves, "pgup", "ctrl+u"),
		p(nav.PageDown, "page down", moves, "pgdown", "ctrl+d", " "),
		p(nav.Top, "top", moves, "home", "g"),
		p(nav.Bottom, "bottom", moves, "end", "G"),

		hint(1, p(tree.Open, "open / fold", tree_, "enter")),
		p(tree.Expand, "unfold", tree_, "right", "l"),
		p(tree.Collapse, "fold", tree_, "left", "h"),
		hint(2, p(tree.Filter, "filter", tree_, "/")),
		hint(3, ctx(p(tree.ClearFilter, "clear filter", tree_, "esc"))),
		p(tree.NewRequest, "new request", tree_, "n"),
		p(tree.Duplicate, "duplicate", tree_, "c"),
		p(tree.Rename, "rename", tree_, "r"),
		p(tree.DeleteRequest, "delete request", tree_, "x", "delete"),
		p(tree.NewFile, "new .http file", tree_, "N"),

		hintIn(Response, 1, p(nav.TabNext, "next tab", both, "right", "l", "]")),
		p(nav.TabPrev, "previous tab", both, "left", "h", "["),
		// Digits pick the response pane's tabs from every pane (the tour says
		// "Headers tab (3)"), so the request pane's tabs take alt+digit; [ and ]
		// step through them where Option types characters.
		hint(7, p(requestpane.Headers, "request Headers tab", req, "alt+1")),
		p(requestpane.Body, "request Body tab", req, "alt+2"),
		p(requestpane.Query, "request Query tab", req, "alt+3"),
		p(requestpane.Auth, "request Auth tab", req, "alt+4"),
		hint(6, p(requestpane.Resolve, "show variables resolved", req, "v")),
		hint(1, p(requestpane.MethodNext, "next method", req, "m")),
		p(requestpane.MethodPrev, "previous method", req, "M"),
		hint(2, p(requestpane.EditURL, "edit URL", req, "u")),
		hint(3, p(requestpane.Edit, "edit", req, "enter")),
		hint(4, p(requestpane.Add, "add", req, "a")),
		p(requestpane.Remove, "delete", req, "d", "delete"),
		p(requestpane.Toggle, "disable/enable header", req, "x"),
		p(requestpane.ContentType, "content type", req, "t"),
		p(requestpane.Editor, "body in $EDITOR", req, "e"),
		p(requestpane.AuthBasic, "Basic auth", req, "b"),
		p(requestpane.AuthBearer, "Bearer auth", req, "B"),
		hint(5, p(requestpane.Condition, "add If-Match/If-None-Match", req, "i")),
		p(requestpane.AutoIfMatch, "auto If-Match on/off", req, "A"),
		p(requestpane.CopyCurl, "copy as curl", req, "y"),
		p(requestpane.Discard, "discard edits", req, "z"),

		r(rp.ActionRaw, "Raw tab", "1"),
		r(rp.ActionPretty, "Pretty tab", "2"),
		r(rp.ActionHeaders, "Headers tab", "3"),
		r(rp.ActionTiming, "Timing tab", "4"),
		r(rp.ActionHistory, "History tab", "5"),
		r(rp.ActionRequest, "Request tab", "6"),
		r(rp.ActionTests, "Tests tab (scripts, @expect)", "7"),
		r(rp.ActionLab, "Cache lab tab", "8"),
		hint(2, p(rp.ActionSearch, "search body", resp, "/")),
		hint(3, ctx(p(rp.ActionNext, "next match", resp, "n"))),
		hint(4, ctx(p(rp.ActionPrev, "previous match", resp, "N"))),
		ctx(p(rp.ActionEnd, "end search", resp, "esc")),
		p(rp.ActionCopyBody, "copy body", resp, "y"),
		p(rp.ActionCopyRaw, "copy raw response", resp, "Y"),
		// On the Headers tab: the header's full note; on History: reopen the exchange.
		hint(5, ctx(p(rp.ActionNote, "header note / reopen", resp, "enter"))),
		// Only on the History tab, where page down gives mark its keys.
		hint(6, mark),
		hint(8, ctx(p(rp.ActionSaveBody, "save body to a file", resp, "s"))),
		hint(7, ctx(p(rp.ActionInsecure, "resend, certificate unchecked", resp, "i"))),

		// The view of a HAR file or the live proxy; the collection view leaves
		// them out (InCollection).
		hintIn(Traffic, 3, p(exchangelist.ShowRaw, "Raw tab", traffic, "1")),
		p(exchangelist.ShowHeaders, "Headers tab", traffic, "2"),
		p(exchangelist.ShowTiming, "Timing tab", traffic, "3"),
		hint(2, p(exchangelist.ShowExplain, "Explain tab", traffic, "4")),
		hint(1, p(exchangelist.SaveRequest, "save as request (.http)", traffic, "s")),
	}
}

// InCollection reports whether the collection view (the root's Model) has
// action info: all but the traffic view's own actions, which its palette and
// help would only list as keys that never act there.
func InCollection(info settings.ActionInfo) bool {
	return len(info.Scopes) != 1 || info.Scopes[0] != Traffic
}

// PaneFor is the pane that runs the pane action info: the focused pane when the
// action acts there, else the first pane of its scopes.
func PaneFor(info settings.ActionInfo, focused layout.Pane) layout.Pane {
	if slices.Contains(info.Scopes, PaneScopes[focused]) {
		return focused
	}
	for p, s := range PaneScopes {
		if slices.Contains(info.Scopes, s) {
			return layout.Pane(p)
		}
	}
	return focused
}
