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
