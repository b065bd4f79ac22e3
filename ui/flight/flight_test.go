package flight

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/internal/rawtest"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/scripts"
	"github.com/httplens/httplens/ui/sendfeed"
	"github.com/httplens/httplens/ui/styles"
)

// collect runs cmd and every command it batches, returning their messages;
// spinner ticks are dropped (they only redraw).
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, collect(c)...)
		}
		return out
	case nil, spinner.TickMsg:
		return nil
	}
	return []tea.Msg{msg}
}

// response is the ResponseMsg among msgs.
func response(t *testing.T, msgs []tea.Msg) ResponseMsg {
	t.Helper()
	for _, m := range msgs {
		if r, ok := m.(ResponseMsg); ok {
			return r
		}
	}
	t.Fatalf("no response among %v", msgs)
	return ResponseMsg{}
}

// load writes src as a .http file and loads it as a collection.
func load(t *testing.T, src string) *collections.Collection {
	t.Helper()
	p := filepath.Join(t.TempDir(), "c.http")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := collections.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func find(t *testing.T, c *collections.Collection, name string) *collections.Request {
	t.Helper()
	r, err := c.Find(name)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func sendOf(label string, chain []*collections.Request, resolve Resolve) Send {
	return Send{Label: label, Chain: chain, Last: map[string]collections.Response{}, Resolve: resolve,
		Engine: &scripts.Engine{Globals: &scripts.Globals{}}, Styles: styles.New()}
}

// A request that needs another's response sends that one first, on a real
// server; the named response is kept for request variables, both exchanges
// are handed up for the history, and the answer lands for the request sent.
func TestStartSendsTheChainThenLands(t *testing.T) {
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.Path)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"42"}`))
	}))
	defer srv.Close()
	c := load(t, "### Login\n# @name login\nGET "+srv.URL+"/login\n\n### Item\nGET "+srv.URL+"/items/{{login.response.body.$.id}}\n")
	item := find(t, c, "Item")
	chain := Chain(item, c, nil)
	if len(chain) != 2 || chain[0].Name != "login" || chain[1] != item {
		t.Fatalf("chain %v", chain)
	}
	if l := ChainLabel(chain, "Item"); l != "GET Item (first login)" {
		t.Errorf("label %q", l)
	}
	f := New()
	rv := Resolver{}
	cmd := f.Start(sendOf(ChainLabel(chain, "Item"), chain, rv.Resolve()))
	f.SetKey("c.http#1")
	if !f.Busy() {
		t.Fatal("not busy after Start")
	}
	msg := response(t, collect(cmd))
	if !slices.Equal(paths, []string{"/login", "/items/42"}) {
		t.Errorf("sent %v", paths)
	}
	if len(msg.Sent) != 2 || len(msg.Kept) != 1 || msg.Kept[0].Name != "login" || msg.Report == nil {
		t.Errorf("sent %d, kept %v, report %v", len(msg.Sent), msg.Kept, msg.Report)
	}
	l, ok := f.Land(msg, Keys{})
	if !ok || f.Busy() {
		t.Fatalf("landed %v, busy %v", ok, f.Busy())
	}
	if l.Key != "c.http#1" || l.Sent != "c.http#1" || l.IsErr || !strings.Contains(l.Status, "200") {
		t.Errorf("landed %+v", l)
	}
	// With login's response in the session, Item goes alone.
	if chain := Chain(item, c, map[string]collections.Response{"login": {}}); len(chain) != 1 {
		t.Errorf("chain with login known: %v", chain)
	}
}

// Only the newest flight's results count: a superseded send's answer, its
// progress and the end of a cancelled check run are dropped.
func TestStaleResultsAreDropped(t *testing.T) {
	f := New()
	_, old := f.Begin("first")
	_, cur := f.Begin("second")
	if _, ok := f.Land(ResponseMsg{ID: old}, Keys{}); ok || !f.Busy() {
		t.Fatal("a superseded send's answer landed")
	}
	if _, _, ok := f.Progress(sendfeed.Msg{ID: old}); ok {
		t.Error("a superseded send's progress was taken")
	}
	if f.End(old) {
		t.Error("a superseded run ended the flight")
	}
	if !f.End(cur) || f.Busy() {
		t.Error("the current run did not end the flight")
	}
}

// esc during a send: the command reports the cancellation, which lands as
// "Cancelled", not as a failure.
func TestCancelLandsAsCancelled(t *testing.T) {
	req := &collections.Request{Method: "GET", URL: rawtest.Hanging(t)}
	f := New()
	cmd := f.Start(sendOf("GET slow", []*collections.Request{req}, Resolver{}.Resolve()))
	f.Cancel()
	msg := response(t, collect(cmd))
	if !errors.Is(msg.Exchange.Err, context.Canceled) {
		t.Fatalf("err %v", msg.Exchange.Err)
	}
	l, ok := f.Land(msg, Keys{})
	if !ok || l.Status != "Cancelled: GET slow" || l.IsErr {
		t.Errorf("landed %v: %+v", ok, l)
	}
}

// A refused certificate offers the resend without checks; that resend skips
// them for itself only, and says so in its label.
func TestInsecureResendHoldsForOneSend(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("ok"))
	}))
	defer srv.Close()
	req := &collections.Request{Method: "GET", URL: srv.URL}
	keys := Keys{Insecure: "!"}
	f := New()
	send := func() (Landed, ResponseMsg) {
		msg := response(t, collect(f.Start(sendOf("GET tls", []*collections.Request{req}, Resolver{}.Resolve()))))
		l, _ := f.Land(msg, keys)
		return l, msg
	}
	if f.ResendInsecure(errors.New("connection refused")) {
		t.Error("an insecure resend after another error")
	}
	l, msg := send()
	if msg.Exchange.Err == nil {
		t.Fatal("a self-signed certificate was accepted")
	} else if !strings.Contains(l.Refused, "press ! in the response pane") {
		t.Errorf("refused: %q", l.Refused)
	}
	if !f.ResendInsecure(msg.Exchange.Err) {
		t.Fatal("no insecure resend after a refused certificate")
	}
	if f.Label() != "GET tls" {
		t.Errorf("the label changed before the resend: %q", f.Label())
	}
	l, msg = send()
	if msg.Exchange.Err != nil || !strings.Contains(l.Status, "(certificate not checked)") || l.Refused != "" {
		t.Fatalf("insecure resend: %v, %q, refused %q", msg.Exchange.Err, l.Status, l.Refused)
	}
	if _, msg := send(); msg.Exchange.Err == nil {
		t.Error("the send after the insecure resend skipped the checks too")
	}
}

// A spooled body's file stays while anything uses it and goes once nothing does.
func TestSweepRemovesOnlyUnusedSpools(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte("body"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	used := map[string]bool{a: true}
	inUse := func(p string) bool { return used[p] }
	f := New()
	f.spools.Add(a)
	if cmd := f.Sweep(inUse); cmd != nil {
		t.Fatal("a used file was to be removed")
	}
	f.spools.Add("")
	if cmd := f.Sweep(inUse); cmd != nil {
		t.Fatal("no file, nothing to remove")
	}
	f.spools.Add(b) // b is not remembered (an ad-hoc send)
	cmd := f.Sweep(inUse)
	if cmd == nil {
		t.Fatal("b, used by nothing, stays")
	}
	if _, ok := cmd().(SpoolRemovedMsg); !ok {
		t.Fatal("no SpoolRemovedMsg")
	}
	if _, err := os.Stat(b); !os.IsNotExist(err) {
		t.Errorf("b still on disk: %v", err)
	}
	if _, err := os.Stat(a); err != nil {
		t.Errorf("a, still used, is gone: %v", err)
	}
	used[a] = false // its request answered again
	if cmd := f.Sweep(inUse); cmd == nil {
		t.Fatal("a, now unused, stays")
	} else {
		cmd()
	}
	if _, err := os.Stat(a); !os.IsNotExist(err) {
		t.Errorf("a still on disk: %v", err)
	}
	if cmd := f.Sweep(inUse); cmd != nil {
		t.Error("a file was swept twice")
	}
}

// Precedence of the values a send resolves with: --var and prompt answers
// over a script's request variables over the environment; the session's
// responses over the history's.
func TestResolverPrecedence(t *testing.T) {
	c := load(t, "### Get\nGET http://127.0.0.1/{{a}}/{{b}}/{{c}}/{{prev.response.headers.X}}\n")
	r := find(t, c, "Get")
	stored := func(name string) (collections.Response, bool) {
		return collections.Response{Headers: []collections.Header{{Name: "X", Value: "stored"}}}, name == "prev"
	}
	resolve := Resolver{Vars: map[string]string{"a": "var"}, Env: map[string]string{"a": "env", "b": "env", "c": "env"}, Stored: stored}.Resolve()
	got, err := resolve(r, nil, map[string]string{"a": "script", "b": "script"})
	if err != nil || got.URL != "http://127.0.0.1/var/script/env/stored" {
		t.Fatalf("%q %v", got.URL, err)
	}
	last := map[string]collections.Response{"prev": {Headers: []collections.Header{{Name: "X", Value: "session"}}}}
	if got, _ := resolve(r, last, nil); got.URL != "http://127.0.0.1/var/env/env/session" {
		t.Errorf("%q", got.URL)
	}
}

func TestAskBeforeResend(t *testing.T) {
	if q := AskBeforeResend("POST", "Create", false, true); !strings.Contains(q, "POST is not idempotent") || !strings.Contains(q, "Create already got a response") {
		t.Errorf("%q", q)
	}
	for _, c := range []struct{ idem, responded bool }{{true, true}, {false, false}, {true, false}} {
		if q := AskBeforeResend("X", "x", c.idem, c.responded); q != "" {
			t.Errorf("%+v asks %q", c, q)
		}
	}
}

// The spinner line shows the elapsed time once the start is known, and the
// tick chain ends when nothing is in flight.
func TestTicksShowElapsedUntilLanded(t *testing.T) {
	f := New()
	_, id := f.Begin("GET \x1b[2Jx")
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Update(StartedMsg{ID: id, At: at})
	cmd, changed, ok := f.Update(spinner.TickMsg{Time: at.Add(1500 * time.Millisecond), ID: f.spin.ID()})
	if !ok || !changed || cmd == nil {
		t.Fatalf("tick: %v %v %v", cmd != nil, changed, ok)
	}
	if s := f.Sending("esc"); !strings.Contains(s, "1.5 s") || !strings.HasSuffix(s, "(esc cancels)") || strings.Contains(s, "\x1b") {
		t.Errorf("sending line %q", s)
	}
	if s := f.Status(); !strings.Contains(s, "· 1.5 s") || strings.Contains(s, "\x1b") {
		t.Errorf("status %q", s)
	}
	f.End(id)
	if cmd, changed, ok := f.Update(spinner.TickMsg{Time: at, ID: f.spin.ID()}); !ok || changed || cmd != nil {
		t.Error("the tick chain goes on with nothing in flight")
	}
	if _, _, ok := f.Update("other"); ok {
		t.Error("took a message that is not the flight's")
	}
}

// The bodies spooled for the requests sent first are swept like the last
// one's: nothing shows them, so they go while the answer's file stays.
func TestLandingSweepsTheSpoolsOfTheChain(t *testing.T) {
	big := `{"id":"7","pad":"` + strings.Repeat("x", 64<<10) + `"}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(big))
	}))
	defer srv.Close()
	c := load(t, "### Login\n# @name login\nGET "+srv.URL+"/login\n\n### Item\nGET "+srv.URL+"/items/{{login.response.headers.Content-Type}}\n")
	chain := Chain(find(t, c, "Item"), c, nil)
	s := sendOf("GET Item", chain, Resolver{}.Resolve())
	s.Options = requests.Options{MaxBody: 1 << 10, SpoolDir: t.TempDir()}
	f := New()
	msg := response(t, collect(f.Start(s)))
	if len(msg.Sent) != 2 || msg.Sent[0].X.Response == nil || msg.Sent[0].X.Response.SpoolPath == "" || msg.Exchange.Response.SpoolPath == "" {
		t.Fatalf("not both spooled: %+v", msg.Sent)
	}
	first, last := msg.Sent[0].X.Response.SpoolPath, msg.Exchange.Response.SpoolPath
	if _, ok := f.Land(msg, Keys{}); !ok {
		t.Fatal("did not land")
	}
	collect(f.Sweep(func(p string) bool { return p == last }))
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Errorf("the first request's spooled body stays: %v", err)
	}
	if _, err := os.Stat(last); err != nil {
		t.Errorf("the answer's spooled body went: %v", err)
	}
}

// What the scripts found follows the outcome on the status line, and a script
// that threw is said whole in the explain note, sanitised.
func TestLandingSaysWhatTheScriptsFound(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c := load(t, "### Tested\nGET "+srv.URL+"/\n\n> {%\n  client.test(\"fine\", function() {});\n  throw new Error(\"boom \\u001b[2J\");\n%}\n")
	r := find(t, c, "Tested")
	f := New()
	cmd := f.Start(sendOf("GET Tested", []*collections.Request{r}, Resolver{}.Resolve()))
	f.SetKey("k")
	l, ok := f.Land(response(t, collect(cmd)), Keys{Tests: "7"})
	if !ok {
		t.Fatal("did not land")
	}
	if !strings.HasPrefix(l.Status, "GET Tested → 200 OK") || !strings.Contains(l.Status, "tests: 1 passed, 1 failed · script: ") || !l.IsErr {
		t.Errorf("status %q (error %v)", l.Status, l.IsErr)
	}
	if !strings.HasPrefix(l.Note, "Script failed — Tested: ") || !strings.Contains(l.Note, "boom") ||
		!strings.HasSuffix(l.Note, "(Tests tab: 7)") || strings.Contains(l.Note, "\x1b") {
		t.Errorf("note %q", l.Note)
	}
	if l.Key != "k" || l.Shown.X.Response == nil || !strings.HasPrefix(l.Shown.Source, "GET Tested · ") {
		t.Errorf("landed %+v", l)
	}
}
