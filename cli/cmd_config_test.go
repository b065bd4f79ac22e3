package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui"
)

func TestConfigDefaults(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"config", "--defaults"}, nil, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !bytes.Equal(out.Bytes(), settings.DefaultFile(ui.Actions())) {
		t.Fatal("config --defaults does not print settings.DefaultFile")
	}
	// What it prints is a settings file that loads without a problem.
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, out.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := run([]string{"config", "--config", path}, nil, &out, &errOut); code != exitOK ||
		out.String() != path+" (ok)\n" {
		t.Fatalf("exit %d, out %q, err %q", code, out.String(), errOut.String())
	}
}

func TestConfigCheck(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	text := "[request]\ntimeout = \"soon\"\n[keys]\nsned = \"ctrl+r\"\n"
	if err := os.WriteFile(bad, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		env    string
		code   int
		out    string
		errHas []string
	}{
		{"problems are listed with line and key", []string{"config", "--config", bad}, "", exitUsage, bad + "\n",
			[]string{bad + ":2: request.timeout: \"soon\" is not allowed", bad + ":4: keys.sned: unknown key",
				"2 problem(s) in " + bad}},
		{"the environment names the file", []string{"config"}, bad, exitUsage, bad + "\n",
			[]string{bad + ":2: request.timeout"}},
		{"a missing file asked for is an error", []string{"config", "--config", filepath.Join(dir, "none.toml")}, "",
			exitUsage, "", []string{"none.toml: no such file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(settings.EnvPath, tt.env)
			var out, errOut bytes.Buffer
			code := run(tt.args, nil, &out, &errOut)
			if code != tt.code || out.String() != tt.out {
				t.Errorf("exit %d, out %q; want %d, %q", code, out.String(), tt.code, tt.out)
			}
			for _, want := range tt.errHas {
				if !strings.Contains(errOut.String(), want) {
					t.Errorf("stderr does not say %q:\n%s", want, errOut.String())
				}
			}
		})
	}
}

func TestConfigWithoutAFile(t *testing.T) {
	t.Setenv(settings.EnvPath, "")
	var out, errOut bytes.Buffer
	code := run([]string{"config"}, nil, &out, &errOut)
	// The XDG folder is the machine's (read from the environment): without a file
	// there, the defaults apply and all is well.
	if code != exitOK || !strings.HasSuffix(out.String(), "(no file: every setting is at its default)\n") {
		if _, err := os.Stat(strings.Fields(out.String())[0]); err == nil {
			t.Skip("this machine has a settings file in its XDG config folder")
		}
		t.Fatalf("exit %d, out %q, err %q", code, out.String(), errOut.String())
	}
}
