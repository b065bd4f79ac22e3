package settings

// The actions these tests bind: a copy of the TUI's table as it stood when
// the table moved to package ui, so the tests exercise a realistic vocabulary
// (settings itself knows no action).

// The scopes. Global keys are matched before a pane's.
const (
	ScopeTree     Scope = "tree"
	ScopeRequest  Scope = "request"
	ScopeResponse Scope = "response"
	ScopeExplain  Scope = "explain"
)

// The actions. The DESIGN.md contract keys are their defaults: send ctrl+r, cancel
// esc, focus tab / shift+tab, filter /, open enter, save ctrl+s, help ?, quit q and
// ctrl+c.
const (
	ActionSend      Action = "send"
	ActionCancel    Action = "cancel"
	ActionFocusNext Action = "focus-next"
	ActionFocusPrev Action = "focus-prev"
	ActionEnv       Action = "env"
	ActionSave      Action = "save"
	ActionReread    Action = "reread"
	ActionCheck     Action = "check"
	ActionHelp      Action = "help"
	ActionQuit      Action = "quit"
	ActionPalette   Action = "palette"
	ActionCookies   Action = "cookies"

	ActionUp       Action = "up"
	ActionDown     Action = "down"
	ActionPageUp   Action = "page-up"
	ActionPageDown Action = "page-down"
	ActionTop      Action = "top"
	ActionBottom   Action = "bottom"

	ActionOpen          Action = "open"
	ActionExpand        Action = "expand"
	ActionCollapse      Action = "collapse"
	ActionFilter        Action = "filter"
	ActionClearFilter   Action = "clear-filter"
	ActionNewRequest    Action = "new-request"
	ActionDuplicate     Action = "duplicate"
	ActionRename        Action = "rename"
	ActionDeleteRequest Action = "delete-request"
	ActionNewFile       Action = "new-file"

	ActionTabNext         Action = "tab-next"
	ActionTabPrev         Action = "tab-prev"
	ActionRequestHeaders  Action = "request-headers"
	ActionRequestBody     Action = "request-body"
	ActionRequestQuery    Action = "request-query"
	ActionRequestAuth     Action = "request-auth"
	ActionResolve         Action = "resolve"
	ActionMethodNext      Action = "method-next"
	ActionMethodPrev      Action = "method-prev"
	ActionEditURL         Action = "edit-url"
	ActionEdit            Action = "edit"
	ActionAdd             Action = "add"
	ActionRemove          Action = "remove"
	ActionToggleHeader    Action = "toggle-header"
	ActionContentType     Action = "content-type"
	ActionEditor          Action = "editor"
	ActionAuthBasic       Action = "auth-basic"
	ActionAuthBearer      Action = "auth-bearer"
	ActionCondition       Action = "condition"
	ActionAutoIfMatch     Action = "auto-if-match"
	ActionCopyCurl        Action = "copy-curl"
	ActionDiscard         Action = "discard"
	ActionResponseRaw     Action = "response-raw"
	ActionResponsePretty  Action = "response-pretty"
	ActionResponseHeaders Action = "response-headers"
	ActionResponseTiming  Action = "response-timing"
	ActionResponseHistory Action = "response-history"
	ActionSearch          Action = "search"
	ActionMatchNext       Action = "match-next"
	ActionMatchPrev       Action = "match-prev"
	ActionEndSearch       Action = "end-search"
	ActionCopyBody        Action = "copy-body"
	ActionCopyRaw         Action = "copy-raw"
	ActionNote            Action = "note"
	ActionMark            Action = "mark"
	ActionSaveBody        Action = "save-body"
	ActionInsecure        Action = "insecure"
)

// testActions returns every action in the order help and the palette list them.
// Defaults avoid ctrl+h (backspace in many terminals), ctrl+b (tmux's prefix) and
// alt (the Option key on macOS types characters unless configured).
func testActions() []ActionInfo {
	g := []Scope{ScopeGlobal}
	panes := []Scope{ScopeTree, ScopeRequest, ScopeResponse, ScopeExplain}
	tree, req, resp := []Scope{ScopeTree}, []Scope{ScopeRequest}, []Scope{ScopeResponse}
	both := []Scope{ScopeRequest, ScopeResponse}
	a := func(id Action, help string, scopes []Scope, keys ...string) ActionInfo {
		return ActionInfo{ID: id, Help: help, Scopes: scopes, Keys: keys}
	}
	ctx := func(i ActionInfo) ActionInfo { i.Contextual = true; return i }
	mark := ctx(a(ActionMark, "mark two to diff", resp, " "))
	mark.Overrides = []Action{ActionPageDown}
	return []ActionInfo{
		a(ActionSend, "send the request", g, "ctrl+r"),
		ctx(a(ActionCancel, "cancel the request in flight", g, "esc")),
		a(ActionFocusNext, "next pane", g, "tab"),
		a(ActionFocusPrev, "previous pane", g, "shift+tab"),
		a(ActionEnv, "choose the environment", g, "ctrl+e"),
		ctx(a(ActionSave, "save edits", g, "ctrl+s")),
		ctx(a(ActionReread, "re-read after 412", g, "R")),
		a(ActionCheck, "check the resource", g, "C"),
		a(ActionHelp, "help", g, "?"),
		a(ActionQuit, "quit", g, "q", "ctrl+c"),
		a(ActionPalette, "command palette", g, "ctrl+p"),
		a(ActionCookies, "cookies of this environment", g, "ctrl+k"),

		a(ActionUp, "up", panes, "up", "k"),
		a(ActionDown, "down", panes, "down", "j"),
		a(ActionPageUp, "page up", panes, "pgup", "ctrl+u"),
		a(ActionPageDown, "page down", panes, "pgdown", "ctrl+d", " "),
		a(ActionTop, "top", panes, "home", "g"),
		a(ActionBottom, "bottom", panes, "end", "G"),

		a(ActionOpen, "open / fold", tree, "enter"),
		a(ActionExpand, "unfold", tree, "right", "l"),
		a(ActionCollapse, "fold", tree, "left", "h"),
		a(ActionFilter, "filter", tree, "/"),
		ctx(a(ActionClearFilter, "clear filter", tree, "esc")),
		a(ActionNewRequest, "new request", tree, "n"),
		a(ActionDuplicate, "duplicate", tree, "c"),
		a(ActionRename, "rename", tree, "r"),
		a(ActionDeleteRequest, "delete request", tree, "x", "delete"),
		a(ActionNewFile, "new .http file", tree, "N"),

		a(ActionTabNext, "next tab", both, "right", "l", "]"),
		a(ActionTabPrev, "previous tab", both, "left", "h", "["),
		a(ActionRequestHeaders, "Headers tab", req, "1"),
		a(ActionRequestBody, "Body tab", req, "2"),
		a(ActionRequestQuery, "Query tab", req, "3"),
		a(ActionRequestAuth, "Auth tab", req, "4"),
		a(ActionResolve, "show variables resolved", req, "v"),
		a(ActionMethodNext, "next method", req, "m"),
		a(ActionMethodPrev, "previous method", req, "M"),
		a(ActionEditURL, "edit URL", req, "u"),
		a(ActionEdit, "edit", req, "enter"),
		a(ActionAdd, "add", req, "a"),
		a(ActionRemove, "delete", req, "d", "delete"),
		a(ActionToggleHeader, "disable/enable header", req, "x"),
		a(ActionContentType, "content type", req, "t"),
		a(ActionEditor, "body in $EDITOR", req, "e"),
		a(ActionAuthBasic, "Basic auth", req, "b"),
		a(ActionAuthBearer, "Bearer auth", req, "B"),
		a(ActionCondition, "add If-Match/If-None-Match", req, "i"),
		a(ActionAutoIfMatch, "auto If-Match on/off", req, "A"),
		a(ActionCopyCurl, "copy as curl", req, "y"),
		a(ActionDiscard, "discard edits", req, "z"),

		a(ActionResponseRaw, "Raw tab", resp, "1"),
		a(ActionResponsePretty, "Pretty tab", resp, "2"),
		a(ActionResponseHeaders, "Headers tab", resp, "3"),
		a(ActionResponseTiming, "Timing tab", resp, "4"),
		a(ActionResponseHistory, "History tab", resp, "5"),
		a(ActionSearch, "search body", resp, "/"),
		ctx(a(ActionMatchNext, "next match", resp, "n")),
		ctx(a(ActionMatchPrev, "previous match", resp, "N")),
		ctx(a(ActionEndSearch, "end search", resp, "esc")),
		a(ActionCopyBody, "copy body", resp, "y"),
		a(ActionCopyRaw, "copy raw response", resp, "Y"),
		// On the Headers tab: the header's full note; on History: reopen the exchange.
		ctx(a(ActionNote, "header note / reopen", resp, "enter")),
		// Only on the History tab, where page down gives mark its keys.
		mark,
		ctx(a(ActionSaveBody, "save body to a file", resp, "s")),
		ctx(a(ActionInsecure, "resend, certificate unchecked", resp, "i")),
	}
}
