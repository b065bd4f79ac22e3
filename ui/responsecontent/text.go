package responsecontent

import (
	"context"

	"github.com/httplens/httplens/ui/bodylines"
	"github.com/httplens/httplens/ui/wireview"
)

// Text is the display form of one tab, computed once when the response arrives
// and never changed after, so commands may read it from other goroutines.
type Text struct {
	plain  []string        // sanitised lines
	styled []string        // the same lines with colours; nil means use plain
	hex    []byte          // when set, the lines are a hex dump of these bytes
	lazy   *bodylines.Text // when set, lines made on demand, after plain's
	tail   wireview.Block  // lines after the lazy ones: the bytes past the message
}

// NewText is a tab of lines made elsewhere (the Tests tab wrapped to the pane's
// width): plain and, when colours apply, the same lines styled.
func NewText(plain, styled []string) *Text { return &Text{plain: plain, styled: styled} }

// Len is the number of lines.
func (t *Text) Len() int {
	if t.hex != nil {
		return (len(t.hex) + 15) / 16
	}
	return t.lazyEnd() + t.tail.Len()
}

// lazyEnd is the index of the first tail line.
func (t *Text) lazyEnd() int {
	if t.lazy != nil {
		return len(t.plain) + t.lazy.Len()
	}
	return len(t.plain)
}

// Plain is line i without colours.
func (t *Text) Plain(i int) string {
	if t.hex != nil {
		return hexLine(t.hex, i)
	}
	if e := t.lazyEnd(); i >= e {
		return t.tail.Plain[i-e]
	}
	if i >= len(t.plain) && t.lazy != nil {
		return t.lazy.Line(i - len(t.plain))
	}
	return t.plain[i]
}

// StyledRange is lines [from, to) with colours where there are some; lazy lines are
// made in one walk (bodylines.Text.Lines).
func (t *Text) StyledRange(from, to int) []string { return t.StyledRangeIn(from, to, 0) }

// StyledRangeIn is StyledRange for a view w cells wide (0: no limit): long
// lazy lines may come cut past w cells (see bodylines.Text.LinesIn), which
// changes nothing once they are fitted to w.
func (t *Text) StyledRangeIn(from, to, w int) []string {
	to = min(to, t.Len())
	if e := t.lazyEnd(); t.hex == nil && to > e {
		out := t.StyledRangeIn(from, max(e, from), w)
		for i := max(from, e); i < to; i++ {
			out = append(out, t.tail.Styled[i-e])
		}
		return out
	}
	if t.lazy == nil || t.hex != nil || to <= len(t.plain) {
		out := make([]string, 0, max(to-from, 0))
		for i := from; i < to; i++ {
			out = append(out, t.Styled(i))
		}
		return out
	}
	out := make([]string, 0, max(to-from, 0))
	for i := from; i < min(to, len(t.plain)); i++ {
		out = append(out, t.Styled(i))
	}
	return t.lazy.AppendLinesIn(out, max(from, len(t.plain))-len(t.plain), to-len(t.plain), w)
}

// Styled is line i with colours.
func (t *Text) Styled(i int) string {
	if i < len(t.styled) {
		return t.styled[i]
	}
	if e := t.lazyEnd(); t.hex == nil && i >= e {
		return t.tail.Styled[i-e]
	}
	return t.Plain(i)
}

// Hex is a Text that shows b as a hex dump, 16 bytes a line.
func Hex(b []byte) Text { return Text{hex: b} }

// AsReceived is a Text of body's lines as received, made on demand.
func AsReceived(body []byte) Text {
	l, _ := bodylines.New(context.Background(), body, bodylines.Raw)
	return Text{lazy: l}
}
