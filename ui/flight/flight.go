// Package flight is the request in flight: the send (or live-check run) the
// TUI is waiting for, its id, how to cancel it, its spinner, elapsed time and
// progress feed, whether it skips certificate checks; how a send starts (the
// chain of requests with the ones it depends on, the resolver, the client and
// its options) and what its response means once it lands (status line, what
// to remember, which spooled bodies to remove). It holds no pane: the root
// applies what it returns. It imports the packages it drives and the leaves
// under ui, never the root or a pane.
package flight

import (
	"context"
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/sendfeed"
)

// Flight is the request in flight. Every send gets a new id; messages
// carrying another one belong to a send that was cancelled or superseded and
// are dropped. Build it with New; use it through a pointer.
type Flight struct {
	id       int
	cancel   context.CancelFunc // nil when nothing is in flight
	label    string
	key      string    // the key of the request sent, "" for a re-read
	reread   string    // set when this send is the re-read after a 412: the request's key
	started  bool      // StartedMsg arrived: at is valid
	at       time.Time // when the command began sending
	spin     spinner.Model
	elapsed  string
	feed     *sendfeed.Feed // of the send in flight; only handed to commands
	insecure bool           // the next send is a resend after a refused certificate
	spools   Spools         // bodies spooled to disk by the responses received
}

// New returns a flight with nothing in the air.
func New() Flight {
	return Flight{spin: spinner.New(spinner.WithSpinner(spinner.Dot))}
}

// StartedMsg says when send ID began, for the elapsed time.
type StartedMsg struct {
	ID int
	At time.Time
}

// Begin starts a new flight named label, cancelling the one in the air. The
// caller runs its work under ctx, tags its result with id, and returns
// Cmd(id, work).
func (f *Flight) Begin(label string) (ctx context.Context, id int) {
	f.Cancel()
	ctx, f.cancel = context.WithCancel(context.Background())
	f.id++
	f.started, f.elapsed = false, ""
	f.label, f.key, f.reread = label, "", ""
	return ctx, f.id
}

// Cmd is the command of flight id: it reports the start time, runs work, and
// starts the spinner's ticks, last, so that a caller running the commands in
// order sees the result before the first tick.
func (f *Flight) Cmd(id int, work ...tea.Cmd) tea.Cmd {
	started := func() tea.Msg { return StartedMsg{ID: id, At: time.Now()} }
	return tea.Batch(append(append([]tea.Cmd{started}, work...), f.spin.Tick)...)
}

// Cancel cancels the flight, if any. Its command still reports, with the
// cancellation as its error; the flight ends when that report lands.
func (f *Flight) Cancel() {
	if f.cancel != nil {
		f.cancel()
	}
}

// Busy reports whether something is in flight.
func (f *Flight) Busy() bool { return f.cancel != nil }

// End ends the flight when id is current; false means the result is stale.
func (f *Flight) End(id int) bool {
	if id != f.id {
		return false
	}
	f.cancel = nil
	return true
}

// Label names the flight in the status line, as given (not sanitised).
func (f *Flight) Label() string { return f.label }

// Key is the key of the request sent, "" for a re-read or a check run.
func (f *Flight) Key() string { return f.key }

// SetKey says the flight sends the request with key: its answer is
// remembered under that key.
func (f *Flight) SetKey(key string) { f.key = key }

// SetReread marks the flight as the re-read after a 412 or 428 of request key.
func (f *Flight) SetReread(key string) { f.reread = key }

// TakeReread returns the request a re-read was for ("" when this was no
// re-read) and forgets it.
func (f *Flight) TakeReread() string {
	k := f.reread
	f.reread = ""
	return k
}

// ResendInsecure makes the next send skip certificate checks, for that send
// only, when err, the error of the exchange shown, is a refused certificate;
// false means it is not and nothing is to be resent.
func (f *Flight) ResendInsecure(err error) bool {
	if !responsecontent.TLSRefused(err) {
		return false
	}
	f.insecure = true
	return true
}

// Update takes the flight's own messages: its start time and the spinner's
// ticks. changed says the in-flight line must be drawn again; ok is false for
// any other message.
func (f *Flight) Update(msg tea.Msg) (cmd tea.Cmd, changed, ok bool) {
	switch msg := msg.(type) {
	case StartedMsg:
		if msg.ID == f.id {
			f.started, f.at = true, msg.At
		}
		return nil, false, true
	case spinner.TickMsg:
		if f.cancel == nil {
			return nil, false, true // nothing in flight: let the tick chain end
		}
		f.spin, cmd = f.spin.Update(msg)
		if f.started {
			f.elapsed = fmt.Sprintf("%.1f s", msg.Time.Sub(f.at).Seconds())
		}
		return cmd, true, true
	}
	return nil, false, false
}

// Sending is the in-flight line of the response pane; cancelKey names the key
// that cancels.
func (f *Flight) Sending(cancelKey string) string {
	s := f.spin.View() + " Sending " + termtext.String(f.label) + "…"
	if f.elapsed != "" {
		s += " " + f.elapsed
	}
	return s + "  (" + cancelKey + " cancels)"
}

// Status is the status line's left part while something is in flight.
func (f *Flight) Status() string {
	s := f.spin.View() + " " + termtext.String(f.label)
	if f.elapsed != "" {
		s += " · " + f.elapsed
	}
	return s
}

// Progress takes a progress sample of the send in flight; ok is false for a
// stale one. cmd waits for the next.
func (f *Flight) Progress(msg sendfeed.Msg) (s sendfeed.Sample, cmd tea.Cmd, ok bool) {
	if msg.ID != f.id || f.cancel == nil || f.feed == nil {
		return s, nil, false
	}
	return msg.Sample, sendfeed.WaitCmd(msg.ID, f.feed, sendfeed.Every), true
}
