package ui

import (
	"time"

	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/runner"
	"github.com/httplens/httplens/ui/historycmds"
	"github.com/httplens/httplens/ui/responsecontent"
)

// collectionLoadedMsg carries the collection read by loadCollectionCmd.
type collectionLoadedMsg struct {
	coll  *collections.Collection
	label string                       // what was opened, for the status line
	envs  map[string]map[string]string // variables by environment; "" holds the shared ones
	names []string                     // environment names, sorted
	err   error                        // the collection could not be read at all
}

// sendStartedMsg says when send id began, for the elapsed-time display.
type sendStartedMsg struct {
	id int
	at time.Time
}

// responseMsg is the result of send id: the exchange (Err set when it failed or was
// cancelled), its explanation and its display content, all computed off the UI
// goroutine.
type responseMsg struct {
	id       int
	kept     []keptResponse     // responses of named requests sent, for request variables
	sent     []historycmds.Sent // every exchange sent, dependencies first, for the history
	exchange requests.Exchange
	report   *explain.Report // nil when no response arrived
	content  *responsecontent.Content
	steps    []runner.StepResult // what each request's scripts and @expect lines found
	lab      *cachelab.Result    // what the cache lab did with the last request; nil when off
}

// keptResponse is the last response of a named request.
type keptResponse struct {
	name string
	resp collections.Response
}
