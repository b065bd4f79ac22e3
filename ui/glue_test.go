package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/headers"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/flight"
	"github.com/httplens/httplens/ui/historycmds"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/session"
	"github.com/httplens/httplens/ui/tree"
	"github.com/httplens/httplens/ui/uikit"
)

// The short names the root's tests use for the response pane's packages and the
// history's messages; the production code calls those packages directly.

type historyListedMsg = historycmds.ListedMsg

func newResponseContent(x requests.Exchange, st Styles) *responsecontent.Content {
	return responsecontent.New(x, st)
}

func newResponsePane(st Styles) responsepane.Model { return responsepane.New(st, newResponseKeys(nil)) }

// headerValue is the first value of the named header, or "".
func headerValue(hs []requests.Header, name string) string { return headers.List(hs).Get(name) }

// Short names the root's tests use for the leaves' functions and the action table.
func fitBlock(lines []string, w, h int) string       { return uikit.FitBlock(lines, w, h) }
func keysLabel(keys []string) string                 { return keyset.Label(keys) }
func actionList() []settings.ActionInfo              { return Actions() }
func keyName(b key.Binding) string                   { return keyset.Name(b) }
func requestKey(r *collections.Request) string       { return tree.RequestKey(r) }
func lookupAction(id settings.Action) (action, bool) { return findAction(actionTable(), id) }

// newRequestKeys makes the request pane's keys from km; see requestpane.Keys.
func newRequestKeys(km settings.Keymap) requestpane.Keys {
	return requestpane.NewKeys(newKeySet(km, scopeRequest))
}

// resolver is the session's, over the root's parts.
func (m *Model) resolver() flight.Resolve { return m.sess.Resolver(m.parts()) }

// sendingText is the in-flight line of the response pane.
func (m *Model) sendingText() string { return m.sess.Sending() }

// check is the handler of C.
func (m Model) check() (tea.Model, tea.Cmd) { return act((*session.Session).Check)(m) }
