package ui

import (
	"net/http"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
)

// BenchmarkSendFrame measures one send as a person makes it: ctrl+r through the
// root's Update (the action table's dispatch), the send command against a server
// on loopback, the response message, and the frame that shows it. History is off.
func BenchmarkSendFrame(b *testing.B) {
	url := newLocalServer(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte(`{"id": 1, "name": "widget"}`))
	}))
	dir := b.TempDir()
	writeHTTP(b, dir, "c.http", "### Item\nGET "+url+"/items/1\n")
	cfg := Config{Dir: dir, Client: requests.NewClient(requests.Options{})}
	m := New(cfg)
	m, _ = drainOne(m, tea.WindowSizeMsg{Width: 140, Height: 40})
	m, _ = drainOne(m, m.Init()())
	send := keyMsg("ctrl+r")
	b.ReportAllocs()
	for b.Loop() {
		m, _ = drainOne(m, send)
		if !strings.Contains(m.View(), "widget") {
			b.Fatal("the frame lacks the response")
		}
	}
}
