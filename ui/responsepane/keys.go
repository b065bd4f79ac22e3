package responsepane

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/nav"
	rc "github.com/httplens/httplens/ui/responsecontent"
)

// The actions the pane runs itself, besides moving (package nav). The root's
// action table declares them with these ids.
const (
	ActionRaw      settings.Action = "response-raw"
	ActionPretty   settings.Action = "response-pretty"
	ActionHeaders  settings.Action = "response-headers"
	ActionTiming   settings.Action = "response-timing"
	ActionHistory  settings.Action = "response-history"
	ActionRequest  settings.Action = "response-request"
	ActionTests    settings.Action = "response-tests"
	ActionLab      settings.Action = "response-lab"
	ActionSearch   settings.Action = "search"
	ActionNext     settings.Action = "match-next"
	ActionPrev     settings.Action = "match-prev"
	ActionEnd      settings.Action = "end-search"
	ActionCopyBody settings.Action = "copy-body"
	ActionCopyRaw  settings.Action = "copy-raw"
	ActionNote     settings.Action = "note"
	ActionMark     settings.Action = "mark"
	ActionSaveBody settings.Action = "save-body"
	ActionInsecure settings.Action = "insecure"
)

// TabActions select the tabs, in tab order; their digits act from every pane.
var TabActions = [rc.TabCount]settings.Action{ActionRaw, ActionPretty, ActionHeaders, ActionTiming,
	ActionHistory, ActionRequest, ActionTests, ActionLab}

// Keys drive the response pane: the response scope's bindings, and the global
// send and cancel bindings its hints name ("Press ctrl+r to send"), which the
// root acts on.
type Keys struct {
	keyset.Set
	pageDown     []string // the keys page down has off the History tab
	send, cancel key.Binding
}

// NewKeys makes the pane's keys from the response scope's set and the global
// send and cancel bindings; what cannot act at start is off.
func NewKeys(set keyset.Set, send, cancel key.Binding) Keys {
	k := Keys{Set: set, send: send, cancel: cancel}
	k.pageDown = k.Get(nav.PageDown).Keys()
	// Off until there is a body, a TLS failure, a search: one batch.
	k.EnableAll(append([]keyset.Switch{{ID: ActionSaveBody}, {ID: ActionInsecure}, {ID: ActionCopyBody}, {ID: ActionCopyRaw}},
		searching(false)...)...)
	k.setTab(rc.TabRaw)
	return k
}

// setTab enables the bindings that act on tab t. On the History tab space
// marks an exchange, so it stops paging down there.
func (k *Keys) setTab(t int) {
	k.EnableAll(keyset.Switch{ID: ActionNote, On: t == rc.TabHeaders || t == rc.TabHistory},
		keyset.Switch{ID: ActionMark, On: t == rc.TabHistory})
	keys := k.pageDown
	if t == rc.TabHistory {
		mark := k.Get(ActionMark).Keys()
		keys = slices.DeleteFunc(slices.Clone(keys), func(s string) bool { return slices.Contains(mark, s) })
	}
	k.SetKeys(nav.PageDown, keys...) // no keys left: the binding is off on this tab
}

// setSearching enables the match keys only while there is a search to step through.
func (k *Keys) setSearching(on bool) { k.EnableAll(searching(on)...) }

// searching switches the match keys.
func searching(on bool) []keyset.Switch {
	return []keyset.Switch{{ID: ActionNext, On: on}, {ID: ActionPrev, On: on}, {ID: ActionEnd, On: on}}
}
