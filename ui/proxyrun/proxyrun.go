// Package proxyrun runs the recording proxy from the collection view: the
// terminal is handed to the proxy's live list of exchanges (the program
// `httplens proxy --tui` runs) until the user quits it; the proxy then stops and
// Stopped says where it listened and what it kept. It imports history, liveproxy
// and exchangelist, never the root ui package: the root hands in the program
// that shows the list.
package proxyrun

import (
	"fmt"
	"io"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/liveproxy"
	"github.com/httplens/httplens/ui/exchangelist"
)

// Listen is where the proxy listens, as `httplens proxy` does; when that port is
// taken, a free one on loopback.
const Listen = "127.0.0.1:8888"

// Stopped says the proxy has stopped: where it listened (Addr, "" when it never
// started), how many exchanges went to the history, whether the history was on
// (Keep), and the error that ended it.
type Stopped struct {
	Addr   string
	Stored int64
	Keep   bool
	Err    error
}

// Status is the status line for s, and whether it reports an error.
func (s Stopped) Status() (string, bool) {
	switch {
	case s.Err != nil && s.Addr == "":
		return "Cannot start the proxy: " + s.Err.Error(), true
	case s.Err != nil:
		return fmt.Sprintf("The proxy on %s stopped: %v", s.Addr, s.Err), true
	case !s.Keep:
		return fmt.Sprintf("The proxy on %s stopped; the history is off, so nothing was kept.", s.Addr), false
	}
	return fmt.Sprintf("The proxy on %s stopped; exchanges kept in the history (file \"proxy\"): %d.", s.Addr, s.Stored), false
}

// Run is the proxy and its live list as a tea.ExecCommand: Run owns the terminal
// the collection view released, and returns once the user has quit the list and
// the proxy has stopped.
type Run struct {
	// Store keeps the exchanges; nil keeps nothing.
	Store *history.Store
	// Dir is the folder the list's "save as request" is relative to.
	Dir string
	// Lister makes the live list; it runs full screen until it quits.
	Lister Lister
	// Listen is where to listen first; "" is Listen.
	Listen string

	in  io.Reader
	out io.Writer

	addr   string
	stored int64
}

// Lister makes the program that lists the exchanges of src live.
type Lister interface {
	List(src exchangelist.Source) tea.Model
}

// Start runs r in the terminal the program releases; Stopped arrives after.
func Start(r *Run) tea.Cmd {
	return tea.Exec(r, func(err error) tea.Msg { return r.stopped(err) })
}

// stopped is what r reports once Run has returned err.
func (r *Run) stopped(err error) Stopped {
	return Stopped{Addr: r.addr, Stored: r.stored, Keep: r.Store != nil, Err: err}
}

func (r *Run) SetStdin(in io.Reader)   { r.in = in }
func (r *Run) SetStdout(out io.Writer) { r.out = out }
func (r *Run) SetStderr(io.Writer)     {}

// Run starts the proxy, runs the list until it quits, then stops the proxy.
func (r *Run) Run() error {
	listen := r.Listen
	if listen == "" {
		listen = Listen
	}
	s, err := liveproxy.Start(listen, r.Store)
	if err != nil {
		s, err = liveproxy.Start("127.0.0.1:0", r.Store)
	}
	if err != nil {
		return err
	}
	r.addr = s.Addr
	src := exchangelist.Source{Title: "proxy on " + s.Addr, Live: s.Live(), SaveTo: "proxy.http", Dir: r.Dir,
		Hint: fmt.Sprintf("Point a client at it: http_proxy=http://%s · q stops the proxy", s.Addr)}
	opts := []tea.ProgramOption{tea.WithAltScreen()}
	if r.in != nil {
		opts = append(opts, tea.WithInput(r.in))
	}
	if r.out != nil {
		opts = append(opts, tea.WithOutput(r.out))
	}
	_, err = tea.NewProgram(r.Lister.List(src), opts...).Run()
	s.Stop()
	r.stored = s.Stored()
	return err
}
