package flight

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
)

// A request that cannot be sent says why, naming the file and line of its
// first error; what comes from the file is escaped for the terminal.
func TestUnsendable(t *testing.T) {
	if why := Unsendable(nil, ""); !strings.Contains(why, "No request selected") {
		t.Errorf("nil: %q", why)
	}
	c := load(t, "### Good\nGET http://127.0.0.1/\n\n### Broken\nGET http://127.0.0.1/\nno colon here\n")
	if why := Unsendable(find(t, c, "Good"), "Good"); why != "" {
		t.Errorf("good: %q", why)
	}
	why := Unsendable(find(t, c, "Broken"), "Broken\x1b[2J")
	if !strings.HasPrefix(why, "Cannot send Broken") || !strings.Contains(why, "c.http:6") {
		t.Errorf("broken: %q", why)
	}
	if strings.ContainsRune(why, '\x1b') {
		t.Errorf("raw escape reaches the status line: %q", why)
	}
}

// The plan sends first the named requests the session has no response of,
// and says so in its label.
func TestPlanOf(t *testing.T) {
	c := load(t, "### Login\n# @name login\nPOST http://127.0.0.1/login\n\n"+
		"### Me\nGET http://127.0.0.1/me\nAuthorization: {{login.response.headers.Token}}\n")
	me := find(t, c, "Me")
	p := PlanOf(me, "Me", c, nil)
	if len(p.Chain) != 2 || p.Chain[0].Name != "login" || p.Chain[1] != me || p.Label != "GET Me (first login)" {
		t.Errorf("without a response: %q %d", p.Label, len(p.Chain))
	}
	p = PlanOf(me, "Me", c, map[string]collections.Response{"login": {}})
	if len(p.Chain) != 1 || p.Label != "GET Me" {
		t.Errorf("with a response: %q %d", p.Label, len(p.Chain))
	}
}

// Later resolves with the responses as they were when it was made: the
// model's map may change before the command runs.
func TestLaterCopiesTheResponses(t *testing.T) {
	c := load(t, "### Get\nGET http://127.0.0.1/{{prev.response.headers.X}}\n")
	last := map[string]collections.Response{"prev": {Headers: []collections.Header{{Name: "X", Value: "then"}}}}
	resolve := Later(Resolver{}.Resolve(), find(t, c, "Get"), last)
	last["prev"] = collections.Response{Headers: []collections.Header{{Name: "X", Value: "now"}}}
	if got, err := resolve(); err != nil || got.URL != "http://127.0.0.1/then" {
		t.Errorf("%q %v", got.URL, err)
	}
}

func TestKeepStoresTheNamedResponses(t *testing.T) {
	body := func(s string) collections.Response { return collections.Response{Body: []byte(s)} }
	last := map[string]collections.Response{"a": body("old a"), "b": body("b")}
	ResponseMsg{Kept: []Kept{{Name: "a", Resp: body("new a")}, {Name: "c", Resp: body("c")}}}.Keep(last)
	if string(last["a"].Body) != "new a" || string(last["b"].Body) != "b" || string(last["c"].Body) != "c" {
		t.Errorf("%+v", last)
	}
}

// A run is a flight: busy until its result ends it, cancelled by the next
// one, whose result alone counts.
func TestRunIsAFlight(t *testing.T) {
	f := New()
	var ctx1 context.Context
	var id1 int
	f.Run("checks of GET a", func(ctx context.Context, id int) tea.Cmd {
		ctx1, id1 = ctx, id
		return nil
	})
	if !f.Busy() || f.Label() != "checks of GET a" {
		t.Fatalf("busy %v label %q", f.Busy(), f.Label())
	}
	var id2 int
	f.Run("checks of GET b", func(_ context.Context, id int) tea.Cmd { id2 = id; return nil })
	if ctx1.Err() == nil {
		t.Error("the first run is not cancelled")
	}
	if f.End(id1) || !f.Busy() {
		t.Error("the first run's result ends the second")
	}
	if !f.End(id2) || f.Busy() {
		t.Error("the second run's result does not end it")
	}
}
