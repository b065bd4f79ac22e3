// Package sendfeed carries a send's download progress from the goroutine that
// reads the body to the TUI, without ever slowing the download: the sender
// reports every chunk (Feed.Report, as requests.Options.Progress), the feed keeps
// only the newest sample, and a waiting command (WaitCmd) hands one to Update at
// most every Every. TransferCmd runs the send and closes the feed when it is
// done, which ends the waiting chain.
package sendfeed

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
)

// Every is the shortest gap between two progress messages: at most about 20
// redraws a second, however fast the body arrives.
const Every = 50 * time.Millisecond

// Sample is how much of a body has arrived.
type Sample struct {
	Done, Total int64   // Total is -1 when the server did not say
	Rate        float64 // bytes a second since the body began
}

// Msg reports the download of send ID.
type Msg struct {
	ID int
	Sample
}

// Feed carries the samples of one send. Report runs on the sending goroutine
// only; the channel holds the newest sample and an older one is dropped rather
// than ever blocking the download.
type Feed struct {
	ch    chan Sample
	done  chan struct{}
	start time.Time // set by the first report
}

// New returns the feed of one send.
func New() *Feed { return &Feed{ch: make(chan Sample, 1), done: make(chan struct{})} }

// Report is requests.Options.Progress: it leaves the newest sample for the
// waiting command, replacing one not taken yet.
func (f *Feed) Report(done, total int64) {
	now := time.Now()
	if f.start.IsZero() {
		f.start = now
	}
	p := Sample{Done: done, Total: total}
	if s := now.Sub(f.start).Seconds(); s > 0 {
		p.Rate = float64(done) / s
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

// Close says the send is over; the waiting command then ends.
func (f *Feed) Close() { close(f.done) }

// WaitCmd waits delay, then for the newest sample of send id; it returns nil
// once the send is over, which ends the chain. Update asks for the next one
// with delay Every.
func WaitCmd(id int, f *Feed, delay time.Duration) tea.Cmd {
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
			return Msg{ID: id, Sample: p}
		case <-f.done:
			return nil
		}
	}
}

// TransferCmd runs send with its own client and feed, and releases both when it
// is done.
func TransferCmd(send tea.Cmd, client *requests.Client, f *Feed) tea.Cmd {
	return func() tea.Msg {
		defer f.Close()
		defer client.CloseIdleConnections()
		return send()
	}
}
