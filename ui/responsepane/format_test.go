package responsepane

import (
	"context"
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
	msg := prettyCmd(context.Background(), 1, c.Kind, c.Body, false, styles.New())().(PrettyDoneMsg)
	if msg.err != nil {
		t.Fatal(msg.err)
	}
	p.SetPretty(msg.tab, msg.note)
	v := plain(p.View())
	for _, want := range []string{"[", `  {`, `    "id": 0,`, "json shown without colours"} {
		if !strings.Contains(v, want) {
			t.Errorf("Pretty lacks %q:\n%s", want, v)
		}
	}
	if c.Pending == false || c.Tabs[rc.TabPretty].Plain(0) != "formatting…" {
		t.Error("SetPretty changed the content in place; a search may be reading it")
	}
}
