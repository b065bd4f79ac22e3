package responsepane

import (
	"strings"
	"testing"

	"github.com/httplens/httplens/history"
	rc "github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uimsg"
)

// The History tab asks for its rows once per request, again when told they are
// stale, and never while another tab is shown or the history is off.
func TestLoadHistoryOncePerRequest(t *testing.T) {
	p := newPane(80, 12)
	if p.LoadHistory("a") {
		t.Fatal("loads while the Raw tab is shown")
	}
	p, _ = p.Update(uimsg.RunAction{ID: ActionHistory})
	if !p.LoadHistory("a") || p.LoadHistory("a") {
		t.Fatal("want one load for request a")
	}
	if !strings.Contains(plain(p.View()), "Reading the history") {
		t.Errorf("no loading state:\n%s", plain(p.View()))
	}
	p.SetHistoryRows("a", []history.Summary{{ID: 7, Status: 200}}, nil)
	if v := plain(p.View()); !strings.Contains(v, "1 stored") {
		t.Errorf("rows not shown:\n%s", v)
	}
	p.HistoryStale("b")
	if p.LoadHistory("a") {
		t.Error("another request's new exchange reloaded a's rows")
	}
	p.HistoryStale("b", "a")
	if !p.LoadHistory("a") {
		t.Error("a's new exchange did not reload its rows")
	}
	if !p.LoadHistory("b") {
		t.Error("another request did not load its own rows")
	}
	p.SetHistoryOff(true, "disk \x1b[2Jfull")
	if p.LoadHistory("c") {
		t.Error("loads with the history off")
	}
	if v := p.View(); !strings.Contains(v, "disk ␛[2Jfull") || strings.Contains(v, "\x1b[2J") {
		t.Errorf("why the history is off is not shown escaped:\n%s", v)
	}
}

// Clear keeps the tab chosen (the Tests tab stays for the answer to come),
// names the request, and turns the copy keys off.
func TestClearKeepsTheTab(t *testing.T) {
	c := rc.New(jsonExchange(`{"a":1}`), styles.New())
	c.HasTests = true
	p := newPane(80, 12)
	p.SetContent(c)
	p.SetCopyable(true)
	p, _ = p.Update(uimsg.RunAction{ID: ActionTests})
	p.Clear("GET Read item")
	if p.Tab() != rc.TabTests || p.Content() != nil {
		t.Errorf("tab %d, content %v", p.Tab(), p.Content())
	}
	if v := plain(p.View()); !strings.Contains(v, "Not sent yet: GET Read item") {
		t.Errorf("view:\n%s", v)
	}
	if p.KeyMap().Get(ActionCopyBody).Enabled() {
		t.Error("copy is on with nothing to copy")
	}
	p.SetContent(c)
	if strings.Contains(plain(p.View()), "Not sent yet") {
		t.Error("a response shown still says not sent yet")
	}
}
