package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
)

// BenchmarkStartup measures New, the collection load and the first full frame for
// a collection of 1,000 requests in 10 files.
func BenchmarkStartup(b *testing.B) {
	dir := b.TempDir()
	for f := range 10 {
		var sb strings.Builder
		sb.WriteString("@host = http://127.0.0.1:9\n\n")
		for r := range 100 {
			fmt.Fprintf(&sb, "### Request %d-%d\n# @name r%d_%d\nPUT {{host}}/items/%d\nContent-Type: application/json\nIf-Match: \"x\"\n\n{\"n\": %d}\n\n", f, r, f, r, r, r)
		}
		writeHTTP(b, dir, fmt.Sprintf("f%02d.http", f), sb.String())
	}
	cfg := Config{Dir: dir, Client: requests.NewClient(requests.Options{})}
	b.ReportAllocs()
	for b.Loop() {
		var m tea.Model = New(cfg)
		loaded := m.Init()()
		m, _ = m.Update(tea.WindowSizeMsg{Width: 160, Height: 48})
		m, _ = m.Update(loaded)
		if !strings.Contains(m.View(), "Request 0-0") {
			b.Fatal("first frame lacks the first request")
		}
	}
}

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
			p := newResponsePane(NewStyles())
			p.SetSize(118, 40)
			p.SetContent(content)
			p, _ = p.Update(keyMsg("2"))
			p.offsets[tabPretty] = p.lineCount() / 2
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

// jsonBody is a compact JSON array of objects about n bytes long.
func jsonBody(n int) []byte {
	var sb strings.Builder
	sb.Grow(n + 128)
	sb.WriteString("[")
	for i := 0; sb.Len() < n; i++ {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `{"id":%d,"name":"item %d","tags":["a","b"],"price":%d.5,"ok":true}`, i, i, i%1000)
	}
	sb.WriteString("]")
	return []byte(sb.String())
}
