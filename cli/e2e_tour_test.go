package cli

import (
	"strings"
	"testing"

	"github.com/httplens/httplens/collections"
)

// TestTUIFollowsTheTour follows the ETag lesson of the built-in tour in the real
// binary under a pty, from a fresh start, as its text says: each request is
// selected in turn (down), its lesson is on screen, ctrl+r sends it, and the
// answer is the one its `# @expect status` promises. Where the lesson says to
// press R (after the 428), the test does, and the PUT then goes through. At the
// end ctrl+t starts the tour over.
func TestTUIFollowsTheTour(t *testing.T) {
	bin := testBinary(t)
	tour, err := collections.Tour()
	if err != nil {
		t.Fatal(err)
	}
	s := startTUI(t, bin, t.TempDir(), 140, 44)
	s.waitText("Opened the built-in tour", "Reset the demo")
	for i, r := range tour.Files[0].Requests {
		if i > 0 {
			s.send("j")
		}
		lesson := strings.Join(strings.Fields(r.Lesson)[:3], " ")
		s.waitFor("request "+r.Title+" selected with its lesson", func(scr string) bool {
			return strings.Contains(scr, "Request · "+r.Title+" ") && strings.Contains(strings.Join(strings.Fields(scr), " "), lesson)
		})
		want := ""
		for _, d := range r.Directives {
			if code, ok := strings.CutPrefix(d.Value, "status "); ok && d.Name == "expect" {
				want = code
			}
		}
		s.send(keyCtrlR)
		scr := s.waitText("Response " + want + " ")
		switch want {
		case "412":
			s.waitText("412: If-Match failed", "Press R to re-read")
		case "428":
			s.waitText("428 Precondition Required", "Press R to read the resource")
			s.send("R")
			scr = s.waitText("If-Match: \"", "added: ETag from GET /strict/items/2")
			s.send(keyCtrlR)
			s.waitText("Response 204 ")
		}
		if strings.Contains(scr, "Request failed") {
			t.Fatalf("%s: %s", r.Title, scr)
		}
	}
	s.send("\x14") // ctrl+t
	s.waitText("Started over: the demo answered 204")
	// R left an unsaved If-Match on the strict PUT (the tour is read-only): q asks.
	s.send("q")
	s.waitText("quit without saving")
	s.send("y")
	s.waitExit()
}
