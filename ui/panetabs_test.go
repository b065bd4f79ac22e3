package ui

import (
	"strings"
	"testing"
)

// The digits pick the response pane's tabs from every pane, as the tour's lessons
// say ("Headers tab (3)"); the request pane's tabs are on alt+digit.
func TestDigitsPickResponseTabsFromAnyPane(t *testing.T) {
	srv := demoServer(t)
	m := openModel(t, Config{DemoURL: srv.URL})
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if m.lastX.Response == nil || m.lastX.Response.Status != 200 {
		t.Fatalf("GET: %q", m.status)
	}
	for _, from := range []paneID{paneTree, paneRequest, paneExplain} {
		m.setFocus(from)
		m.resp.tab = tabRaw
		m, _ = drive(t, m, keyMsg("3"))
		if m.focus != paneResponse || m.resp.tab != tabHeaders {
			t.Errorf("3 from pane %d: focus %d, response tab %d; want the response Headers tab", from, m.focus, m.resp.tab)
		}
		if v := plain(m.View()); !strings.Contains(v, "ETag") {
			t.Errorf("3 from pane %d does not show the response headers:\n%s", from, v)
		}
	}
	m.setFocus(paneRequest)
	m, _ = drive(t, m, keyMsg("alt+2"))
	if m.focus != paneRequest || m.req.tab != reqTabBody {
		t.Errorf("alt+2 in the request pane: focus %d, request tab %d; want the request Body tab", m.focus, m.req.tab)
	}
}
