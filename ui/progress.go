package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/sendfeed"
)

// The progress of the send in flight travels through package sendfeed; these
// are its names here.
const progressEvery = sendfeed.Every

// transferProgress is how much of a body has arrived, as the response pane shows it.
type transferProgress struct {
	done, total int64   // total is -1 when the server did not say
	rate        float64 // bytes a second since the body began
}

// progressMsg reports the download of send ID.
type progressMsg = sendfeed.Msg

// progressFeed carries a send's progress from its goroutine to a waiting command.
type progressFeed = sendfeed.Feed

func newProgressFeed() *progressFeed { return sendfeed.New() }

// waitProgressCmd waits delay, then for the newest sample of send id.
func waitProgressCmd(id int, f *progressFeed, delay time.Duration) tea.Cmd {
	return sendfeed.WaitCmd(id, f, delay)
}

// transferCmd runs send and closes its client and feed after.
func transferCmd(send tea.Cmd, client *requests.Client, f *progressFeed) tea.Cmd {
	return sendfeed.TransferCmd(send, client, f)
}

// sendClient makes the client of one send from the configured options, with this
// send's progress report and, for a resend after a refused certificate, no
// certificate checks.
func (m *Model) sendClient(f *progressFeed, insecure bool, target *collections.Request) *requests.Client {
	opts := m.cfg.Options
	opts.Progress = f.Report
	opts.Insecure = opts.Insecure || insecure
	if j := m.jars.Jar(m.env); j != nil {
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
	if msg.ID != m.flight.id || m.flight.cancel == nil {
		return m, nil
	}
	m.resp.SetProgress(responsepane.Progress{Done: msg.Done, Total: msg.Total, Rate: msg.Rate})
	return m, waitProgressCmd(msg.ID, f, progressEvery)
}
