package historycmds

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
)

// TestStoreListLatest: a send's exchanges kept by StoreCmd are listed by ListCmd
// for their request, and Latest finds the newest response of a named request;
// a name without a stored exchange finds nothing.
func TestStoreListLatest(t *testing.T) {
	dir := t.TempDir()
	s, err := history.Open(filepath.Join(dir, "h.db"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f := &collections.File{Path: "api.http"}
	read := &collections.Request{File: f, Name: "read", Title: "Read it"}
	other := &collections.Request{File: f, Name: "other"}
	file, name := Ref(read, dir)
	if file != filepath.Join(dir, "api.http") || name != "read" {
		t.Fatalf("ref: %q %q", file, name)
	}
	var entries []history.Entry
	for _, body := range []string{"first", "second"} {
		x := requests.Exchange{Request: requests.SentRequest{Method: "GET", URL: "http://127.0.0.1/x"},
			Response: &requests.Response{Proto: "HTTP/1.1", Status: 200, Reason: "OK", Body: []byte(body), BodyBytes: int64(len(body)), Complete: true},
			Sent:     time.Now(), Received: time.Now()}
		entries = append(entries, history.FromExchange(x, file, name))
	}
	if msg := StoreCmd(s, entries, []string{"k"})().(StoredMsg); msg.Err != nil || len(msg.Keys) != 1 {
		t.Fatalf("store: %+v", msg)
	}
	l := ListCmd(s, "k", file, name)().(ListedMsg)
	if l.Err != nil || l.Key != "k" || len(l.Rows) != 2 {
		t.Fatalf("list: %+v", l)
	}
	latest := Latest(s, []*collections.Request{read, other}, dir)
	if r, ok := latest("read"); !ok || string(r.Body) != "second" {
		t.Errorf("latest of read: %v %v", r, ok)
	}
	if _, ok := latest("other"); ok {
		t.Error("other has no stored exchange, yet one was found")
	}
	if Latest(nil, nil, dir) != nil {
		t.Error("no store, yet a lookup")
	}
	if msg := PruneCmd(s)().(PrunedMsg); msg.Err != nil {
		t.Error(msg.Err)
	}
}

func TestRefAndMoment(t *testing.T) {
	tour := &collections.Request{File: &collections.File{Path: "tour/01-etags.http", ReadOnly: true}, Title: "Read item"}
	if file, name := Ref(tour, "/somewhere"); file != "tour/01-etags.http" || name != "Read item" {
		t.Errorf("tour ref: %q %q", file, name)
	}
	if file, name := Ref(nil, "/x"); file != "" || name != "" {
		t.Errorf("nil ref: %q %q", file, name)
	}
	at, now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), time.Now()
	if got := MomentOf(history.Entry{Received: at}, now); !got.Equal(at) {
		t.Errorf("moment: %v", got)
	}
	if got := MomentOf(history.Entry{}, now); !got.Equal(now) {
		t.Errorf("moment without a receive time: %v", got)
	}
	// A store that fails says so in the message.
	s, err := history.Open(filepath.Join(t.TempDir(), "h.db"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if msg := StoreCmd(s, []history.Entry{{File: "a", Name: "b"}}, nil)().(StoredMsg); msg.Err == nil {
		t.Errorf("store on a closed database: %+v", msg)
	}
}
