package jsonsafe

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode"
	"unicode/utf8"
)

func encode(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := json.NewEncoder(Writer(&b)).Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestEscape(t *testing.T) {
	in := "a\u009b31mb\u202ed\u2066e\u200bf\ufeffg\x7fh\U000e0001i\u00e9\u4e16😀"
	out := encode(t, map[string]string{"v": in})
	want := `{"v":"a\u009b31mb\u202ed\u2066e\u200bf\ufeffg\u007fh\udb40\udc01i` + "\u00e9\u4e16😀" + `"}` + "\n"
	if string(out) != want {
		t.Fatalf("got  %s\nwant %s", out, want)
	}
	var back map[string]string
	if err := json.Unmarshal(out, &back); err != nil || back["v"] != in {
		t.Fatalf("does not decode to the same string: %q %v", back["v"], err)
	}
}

// Whatever the string, the output has no active character and means the same.
func FuzzEscape(f *testing.F) {
	f.Add("plain")
	f.Add("\u009b\u202e\x1b[2J\u200f\u061c")
	f.Fuzz(func(t *testing.T, s string) {
		out := encode(t, []string{s})
		for _, r := range string(out) {
			if active(r) || r < 0x20 && r != '\n' {
				t.Fatalf("%U left in %q", r, out)
			}
		}
		var back []string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatal(err)
		}
		// The same string as encoding/json alone gives.
		plain, _ := json.Marshal([]string{s})
		var want []string
		json.Unmarshal(plain, &want)
		if back[0] != want[0] {
			t.Fatalf("decoded %q, want %q", back[0], want[0])
		}
	})
}

func TestActiveCoversFormat(t *testing.T) {
	for _, r := range []rune{'\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u061c', '\u00ad'} {
		if !active(r) {
			t.Errorf("%U is not escaped", r)
		}
	}
	for _, r := range []rune{'a', 'é', '世', '😀', ' '} {
		if active(r) || !utf8.ValidRune(r) || unicode.Is(unicode.Cf, r) {
			t.Errorf("%U would be escaped", r)
		}
	}
}
