package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runExportHARCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	c := newExportHARCmd()
	var out bytes.Buffer
	c.SetArgs(args)
	c.SetOut(&out)
	c.SetErr(&out)
	c.SilenceUsage, c.SilenceErrors = true, true
	err := c.Execute()
	return out.String(), err
}

// readHAR decodes a HAR file and returns its log.
func readHAR(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Log map[string]any `json:"log"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s is not JSON: %v", path, err)
	}
	return doc.Log
}

func TestExportHAR(t *testing.T) {
	db := seedHistory(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out.har")
	msg, err := runExportHARCmd(t, out, "--history", db)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(msg, "wrote 3 exchanges to "+out) {
		t.Errorf("message %q", msg)
	}
	log := readHAR(t, out)
	entries, _ := log["entries"].([]any)
	creator, _ := log["creator"].(map[string]any)
	if log["version"] != "1.2" || creator["version"] != version || len(entries) != 3 {
		t.Fatalf("log version %v, creator %v, %d entries", log["version"], creator, len(entries))
	}
	first := entries[0].(map[string]any)["response"].(map[string]any)
	if first["status"] != 200.0 {
		t.Fatalf("oldest entry first: status %v", first["status"])
	}
	// Exchanges from the history: as private as the database (issue 15).
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, %v", info.Mode(), err)
	}
	assertOnlyFile(t, dir, "out.har")
}

func TestExportHARLimit(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.har")
	if _, err := runExportHARCmd(t, out, "--history", seedHistory(t), "--limit", "2"); err != nil {
		t.Fatal(err)
	}
	entries := readHAR(t, out)["entries"].([]any)
	if len(entries) != 2 || entries[0].(map[string]any)["response"].(map[string]any)["status"] != 204.0 {
		t.Fatalf("entries = %v", entries)
	}
}

func TestExportHARDoesNotOverwrite(t *testing.T) {
	db := seedHistory(t)
	cases := []struct {
		name    string
		force   bool
		wantErr bool
	}{
		{"refused without --force", false, true},
		{"replaced with --force", true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "keep.har")
			if err := os.WriteFile(out, []byte("precious"), 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{out, "--history", db}
			if c.force {
				args = append(args, "--force")
			}
			_, err := runExportHARCmd(t, args...)
			got, _ := os.ReadFile(out)
			if c.wantErr {
				var ee *exitError
				if !errors.As(err, &ee) || ee.code != exitUsage || !strings.Contains(err.Error(), out) ||
					!strings.Contains(err.Error(), "--force") {
					t.Fatalf("err = %v, want a usage error naming %s and --force", err, out)
				}
				if string(got) != "precious" {
					t.Fatalf("file changed to %q", got)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				if len(readHAR(t, out)["entries"].([]any)) != 3 {
					t.Fatal("not replaced by the export")
				}
			}
			assertOnlyFile(t, dir, "keep.har")
		})
	}
}

func TestExportHARWithoutDatabase(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "empty.har")
	missing := filepath.Join(dir, "none.db")
	t.Setenv("HTTPLENS_HISTORY", missing)
	if _, err := runExportHARCmd(t, out); err != nil {
		t.Fatal(err)
	}
	if entries, ok := readHAR(t, out)["entries"].([]any); !ok || len(entries) != 0 {
		t.Fatalf("entries = %v, want an empty array", entries)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Fatal("the export created a database")
	}
}

func TestExportHARIntoMissingFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "no", "such", "dir", "x.har")
	if _, err := runExportHARCmd(t, out, "--history", seedHistory(t)); err == nil {
		t.Fatal("want an error for a missing folder")
	}
}

// assertOnlyFile checks that no temporary file was left beside the output.
func assertOnlyFile(t *testing.T, dir, name string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Name() != name {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Fatalf("folder holds %v, want only %s", names, name)
	}
}

// TestWriteAtomicallyNeverClobbers covers a file that appears while the export is
// being written: without --force the link fails and the newcomer survives.
func TestWriteAtomicallyNeverClobbers(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "race.har")
	err := writeAtomically(out, false, func(w io.Writer) error {
		if err := os.WriteFile(out, []byte("theirs"), 0o644); err != nil {
			return err
		}
		_, err := io.WriteString(w, "ours")
		return err
	})
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != exitUsage || !strings.Contains(err.Error(), out) {
		t.Fatalf("err = %v, want a usage error naming %s", err, out)
	}
	if got, _ := os.ReadFile(out); string(got) != "theirs" {
		t.Fatalf("file = %q, want the other writer's", got)
	}
	assertOnlyFile(t, dir, "race.har")
}

// TestWriteAtomicallyFailedWrite leaves nothing behind when writing fails.
func TestWriteAtomicallyFailedWrite(t *testing.T) {
	dir := t.TempDir()
	err := writeAtomically(filepath.Join(dir, "x.har"), true, func(w io.Writer) error {
		return errors.New("disk on fire")
	})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("err = %v", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Fatalf("left %v behind", ents)
	}
}

// TestExportHARExitStatus runs the whole CLI: a refusal is a usage error, status 2,
// with one line on stderr naming the file.
func TestExportHARExitStatus(t *testing.T) {
	db := seedHistory(t)
	out := filepath.Join(t.TempDir(), "x.har")
	if _, errOut, code := runCmd(t, "export", "har", out, "--history", db); code != exitOK {
		t.Fatalf("first export: exit %d, %s", code, errOut)
	}
	_, errOut, code := runCmd(t, "export", "har", out, "--history", db)
	want := "httplens: " + out + " exists; use --force to overwrite it\n"
	if code != exitUsage || errOut != want {
		t.Fatalf("exit %d, stderr %q; want %d, %q", code, errOut, exitUsage, want)
	}
}
