package collections

import (
	"strings"
	"testing"
)

// TestNotesSayWhoRunsScripts: a script's note names its place and who runs it
// (the TUI and httplens run do; httplens send does not).
func TestNotesSayWhoRunsScripts(t *testing.T) {
	f, err := Parse("api.http", []byte("GET http://127.0.0.1/\n\n> {% client.log(1) %}\n"))
	if err != nil {
		t.Fatal(err)
	}
	notes := f.Requests[0].Notes()
	if len(notes) != 1 {
		t.Fatalf("notes %q", notes)
	}
	for _, want := range []string{"api.http:3: response handler (inline) not run by httplens send", "the TUI and httplens run run it"} {
		if !strings.Contains(notes[0], want) {
			t.Errorf("note %q lacks %q", notes[0], want)
		}
	}
}
