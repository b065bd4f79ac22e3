package ui

import (
	"github.com/httplens/httplens/headers"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/historycmds"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/responsepane"
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
