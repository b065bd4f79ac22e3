package cli

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/history"
)

// T in the collection view starts the recording proxy on loopback and shows its
// exchanges live; a request a client sends through it shows in the list,
// explained; q stops the proxy (the port is closed) and brings the collection
// view back, the exchange kept in the history.
func TestTUIStartsTheProxy(t *testing.T) {
	bin := testBinary(t)
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "max-age=300")
		io.WriteString(w, "hello from upstream\n")
	}))
	defer up.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")
	t.Setenv("HTTPLENS_HISTORY", db)
	writeE2EFile(t, dir, "a.http", "### Local\nGET "+up.URL+"/local\n")
	s := startTUI(t, bin, dir, 110, 34, "--no-demo")
	s.waitText("Local")
	s.send("T")
	scr := s.waitText("proxy on 127.0.0.1:", "No exchange yet", "q stops the proxy")
	addr := ""
	for _, l := range strings.Split(scr, "\n") {
		if _, rest, ok := strings.Cut(l, "proxy on "); ok && addr == "" {
			addr, _, _ = strings.Cut(rest, " ")
		}
	}
	c := proxyClient(addr)
	getThrough(t, c, up.URL+"/page.css")
	c.CloseIdleConnections()
	s.waitText("1 exchange ·", up.URL+"/page.css", "200", "store/store", "5m", "hello from upstream")
	s.send("q")
	s.waitText("The proxy on "+addr+" stopped; exchanges kept in the history (file \"proxy\"): 1.", "Local")
	if _, err := c.Get(up.URL + "/after"); err == nil {
		t.Errorf("the proxy on %s still forwards after q", addr)
	}
	s.quit()
	store, err := history.Open(db, history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	list, err := store.List(context.Background(), history.Filter{File: "proxy"})
	if err != nil || len(list) != 1 || list[0].URL != up.URL+"/page.css" || list[0].Status != 200 {
		t.Errorf("history: %+v %v", list, err)
	}
}
