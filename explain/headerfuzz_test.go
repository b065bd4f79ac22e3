package explain

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzHeaderNotes feeds any value to every field parser httplens knows (and to the
// fuzzed name itself), in responses of any status to any URL: a note must come back,
// complete and without a panic.
func FuzzHeaderNotes(f *testing.F) {
	f.Add("Cache-Control", "max-age=60, private=\"Set-Cookie\"", 200, "http://h/a")
	f.Add("Set-Cookie", "a=b; Expires=Wed, 01 May 2024 13:00:00 GMT; Max-Age=-0; Domain=.h", 200, "https://h/")
	f.Add("Link", "<a,b>; rel=\"next\", <", 301, "http://[::1]:80/")
	f.Fuzz(func(t *testing.T, name, value string, status int, url string) {
		x := Exchange{
			Request:  &Request{Method: "GET", URL: url},
			Response: Response{Status: status, Fields: []Field{{Name: name, Value: value}, {Name: "Date", Value: value}, {Name: "Vary", Value: value}}},
			Received: received, Now: received,
		}
		valid := utf8.ValidString(name) && utf8.ValidString(value) && utf8.ValidString(url)
		for _, n := range append(HeaderNames(), name) {
			note := NoteFor(Field{Name: n, Value: value}, x)
			checkNote(t, note, n, value, valid)
		}
		x.Request = nil
		for _, note := range HeaderNotes(x) {
			checkNote(t, note, note.Name, note.Value, valid)
		}
	})
}

// checkNote asserts what every note promises. validInput says the name, value and
// URL were valid UTF-8, so every line must be too.
func checkNote(t *testing.T, n HeaderNote, name, value string, validInput bool) {
	t.Helper()
	if n.Name != name || n.Value != value {
		t.Fatalf("note for %q: %q changed the field to %q: %q", name, value, n.Name, n.Value)
	}
	if n.Parsed == nil || n.Warnings == nil || n.Refs == nil || n.Meaning == "" || len(n.Refs) == 0 {
		t.Fatalf("incomplete note %+v", n)
	}
	_, known := lookupHeader(name)
	if n.Known != known {
		t.Fatalf("Known = %v for %q", n.Known, name)
	}
	for _, l := range append(append([]string{}, n.Parsed...), n.Warnings...) {
		if strings.TrimSpace(l) == "" {
			t.Fatalf("empty line in note %+v", n)
		}
		if validInput && !utf8.ValidString(l) {
			t.Fatalf("valid input gave invalid UTF-8 %q", l)
		}
	}
}
