// Package historycmds is the TUI's history workflow: Keeper, which the root
// holds, keeps the exchanges of a send, prunes at start-up, lists a request's
// stored exchanges for its History tab, reopens one, compares two, and reads
// the newest stored exchange of a request (for the panes) or of a named request
// (for request variables). Its commands never block Update; their messages come
// back through Keeper.Update as an Outcome the root applies. Where the history
// files a request is Ref. It imports history, collections, requests and the
// packages under ui it fills or reads (responsepane, responsecontent, shown,
// exchangediff, tree), never the root.
package historycmds

import (
	"context"
	"path/filepath"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
)

// ListLimit caps the rows the History tab loads; retention keeps 50 per request
// by default, so this only matters for a store configured to keep more.
const ListLimit = 500

// StoredMsg says exchanges were kept in the history (Err set when not).
type StoredMsg struct {
	Keys []string // the request key of each saved request stored
	Err  error
}

// PrunedMsg says the start-up pruning finished.
type PrunedMsg struct{ Err error }

// ListedMsg carries the stored exchanges of request Key, newest first.
type ListedMsg struct {
	Key  string
	Rows []history.Summary
	Err  error
}

// Ref is where the history files request r: the collection file made absolute
// against dir (so one file is one key from any folder, as `send` stores it) and
// the request's @name, or its title when it has none. The built-in tour has no
// file on disk; its paths ("tour/...") are kept as they are.
func Ref(r *collections.Request, dir string) (file, name string) {
	if r == nil || r.File == nil {
		return "", ""
	}
	file = r.File.Path
	if !r.File.ReadOnly && !filepath.IsAbs(file) && dir != "" {
		file = filepath.Join(dir, file)
	}
	name = r.Name
	if name == "" {
		name = r.Title
	}
	return file, name
}

// StoreCmd keeps the exchanges of one send (keys: their requests) in s; a
// failure comes back as StoredMsg.Err for the status line.
func StoreCmd(s *history.Store, entries []history.Entry, keys []string) tea.Cmd {
	return func() tea.Msg {
		for _, e := range entries {
			if _, err := s.Add(context.Background(), e); err != nil {
				return StoredMsg{Keys: keys, Err: err}
			}
		}
		return StoredMsg{Keys: keys}
	}
}

// PruneCmd applies retention to the whole database at start-up.
func PruneCmd(s *history.Store) tea.Cmd {
	return func() tea.Msg { return PrunedMsg{Err: s.Prune(context.Background())} }
}

// ListCmd reads the stored exchanges of request key (file, name).
func ListCmd(s *history.Store, key, file, name string) tea.Cmd {
	return func() tea.Msg {
		rows, err := s.List(context.Background(), history.Filter{File: file, Name: name, Limit: ListLimit})
		return ListedMsg{Key: key, Rows: rows, Err: err}
	}
}

// MomentOf is when a stored exchange's verdicts are for: when it was received,
// or fallback when that was not recorded.
func MomentOf(e history.Entry, fallback time.Time) time.Time {
	if !e.Received.IsZero() {
		return e.Received
	}
	return fallback
}

// Latest returns the lookup request variables use for the names a session has no
// response for: the newest stored response of the request of that @name among
// reqs (dir as for Ref). It copies what it needs, so it may run inside a
// command; nil when there is no store.
func Latest(s *history.Store, reqs []*collections.Request, dir string) func(name string) (*requests.Response, bool) {
	if s == nil {
		return nil
	}
	refs := map[string][3]string{}
	for _, r := range reqs {
		if r.Name != "" {
			if _, dup := refs[r.Name]; !dup {
				file, name := Ref(r, dir)
				refs[r.Name] = [3]string{file, name, r.Method}
			}
		}
	}
	return func(name string) (*requests.Response, bool) {
		ref, ok := refs[name]
		if !ok {
			return nil, false
		}
		e, ok, err := s.LatestOf(context.Background(), ref[0], ref[1], ref[2])
		if err != nil || !ok || e.Response == nil {
			return nil, false
		}
		return e.Response, true
	}
}
