package cli

import (
	"strings"
	"testing"
)

// TestTUIMergeAfter412 runs the binary under a pty against its own demo API: a
// read, somebody else's write, then your write quoting the old ETag gets 412;
// R re-reads and shows the three-way view with the merge; m sends it with the
// server's current ETag (204), and a fresh read shows both changes.
func TestTUIMergeAfter412(t *testing.T) {
	bin := testBinary(t)
	dir := t.TempDir()
	writeE2EFile(t, dir, "merge.http", `### Read
# @name read
GET {{demo}}/items/1

### Other writer
PUT {{demo}}/items/1
Content-Type: application/json
If-Match: {{read.response.headers.ETag}}

{"id":1,"name":"notebook","color":"red"}

### Mine
PUT {{demo}}/items/1
Content-Type: application/json
If-Match: {{read.response.headers.ETag}}

{"name":"notebook (blue)"}

### Check
GET {{demo}}/items/1
`)
	s := startTUI(t, bin, dir, 140, 44)
	s.waitText("Request · Read ")
	steps := []struct{ title, status string }{{"Read", "200"}, {"Other writer", "204"}, {"Mine", "412"}}
	for i, st := range steps {
		if i > 0 {
			s.send("j")
			s.waitText("Request · " + st.title + " ")
		}
		s.send(keyCtrlR)
		s.waitText("Response " + st.status + " ")
	}
	s.waitText("412: If-Match failed", "Press R to re-read")
	s.send("R")
	s.waitFor("the three-way view with the merge", func(scr string) bool {
		words := strings.Join(strings.Fields(scr), " ")
		return strings.Contains(words, `color: (none) → "red" · (none) (the server added it)`) &&
			strings.Contains(words, `Merged: {"color":"red","name":"notebook (blue)"}`) &&
			strings.Contains(words, "m send the merge")
	})
	s.send("m")
	s.waitText("Response 204 ")
	s.send("j")
	s.waitText("Request · Check ")
	s.send(keyCtrlR)
	s.waitText("Response 200 ", `{"color":"red","name":"notebook (blue)"}`)
	// The merge is an unsaved edit of Mine: q asks first.
	s.send("q")
	s.waitText("quit without saving")
	s.send("y")
	s.waitExit()
}
