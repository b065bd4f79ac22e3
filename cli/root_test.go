package cli

import (
	"bytes"
	"strings"
	"testing"
)

func TestVersionAndUnknownWord(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"--version"}, exitOK, "httplens " + version + "\n", ""},
		{[]string{"version"}, exitOK, "httplens " + version + "\n", ""},
		{[]string{"nosuchcmd"}, exitUsage, "", "httplens: no command or file named nosuchcmd; see httplens --help\n"},
		{[]string{"no/such/file.http"}, exitUsage, "", "httplens: no command or file named no/such/file.http; see httplens --help\n"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		code := run(tt.args, nil, &out, &errOut)
		if code != tt.code || out.String() != tt.out || errOut.String() != tt.err {
			t.Errorf("httplens %s: code %d, out %q, err %q; want %d %q %q",
				strings.Join(tt.args, " "), code, out.String(), errOut.String(), tt.code, tt.out, tt.err)
		}
	}
}
