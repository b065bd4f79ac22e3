package ui

import (
	"strings"
	"testing"

	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/uimsg"
)

// The digits pick the response pane's tabs from every pane, as the tour's lessons
// say ("Headers tab (3)"); the request pane's tabs are on alt+digit.
func TestDigitsPickResponseTabsFromAnyPane(t *testing.T) {
	srv := demoServer(t)
	m := openModel(t, Config{DemoURL: srv.URL})
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if m.sess.Exchange().Response == nil || m.sess.Exchange().Response.Status != 200 {
		t.Fatalf("GET: %q", m.status)
	}
	for _, from := range []paneID{paneTree, paneRequest, paneExplain} {
		m.setFocus(from)
		m.resp, _ = m.resp.Update(uimsg.RunAction{ID: actionResponseRaw})
		m, _ = drive(t, m, keyMsg("3"))
		if m.focus != paneResponse || m.resp.Tab() != responsecontent.TabHeaders {
			t.Errorf("3 from pane %d: focus %d, response tab %d; want the response Headers tab", from, m.focus, m.resp.Tab())
		}
		if v := plain(m.View()); !strings.Contains(v, "ETag") {
			t.Errorf("3 from pane %d does not show the response headers:\n%s", from, v)
		}
	}
	m.setFocus(paneRequest)
	m, _ = drive(t, m, keyMsg("alt+2"))
	if m.focus != paneRequest || m.req.Tab() != requestpane.TabBody {
		t.Errorf("alt+2 in the request pane: focus %d, request tab %d; want the request Body tab", m.focus, m.req.Tab())
	}
}

// The response and explain panes show the selected request's own last exchange:
// this session's, or the history's, else an empty state naming it; never the
// previous request's answer.
func TestPanesFollowTheSelectedRequest(t *testing.T) {
	srv := demoServer(t)
	store := openStore(t)
	m := openModel(t, Config{DemoURL: srv.URL, History: store})
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if m.sess.Exchange().Response == nil || m.sess.Exchange().Response.Status != 200 {
		t.Fatalf("GET: %q", m.status)
	}
	resp, expl := plain(m.resp.Title()+"\n"+m.resp.View()), plain(m.expl.Title()+"\n"+m.expl.View())
	if !strings.Contains(resp, "200") || !strings.Contains(expl, "Read item") {
		t.Fatalf("Read item's answer is not shown:\n%s\n%s", resp, expl)
	}

	m = selectRequest(t, m, "Create item with PUT")
	resp, expl = plain(m.resp.Title()+"\n"+m.resp.View()), plain(m.expl.Title()+"\n"+m.expl.View())
	if !strings.Contains(resp, "Not sent yet: ") || !strings.Contains(resp, "Create item") || strings.Contains(resp, "200 OK") {
		t.Errorf("Create item, never sent, shows:\n%s", resp)
	}
	if strings.Contains(expl, "Read item") || m.sess.Exchange().Response != nil {
		t.Errorf("Read item's explanation stays on Create item:\n%s", expl)
	}

	m = selectRequest(t, m, "Read item")
	resp, expl = plain(m.resp.Title()+"\n"+m.resp.View()), plain(m.expl.Title()+"\n"+m.expl.View())
	if strings.Contains(resp, "Not sent yet") || !strings.Contains(resp, "200") || !strings.Contains(expl, "Read item") ||
		m.sess.Exchange().Response == nil || m.sess.Exchange().Response.Status != 200 {
		t.Errorf("Read item's answer did not come back:\n%s\n%s", resp, expl)
	}

	// A new session over the same history shows Read item's stored exchange.
	m2 := openModel(t, Config{DemoURL: srv.URL, History: store})
	m2 = selectRequest(t, m2, "Create item with PUT")
	m2 = selectRequest(t, m2, "Read item")
	resp, expl = plain(m2.resp.Title()+"\n"+m2.resp.View()), plain(m2.expl.Title()+"\n"+m2.expl.View())
	if !strings.Contains(resp, "200") || !strings.Contains(expl, "from the history") || m2.sess.Exchange().Response == nil {
		t.Errorf("a new session does not show Read item's stored exchange:\n%s\n%s", resp, expl)
	}
}
