package cli

import "testing"

// TestTUITestsTabWraps: a test's message longer than the response pane is wide
// goes on over the next lines, inside the pane, and is laid out again when the
// terminal narrows: its last words are on the screen (they were cut at the
// pane's edge before).
func TestTUITestsTabWraps(t *testing.T) {
	bin := testBinary(t)
	dir := t.TempDir()
	writeE2EFile(t, dir, "wrap.http", `### Item
GET {{demo}}/items/1

> {%
  client.test("the item has the name the import gave it", () =>
    client.assert(false, "expected the name written by the importer but found another one instead, which means the import step did not run: endofthemessage"));
%}
`)
	s := startTUI(t, bin, dir, 110, 40)
	s.waitText("Item")
	s.send(keyCtrlR)
	s.waitText("Response 200 OK", "tests: 0 passed, 1 failed")
	s.send(keyTab + keyTab + "7") // the Tests tab
	s.waitText("[Tests]", "FAIL  the item has the name", "endofthemessage")
	s.resize(80, 40)
	s.waitText("[Tests]", "FAIL  the item has the name", "endofthemessage")
	s.quit()
}
