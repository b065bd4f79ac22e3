package cli

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui"
)

// A process builds only the commands its arguments can reach; help and
// completion still see every one.
func TestReachableCommands(t *testing.T) {
	tests := []struct {
		args []string
		all  bool
		only string
	}{
		{[]string{"send", "http://x/"}, false, "send"},
		{[]string{"run", "a.http"}, false, "run"},
		{[]string{}, false, ""},
		{[]string{"--version"}, false, ""},
		{[]string{"requests.http"}, false, ""},
		{[]string{"--no-demo", "dir"}, false, ""},
		{[]string{"--help"}, true, ""},
		{[]string{"-h"}, true, ""},
		{[]string{"help", "send"}, true, ""},
		{[]string{"completion", "bash"}, true, ""},
		{[]string{cobra.ShellCompRequestCmd, "se"}, true, ""},
		{[]string{"--config", "c.toml", "send", "http://x/"}, true, ""},
	}
	for _, tt := range tests {
		all, only := reachable(tt.args)
		if all != tt.all || only != tt.only {
			t.Errorf("reachable(%q) = %v, %q; want %v, %q", tt.args, all, only, tt.all, tt.only)
		}
		root := newRootCmd(tt.args)
		n := len(root.Commands())
		switch {
		case tt.all && n != len(subcommands), tt.only != "" && n != 1, !tt.all && tt.only == "" && n != 0:
			t.Errorf("newRootCmd(%q) has %d commands", tt.args, n)
		}
	}
}

func TestHelpListsEveryCommand(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"--config", "c.toml", "--help"}} {
		var out, errOut bytes.Buffer
		if code := run(args, nil, &out, &errOut); code != exitOK {
			t.Fatalf("httplens %q: exit %d, %s", args, code, errOut.String())
		}
		for _, c := range subcommands {
			if !strings.Contains(out.String(), "\n  "+c.name+" ") {
				t.Errorf("httplens %q does not list %s:\n%s", args, c.name, out.String())
			}
		}
	}
	// A command built alone says what it says in the whole tree.
	for _, c := range subcommands {
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "--no-such-flag"}} {
			var alone, whole bytes.Buffer
			run(args, nil, &alone, &alone)
			root := newRootCmd([]string{"--help"})
			root.SetArgs(args)
			root.SetOut(&whole)
			root.SetErr(&whole)
			if err := root.Execute(); err != nil {
				fmt.Fprintf(&whole, "httplens: %s\n", err)
			}
			if alone.String() != whole.String() {
				t.Errorf("httplens %q alone:\n%s\nin the whole tree:\n%s", args, alone.String(), whole.String())
			}
		}
	}
	// The one command built for send still has the root's persistent flags.
	var out, errOut bytes.Buffer
	if code := run([]string{"send", "--help"}, nil, &out, &errOut); code != exitOK || !strings.Contains(out.String(), "--config") {
		t.Errorf("httplens send --help: exit %d, no --config in:\n%s%s", code, out.String(), errOut.String())
	}
}

// Every send reads the settings file; a file without [keys] must not pay for the
// conflict check over every pair of actions (1,732 allocations a run before).
func TestSettingsWithoutKeysAreCheap(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte("[request]\ntimeout = \"5s\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	acts := ui.Actions()
	allocs := testing.AllocsPerRun(20, func() { settings.Open(p, acts) })
	// Defaults alone build a keymap of every action: about two allocations each.
	if limit := float64(3*len(acts) + 100); allocs > limit {
		t.Errorf("settings.Open allocates %.0f times for %d actions; want at most %.0f", allocs, len(acts), limit)
	}
}

// BenchmarkSendSetup is what `httplens send` does before it sends: build its
// command and read an empty settings file (bench/send_vs_curl.sh times the whole process).
func BenchmarkSendSetup(b *testing.B) {
	p := filepath.Join(b.TempDir(), "config.toml")
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		newRootCmd([]string{"send"})
		settings.OpenKeyless(p, ui.Actions)
	}
}

// The TUI binds the demo API's port before its first frame and serves the API
// after it: a request made in between waits and is answered.
func TestLateDemoServesOnceTheFirstFrameIsUp(t *testing.T) {
	later := make(chan struct{})
	d, err := startLateDemo(later)
	if err != nil {
		t.Fatal(err)
	}
	defer d.close()
	type answer struct {
		status int
		err    error
	}
	got := make(chan answer, 1)
	go func() {
		resp, err := http.Get(d.URL() + "/items")
		if err != nil {
			got <- answer{err: err}
			return
		}
		resp.Body.Close()
		got <- answer{status: resp.StatusCode}
	}()
	d.mu.Lock()
	served := d.srv != nil
	d.mu.Unlock()
	if served {
		t.Fatal("the demo API was built before the first frame")
	}
	close(later)
	if a := <-got; a.err != nil || a.status != http.StatusOK {
		t.Fatalf("GET /items: %d, %v", a.status, a.err)
	}
}

// Closed before the first frame, the port is closed and nothing is served.
func TestLateDemoClosedBeforeServing(t *testing.T) {
	later := make(chan struct{})
	d, err := startLateDemo(later)
	if err != nil {
		t.Fatal(err)
	}
	addr := d.ln.Addr().String()
	d.close()
	close(later)
	if c, err := net.Dial("tcp", addr); err == nil {
		c.Close()
		t.Fatalf("%s still accepts connections after close", addr)
	}
}
