package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTUIHistory(t *testing.T) {
	bin := testBinary(t)
	t.Run("read, PUT, read again: History diffs the two reads and the changed ETag stands out", func(t *testing.T) {
		testHistoryDiff(t, bin)
	})
}

// openTourRequest goes back to the tree, filters it down to title and opens it.
func openTourRequest(s *tuiSession, title, row string) {
	s.t.Helper()
	s.send("/" + title + keyEnter)
	s.waitText(row)
	s.send(keyEnter)
	s.waitText("Request · " + title)
}

func testHistoryDiff(t *testing.T, bin string) {
	// Its own database, so that only this test's exchanges are listed; TestMain's
	// HTTPLENS_HISTORY keeps every other run of the binary away from the user's.
	db := filepath.Join(t.TempDir(), "history.db")
	s := startTUI(t, bin, t.TempDir(), 160, 45, "--history", db)
	s.waitText("Opened the built-in tour")

	openTourRequest(s, "Read item", "› GET    Read item")
	s.send(keyCtrlR)
	tag1 := knownETag(t, s.waitText("Response 200 OK", "GET Read item → 200"))

	s.send(keyTab + keyTab + keyTab + keyEsc) // back to the tree; esc clears its filter
	s.waitFor("the filter to clear", func(scr string) bool { return !strings.Contains(scr, "filter: Read item") })
	openTourRequest(s, "Update item if unchanged", "› PUT    Update item if unchanged")
	s.waitText("unsafe · idempotent · not cacheable")
	s.send(keyCtrlR)
	s.waitText("Response 204 No Content", "PUT Update item if unchanged → 204")

	s.send(keyTab + keyTab + keyTab + keyEsc)
	s.waitFor("the filter to clear", func(scr string) bool { return !strings.Contains(scr, "filter: Update") })
	openTourRequest(s, "Read item", "› GET    Read item")
	s.send(keyCtrlR)
	tag2 := knownETag(t, s.waitText("Response 200 OK", "GET Read item → 200"))
	if tag2 == tag1 {
		t.Fatalf("the PUT did not change the ETag: %s", tag1)
	}

	s.send(keyTab + "5") // the response pane's History tab
	s.waitText("[History]", "2 stored", tag1, tag2)
	s.send(" ")
	s.waitText("(1/2)")
	s.send("j ")
	s.waitText("Why they differ", "! ETag changed: "+tag1+" → "+tag2,
		"-! Etag: "+tag1, "+! Etag: "+tag2, `+    "name": "notebook (blue)"`)
	s.send(keyEsc)
	s.waitFor("the diff to close", func(scr string) bool { return !strings.Contains(scr, "Why they differ") })
	s.quit()
	if _, err := os.Stat(db); err != nil {
		t.Errorf("--history %s was not used: %v", db, err)
	}
}
