package responsepane

import (
	"strings"
	"testing"

	rc "github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/styles"
)

func TestLargeBodyRawFirstPrettyAfter(t *testing.T) {
	x := bigExchange(3 << 20)
	c := rc.New(x, styles.New())
	if !c.Pending || c.Tabs[rc.TabPretty].Plain(0) != "formatting…" {
		t.Fatalf("a large body must leave Pretty pending")
	}
	if got := c.Tabs[rc.TabRaw].Plain(0); got != "HTTP/1.1 200 OK" {
		t.Fatalf("raw starts with %q", got)
	}
	p := newPane(100, 20)
	p.SetContent(c)
	p, _ = p.Update(keyMsg("2"))
	if v := plain(p.View()); !strings.Contains(v, "formatting…") {
		t.Fatalf("Pretty does not say it is formatting:\n%s", v)
	}
	cmd := p.StartFormatting()
	if cmd == nil || p.StartFormatting() != nil {
		t.Fatal("want one formatting of the pending body")
	}
	msg := cmd().(PrettyDoneMsg)
	if msg.err != nil {
		t.Fatal(msg.err)
	}
	f, ok := p.TakeFormatted(msg)
	if !ok || f.Old != c || f.New == nil || f.New.Pending || f.Stopped {
		t.Fatalf("formatted: %+v, %v", f, ok)
	}
	if _, again := p.TakeFormatted(msg); again {
		t.Error("a result was taken twice")
	}
	v := plain(p.View())
	for _, want := range []string{"[", `  {`, `    "id": 0,`, "json shown without colours"} {
		if !strings.Contains(v, want) {
			t.Errorf("Pretty lacks %q:\n%s", want, v)
		}
	}
	if c.Pending == false || c.Tabs[rc.TabPretty].Plain(0) != "formatting…" {
		t.Error("the content was changed in place; a search may be reading it")
	}
}

// A formatting finishing while another content is shown leaves that one alone;
// one stopped shows the body it was formatting as received.
func TestFormattingOfAnotherContent(t *testing.T) {
	big := rc.New(bigExchange(1<<20), styles.New())
	small := rc.New(jsonExchange(`{"small":true}`), styles.New())
	p := newPane(100, 20)
	p.SetContent(big)
	cmd := p.StartFormatting()
	p.SetContent(small)
	p.StopFormatting()
	f, ok := p.TakeFormatted(cmd().(PrettyDoneMsg))
	if !ok || !f.Stopped || f.Old != big || p.Content() != small {
		t.Fatalf("formatted %+v, %v; shown %p, small %p", f, ok, p.Content(), small)
	}
	if got := f.New.Tabs[rc.TabPretty].Plain(0); !strings.HasPrefix(got, `[{"id":0`) || f.New.Note != "formatting stopped: shown as received" {
		t.Errorf("stopped Pretty starts %.30q, note %q", got, f.New.Note)
	}
	p.SetContent(big)
	cmd = p.StartFormatting()
	p.DropFormatting()
	if _, ok := p.TakeFormatted(cmd().(PrettyDoneMsg)); ok {
		t.Error("the result of a dropped formatting was taken")
	}
}
