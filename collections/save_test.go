package collections

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTemp writes content to name in a new temporary folder and returns its path.
func writeTemp(t *testing.T, name, content string, mode os.FileMode) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	return path
}

const saveSource = "@host = http://127.0.0.1\n\n### Read\n# @name read\nGET {{host}}/a\n\n### Other\nGET {{host}}/b\n"

func TestSave(t *testing.T) {
	path := writeTemp(t, "c.http", saveSource, 0o640)
	c, err := Load(path)
	if err != nil || len(c.Errors) > 0 {
		t.Fatalf("Load: %v %v", err, c.Errors)
	}
	f := c.Files[0]
	edited := f.Requests[0]
	edited.URL = "{{host}}/a2"
	content, err := f.Replace(0, edited)
	if err != nil {
		t.Fatal(err)
	}
	nf, err := Save(f, content)
	if err != nil {
		t.Fatal(err)
	}
	disk, _ := os.ReadFile(path)
	if string(disk) != strings.Replace(saveSource, "/a\n", "/a2\n", 1) {
		t.Errorf("file on disk:\n%s", disk)
	}
	if nf.Requests[0].URL != "{{host}}/a2" || string(nf.Content) != string(disk) {
		t.Errorf("Save returned a file that does not match the disk")
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want 0640 kept", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("a temporary file was left behind: %v", entries)
	}
	// The old File is stale now: saving with it again is a conflict.
	if _, err := Save(f, content); !errors.Is(err, ErrConflict) {
		t.Errorf("second Save with the stale file: %v, want ErrConflict", err)
	}
	// The returned File saves again.
	if _, err := Save(nf, append(nf.Content, "\n### New\nGET /c\n"...)); err != nil {
		t.Errorf("Save with the returned file: %v", err)
	}
}

func TestSaveConflict(t *testing.T) {
	tests := []struct {
		name   string
		change func(path string) error
		want   string
	}{
		{"changed on disk", func(p string) error { return os.WriteFile(p, []byte(saveSource+"# theirs\n"), 0o644) }, "changed on disk since it was read"},
		{"removed", os.Remove, "it was removed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeTemp(t, "c.http", saveSource, 0o644)
			content, _ := os.ReadFile(path)
			f, err := Parse(path, content)
			if err != nil {
				t.Fatal(err)
			}
			if err := tc.change(path); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(path)
			edited := f.Requests[0]
			edited.URL = "/mine"
			mine, err := f.Replace(0, edited)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Save(f, mine)
			if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), path) {
				t.Fatalf("Save error = %v, want a conflict naming %s", err, path)
			}
			after, _ := os.ReadFile(path)
			if string(after) != string(before) {
				t.Errorf("the file was overwritten despite the conflict")
			}
		})
	}
}

func TestSaveRefuses(t *testing.T) {
	path := writeTemp(t, "c.http", saveSource, 0o644)
	content, _ := os.ReadFile(path)
	f, _ := Parse(path, content)
	if _, err := Save(f, []byte("GET /x\nno header\n")); err == nil || !strings.Contains(err.Error(), "refusing to save content with a new problem") {
		t.Errorf("Save of unparsable content: %v", err)
	}
	tour, err := Tour()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Save(tour.Files[0], tour.Files[0].Content); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("Save of the tour: %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != saveSource {
		t.Errorf("a refused save changed the file")
	}
}
