package flight

import (
	"context"
	"errors"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/shown"
	"github.com/httplens/httplens/ui/testsview"
	"github.com/httplens/httplens/ui/wireview"
)

// Keys name the keys the messages of a landing mention.
type Keys struct {
	Tests    string // the response pane's Tests tab
	Insecure string // the response pane's resend without certificate checks
}

// Landed is what the root applies when the response of the send in flight
// arrives: what the panes show and remember, and what the status line says.
type Landed struct {
	// Key is the request the exchange is the answer of: the request sent, or
	// the one a re-read re-read for; "" for an ad-hoc send. Sent is the key of
	// the request sent ("" for a re-read), for the conditional workflow.
	Key, Sent string
	Shown     shown.Exchange // what the panes show, remembered under Key
	Status    string
	IsErr     bool
	// Note, when set, replaces the explain pane's note: a script failed.
	Note string
	// Refused, when set, is the status line after a refused certificate,
	// naming the key that resends without checking it. The root sets it last:
	// it replaces what the conditional workflow says.
	Refused string
}

// Land ends the flight with msg, its response; ok is false for a stale one
// (cancelled or superseded), which the root drops.
func (f *Flight) Land(msg ResponseMsg, k Keys) (l Landed, ok bool) {
	if !f.End(msg.ID) {
		return l, false
	}
	x := msg.Exchange
	// Every body spooled on the way is swept once nothing reads it: the
	// requests sent first are not shown, so theirs go at the next sweep.
	for _, s := range msg.Sent {
		f.spools.Add(spoolOf(s.X))
	}
	f.spools.Add(spoolOf(x))
	l.Sent, l.Key = f.key, f.key
	if l.Key == "" {
		l.Key = f.reread // a re-read is shown as the answer of the request it re-reads for
	}
	l.Shown = shown.Exchange{X: x, Content: msg.Content, Report: msg.Report, Note: msg.Content.NotHTTPWhy,
		Source: termtext.String(f.label) + " · " + x.Received.Format("15:04:05")}
	l.Status, l.IsErr = Status(msg, f.label)
	// A script that failed is said on the request, whole, above its explanation
	// (unless a 412's advice holds that place).
	if errs := testsview.ScriptErrors(msg.Steps); len(errs) > 0 && (x.Response == nil || x.Response.Status != 412) {
		l.Note = "Script failed — " + strings.Join(errs, " · ") + " (Tests tab: " + k.Tests + ")"
	}
	l.Refused = refused(msg, k)
	return l, true
}

// Status is the status line after the response msg of the send named label:
// the outcome, then what the cache lab did and what the scripts found.
func Status(msg ResponseMsg, label string) (text string, isErr bool) {
	x := msg.Exchange
	if errors.Is(x.Err, context.Canceled) {
		text = "Cancelled: " + label
	} else {
		text, isErr = wireview.Outcome(x, label)
	}
	if msg.Lab != nil {
		text += " · cache lab: " + string(msg.Lab.Label)
	}
	if sum, failed := testsview.Summary(msg.Steps); sum != "" {
		text += " · " + sum
		isErr = isErr || failed
	}
	return text, isErr
}

// refused is Landed.Refused: "" unless the certificate was refused.
func refused(msg ResponseMsg, k Keys) string {
	if !responsecontent.TLSRefused(msg.Exchange.Err) {
		return ""
	}
	return "Failed: " + msg.Content.Err + " — press " + k.Insecure +
		" in the response pane to resend without checking it (this request only)"
}

// Sweep removes, in the returned command, the spooled bodies of the responses
// landed so far that nothing uses any more; inUse says whether a file is
// still read (remembered or shown). The root sweeps after applying a landing.
func (f *Flight) Sweep(inUse func(path string) bool) tea.Cmd {
	return removeCmd(f.spools.Sweep(inUse))
}

// spoolOf is the file holding x's whole body, "" when it is all in memory.
func spoolOf(x requests.Exchange) string {
	if x.Response == nil {
		return ""
	}
	return x.Response.SpoolPath
}
