package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const keyEsc = "\x1b"

// etagOnScreen is the ETag the request pane says is known for its URL.
var etagOnScreen = regexp.MustCompile(`ETag ("[^"]+")`)

func TestTUIEditing(t *testing.T) {
	bin := testBinary(t)
	t.Run("build a conditional PUT from a GET's ETag: 204, stale 412, then DELETE 204", func(t *testing.T) {
		testConditionalPut(t, bin)
	})
	t.Run("$EDITOR rewrites the body", func(t *testing.T) {
		testExternalEditor(t, bin)
	})
}

func knownETag(t *testing.T, scr string) string {
	t.Helper()
	m := etagOnScreen.FindStringSubmatch(scr)
	if m == nil {
		t.Fatalf("no known ETag on screen:\n%s", scr)
	}
	return m[1]
}

func testConditionalPut(t *testing.T, bin string) {
	s := startTUI(t, bin, t.TempDir(), 160, 45)
	s.waitText("Opened the built-in tour")
	s.send("/Read item" + keyEnter)
	s.waitText("› GET    Read item")
	s.send(keyEnter)
	s.waitText("› Accept: application/json") // the request pane has the focus
	s.send(keyCtrlR)
	tag1 := knownETag(t, s.waitText("Response 200 OK", "[Headers]", "ETag \""))

	// GET -> POST -> PUT, a JSON body typed in the body tab, If-Match from the GET.
	s.send("mm")
	s.send("\x1b2") // alt+2: the request Body tab
	s.waitText("[Body]")
	s.send("t" + keyEnter)
	s.waitText("editing · esc done")
	s.send(`{"name": "from e2e"}`)
	s.waitText(`{"name": "from e2e"}█`)
	s.send(keyEsc)
	s.waitText("Content-Type: JSON · t type")
	s.send("i")
	s.waitText("If-Match: "+tag1, "● unsaved", "PUT {{demo}}/items/1")
	s.send(keyCtrlR)
	scr := s.waitText("Response 204 No Content", "PUT Read item → 204")
	tag2 := knownETag(t, scr)
	if tag2 == tag1 {
		t.Fatalf("the PUT did not give a new ETag: %s", tag2)
	}

	// The same request again still says If-Match: tag1, which is stale now.
	s.send(keyCtrlR)
	s.waitText("Response 412 Precondition Failed", "If-Match failed", "Press R to re-read")

	// Re-read, cancel the three-way view, and DELETE with the ETag the re-read found.
	s.send("R")
	s.waitText("version now has ETag "+tag2, "y send yours")
	s.send("n")
	s.waitFor("the retry dialog to close", func(scr string) bool { return !strings.Contains(scr, "y send yours") })
	s.send("mmi")
	s.waitText("DELETE {{demo}}/items/1", "If-Match: "+tag2)
	s.send(keyCtrlR)
	scr = s.waitText("Response 204 No Content", "DELETE Read item → 204")
	if strings.Contains(scr, "ETag \"") && etagOnScreen.FindStringSubmatch(scr)[1] == tag2 {
		t.Errorf("the deleted item's ETag is still shown as known:\n%s", scr)
	}

	// Copy the raw response: one OSC 52 write reaches the terminal.
	s.send(keyTab + "Y")
	s.waitText("Copied the raw response")
	s.mu.Lock()
	writes := s.clipboardWrites
	s.mu.Unlock()
	if writes != 1 {
		t.Errorf("clipboard writes: %d, want 1", writes)
	}

	// Quitting with the unsaved edit asks first.
	s.send(keyTab + keyTab + keyTab + "q")
	s.waitText("1 request has unsaved edits")
	s.send("y")
	s.waitExit()
}

func testExternalEditor(t *testing.T, bin string) {
	script := filepath.Join(t.TempDir(), "editor.sh")
	body := `{"name": "written by the editor"}`
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s\\n' '"+body+"' > \"$1\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", script)
	s := startTUI(t, bin, t.TempDir(), 140, 40)
	s.waitText("Opened the built-in tour")
	s.send("/Update item if" + keyEnter)
	s.waitText("› PUT    Update item if unchanged")
	s.send(keyEnter)
	s.waitText("› Content-Type: application/json") // the request pane has the focus
	s.send("\x1b2")                                // alt+2: the request Body tab
	s.waitText(`{"name": "notebook (blue)"}`, "e $EDITOR")
	s.send("e")
	s.waitText("Body updated from the editor", body, "● unsaved")
	s.send(keyCtrlR)
	s.waitText("Response 204 No Content")
	s.send("q")
	s.waitText("unsaved edits")
	s.send("y")
	s.waitExit()
}
