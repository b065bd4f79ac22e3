// Package session is what one run of the TUI learns and holds besides its
// panes: the request in flight, the responses request variables read, the
// conditional workflow, the exchange each request got, the answers of C and P,
// the cookie jars, the # @prompt answers, the script globals, the cache lab and
// the history. Its steps read and change the panes they are given (Parts) and
// return what the root applies (Outcome): the status line, whether the request
// pane's edits changed, and a command. It never imports the root package.
package session

import (
	"io"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/scripts"
	"github.com/httplens/httplens/ui/checks"
	"github.com/httplens/httplens/ui/conditional"
	"github.com/httplens/httplens/ui/cookiejars"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/explainview"
	"github.com/httplens/httplens/ui/flight"
	"github.com/httplens/httplens/ui/historycmds"
	"github.com/httplens/httplens/ui/prompts"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/shown"
	"github.com/httplens/httplens/ui/styles"
)

// Config is what the session needs from the command line; it does not change.
type Config struct {
	Vars      map[string]string // --var, over every other variable
	DemoURL   string            // the {{demo}} variable
	Options   requests.Options  // what every send starts from
	Client    *requests.Client  // for the live checks; nil turns them off
	Dir       string            // the working folder: history references, the saved bodies
	Clipboard io.Writer         // where copies go (OSC 52)
	// History keeps the exchanges; nil turns it off and HistoryErr says why.
	History    *history.Store
	HistoryErr error
	// Cookies says whether an environment's cookie jar is used.
	Cookies func(env string) bool
	Styles  styles.Styles
	Keys    Keys
}

// Keys are the names of the keys the session's messages mention. The root's
// bindings are made once, before the session.
type Keys struct {
	Cancel, Reread, Tests, Insecure string
	Check, Preflight, Answers       string
	CacheContents, LabTen           string
}

// Parts are the root's parts a step reads and changes: the panes, the dialog
// over them, and what the root knows now. A step keeps none of them.
type Parts struct {
	Req     *requestpane.Model
	Resp    *responsepane.Model
	Expl    *explainview.Model
	Overlay *dialogs.Model
	Coll    *collections.Collection
	Env     string            // the environment's name, "" for none
	Vars    map[string]string // its variables
	Width   int               // what text overlays wrap to
	// ErrShown says the status line shows an error, which a later failure to
	// read the history does not replace.
	ErrShown bool
}

// Outcome is what a step asks of the root besides the panes it changed.
type Outcome struct {
	// Said says the status line changes to Status (IsErr: as an error).
	Said   bool
	Status string
	IsErr  bool
	// Edited says the request pane's edits changed: the tree's marks and the
	// save key follow.
	Edited bool
	Cmd    tea.Cmd
}

// said is an Outcome that only sets the status line.
func said(status string, isErr bool) Outcome {
	return Outcome{Said: true, Status: status, IsErr: isErr}
}

func (o *Outcome) say(status string, isErr bool) { o.Said, o.Status, o.IsErr = true, status, isErr }

// add makes o what o then n did: n's status line wins, commands run both.
func (o *Outcome) add(n Outcome) {
	if n.Said {
		o.say(n.Status, n.IsErr)
	}
	o.Edited = o.Edited || n.Edited
	o.Cmd = tea.Batch(o.Cmd, n.Cmd)
}

// Session is the state of one run; make it with New. Copies share the maps,
// as the root's model copies did: bubbletea copies the model on every update.
type Session struct {
	cfg Config

	flight    flight.Flight                   // the request in flight, its progress and spooled bodies
	cancelOn  bool                            // the cancel key acts: a flight or a large body's formatting
	last      map[string]collections.Response // by request @name, for request variables
	cond      conditional.Workflow
	lastX     requests.Exchange // the exchange shown, for copying and saving
	shown     shown.Memory      // each request's last exchange, and the one shown
	hist      historycmds.Keeper
	responded map[string]bool // request keys that got a response in this session
	jars      cookiejars.Set
	ask       prompts.Questions // a send waiting for its # @prompt answers
	scripts   *scripts.Engine   // runs the requests' scripts; its Globals live for the session
	lab       *cachelab.Lab     // the cache lab sends go through; nil when it is off
	answers   checks.Answers    // what C and P answered, by request key
}

// New returns the session of a run configured by cfg.
func New(cfg Config) Session {
	return Session{
		cfg: cfg, flight: flight.New(), last: map[string]collections.Response{}, cond: conditional.New(),
		hist: historycmds.New(cfg.History, cfg.HistoryErr, cfg.Dir), responded: map[string]bool{},
		jars: cookiejars.New(cfg.Cookies, cfg.History), scripts: &scripts.Engine{Globals: &scripts.Globals{}},
		answers: checks.NewAnswers(),
	}
}

// Exchange is the exchange the panes show (a request's, or a re-read's).
func (s *Session) Exchange() requests.Exchange { return s.lastX }

// Flight is the request in flight, for the status line (Busy, Status).
func (s *Session) Flight() *flight.Flight { return &s.flight }

// Scripts is the engine the session's sends run scripts with.
func (s *Session) Scripts() *scripts.Engine { return s.scripts }

// ETags are the ETags learnt this session, by URL.
func (s *Session) ETags() map[string]string { return s.cond.ETags() }

// Cancellable reports whether the cancel key has something to stop: a send,
// a check run, or a large body's formatting.
func (s *Session) Cancellable() bool { return s.cancelOn }

// Hints say which of the request's own keys act for request key: R when its
// last exchange was a 412 or 428, K when C or P answered for it.
func (s *Session) Hints(key string) (reread, answers bool) {
	_, failed := s.cond.Failed(key)
	return failed, s.answers.Has(key)
}

// Prune is the history's start-up pruning, nil when there is none.
func (s *Session) Prune() tea.Cmd { return s.hist.Prune() }

// SyncHistory has the response pane's History tab follow request r.
func (s *Session) SyncHistory(resp *responsepane.Model, r *collections.Request) tea.Cmd {
	return s.hist.Sync(resp, r)
}

// Handle takes the messages of the session's commands and what the panes ask
// of it (resolve, copy, save the body, reopen or compare from the history); ok
// is false for any other message.
func (s *Session) Handle(msg tea.Msg, p Parts) (o Outcome, ok bool) {
	if o, ok := s.handleFlight(msg, p); ok {
		return o, true
	}
	switch msg := msg.(type) {
	case shown.LoadedMsg:
		return s.latestLoaded(msg, p), true
	case requestpane.ResolveWanted:
		return Outcome{Cmd: s.resolveCmd(msg.Key, p)}, true
	case checks.PreflightDone:
		return s.preflightDone(msg, p), true
	case checks.CheckDone:
		return s.checkDone(msg, p), true
	case responsepane.SaveBodyMsg:
		return s.savePrompt(p), true
	}
	if o, ok := s.history(msg, p); ok {
		return o, true
	}
	if o, ok := s.cookie(msg, p); ok {
		return o, true
	}
	return s.copying(msg, p)
}
