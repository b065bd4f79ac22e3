package ui

import (
	"fmt"
	"io"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/liveproxy"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/exchangelist"
)

// proxyListen is where the proxy started from the TUI listens, as `httplens
// proxy` does; when that port is taken, a free one on loopback.
const proxyListen = "127.0.0.1:8888"

// proxyStoppedMsg says the recording proxy started from the palette has stopped.
type proxyStoppedMsg struct {
	addr   string
	stored int64
	keep   bool // the history was on
	err    error
}

// startProxy hands the terminal to the recording proxy's live list of exchanges
// (the program `httplens proxy --tui` runs) until the user quits it; the proxy
// then stops and the collection view is back, the exchanges in the history.
func (m Model) startProxy() (tea.Model, tea.Cmd) {
	r := &proxyRun{store: m.cfg.History, keys: m.cfg.Keys, st: m.st, dir: m.cfg.Dir}
	return m, tea.Exec(r, func(err error) tea.Msg {
		return proxyStoppedMsg{addr: r.addr, stored: r.stored, keep: r.store != nil, err: err}
	})
}

// proxyStopped says where the proxy listened and what it kept, or why it failed.
func (m Model) proxyStopped(msg proxyStoppedMsg) Model {
	switch {
	case msg.err != nil && msg.addr == "":
		m.setStatus("Cannot start the proxy: "+msg.err.Error(), true)
	case msg.err != nil:
		m.setStatus(fmt.Sprintf("The proxy on %s stopped: %v", msg.addr, msg.err), true)
	case !msg.keep:
		m.setStatus(fmt.Sprintf("The proxy on %s stopped; the history is off, so nothing was kept.", msg.addr), false)
	default:
		m.setStatus(fmt.Sprintf("The proxy on %s stopped; exchanges kept in the history (file \"proxy\"): %d.", msg.addr, msg.stored), false)
	}
	return m
}

// proxyRun is the proxy and its live list as a tea.ExecCommand: Run owns the
// terminal the collection view released, and returns once the user has quit the
// list and the proxy has stopped. addr and stored are read after Run returns.
type proxyRun struct {
	store *history.Store
	keys  settings.Keymap
	st    Styles
	dir   string
	in    io.Reader
	out   io.Writer

	addr   string
	stored int64
}

func (r *proxyRun) SetStdin(in io.Reader)   { r.in = in }
func (r *proxyRun) SetStdout(out io.Writer) { r.out = out }
func (r *proxyRun) SetStderr(io.Writer)     {}

func (r *proxyRun) Run() error {
	s, err := liveproxy.Start(proxyListen, r.store)
	if err != nil {
		s, err = liveproxy.Start("127.0.0.1:0", r.store)
	}
	if err != nil {
		return err
	}
	r.addr = s.Addr
	src := exchangelist.Source{Title: "proxy on " + s.Addr, Live: s.Live(), SaveTo: "proxy.http", Dir: r.dir,
		Hint: fmt.Sprintf("Point a client at it: http_proxy=http://%s · q stops the proxy", s.Addr)}
	opts := []tea.ProgramOption{tea.WithAltScreen()}
	if r.in != nil {
		opts = append(opts, tea.WithInput(r.in))
	}
	if r.out != nil {
		opts = append(opts, tea.WithOutput(r.out))
	}
	_, err = tea.NewProgram(NewTraffic(TrafficConfig{Source: src, Keys: r.keys}, r.st), opts...).Run()
	s.Stop()
	r.stored = s.Stored()
	return err
}
