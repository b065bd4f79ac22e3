package responsepane

import (
	"context"
	"strconv"
	"testing"

	"github.com/httplens/httplens/requests"
	rc "github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/styles"
)

// The frame benchmarks: a key through Update, then View, for bodies of growing
// size; a frame must cost the same for 1 KB or 50 MB.
//
//	go test ./ui/responsepane -run '^$' -bench 'ResponseFrame|BigBodyScrollFrame'

// BenchmarkResponseFrame measures one frame of the response pane — a scroll key
// through Update, then View — for JSON bodies of growing size. The content work
// happens once, before the timer.
func BenchmarkResponseFrame(b *testing.B) {
	for _, size := range []struct {
		name  string
		bytes int
	}{{"1KB", 1 << 10}, {"1MB", 1 << 20}, {"50MB", 50 << 20}} {
		body := jsonBody(size.bytes)
		x := jsonExchange(string(body))
		content := formattedContent(b, x)
		b.Run(size.name, func(b *testing.B) {
			p := newPane(118, 40)
			p.SetContent(content)
			p, _ = p.Update(keyMsg("2"))
			p.offsets[rc.TabPretty] = p.lineCount() / 2
			down, up := keyMsg("down"), keyMsg("up")
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				k := down
				if i%2 == 1 {
					k = up
				}
				i++
				p, _ = p.Update(k)
				if len(p.View()) == 0 {
					b.Fatal("empty frame")
				}
			}
		})
	}
}

// bigSizes are the bodies BenchmarkBigBodyScrollFrame scrolls through.
var bigSizes = []struct {
	name  string
	bytes int
}{{"1KB", 1 << 10}, {"1MB", 1 << 20}, {"50MB", 50 << 20}, {"200MB", 200 << 20}}

// bigContent is the content of a JSON response of size bytes, as the TUI holds
// it: past the cap the body is cut there (the rest would be in the spool file),
// and Pretty is formatted.
func bigContent(b *testing.B, size int) *rc.Content {
	x := bigExchange(size)
	if size > requests.DefaultMaxBody {
		r := x.Response
		r.SpooledBytes = r.BodyBytes
		r.Body, r.BodyBytes = r.Body[:requests.DefaultMaxBody], requests.DefaultMaxBody
		r.Truncated, r.SpoolPath = true, "body.json"
	}
	return formattedContent(b, x)
}

// formattedContent is rc.New with Pretty formatted, as the screen shows it once
// the formatting command is done.
func formattedContent(tb testing.TB, x requests.Exchange) *rc.Content {
	c := rc.New(x, styles.New())
	if c.Pending {
		tab, note, err := rc.PrettyTab(context.Background(), c.Kind, c.Body, x.Response.Truncated, styles.New())
		if err != nil {
			tb.Fatal(err)
		}
		c.Tabs[rc.TabPretty], c.Note, c.Pending = tab, note, false
	}
	return c
}

// BenchmarkBigBodyScrollFrame is one frame of the response pane scrolled in the
// middle of the body — a key through Update, then View — on Raw and on Pretty.
// Its cost must not grow with the body.
func BenchmarkBigBodyScrollFrame(b *testing.B) {
	for _, size := range bigSizes {
		c := bigContent(b, size.bytes)
		for _, tab := range []int{rc.TabRaw, rc.TabPretty} {
			b.Run(size.name+"/"+rc.TabName(tab), func(b *testing.B) {
				p := newPane(118, 40)
				p.SetContent(c)
				p, _ = p.Update(keyMsg(strconv.Itoa(tab + 1)))
				p.offsets[tab] = p.lineCount() / 2
				down, up := keyMsg("down"), keyMsg("up")
				i := 0
				for b.Loop() {
					k := down
					if i%2 == 1 {
						k = up
					}
					i++
					p, _ = p.Update(k)
					if len(p.View()) == 0 {
						b.Fatal("empty frame")
					}
				}
			})
		}
	}
}
