package ui

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/bodylines"
)

// inlinePretty is the largest body formatted in the send command itself; a larger
// one is formatted by prettyCmd after the raw view is on screen.
const inlinePretty = 256 << 10

// maxFormatMarkup bounds the XML and HTML bodies that are re-indented: their
// formatters build a copy, so past it they are shown as received.
const maxFormatMarkup = 16 << 20

// insecureHint ends the requests package's message for a refused certificate.
const insecureHint = "(use --insecure to send anyway)"

// prettyDoneMsg carries the Pretty tab of the response of send id, formatted by
// prettyCmd; err is set when the formatting was cancelled.
type prettyDoneMsg struct {
	id   int
	tab  tabText
	note string
	err  error
}

// prettyJob is the formatting in progress: the send it belongs to and how to
// stop it. cancel is nil when nothing is being formatted.
type prettyJob struct {
	id     int
	cancel context.CancelFunc
}

// rawTab is the Raw tab: the head as received, then the body, whose lines are
// made on demand.
func rawTab(r *requests.Response) tabText {
	t := tabText{plain: termtext.Lines(r.RawHead)}
	t.lazy, _ = bodylines.New(context.Background(), r.Body, bodylines.Raw)
	return t
}

// prepareBody records what the Pretty tab is made from and what the user must be
// told about the body (cut, spooled, partial, inflating past the cap), and
// formats a small body at once; a large one is left pending for prettyCmd.
func (c *responseContent) prepareBody(x requests.Exchange, st Styles) {
	r := x.Response
	c.body = r.Body
	if r.Decoded != nil {
		c.body = r.Decoded
	}
	c.kind = detectKind(headerValue(r.Headers, "Content-Type"), c.body)
	c.notice, c.saveHint = bodyNotice(x)
	if len(c.body) > inlinePretty {
		c.pending = true
		c.note = "formatting…" // the pane adds the key that stops it
		c.tabs[tabPretty] = tabText{plain: []string{"formatting…"}}
		return
	}
	c.tabs[tabPretty], c.note, _ = prettyTab(context.Background(), c.kind, c.body, r.Truncated, st)
}

// bodyNotice says what the user must know about a body that is not all there,
// and whether saving it keeps more than the pane shows (the pane names the key).
func bodyNotice(x requests.Exchange) (string, bool) {
	r := x.Response
	switch {
	case r.SpoolPath != "":
		return fmt.Sprintf("body %s, first %s shown, full body in a temporary file",
			humanBytes(r.SpooledBytes), humanBytes(r.BodyBytes)), true
	case x.Err != nil:
		return fmt.Sprintf("partial body: %s arrived before the error", humanBytes(r.BodyBytes)), true
	case r.Truncated:
		return fmt.Sprintf("body cut at %s (the cap): the rest was not read", humanBytes(r.BodyBytes)), false
	case r.DecodedTruncated:
		return fmt.Sprintf("%s body inflates past %s: the decoded view is cut there",
			termtext.String(headerValue(r.Headers, "Content-Encoding")), humanBytes(int64(len(r.Decoded)))), false
	}
	return "", false
}

// tlsRefused reports an error from a refused certificate, which a resend with
// verification off would get past.
func tlsRefused(err error) bool {
	return err != nil && strings.Contains(err.Error(), insecureHint)
}

// prettyTab formats body for the Pretty tab; note says why it shows less than it
// could. Small bodies are formatted and coloured; large JSON is indented line by
// line from the source; anything else large is shown as received. It returns
// ctx's error when cancelled.
func prettyTab(ctx context.Context, kind bodyKind, body []byte, cut bool, st Styles) (tabText, string, error) {
	if kind == kindBinary {
		return tabText{hex: body}, "", nil
	}
	if len(body) <= maxHighlight {
		return smallPretty(kind, body, st), "", ctx.Err()
	}
	src, step, note := body, bodylines.Step(bodylines.Raw), ""
	switch {
	case kind == kindJSON && json.Valid(body):
		step, note = bodylines.JSON, fmt.Sprintf("json shown without colours (over %s)", humanBytes(maxHighlight))
	case kind == kindJSON && cut:
		note = "json cut at the cap: shown as received"
	case kind == kindJSON:
		note = "not valid JSON: shown as received"
	case (kind == kindXML || kind == kindHTML) && len(body) <= maxFormatMarkup:
		src, note = format(kind, body), fmt.Sprintf("%s shown without colours (over %s)", kind, humanBytes(maxHighlight))
	case kind != kindText:
		note = fmt.Sprintf("%s over %s: shown as received", kind, humanBytes(maxFormatMarkup))
	}
	if err := ctx.Err(); err != nil {
		return tabText{}, "", err
	}
	l, err := bodylines.New(ctx, src, step)
	if err != nil {
		return tabText{}, "", err
	}
	return tabText{lazy: l}, note, nil
}

// smallPretty formats, splits and colours a body small enough to hold as lines.
func smallPretty(kind bodyKind, body []byte, st Styles) tabText {
	lines := termtext.Lines(format(kind, body))
	return tabText{plain: lines, styled: highlight(kind, lines, st.Syntax)}
}

// prettyCmd formats the body of send id off the UI goroutine; cancelling ctx
// stops it. body is never modified, so sharing it is safe.
func prettyCmd(ctx context.Context, id int, kind bodyKind, body []byte, cut bool, st Styles) tea.Cmd {
	return func() tea.Msg {
		tab, note, err := prettyTab(ctx, kind, body, cut, st)
		return prettyDoneMsg{id: id, tab: tab, note: note, err: err}
	}
}

// startPretty starts formatting the response just shown when it was left
// pending; esc or the next send cancels it.
func (m *Model) startPretty(id int) tea.Cmd {
	c := m.resp.content
	if c == nil || !c.pending {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.xfer.pretty = prettyJob{id: id, cancel: cancel}
	m.keys.Enable(actionCancel, true)
	cut := m.lastX.Response != nil && m.lastX.Response.Truncated
	return prettyCmd(ctx, id, c.kind, c.body, cut, m.st)
}

// stopPretty cancels the formatting in progress, if any.
func (m *Model) stopPretty() {
	if m.xfer.pretty.cancel != nil {
		m.xfer.pretty.cancel()
	}
}

// prettyDone shows a formatted Pretty tab, or after a cancel the body as received.
func (m Model) prettyDone(msg prettyDoneMsg) (tea.Model, tea.Cmd) {
	if msg.id != m.xfer.pretty.id || m.xfer.pretty.cancel == nil {
		return m, nil
	}
	m.xfer.pretty.cancel()
	m.xfer.pretty.cancel = nil
	m.keys.Enable(actionCancel, m.flight.cancel != nil)
	if errors.Is(msg.err, context.Canceled) {
		l, _ := bodylines.New(context.Background(), m.resp.content.body, bodylines.Raw)
		msg.tab, msg.note = tabText{lazy: l}, "formatting stopped: shown as received"
		m.setStatus("Formatting stopped: Pretty shows the body as received.", false)
	}
	return m, m.resp.SetPretty(msg.tab, msg.note)
}

// SetPretty replaces the Pretty tab once its formatting is done. The content is
// copied, never changed in place: a search command may be reading it.
func (m *responsePane) SetPretty(tab tabText, note string) tea.Cmd {
	if m.content == nil {
		return nil
	}
	c := *m.content
	c.tabs[tabPretty], c.note, c.pending = tab, note, false
	m.content = &c
	m.offsets[tabPretty] = 0
	if m.tab == tabPretty && m.query != "" {
		return m.searchCmd()
	}
	return nil
}
