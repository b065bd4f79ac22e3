package responsecontent

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/bodylines"
	"github.com/httplens/httplens/ui/highlight"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/wireview"
)

// inlinePretty is the largest body formatted in the send command itself; a larger
// one is formatted by the response pane (PrettyTab in a command) after the raw
// view is on screen.
const inlinePretty = 256 << 10

// maxFormatMarkup bounds the XML and HTML bodies that are re-indented: their
// formatters build a copy, so past it they are shown as received.
const maxFormatMarkup = 16 << 20

// insecureHint ends the requests package's message for a refused certificate.
const insecureHint = "(use --insecure to send anyway)"

// rawTab is the Raw tab: the head as received, then the body, whose lines are
// made on demand, then any bytes that followed the message, under a marked line.
func rawTab(r *requests.Response, st styles.Styles) Text {
	t := Text{plain: termtext.Lines(r.RawHead)}
	t.lazy, _ = bodylines.New(context.Background(), r.Body, bodylines.Raw)
	t.tail = wireview.Extra(r, st)
	return t
}

// requestTab is the Request tab: the head exactly as written, the fields httplens
// added marked, then the body sent.
func requestTab(s requests.SentRequest, st styles.Styles) Text {
	head := wireview.RequestHead(s, st)
	t := Text{plain: head.Plain, styled: head.Styled}
	t.lazy, _ = bodylines.New(context.Background(), s.Body, bodylines.Raw)
	return t
}

// prepareBody records what the Pretty tab is made from and what the user must be
// told about the body (cut, spooled, partial, inflating past the cap), and
// formats a small body at once; a large one is left pending for the pane.
func (c *Content) prepareBody(x requests.Exchange, st styles.Styles) {
	r := x.Response
	c.Kind, c.Body = BodyOf(r)
	c.Notice, c.SaveHint = bodyNotice(x)
	if why := noContent(x); why != "" && len(c.Body) == 0 {
		// A blank pane would read as a lost body: say the protocol allows none.
		c.Tabs[TabPretty] = Text{plain: []string{why}, styled: []string{st.Muted.Render(why)}}
		return
	}
	if len(c.Body) > inlinePretty {
		c.Pending = true
		c.Note = "formatting…" // the pane adds the key that stops it
		c.Tabs[TabPretty] = Text{plain: []string{"formatting…"}}
		return
	}
	c.Tabs[TabPretty], c.Note, _ = PrettyTab(context.Background(), c.Kind, c.Body, r.Truncated, st)
}

// noContent says why exchange x's response has no content by definition (a
// HEAD response, a 204, a 304), or "" when it could have some.
func noContent(x requests.Exchange) string {
	switch {
	case x.Request.Method == "HEAD":
		return "HEAD responses carry no content (RFC 9110 §9.3.2)"
	case x.Response.Status == 204:
		return "No content: a 204 has none (RFC 9110 §15.3.5)"
	case x.Response.Status == 304:
		return "No content: a 304 has none; the stored copy is current (RFC 9110 §15.4.5)"
	}
	return ""
}

// BodyOf is the body of r as shown (the decoded body, else the body as
// received) and its kind.
func BodyOf(r *requests.Response) (Kind, []byte) {
	body := r.Body
	if r.Decoded != nil {
		body = r.Decoded
	}
	return DetectKind(headerValue(r.Headers, "Content-Type"), body), body
}

// bodyNotice says what the user must know about a body that is not all there,
// and whether saving it keeps more than the pane shows (the pane names the key).
func bodyNotice(x requests.Exchange) (string, bool) {
	r := x.Response
	switch {
	case r.SpoolPath != "":
		return fmt.Sprintf("body %s, first %s shown, full body in a temporary file",
			uikit.Bytes(r.SpooledBytes), uikit.Bytes(r.BodyBytes)), true
	case x.Err != nil && (r.Status == 0 || r.BodyBytes == 0):
		return "", false // no status line, or cut in the head: the error says it all
	case x.Err != nil:
		return fmt.Sprintf("partial body: %s arrived before the error", uikit.Bytes(r.BodyBytes)), true
	case r.Truncated:
		return fmt.Sprintf("body cut at %s (the cap): the rest was not read", uikit.Bytes(r.BodyBytes)), false
	case r.DecodedTruncated:
		return fmt.Sprintf("%s body inflates past %s: the decoded view is cut there",
			termtext.String(headerValue(r.Headers, "Content-Encoding")), uikit.Bytes(int64(len(r.Decoded)))), false
	}
	return "", false
}

// TLSRefused reports an error from a refused certificate, which a resend with
// verification off would get past.
func TLSRefused(err error) bool {
	return err != nil && strings.Contains(err.Error(), insecureHint)
}

// PrettyTab formats body for the Pretty tab; note says why it shows less than it
// could. Small bodies are formatted and coloured; large JSON is indented line by
// line from the source; anything else large is shown as received. It returns
// ctx's error when cancelled.
func PrettyTab(ctx context.Context, kind Kind, body []byte, cut bool, st styles.Styles) (Text, string, error) {
	if kind == KindBinary {
		return Text{hex: body}, "", nil
	}
	if len(body) <= highlight.MaxBytes {
		return smallPretty(kind, body, st), "", ctx.Err()
	}
	src, step, note := body, bodylines.Step(bodylines.Raw), ""
	switch {
	case kind == KindJSON && json.Valid(body):
		step, note = bodylines.JSON, fmt.Sprintf("json shown without colours (over %s)", uikit.Bytes(highlight.MaxBytes))
	case kind == KindJSON && cut:
		note = "json cut at the cap: shown as received"
	case kind == KindJSON:
		note = "not valid JSON: shown as received"
	case (kind == KindXML || kind == KindHTML) && len(body) <= maxFormatMarkup:
		src, note = Format(kind, body), fmt.Sprintf("%s shown without colours (over %s)", kind, uikit.Bytes(highlight.MaxBytes))
	case kind != KindText:
		note = fmt.Sprintf("%s over %s: shown as received", kind, uikit.Bytes(maxFormatMarkup))
	}
	if err := ctx.Err(); err != nil {
		return Text{}, "", err
	}
	l, err := bodylines.New(ctx, src, step)
	if err != nil {
		return Text{}, "", err
	}
	return Text{lazy: l}, note, nil
}

// smallPretty formats, splits and colours a body small enough to hold as lines.
func smallPretty(kind Kind, body []byte, st styles.Styles) Text {
	lines := termtext.Lines(Format(kind, body))
	return Text{plain: lines, styled: colour(kind, lines, st.Syntax)}
}
