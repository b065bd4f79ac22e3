package cli

import (
	"image/color"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// startTUIAnswering is startTUI under a terminal whose background is bg and
// whose replies to the program's queries reach it delay late (a slow link).
func startTUIAnswering(t *testing.T, bin, dir string, bg color.Color, delay time.Duration, args ...string) *tuiSession {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	// CI makes termenv treat every output as not a terminal (no colours); a
	// person at this terminal has no CI variable.
	base := slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "CI=") })
	cmd.Env = append(base, "TERM=xterm-256color")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Fatal(err)
	}
	s := &tuiSession{t: t, pty: f, cmd: cmd, emu: vt.NewEmulator(120, 40), done: make(chan struct{})}
	s.emu.SetDefaultBackgroundColor(bg)
	go s.pump()
	go func() {
		time.Sleep(delay) // the emulator's replies wait in its pipe meanwhile
		_, _ = io.Copy(f, s.emu)
	}()
	t.Cleanup(s.stop)
	return s
}

// borderColour is the foreground colour of the Collection pane's top-left corner.
func borderColour(t *testing.T, s *tuiSession) color.Color {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for y := range s.emu.Height() {
		for x := range s.emu.Width() {
			if c := s.emu.CellAt(x, y); c != nil && c.Content == "┌" {
				return c.Style.Fg
			}
		}
	}
	t.Fatalf("no pane corner on the screen:\n%s", s.emu.String())
	return nil
}

// The theme follows the terminal's background, which the TUI asks for while
// its renderer waits for the first tick (tuiStart). A terminal that answers
// late (over SSH, a round trip) still has its answer used for the first frame,
// and the answer never reaches the UI as key presses: the screen is the same as
// under a terminal that answers at once, in other colours.
func TestTUIUsesALateBackgroundAnswer(t *testing.T) {
	bin := testBinary(t)
	dir := t.TempDir()
	const tour = "Opened the built-in tour"
	light := startTUIAnswering(t, bin, dir, color.White, 300*time.Millisecond)
	dark := startTUIAnswering(t, bin, dir, color.Black, 0)
	lightScr := light.waitText(tour)
	darkScr := dark.waitText(tour)
	if lightScr != darkScr {
		t.Errorf("the screen under the late answer differs:\n%s\nunder the prompt one:\n%s", lightScr, darkScr)
	}
	if strings.Contains(lightScr, "rgb") {
		t.Errorf("the terminal's answer reached the screen:\n%s", lightScr)
	}
	if l, d := borderColour(t, light), borderColour(t, dark); l == d {
		t.Errorf("the border has the same colour (%v) under a light and a dark background", l)
	}
	// Answered at once, the model is built for the answer on the set-up
	// goroutine (late, Init builds it again): the same colours either way.
	prompt := startTUIAnswering(t, bin, dir, color.White, 0)
	if scr := prompt.waitText(tour); scr != lightScr {
		t.Errorf("the screen under a prompt light answer differs:\n%s", scr)
	}
	if p, l := borderColour(t, prompt), borderColour(t, light); p != l {
		t.Errorf("the border is %v under a prompt light answer, %v under a late one", p, l)
	}
}

// The model is built for a dark background before the terminal answers, and
// again for a light one: the settings' problems are shown once all the same.
func TestTUIShowsTheSettingsProblemsOnceUnderALightBackground(t *testing.T) {
	bin := testBinary(t)
	conf := writeConfig(t, "[ui]\ntheme = \"neon\"\n")
	for _, bg := range []color.Color{color.White, color.Black} {
		s := startTUIAnswering(t, bin, t.TempDir(), bg, 0, "--config", conf)
		scr := s.waitText("Settings: 1 problem", "config.toml:2: ui.theme")
		if n := strings.Count(scr, "ui.theme"); n != 1 {
			t.Errorf("background %v: the problem is shown %d times:\n%s", bg, n, scr)
		}
	}
}

// The services start while the program does (the spool folder's error is
// known only in Init): a folder for large bodies that cannot be made still
// stops the TUI with the error and a failure status, and leaves the terminal
// as it was.
func TestTUIStopsWhenItsSpoolFolderCannotBeMade(t *testing.T) {
	bin := testBinary(t)
	dir := t.TempDir()
	cmd := exec.Command(bin)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "TMPDIR="+dir+"/missing")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Fatal(err)
	}
	s := &tuiSession{t: t, pty: f, cmd: cmd, emu: vt.NewEmulator(120, 40), done: make(chan struct{})}
	go s.pump()
	go func() { _, _ = io.Copy(f, s.emu) }()
	t.Cleanup(s.stop)
	hung := time.AfterFunc(e2eDeadline, func() { _ = cmd.Process.Kill() })
	defer hung.Stop()
	werr := cmd.Wait()
	<-s.done
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Errorf("exit status %d (%v), want 1", code, werr)
	}
	scr := s.screen()
	if !strings.Contains(scr, "temporary folder for large bodies") || !strings.Contains(scr, "missing") {
		t.Errorf("the error is not on the screen:\n%s", scr)
	}
	s.mu.Lock()
	alt := s.emu.IsAltScreen()
	s.mu.Unlock()
	if alt {
		t.Error("the terminal was left in the alternate screen")
	}
}
