package ui

import (
	"github.com/httplens/httplens/collections"
)

// collectionLoadedMsg carries the collection read by loadCollectionCmd.
type collectionLoadedMsg struct {
	coll  *collections.Collection
	label string                       // what was opened, for the status line
	envs  map[string]map[string]string // variables by environment; "" holds the shared ones
	names []string                     // environment names, sorted
	err   error                        // the collection could not be read at all
}
