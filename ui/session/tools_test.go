package session

import (
	"strings"
	"testing"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/checks"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/tree"
)

// C runs the live checks of the request shown against a real server: a flight
// esc can stop, whose answer opens for its request and turns K on for it only.
func TestCheckAnswersTurnKOnForItsRequest(t *testing.T) {
	var sv server
	url := sv.start(t)
	sc := newScreen(t, "### Read\nGET "+url+"/items/1\n\n### Other\nGET "+url+"/items/2\n")
	read := sc.show(t, "Read")
	s := New(Config{Client: requests.NewClient(requests.Options{}), Styles: styles.New(), Keys: Keys{Check: "C", Preflight: "P", Answers: "K"}})
	o := s.Check(sc.parts())
	if o.Cmd == nil || !s.Cancellable() {
		t.Fatalf("C started nothing: %+v", o)
	}
	var done bool
	for _, msg := range collect(o.Cmd) {
		if _, ok := msg.(checks.CheckDone); ok {
			done = true
		}
		if got, ok := s.Handle(msg, sc.parts()); ok && done {
			o = got
		}
	}
	if !done || s.Cancellable() || !o.Said || sc.dlg.Kind() != dialogs.Text {
		t.Fatalf("C ended: done %v, cancellable %v, %+v, dialog %v", done, s.Cancellable(), o, sc.dlg.Kind())
	}
	if _, answers := s.Hints(tree.RequestKey(read)); !answers {
		t.Error("K is off for the request C answered")
	}
	other := sc.show(t, "Other")
	if _, answers := s.Hints(tree.RequestKey(other)); answers {
		t.Error("K is on for a request C never ran for")
	}
	if o := s.AnswersOpen(sc.parts()); !o.Said || !strings.Contains(o.Status, "C runs the checks") {
		t.Errorf("K on a request without answers: %+v", o)
	}
}

func TestCookiesOffSaysSo(t *testing.T) {
	sc := newScreen(t, "### Read\nGET http://127.0.0.1:9/items/1\n")
	s := newSession()
	if o := s.CookiesOpen(sc.parts()); !o.Said || o.Status == "" || sc.dlg.IsOpen() {
		t.Errorf("ctrl+k with cookies off: %+v, dialog %v", o, sc.dlg.Kind())
	}
}

// Saving a body needs a body; the prompt opens for the one shown.
func TestSavePromptNeedsABody(t *testing.T) {
	var sv server
	url := sv.start(t)
	sc := newScreen(t, "### Read\nGET "+url+"/items/1\n")
	sc.show(t, "Read")
	s := newSession()
	if o, ok := s.Handle(responsepane.SaveBodyMsg{}, sc.parts()); !ok || !o.IsErr || o.Status != "No body to save." {
		t.Errorf("s before any response: %+v", o)
	}
	land(t, &s, sc, s.Send(sc.parts()))
	if _, ok := s.Handle(responsepane.SaveBodyMsg{}, sc.parts()); !ok || sc.dlg.Kind() != dialogs.SaveBody {
		t.Errorf("s after a response: dialog %v", sc.dlg.Kind())
	}
}

func TestVariablesOpenATextView(t *testing.T) {
	sc := newScreen(t, "### Read\nGET http://127.0.0.1:9/items/1\n")
	s := New(Config{Vars: map[string]string{"id": "7"}, Styles: styles.New()})
	s.Variables(sc.parts())
	if sc.dlg.Kind() != dialogs.Text {
		t.Errorf("V opened %v", sc.dlg.Kind())
	}
}
