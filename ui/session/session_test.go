package session

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/internal/rawtest"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/explainview"
	"github.com/httplens/httplens/ui/flight"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/overlay/ask"
	"github.com/httplens/httplens/ui/overlay/threeway"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/tourreset"
	"github.com/httplens/httplens/ui/tree"
)

// screen is the root's parts as a test holds them: real panes, no program.
type screen struct {
	req  requestpane.Model
	resp responsepane.Model
	expl explainview.Model
	dlg  dialogs.Model
	coll *collections.Collection
}

func newScreen(t *testing.T, src string) *screen {
	t.Helper()
	p := filepath.Join(t.TempDir(), "c.http")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := collections.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	st := styles.New()
	return &screen{req: requestpane.New(st, keyset.Set{}), resp: responsepane.New(st, responsepane.Keys{}),
		expl: explainview.New(st, keyset.Set{}), dlg: dialogs.New(), coll: c}
}

// show selects the request titled title, as the tree's selection does.
func (sc *screen) show(t *testing.T, title string) *collections.Request {
	t.Helper()
	r, err := sc.coll.Find(title)
	if err != nil {
		t.Fatal(err)
	}
	sc.req.SetRequest(r)
	return r
}

func (sc *screen) parts() Parts {
	return Parts{Req: &sc.req, Resp: &sc.resp, Expl: &sc.expl, Overlay: &sc.dlg, Coll: sc.coll, Width: 80}
}

func newSession() Session {
	return New(Config{Cookies: func(string) bool { return false }, Styles: styles.New(),
		Keys: Keys{Cancel: "esc", Reread: "R", Check: "C", Preflight: "P", Answers: "K"}})
}

// collect runs cmd and every command it batches, returning their messages;
// spinner ticks are dropped (they only redraw).
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, collect(c)...)
		}
		return out
	case nil, spinner.TickMsg:
		return nil
	default:
		return []tea.Msg{msg}
	}
}

// land runs o's command until the send it started answers, and hands every
// message to the session as the root's Update does.
func land(t *testing.T, s *Session, sc *screen, o Outcome) Outcome {
	t.Helper()
	for _, msg := range collect(o.Cmd) {
		if _, ok := msg.(flight.ResponseMsg); ok {
			got, ok := s.Handle(msg, sc.parts())
			if !ok {
				t.Fatal("the session did not take its own response")
			}
			return got
		}
		s.Handle(msg, sc.parts())
	}
	t.Fatal("no response landed")
	return Outcome{}
}

// server answers like a small API with one versioned item: GET gives it with
// its ETag, PUT and POST with a stale If-Match get 412, others 201.
type server struct {
	mu   sync.Mutex
	seen []string
}

func (sv *server) start(t *testing.T) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sv.mu.Lock()
		sv.seen = append(sv.seen, r.Method+" "+r.URL.Path)
		sv.mu.Unlock()
		w.Header().Set("ETag", `"v2"`)
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == "GET":
			_, _ = w.Write([]byte(`{"name":"server"}`))
		case r.Header.Get("If-Match") != "" && r.Header.Get("If-Match") != `"v2"`:
			w.WriteHeader(http.StatusPreconditionFailed)
		default:
			w.WriteHeader(http.StatusCreated)
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func (sv *server) requests() []string {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return append([]string(nil), sv.seen...)
}

func TestSendLandsOnThePanes(t *testing.T) {
	var sv server
	url := sv.start(t)
	sc := newScreen(t, "### Read\nGET "+url+"/items/1\n")
	r := sc.show(t, "Read")
	s := newSession()
	o := s.Send(sc.parts())
	if !o.Said || o.Status != "" || o.Cmd == nil || !s.Cancellable() {
		t.Fatalf("a send starts: %+v, cancellable %v", o, s.Cancellable())
	}
	if !strings.Contains(s.Sending(), "esc") {
		t.Errorf("the in-flight line does not name the cancel key: %q", s.Sending())
	}
	o = land(t, &s, sc, o)
	if !o.Said || o.IsErr || !strings.Contains(o.Status, "200") || s.Cancellable() {
		t.Errorf("landed: %+v, cancellable %v", o, s.Cancellable())
	}
	if x := s.Exchange(); x.Response == nil || x.Response.Status != 200 || x.Request.Method != "GET" {
		t.Errorf("the exchange shown is %+v", x)
	}
	if reread, answers := s.Hints(tree.RequestKey(r)); reread || answers {
		t.Errorf("hints after a 200: R %v, K %v", reread, answers)
	}
	if got := sv.requests(); len(got) != 1 || got[0] != "GET /items/1" {
		t.Errorf("the server saw %v", got)
	}
}

// Sending a request that may repeat its effect again asks first; the answer
// (SendNow) sends without asking.
func TestResendOfANonIdempotentRequestAsks(t *testing.T) {
	var sv server
	url := sv.start(t)
	sc := newScreen(t, "### Create\nPOST "+url+"/items\n")
	sc.show(t, "Create")
	s := newSession()
	land(t, &s, sc, s.Send(sc.parts()))
	if o := s.Send(sc.parts()); o.Cmd != nil || sc.dlg.Kind() != dialogs.Resend {
		t.Fatalf("a second POST sent without asking: dialog %v", sc.dlg.Kind())
	}
	sc.dlg.Close()
	land(t, &s, sc, s.SendNow(sc.parts()))
	if got := sv.requests(); len(got) != 2 {
		t.Errorf("the server saw %v", got)
	}
}

// A # @prompt question is asked before the send; the answer is used.
func TestPromptIsAskedThenSent(t *testing.T) {
	var sv server
	url := sv.start(t)
	sc := newScreen(t, "### Read one\n# @prompt id\nGET "+url+"/items/{{id}}\n")
	sc.show(t, "Read one")
	s := newSession()
	if o := s.Send(sc.parts()); o.Cmd != nil || sc.dlg.Kind() != dialogs.Ask {
		t.Fatalf("sent before asking: dialog %v", sc.dlg.Kind())
	}
	sc.dlg.Close()
	land(t, &s, sc, s.Answered(ask.Answered{Name: "id", Value: "7"}, sc.parts()))
	if got := sv.requests(); len(got) != 1 || got[0] != "GET /items/7" {
		t.Errorf("the server saw %v", got)
	}
}

// A 412 turns R on for its request only; R re-reads the URL and then offers
// the three-way view. The tour's reset forgets the failure and the answers.
func TestPreconditionFailedThenRereadThenReset(t *testing.T) {
	var sv server
	url := sv.start(t)
	sc := newScreen(t, "### Update\nPUT "+url+"/items/1\nIf-Match: \"v1\"\nContent-Type: application/json\n\n{\"name\":\"mine\"}\n\n### Create\nPOST "+url+"/items\n")
	update := sc.show(t, "Update")
	s := newSession()
	o := land(t, &s, sc, s.Send(sc.parts()))
	if reread, _ := s.Hints(tree.RequestKey(update)); !reread || !strings.HasPrefix(o.Status, "412") {
		t.Fatalf("after a 412: R %v, status %q", reread, o.Status)
	}
	create := sc.show(t, "Create")
	if reread, _ := s.Hints(tree.RequestKey(create)); reread {
		t.Error("R is on for a request that did not fail")
	}
	land(t, &s, sc, s.Send(sc.parts()))

	sc.show(t, "Update")
	o = s.Reread(sc.parts())
	if o.Cmd == nil {
		t.Fatal("R sent nothing")
	}
	land(t, &s, sc, o)
	if got := sv.requests(); got[len(got)-1] != "GET /items/1" || sc.dlg.Kind() != dialogs.Retry {
		t.Fatalf("R: the server saw %v, dialog %v", got, sc.dlg.Kind())
	}
	sc.dlg.Close()
	if o := s.MergeChosen(threeway.Chosen{Key: "elsewhere", ETag: `"v2"`}, sc.parts()); o.Cmd != nil || o.Edited {
		t.Errorf("a choice for another request acted: %+v", o)
	}
	o = s.MergeChosen(threeway.Chosen{Key: tree.RequestKey(update), Which: threeway.Yours, ETag: `"v2"`}, sc.parts())
	if !o.Edited || o.Cmd == nil || !sc.req.Dirty() {
		t.Fatalf("the choice is not an edit that is sent: %+v, dirty %v", o, sc.req.Dirty())
	}
	if o = land(t, &s, sc, o); !strings.HasPrefix(o.Status, "PUT") || !strings.Contains(o.Status, "201") {
		t.Errorf("the merged send: %q", o.Status)
	}
	if reread, _ := s.Hints(tree.RequestKey(update)); reread {
		t.Error("R stays on after the send with the new ETag succeeded")
	}

	if o, forgot := s.TourReset(tourreset.DoneMsg{Err: errors.New("refused")}, sc.parts()); forgot || !o.IsErr {
		t.Errorf("a failed reset forgot: %+v", o)
	}
	if _, forgot := s.TourReset(tourreset.DoneMsg{Status: 204}, sc.parts()); !forgot {
		t.Fatal("the reset forgot nothing")
	}
	if reread, _ := s.Hints(tree.RequestKey(update)); reread || len(s.ETags()) != 0 || s.Exchange().Response != nil {
		t.Errorf("after the reset: R %v, ETags %v, shown %v", reread, s.ETags(), s.Exchange().Response)
	}
	o = s.AfterReset(tourreset.DoneMsg{Status: 204}, sc.parts())
	if !strings.HasPrefix(o.Status, "Started over") {
		t.Errorf("status %q", o.Status)
	}
	sc.show(t, "Create")
	if o := s.Send(sc.parts()); o.Cmd == nil {
		t.Error("after the reset a POST that got an answer before still asks")
	} else {
		land(t, &s, sc, o)
	}
}

// Esc stops the send in flight: it lands as cancelled and the key goes off.
func TestCancelledSendLandsCancelled(t *testing.T) {
	sc := newScreen(t, "### Slow\nGET "+rawtest.Hanging(t)+"/slow\n")
	sc.show(t, "Slow")
	s := newSession()
	o := s.Send(sc.parts())
	s.Cancel(&sc.resp)
	o = land(t, &s, sc, o)
	if !strings.HasPrefix(o.Status, "Cancelled: GET Slow") || s.Cancellable() {
		t.Errorf("cancelled: %+v, cancellable %v", o, s.Cancellable())
	}
}

func TestChecksNeedAClientAndARequest(t *testing.T) {
	sc := newScreen(t, "### Read\nGET http://127.0.0.1:9/items/1\n")
	s := newSession()
	if o := s.Check(sc.parts()); !o.IsErr || o.Status != flight.NoRequest {
		t.Errorf("C without a request: %+v", o)
	}
	sc.show(t, "Read")
	if o := s.Check(sc.parts()); !o.IsErr || !strings.Contains(o.Status, "No HTTP client") || s.Cancellable() {
		t.Errorf("C without a client: %+v", o)
	}
}

func TestLabStepsOffPrivateShared(t *testing.T) {
	sc := newScreen(t, "### Read\nGET http://127.0.0.1:9/items/1\n")
	s := newSession()
	if s.LabOff() == "" {
		t.Fatal("the lab starts on")
	}
	if o := s.CacheLab(sc.parts()); !o.Said || s.LabOff() != "" {
		t.Fatalf("L: %+v, off %q", o, s.LabOff())
	}
	if o := LabClock(10*time.Second)(&s, sc.parts()); !o.Said || o.Status == "" {
		t.Errorf("+10 s says nothing: %+v", o)
	}
	s.CacheLab(sc.parts())
	if s.CacheLab(sc.parts()); s.LabOff() == "" {
		t.Error("a third L leaves the lab on")
	}
}

func TestOutcomeAddKeepsTheLastWord(t *testing.T) {
	ran := 0
	o := said("first", true)
	o.Cmd = func() tea.Msg { ran++; return nil }
	o.add(Outcome{Edited: true})
	if o.Status != "first" || !o.IsErr || !o.Edited {
		t.Errorf("a step that said nothing changed the status: %+v", o)
	}
	o.add(Outcome{Said: true, Cmd: func() tea.Msg { ran++; return nil }})
	if o.Status != "" || o.IsErr {
		t.Errorf("the later status does not win: %+v", o)
	}
	collect(o.Cmd)
	if ran != 2 {
		t.Errorf("%d of 2 commands ran", ran)
	}
}
