package termbg

import "testing"

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
