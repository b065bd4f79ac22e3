package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/responsepane"
)

// progressEvery is the shortest gap between two progress reports: at most about
// 20 redraws a second, however fast the body arrives.
const progressEvery = 50 * time.Millisecond

// transferProgress is how much of a body has arrived.
type transferProgress struct {
	done, total int64   // total is -1 when the server did not say
	rate        float64 // bytes a second since the body began
}

// progressMsg reports the download of send id.
type progressMsg struct {
	id int
	transferProgress
}

// progressFeed carries progress from the sending goroutine to a waiting command.
// report runs on the sending goroutine only; the channel holds the newest sample
// and an older one is dropped rather than ever blocking the download. The waiting
// command takes one at most every progressEvery.
type progressFeed struct {
	ch    chan transferProgress
	done  chan struct{}
	start time.Time // set by the first report
}

func newProgressFeed() *progressFeed {
	return &progressFeed{ch: make(chan transferProgress, 1), done: make(chan struct{})}
}

// report is requests.Options.Progress: it leaves the newest sample for the
// waiting command, replacing one not taken yet.
func (f *progressFeed) report(done, total int64) {
	now := time.Now()
	if f.start.IsZero() {
		f.start = now
	}
	p := transferProgress{done: done, total: total}
	if s := now.Sub(f.start).Seconds(); s > 0 {
		p.rate = float64(done) / s
	}
	select {
	case <-f.ch: // drop the sample not yet taken: the newer one replaces it
	default:
	}
	select {
	case f.ch <- p:
	default:
	}
}

// close says the send is over; the waiting command then ends.
func (f *progressFeed) close() { close(f.done) }

// waitProgressCmd waits delay, then for the newest sample of send id; it
// returns nil once the send is over, which ends the chain.
func waitProgressCmd(id int, f *progressFeed, delay time.Duration) tea.Cmd {
	return func() tea.Msg {
		if delay > 0 {
			t := time.NewTimer(delay)
			defer t.Stop()
			select {
			case <-t.C:
			case <-f.done:
				return nil
			}
		}
		select {
		case p := <-f.ch:
			return progressMsg{id: id, transferProgress: p}
		case <-f.done:
			return nil
		}
	}
}

// transferCmd runs send with its own client and progress feed, and releases both
// when it is done.
func transferCmd(send tea.Cmd, client *requests.Client, f *progressFeed) tea.Cmd {
	return func() tea.Msg {
		defer f.close()
		defer client.CloseIdleConnections()
		return send()
	}
}

// sendClient makes the client of one send from the configured options, with this
// send's progress report and, for a resend after a refused certificate, no
// certificate checks.
func (m *Model) sendClient(f *progressFeed, insecure bool, target *collections.Request) *requests.Client {
	opts := m.cfg.Options
	opts.Progress = f.report
	opts.Insecure = opts.Insecure || insecure
	if j := m.jars.jar(m.env); j != nil {
		opts.Jar = j // this environment's cookies, kept after the exchange
	}
	return requests.NewClient(withDirectives(opts, target))
}

// withDirectives applies the request's own settings, as the JetBrains client
// writes them, to opts: # @no-redirect shows the 3xx itself, # @no-cookie-jar
// neither sends nor keeps cookies. They hold for the requests sent first for it
// too, as in httplens send.
func withDirectives(opts requests.Options, r *collections.Request) requests.Options {
	if r == nil {
		return opts
	}
	for _, d := range r.Directives {
		switch d.Name {
		case "no-redirect":
			opts.FollowRedirects = false
		case "no-cookie-jar":
			opts.Jar = nil
		}
	}
	return opts
}

// progressed shows a progress sample of the send in flight and waits for the next.
func (m Model) progressed(msg progressMsg, f *progressFeed) (tea.Model, tea.Cmd) {
	if msg.id != m.flight.id || m.flight.cancel == nil {
		return m, nil
	}
	m.resp.SetProgress(responsepane.Progress{Done: msg.done, Total: msg.total, Rate: msg.rate})
	return m, waitProgressCmd(msg.id, f, progressEvery)
}
