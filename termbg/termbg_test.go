package termbg

import (
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in             string
		dark, ok, done bool
	}{
		{"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;c", true, true, true},
		{"\x1b]11;rgb:ffff/ffff/ffff\x07", false, true, true},
		{"\x1b]11;rgb:fd/f6/e3\x1b\\", false, true, true}, // solarized light, 2 digits
		{"\x1b]11;rgb:1e1e/1e1e/2e2e\x1b\\", true, true, true},
		{"\x1b[?1;2c", false, false, true}, // no OSC 11 support: DA1 alone
		{"\x1b]11;rgb:ffff/ff", false, false, false},
		{"", false, false, false},
		{"\x1b]11;rgb:zz/00/00\x07\x1b[?6c", false, false, true},
	}
	for _, tt := range tests {
		dark, ok, done := Parse([]byte(tt.in))
		if dark != tt.dark || ok != tt.ok || done != tt.done {
			t.Errorf("Parse(%q) = %v %v %v, want %v %v %v", tt.in, dark, ok, done, tt.dark, tt.ok, tt.done)
		}
	}
}

// dark runs Dark on a pseudo-terminal whose other end answers the query with
// reply (nothing when empty), and returns its result.
func dark(t *testing.T, reply string, timeout time.Duration) (bool, bool) {
	t.Helper()
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pseudo-terminal:", err)
	}
	defer ptm.Close()
	defer tty.Close()
	go func() {
		// The terminal's side: wait for the whole query, then answer.
		var got []byte
		b := make([]byte, 64)
		for !strings.HasSuffix(string(got), "\x1b[c") {
			n, err := ptm.Read(b)
			if err != nil {
				return
			}
			got = append(got, b[:n]...)
		}
		if reply != "" {
			ptm.WriteString(reply)
		}
	}()
	return Dark(tty, tty, timeout)
}

func TestDarkReadsTheTerminalsAnswer(t *testing.T) {
	for _, tt := range []struct {
		reply    string
		dark, ok bool
	}{
		{"\x1b]11;rgb:1e1e/1e1e/2e2e\x1b\\\x1b[?62;c", true, true},
		{"\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?62;c", false, true},
		{"\x1b[?1;2c", false, false}, // DA1 alone: no OSC 11 support
	} {
		if d, ok := dark(t, tt.reply, 5*time.Second); d != tt.dark || ok != tt.ok {
			t.Errorf("reply %q: Dark = %v %v, want %v %v", tt.reply, d, ok, tt.dark, tt.ok)
		}
	}
}

// A terminal that says nothing costs the timeout, and the answer is "not known".
func TestDarkGivesUpAtTheTimeout(t *testing.T) {
	if d, ok := dark(t, "", 50*time.Millisecond); d || ok {
		t.Errorf("Dark = %v %v without an answer, want false false", d, ok)
	}
}
