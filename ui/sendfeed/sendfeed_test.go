package sendfeed

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
)

func TestFeedKeepsTheNewestSample(t *testing.T) {
	f := New()
	f.Report(1, 100)
	f.Report(2, 100)
	f.Report(100, 100)
	if p := <-f.ch; p.Done != 100 || p.Total != 100 {
		t.Errorf("got %+v, want the last sample 100 of 100", p)
	}
	select {
	case p := <-f.ch:
		t.Errorf("an old sample stayed queued: %+v", p)
	default:
	}
	f.Close()
	if msg := WaitCmd(1, f, time.Hour)(); msg != nil {
		t.Errorf("after close the wait must end, got %v", msg)
	}
}

// TestTransferReportsThenEnds: a real download on loopback reports through the
// feed to the waiting command, tagged with its send id; when the send returns,
// the feed closes and the next wait ends the chain.
func TestTransferReportsThenEnds(t *testing.T) {
	body := strings.Repeat("x", 256<<10)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "262144")
		io.WriteString(w, body[:128<<10])
		w.(http.Flusher).Flush()
		<-release
		io.WriteString(w, body[128<<10:])
	}))
	defer srv.Close()
	f := New()
	client := requests.NewClient(requests.Options{Progress: f.Report})
	send := func() tea.Msg {
		return client.Send(t.Context(), requests.Request{Method: "GET", URL: srv.URL})
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- TransferCmd(send, client, f)() }()
	msg, ok := WaitCmd(7, f, 0)().(Msg)
	if !ok || msg.ID != 7 || msg.Done == 0 || msg.Total != 262144 {
		t.Fatalf("progress: %#v", msg)
	}
	close(release)
	x := (<-done).(requests.Exchange)
	if x.Err != nil || len(x.Response.Body) != len(body) {
		t.Fatalf("send: %v, %d bytes", x.Err, len(x.Response.Body))
	}
	// A sample may still wait in the feed; after it, the chain ends.
	for i := 0; i < 2; i++ {
		if WaitCmd(7, f, Every)() == nil {
			return
		}
	}
	t.Error("the wait did not end after the send")
}
