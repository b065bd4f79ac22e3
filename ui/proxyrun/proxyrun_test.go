package proxyrun

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/ui/exchangelist"
)

func TestStoppedSaysWhatHappened(t *testing.T) {
	cases := []struct {
		s     Stopped
		want  string
		isErr bool
	}{
		{Stopped{Err: errors.New("no loopback")}, "Cannot start the proxy: no loopback", true},
		{Stopped{Addr: "127.0.0.1:8888", Err: errors.New("boom")}, "The proxy on 127.0.0.1:8888 stopped: boom", true},
		{Stopped{Addr: "127.0.0.1:8888", Stored: 3}, "The proxy on 127.0.0.1:8888 stopped; the history is off, so nothing was kept.", false},
		{Stopped{Addr: "127.0.0.1:8888", Stored: 3, Keep: true}, "The proxy on 127.0.0.1:8888 stopped; exchanges kept in the history (file \"proxy\"): 3.", false},
	}
	for _, c := range cases {
		if got, isErr := c.s.Status(); got != c.want || isErr != c.isErr {
			t.Errorf("%+v: %q %v, want %q %v", c.s, got, isErr, c.want, c.isErr)
		}
	}
}

// lister makes a client in place of the live list.
type lister struct {
	upstream string
	t        *testing.T
}

func (l lister) List(src exchangelist.Source) tea.Model { return client{src, l.upstream, l.t} }

// client is the program the test runs in place of the live list: it sends one
// request through the proxy its source names, waits until the list would show
// it, and quits.
type client struct {
	src      exchangelist.Source
	upstream string
	t        *testing.T
}

type sent struct{}

func (c client) Init() tea.Cmd {
	return func() tea.Msg {
		addr, ok := strings.CutPrefix(c.src.Title, "proxy on ")
		if !ok {
			c.t.Errorf("title %q", c.src.Title)
			return sent{}
		}
		hc := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(&url.URL{Scheme: "http", Host: addr})}}
		resp, err := hc.Get(c.upstream + "/through")
		if err != nil {
			c.t.Errorf("through the proxy: %v", err)
			return sent{}
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		hc.CloseIdleConnections()
		if x, ok := <-c.src.Live; !ok || !strings.HasSuffix(x.URL, "/through") {
			c.t.Errorf("the live list got %+v (%v)", x, ok)
		}
		return sent{}
	}
}

func (c client) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(sent); ok {
		return c, tea.Quit
	}
	return c, nil
}

func (c client) View() string { return "" }

// The proxy listens on loopback (another port when the first is taken), records
// what crosses it into the history, and is closed once the list quits.
func TestRunRecordsUntilTheListQuits(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello") }))
	defer up.Close()
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	store, err := history.Open(filepath.Join(t.TempDir(), "h.db"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	r := &Run{Store: store, Listen: taken.Addr().String(), Lister: lister{up.URL, t}}
	r.SetStdin(strings.NewReader(""))
	r.SetStdout(io.Discard)
	err = r.Run()
	s := r.stopped(err)
	if s.Err != nil || s.Addr == "" || s.Addr == taken.Addr().String() || !s.Keep || s.Stored != 1 {
		t.Fatalf("stopped %+v (the taken port was %s)", s, taken.Addr())
	}
	list, err := store.List(context.Background(), history.Filter{File: "proxy"})
	if err != nil || len(list) != 1 {
		t.Fatalf("history holds %d exchanges (%v)", len(list), err)
	}
	if c, err := net.Dial("tcp", s.Addr); err == nil {
		c.Close()
		t.Errorf("the proxy on %s still listens after the list quit", s.Addr)
	}
}
