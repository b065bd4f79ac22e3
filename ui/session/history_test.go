package session

import (
	"bytes"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/checks"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/tree"
)

func openStore(t *testing.T) *history.Store {
	t.Helper()
	s, err := history.Open(filepath.Join(t.TempDir(), "h.db"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// handleAll hands every message of cmd (run to the end) to the session.
func handleAll(s *Session, sc *screen, o Outcome) Outcome {
	last := o
	for _, msg := range collect(o.Cmd) {
		if got, ok := s.Handle(msg, sc.parts()); ok {
			last = got
			if after := handleAll(s, sc, Outcome{Cmd: got.Cmd}); after.Said {
				last = after
			}
		}
	}
	return last
}

// A send is stored; the next run's session shows it for its request, read
// back from the history, until that request is sent again.
func TestTheNextRunShowsTheStoredExchange(t *testing.T) {
	var sv server
	url := sv.start(t)
	store := openStore(t)
	src := "### Read\n# @name read\nGET " + url + "/items/1\n"
	cfg := Config{History: store, Styles: styles.New(), Dir: t.TempDir()}

	sc := newScreen(t, src)
	sc.show(t, "Read")
	first := New(cfg)
	o := land(t, &first, sc, first.Send(sc.parts()))
	collect(o.Cmd) // stores the exchange

	next := newScreen(t, src)
	next.coll.Files[0].Path = sc.coll.Files[0].Path // the same file
	next.show(t, "Read")
	s := New(cfg)
	handleAll(&s, next, s.Follow(next.parts()))
	if x := s.Exchange(); x.Response == nil || x.Response.Status != 200 {
		t.Fatalf("the next run shows %+v", x.Response)
	}
	if got := sv.requests(); len(got) != 1 {
		t.Errorf("the stored exchange was sent again: the server saw %v", got)
	}
}

// P sends the preflight against a real server; its answer is kept for its
// request (K turns on) and its exchanges go to the history.
func TestPreflightAnswerIsKept(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Access-Control-Allow-Methods", "PUT")
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	sc := newScreen(t, "### Update\nPUT "+srv.URL+"/items/1\nOrigin: http://127.0.0.1:1\nContent-Type: application/json\n\n{}\n")
	r := sc.show(t, "Update")
	s := New(Config{History: openStore(t), Styles: styles.New(), Keys: Keys{Answers: "K"}})
	o := s.Preflight(sc.parts())
	if !o.Said || !strings.Contains(o.Status, "preflight") || o.Cmd == nil {
		t.Fatalf("P: %+v", o)
	}
	var done bool
	for _, msg := range collect(o.Cmd) {
		if _, ok := msg.(checks.PreflightDone); ok {
			done = true
			if got, ok := s.Handle(msg, sc.parts()); !ok || got.Cmd == nil {
				t.Errorf("the preflight's exchanges are not stored: %+v", got)
			}
		}
	}
	if _, answers := s.Hints(tree.RequestKey(r)); !done || !answers {
		t.Errorf("done %v, K %v", done, answers)
	}
}

// y copies the request as curl, resolved; Y copies the response shown. Both go
// to the clipboard as OSC 52, and what was copied is said.
func TestCopiesGoToTheClipboard(t *testing.T) {
	var sv server
	url := sv.start(t)
	sc := newScreen(t, "@id = 7\n\n### Read\nGET "+url+"/items/{{id}}\n")
	sc.show(t, "Read")
	var clip bytes.Buffer
	s := New(Config{Clipboard: &clip, Styles: styles.New(), Options: requests.Options{}})
	o := handleAll(&s, sc, Outcome{Cmd: func() tea.Msg { return requestpane.CopyAsCurl{} }})
	if !o.Said || !strings.Contains(decoded(t, clip.String()), url+"/items/7") {
		t.Fatalf("copy as curl: %+v, clipboard %q", o, decoded(t, clip.String()))
	}
	clip.Reset()
	land(t, &s, sc, s.Send(sc.parts()))
	handleAll(&s, sc, Outcome{Cmd: func() tea.Msg { return responsepane.CopyMsg{Raw: true} }})
	if got := decoded(t, clip.String()); !strings.Contains(got, "200 OK") || !strings.Contains(got, `{"name":"server"}`) {
		t.Errorf("Y copied %q", got)
	}
}

var osc52 = regexp.MustCompile(`\x1b]52;c;([A-Za-z0-9+/=]*)`)

// decoded is what an OSC 52 sequence in s puts on the clipboard.
func decoded(t *testing.T, s string) string {
	t.Helper()
	m := osc52.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	b, err := base64.StdEncoding.DecodeString(m[1])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
