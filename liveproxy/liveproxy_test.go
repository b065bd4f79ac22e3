package liveproxy

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/httplens/httplens/history"
)

// A request a client sends through the session reaches the upstream, arrives on
// Live explained, and is kept in the history; Stop closes Live and leaves no
// goroutine behind.
func TestSessionRecordsAndStops(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "max-age=300")
		io.WriteString(w, "hello through the proxy")
	}))
	defer up.Close()
	store := openStore(t)
	before := runtime.NumGoroutine()
	s, err := Start("127.0.0.1:0", store)
	if err != nil {
		t.Fatal(err)
	}
	pu, _ := url.Parse("http://" + s.Addr)
	tr := &http.Transport{Proxy: http.ProxyURL(pu)}
	resp, err := (&http.Client{Transport: tr, Timeout: 30 * time.Second}).Get(up.URL + "/page.css")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	tr.CloseIdleConnections()
	if string(body) != "hello through the proxy" {
		t.Fatalf("client got %q", body)
	}
	select {
	case x := <-s.Live():
		if x.Method != "GET" || x.URL != up.URL+"/page.css" || x.Status != 200 || x.Report == nil || !x.Report.Cache.StorablePrivate {
			t.Errorf("live exchange %s %s %d, report %v", x.Method, x.URL, x.Status, x.Report)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no exchange on Live")
	}
	s.Stop()
	if _, open := <-s.Live(); open {
		t.Error("Live still open after Stop")
	}
	list, err := store.List(context.Background(), history.Filter{File: "proxy"})
	if err != nil || len(list) != 1 || list[0].URL != up.URL+"/page.css" || s.Stored() != 1 {
		t.Errorf("history holds %+v (%v), stored %d", list, err, s.Stored())
	}
	for i := 0; runtime.NumGoroutine() > before && i < 100; i++ {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after Stop, %d before", n, before)
	}
}

// Exchanges recorded while nobody reads Live are still stored, and Stop does
// not wait for a reader.
func TestStopWithoutAReader(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer up.Close()
	store := openStore(t)
	s, err := Start("127.0.0.1:0", store)
	if err != nil {
		t.Fatal(err)
	}
	pu, _ := url.Parse("http://" + s.Addr)
	c := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(pu), DisableKeepAlives: true}, Timeout: 30 * time.Second}
	const n = 80 // more than Live holds
	for i := range n {
		resp, err := c.Get(fmt.Sprintf("%s/%d", up.URL, i)) // one URL each: retention keeps 50 a URL
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	s.Stop()
	if list, _ := store.List(context.Background(), history.Filter{File: "proxy"}); len(list) != n {
		t.Errorf("%d of %d exchanges stored", len(list), n)
	}
}

func TestLoopbackOnly(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:8888", "localhost"} {
		if s, err := Start(addr, nil); err == nil {
			s.Stop()
			t.Errorf("Start(%q) listened; want loopback only", addr)
		}
	}
}

// Serve with Each and no Live (as `httplens proxy` prints rows): every exchange
// reaches Each once stored, with its history id, and nothing waits on Live.
func TestServeHandsEachStoredExchange(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer up.Close()
	store := openStore(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var got []Kept // written by the storing goroutine only, read after Stop
	s := Serve(ln, store, Options{Each: func(k Kept) { got = append(got, k) }})
	pu, _ := url.Parse("http://" + s.Addr)
	c := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(pu), DisableKeepAlives: true}, Timeout: 30 * time.Second}
	const n = 80 // more than Live holds: a Live nobody reads would block the storing
	for i := range n {
		resp, err := c.Get(fmt.Sprintf("%s/%d", up.URL, i))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	s.Stop()
	if len(got) != n || s.Err() != nil {
		t.Fatalf("Each saw %d of %d exchanges; Err %v", len(got), n, s.Err())
	}
	// Records arrive as the connections finish, not quite in sending order.
	seen := map[string]bool{}
	for _, k := range got {
		if k.ID == 0 || k.StoreErr != nil {
			t.Errorf("%s: id %d, %v", k.Request.URL, k.ID, k.StoreErr)
		}
		seen[k.Request.URL] = true
	}
	for i := range n {
		if !seen[fmt.Sprintf("%s/%d", up.URL, i)] {
			t.Errorf("request %d never reached Each", i)
		}
	}
}

// A listener that fails on its own ends the session's serving with the reason.
func TestServeReportsAFailedListener(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := Serve(ln, nil, Options{})
	ln.Close()
	<-s.Done()
	if s.Err() == nil {
		t.Error("Err is nil after the listener failed")
	}
	s.Stop()
}

// Storing does not wait for Each: while Each still handles one exchange, the
// next is already kept in the history, and Each still sees them all, in order.
// (Storing and delivering shared one goroutine, so under load the connections
// waited for the sum of the two.)
func TestStoringOverlapsEach(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, r.URL.Path) }))
	defer up.Close()
	store := openStore(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	entered, release := make(chan struct{}), make(chan struct{})
	var seen []string
	s := Serve(ln, store, Options{Each: func(k Kept) {
		if len(seen) == 0 {
			close(entered)
			<-release
		}
		seen = append(seen, k.Request.URL)
	}})
	pu, _ := url.Parse("http://" + s.Addr)
	c := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(pu)}, Timeout: 30 * time.Second}
	get := func(path string) {
		resp, err := c.Get(up.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	get("/a")
	<-entered
	get("/b")
	// Bounded only so that a regression fails rather than hangs.
	for deadline := time.Now().Add(20 * time.Second); s.Stored() < 2; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			n := s.Stored()
			close(release)
			s.Stop()
			t.Fatalf("stored %d exchanges while Each held the first; want 2", n)
		}
	}
	close(release)
	s.Stop()
	if want := []string{up.URL + "/a", up.URL + "/b"}; fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Errorf("Each saw %v, want %v", seen, want)
	}
}

// openStore is a history in the test's folder, closed at its end.
func openStore(t *testing.T) *history.Store {
	t.Helper()
	store, err := history.Open(filepath.Join(t.TempDir(), "h.db"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

// AfterBatch follows the Each calls of every batch: each exchange Each saw is
// followed by an AfterBatch before Stop returns, and none comes before its
// batch's last Each. Many clients at once make batches of more than one.
func TestAfterBatchFollowsEachBatch(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "x") }))
	defer up.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	// Both run on the session's delivering goroutine, one after the other.
	var seen, flushed, batches int
	s := Serve(ln, openStore(t), Options{
		Each:       func(k Kept) { seen++; k.Release() },
		AfterBatch: func() { flushed = seen; batches++ },
	})
	pu, _ := url.Parse("http://" + s.Addr)
	tr := &http.Transport{Proxy: http.ProxyURL(pu), MaxIdleConnsPerHost: 20}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	const n = 200
	errs := make(chan error, n)
	for range n {
		go func() {
			resp, err := c.Get(up.URL)
			if err == nil {
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	s.Stop()
	if seen != n || flushed != n || batches == 0 || batches > n {
		t.Errorf("Each saw %d of %d, the last AfterBatch followed %d, in %d batches", seen, n, flushed, batches)
	}
}
