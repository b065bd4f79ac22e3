package ui

import (
	"slices"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/actions"
	"github.com/httplens/httplens/ui/exchangelist"
	"github.com/httplens/httplens/ui/explainview"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/layout"
	"github.com/httplens/httplens/ui/nav"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/tree"
)

// Short names the root's tests use for what moved out of the root's routing
// files (layout, the pane actions' data); production code calls the packages.

func layoutFor(mode string, w, h int) layout.Screen { return layout.For(mode, w, h) }

func inScope(info settings.ActionInfo, s settings.Scope) bool { return slices.Contains(info.Scopes, s) }

const (
	scopeRequest = actions.Request
	scopeTraffic = actions.Traffic

	actionPageDown        = nav.PageDown
	actionEdit            = requestpane.Edit
	actionEditor          = requestpane.Editor
	actionCondition       = requestpane.Condition
	actionCopyCurl        = requestpane.CopyCurl
	actionRequestBody     = requestpane.Body
	actionResponseRaw     = responsepane.ActionRaw
	actionResponseTiming  = responsepane.ActionTiming
	actionResponseHistory = responsepane.ActionHistory
	actionMatchNext       = responsepane.ActionNext
	actionMatchPrev       = responsepane.ActionPrev
	actionNote            = responsepane.ActionNote
	actionMark            = responsepane.ActionMark
	actionSaveBody        = responsepane.ActionSaveBody
	actionSaveAsRequest   = exchangelist.SaveRequest
)

var respTabActions = responsepane.TabActions

// The key sets and panes with the keys km gives them (nil: the defaults).
func newGlobalKeys(km settings.Keymap) keyset.Set          { return bindKeys(km).Global }
func newTreeKeys(km settings.Keymap) keyset.Set            { return bindKeys(km).Tree }
func newExplainKeys(km settings.Keymap) keyset.Set         { return bindKeys(km).Explain }
func newResponseKeys(km settings.Keymap) responsepane.Keys { return bindKeys(km).Response }
func newTreePane(st Styles) tree.Model                     { return tree.New(st, newTreeKeys(nil)) }
func newRequestPane(st Styles) requestpane.Model           { return requestpane.New(st, bindKeys(nil).Request) }
func newExplainPane(st Styles) explainview.Model           { return explainview.New(st, newExplainKeys(nil)) }
