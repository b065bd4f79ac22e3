package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// send --json writes nothing a terminal acts on: C1 controls, bidi overrides and
// format characters from header values come out as \u escapes.
func TestSendJSONEscapesActiveCharacters(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-C1", "a\u009b31mb\u202ed\u2066e\u200bf")
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "body \u202e reversed \u0085 next\n")
	}))
	t.Cleanup(srv.Close)
	code, out, errOut := cli(t, "send", "--json", "--no-history", srv.URL+"/")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, r := range out {
		if r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200b {
			t.Fatalf("%U written raw:\n%s", r, out)
		}
	}
	for _, esc := range []string{`a\u009b31mb\u202ed\u2066e\u200bf`, `body \u202e reversed \u0085 next`} {
		if !strings.Contains(out, esc) {
			t.Errorf("%s missing from:\n%s", esc, out)
		}
	}
	decodeSend(t, out) // still valid JSON
}
