package ui

import (
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
)

// hostile holds what servers and files use to drive a terminal: CSI, OSC 52,
// OSC 8, a title change, C1 controls (UTF-8 and raw) and a bidi override.
const hostile = "\x1b[2J\x1b]52;c;aGk=\x07\x1b]8;;http://x/\x07\x1b]0;t\x07\u009b31m\x9b\u202e"

func TestNothingFromOutsideReachesTheTerminal(t *testing.T) {
	url := rawServer(t, func(c net.Conn) {
		body := "{\"k\":\"" + strings.ReplaceAll(hostile, "\x1b", `\u001b`) + "\"}\n" + hostile
		io.WriteString(c, "HTTP/1.1 200 O"+hostile+"K\r\nX-Evil: a\u009bb\x9bc\u202ed"+
			"\r\nContent-Type: text/plain\r\nContent-Length: "+strconv.Itoa(len(body))+"\r\n\r\n"+body)
	})
	dir := t.TempDir()
	inFile := strings.ToValidUTF8(hostile, "") // a file must be UTF-8 to load
	writeHTTP(t, dir, "evil.http", "### Evil"+inFile+"\n# @name evil\nGET "+url+"/"+"\nX-Req: a\u009bb\u202ec\n")
	writeHTTP(t, dir, "broken"+".http", "### Bad\nGET http://127.0.0.1:1/\n\n\xff\xfe"+hostile)
	tm := loadedModel(t, dir)
	var views []string
	snap := func(what string) { views = append(views, what+"\n"+tm.View()) }
	snap("loaded")
	tm = run(tm, keyMsg("ctrl+r"))
	if m := tm.(Model); m.resp.Content() == nil || m.resp.Content().Status != 200 {
		t.Fatalf("no response: %q\n%s", tm.(Model).status, plain(tm.View()))
	}
	snap("response")
	tm = run(run(tm, keyMsg("tab")), keyMsg("tab")) // to the response pane
	for _, k := range []string{"2", "3", "1", "/"} {
		tm = run(tm, keyMsg(k))
		snap("tab " + k)
	}
	for _, r := range typeText(hostile) {
		tm = run(tm, r)
	}
	snap("search typed")
	tm = run(tm, keyMsg("enter"))
	snap("search done")
	tm = run(tm, keyMsg("esc"))
	tm = run(tm, keyMsg("s"))
	snap("save prompt")
	tm = run(tm, keyMsg("esc"))
	tm = run(tm, keyMsg("?"))
	snap("help")
	for _, v := range views {
		what, text, _ := strings.Cut(v, "\n")
		checkSafe(t, what, text)
	}
	// Each step must have shown something new, or the views checked above were
	// not the ones the steps produced. The labels are cut off first: they differ
	// even when the views do not.
	for i := 1; i < len(views); i++ {
		what, text, _ := strings.Cut(views[i], "\n")
		_, before, _ := strings.Cut(views[i-1], "\n")
		if text == before {
			t.Errorf("step %q left the view as it was", what)
		}
	}
	if _, last, _ := strings.Cut(views[len(views)-1], "\n"); !strings.Contains(plain(last), "closes this help") {
		t.Errorf("the last view is not the help overlay:\n%s", plain(last))
	}
	if !strings.Contains(views[0], "✗ ") || !strings.Contains(views[0], "broken.http") {
		t.Errorf("the failed file is not listed in the tree:\n%s", views[0])
	}
}
