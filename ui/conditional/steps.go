package conditional

import (
	"strings"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/overlay/threeway"
)

// Step is what the root does after the workflow acted, in this order: the edit
// of the request shown, the note above the explanation, the status line, the
// three-way view, then the re-read or the send. The root applies it in a few
// lines; everything here is decided without the panes.
type Step struct {
	Edit *Edit
	// Note, when set, replaces the note above the explanation; NoteFor, when
	// set, is the request whose remembered answer keeps it (its banner).
	Note    *string
	NoteFor string
	// Status, when set, goes on the status line.
	Status string
	IsErr  bool
	// Merge opens the three-way view.
	Merge *Merge
	// Read is the re-read to send for request ReadFor.
	Read    *requests.Request
	ReadFor string
	// Send sends the request shown (after a three-way choice).
	Send bool
}

// Edit changes request Key through the request pane (an edit like any other,
// so what was sent stays on screen). The root makes it only while Key is shown.
type Edit struct {
	Key     string
	Body    *string  // nil leaves the body
	IfMatch string   // "" leaves If-Match
	Remove  []string // header names to remove
}

// After is Answered as the root applies it: key is the request answered (""
// for a re-read, rereadOf then names the request it re-read for), shown the
// request shown now and reread the re-read key's name, for the advice. After a
// 428's re-read If-Match is added, after a 412's the three-way view opens; both
// change that request only, so they wait until it is the one shown, and the
// failure stays for R meanwhile.
func (w Workflow) After(key string, x requests.Exchange, rereadOf, shown, reread string) Step {
	out := w.Answered(key, x, rereadOf, reread)
	switch {
	case out.Failed != nil:
		note := out.Failed.Note
		return Step{Note: &note, NoteFor: key, Status: strings.SplitN(note, "\n", 2)[0], IsErr: true}
	case out.For == "":
		return Step{}
	case out.IsErr || out.IfMatch == nil && out.Merge == nil:
		return Step{Status: out.Status, IsErr: out.IsErr}
	case out.For != shown:
		w.failed[out.For] = *out.was
		return Step{Status: "Re-read done, but the request that got the 412 is no longer shown: open it and press " +
			reread + " again."}
	case out.IfMatch != nil:
		return Step{Edit: &Edit{Key: out.For, IfMatch: out.IfMatch.Value}, Status: out.Status + " ctrl+r sends it."}
	}
	return Step{Merge: out.Merge}
}

// RereadStep is R on request key: the re-read to send, or the precondition to
// drop. ok is false when the request's last exchange was no 412 or 428. Either
// way the 412's note leaves the Explain pane.
func (w Workflow) RereadStep(key string) (s Step, ok bool) {
	get, drop, ok := w.Reread(key)
	if !ok {
		return Step{}, false
	}
	none := ""
	s.Note = &none
	if get != nil {
		s.Read, s.ReadFor = get, key
		return s, true
	}
	if drop.OK {
		s.Edit = &Edit{Key: key, Remove: drop.Remove}
		drop.Message += " ctrl+r sends it."
	}
	s.Status, s.IsErr = drop.Message, !drop.OK
	return s, true
}

// Chose is the three-way view's choice c for the request shown (key shown):
// its body (yours is the request's already), If-Match set to the re-read's
// ETag, and the send. With If-Match present a server ignores
// If-Unmodified-Since (RFC 9110 §13.2.2); a stale date left beside it would only
// mislead the reader, so it goes. Nothing happens when another request is shown.
func Chose(c threeway.Chosen, shown string) Step {
	if c.Key != shown {
		return Step{}
	}
	e := &Edit{Key: c.Key, IfMatch: c.ETag, Remove: []string{"If-Unmodified-Since"}}
	if c.Which != threeway.Yours {
		b := string(c.Body)
		e.Body = &b
	}
	return Step{Edit: e, Send: true}
}

// Validators are the ETag and Last-Modified of x's response ("" without one).
func Validators(x requests.Exchange) (etag, lastModified string) {
	if x.Response == nil {
		return "", ""
	}
	return header(x.Response.Headers, "ETag"), header(x.Response.Headers, "Last-Modified")
}

// URLOf resolves only the URL of r (which reads no file), for the ETag known
// for it; why says why there is none.
func URLOf(r *collections.Request, rv collections.Resolver, last map[string]collections.Response) (url, why string) {
	if r == nil {
		return "", "No request selected."
	}
	rv.Responses = func(name string) (collections.Response, bool) {
		resp, ok := last[name]
		return resp, ok
	}
	urlOnly := collections.Request{File: r.File, Index: r.Index, Method: r.Method, URL: r.URL}
	out, err := rv.Resolve(&urlOnly)
	if err != nil {
		return "", "The URL does not resolve yet: " + err.Error()
	}
	return out.URL, ""
}
