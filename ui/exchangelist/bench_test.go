package exchangelist

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/traffic"
	"github.com/httplens/httplens/ui/styles"
)

// BenchmarkFrame draws one frame of a 10,000-exchange list with a 1 MB body
// selected, after a cursor move: the cost must not grow with the list or the body.
func BenchmarkFrame(b *testing.B) {
	body := []byte(strings.Repeat("a line of a large body\n", 1<<20/23))
	xs := make([]traffic.Exchange, 10000)
	for i := range xs {
		xs[i] = traffic.Exchange{Method: "GET", URL: fmt.Sprintf("http://127.0.0.1/%d", i), Status: 200,
			ResponseHead: []byte("HTTP/1.1 200 OK\r\n\r\n"), ResponseBody: body, BodyBytes: int64(len(body))}
	}
	m := New(styles.New(), testKeys(), Source{HARPath: "x.har"})
	m.SetSize(160, 50)
	m, _ = m.Update(LoadedMsg{Path: "x.har", Exchanges: xs})
	down, up := tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}
	b.ResetTimer()
	for i := range b.N {
		k := down
		if i%2 == 1 {
			k = up
		}
		m, _ = m.Update(k)
		_ = m.View()
	}
}
