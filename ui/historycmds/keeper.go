package historycmds

import (
	"context"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/exchangediff"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/shown"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/tree"
)

// Keeper is the history workflow the root holds: it stores what a send
// produced, prunes at start-up, lists a request's stored exchanges for the
// History tab, reopens one and compares two. Its methods return commands, and
// Update turns the commands' messages into an Outcome the root applies. The
// zero value (no store) does nothing and says the history is off.
type Keeper struct {
	store *history.Store
	why   string // why there is no store, when it was not turned off on purpose
	dir   string // what relative collection paths are made absolute against (Ref)
}

// New is the workflow over store s (nil: off, err saying why) for the
// collection opened in dir.
func New(s *history.Store, err error, dir string) Keeper {
	k := Keeper{store: s, dir: dir}
	if err != nil {
		k.why = err.Error()
	}
	return k
}

// On reports whether there is a store.
func (k Keeper) On() bool { return k.store != nil }

// Sent is one exchange a send produced, with the saved request it was for (nil
// for an ad-hoc one, a re-read), so that it is filed under that request.
type Sent struct {
	Req *collections.Request
	X   requests.Exchange
}

// Record keeps what one send produced; nil when there is nothing to keep or no
// store. StoredMsg names the saved requests whose rows changed.
func (k Keeper) Record(sent []Sent) tea.Cmd {
	if k.store == nil || len(sent) == 0 {
		return nil
	}
	entries := make([]history.Entry, 0, len(sent))
	keys := make([]string, 0, len(sent))
	for _, s := range sent {
		file, name := Ref(s.Req, k.dir)
		entries = append(entries, history.FromExchange(s.X, file, name))
		if s.Req != nil && s.Req.File != nil {
			keys = append(keys, tree.RequestKey(s.Req))
		}
	}
	return StoreCmd(k.store, entries, keys)
}

// RecordEntries keeps entries already named for their request (a preflight's,
// stored under the request it was made for); key is that request's key.
func (k Keeper) RecordEntries(entries []history.Entry, key string) tea.Cmd {
	if k.store == nil || len(entries) == 0 {
		return nil
	}
	return StoreCmd(k.store, entries, []string{key})
}

// Prune applies retention at start-up; nil without a store.
func (k Keeper) Prune() tea.Cmd {
	if k.store == nil {
		return nil
	}
	return PruneCmd(k.store)
}

// Latest is the lookup of the newest stored response of a named request among
// reqs, for request variables the session has no response for; nil without a
// store. See the function Latest.
func (k Keeper) Latest(reqs []*collections.Request) func(name string) (*requests.Response, bool) {
	return Latest(k.store, reqs, k.dir)
}

// Fallback is the Responses lookup of request variables for names the session
// has no response for: the newest stored response of that request in coll, as
// keep makes it (what request variables need of a response). It copies what it
// needs, so it may run inside a command; nil without a store or a collection.
func (k Keeper) Fallback(coll *collections.Collection, keep func(*requests.Response) collections.Response) func(name string) (collections.Response, bool) {
	if coll == nil || k.store == nil {
		return nil
	}
	latest := k.Latest(coll.Requests())
	return func(name string) (collections.Response, bool) {
		r, ok := latest(name)
		if !ok {
			return collections.Response{}, false
		}
		return keep(r), true
	}
}

// Sync tells pane whether the history is on and, when its History tab is shown
// with the rows of another request than r, returns the command listing r's.
func (k Keeper) Sync(pane *responsepane.Model, r *collections.Request) tea.Cmd {
	pane.SetHistoryOff(k.store == nil, k.why)
	if r == nil {
		return nil
	}
	key := tree.RequestKey(r)
	if !pane.LoadHistory(key) {
		return nil
	}
	file, name := Ref(r, k.dir)
	return ListCmd(k.store, key, file, name)
}

// Newest reads the newest stored exchange of r (history.LatestOf: never a
// preflight P stored under it), ready to show (shown.LoadedMsg);
// nil without a store or a request.
func (k Keeper) Newest(r *collections.Request, st styles.Styles) tea.Cmd {
	if k.store == nil || r == nil {
		return nil
	}
	return newestCmd(k.store, r, k.dir, st)
}

// newestCmd is Newest's command; apart, so that st moves to the heap only when
// there is one to make (Styles is large).
func newestCmd(s *history.Store, r *collections.Request, dir string, st styles.Styles) tea.Cmd {
	key, label := tree.RequestKey(r), tree.RequestLabel(r)
	file, name := Ref(r, dir)
	return func() tea.Msg {
		e, ok, err := s.LatestOf(context.Background(), file, name, r.Method)
		if err != nil || !ok {
			return shown.LoadedMsg{Key: key, Err: err}
		}
		x := e.Exchange()
		src := termtext.String(label) + " · from the history, " + x.Received.Local().Format("Jan 02 15:04:05")
		return shown.LoadedMsg{Key: key, Shown: prepare(e, src, st), OK: true}
	}
}

// prepare makes stored exchange e ready to show like a fresh response, its
// explanation for the moment it was received (or now, when that is unknown), so
// that it reads as it did then, and as Compare judges it.
func prepare(e history.Entry, source string, st styles.Styles) shown.Exchange {
	x := e.Exchange()
	sh := shown.Exchange{X: x, Content: responsecontent.New(x, st), Source: source}
	if x.Response != nil {
		r := explain.Analyze(explaininput.From(x, MomentOf(e, time.Now())))
		sh.Report = &r
	}
	sh.Note = sh.Content.NotHTTPWhy
	return sh
}

// ReopenedMsg carries stored exchange ID of request Key, ready to show.
type ReopenedMsg struct {
	Key   string
	ID    int64
	Shown shown.Exchange
	Err   error
}

// DiffReadyMsg carries the lines of the diff view of request Key.
type DiffReadyMsg struct {
	Key   string
	Title string
	Lines []string
	Err   error
}

// Outcome is what a history message asks of the root: a status line (when
// Status is set), a stored exchange to show (Reopened: request Key's exchange
// ID), a diff view to open (DiffTitle set), and a command to run.
type Outcome struct {
	Status string
	IsErr  bool

	Reopened  bool
	Key       string
	ID        int64
	Shown     shown.Exchange
	DiffTitle string
	DiffLines []string

	Cmd tea.Cmd
}

// View is what Update needs of the screen besides the response pane: the
// request shown, the width prose is wrapped to, the styles.
type View struct {
	Req   *collections.Request
	Width int
	St    styles.Styles
}

// Update takes the messages of the history's commands and the response pane's
// requests to reopen or compare, filling pane's History tab; ok is false for
// any other message. pane is not kept (the root's model stays on the stack).
func (k Keeper) Update(msg tea.Msg, pane *responsepane.Model, v View) (o Outcome, ok bool) {
	key := ""
	if v.Req != nil {
		key = tree.RequestKey(v.Req)
	}
	switch msg := msg.(type) {
	case StoredMsg:
		if msg.Err != nil {
			return Outcome{Status: "Not kept in the history: " + msg.Err.Error(), IsErr: true}, true
		}
		pane.HistoryStale(msg.Keys...) // load them again
		return Outcome{Cmd: k.Sync(pane, v.Req)}, true
	case PrunedMsg:
		if msg.Err != nil {
			return Outcome{Status: "History pruning failed: " + msg.Err.Error(), IsErr: true}, true
		}
		return o, true
	case ListedMsg:
		if key == msg.Key {
			pane.SetHistoryRows(msg.Key, msg.Rows, msg.Err)
		}
		return o, true
	case responsepane.ReopenMsg:
		if key == "" || k.store == nil {
			return o, true
		}
		src := fmt.Sprintf("%s · exchange #%d", termtext.String(tree.RequestLabel(v.Req)), msg.ID)
		return Outcome{Status: fmt.Sprintf("Reopening exchange #%d…", msg.ID), Cmd: k.reopenCmd(key, msg.ID, src, v.St)}, true
	case ReopenedMsg:
		return reopened(msg, key), true
	case responsepane.DiffMsg:
		if key == "" || k.store == nil {
			return o, true
		}
		return Outcome{Status: fmt.Sprintf("Comparing exchanges #%d and #%d…", msg.A, msg.B),
			Cmd: k.diffCmd(key, msg.A, msg.B, v.Width, v.St)}, true
	case DiffReadyMsg:
		switch {
		case msg.Key != key:
			return o, true // another request is shown by now
		case msg.Err != nil:
			return Outcome{Status: "Cannot compare: " + msg.Err.Error(), IsErr: true}, true
		}
		return Outcome{DiffTitle: msg.Title, DiffLines: msg.Lines}, true
	}
	return o, false
}

// reopened shows a stored exchange, unless request key is no longer the one shown.
func reopened(msg ReopenedMsg, key string) Outcome {
	switch {
	case msg.Key != key:
		return Outcome{}
	case msg.Err != nil:
		return Outcome{Status: fmt.Sprintf("Cannot reopen exchange #%d: %v", msg.ID, msg.Err), IsErr: true}
	}
	return Outcome{Reopened: true, Key: msg.Key, ID: msg.ID, Shown: msg.Shown,
		Status: fmt.Sprintf("Reopened exchange #%d, sent %s, explained as at its arrival · 5 back to History",
			msg.ID, msg.Shown.X.Sent.Local().Format("Jan 02 15:04:05"))}
}

// reopenCmd reads stored exchange id of request key and prepares it like a
// fresh response, its explain pane's source line src.
func (k Keeper) reopenCmd(key string, id int64, src string, st styles.Styles) tea.Cmd {
	s := k.store
	return func() tea.Msg {
		e, err := s.Get(context.Background(), id)
		if err != nil {
			return ReopenedMsg{Key: key, ID: id, Err: err}
		}
		return ReopenedMsg{Key: key, ID: id, Shown: prepare(e, src, st)}
	}
}

// diffCmd reads stored exchanges a and b (a older) and builds the diff view of
// request key; width is what its prose is wrapped to.
func (k Keeper) diffCmd(key string, a, b int64, width int, st styles.Styles) tea.Cmd {
	s := k.store
	return func() tea.Msg {
		title, lines, err := exchangediff.Read(context.Background(), s, a, b, width, st)
		return DiffReadyMsg{Key: key, Title: title, Lines: lines, Err: err}
	}
}
