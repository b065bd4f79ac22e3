package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// listFolder writes a small collection: two files, one in a group folder.
func listFolder(t *testing.T, extra map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"items.http":     "@host = {{demo}}\n\n### Read item\n# @name readItem\nGET {{host}}/items/1\n\n### Delete item\nDELETE {{host}}/items/1\n",
		"cache/max.http": "{{demo}}/cache/max-age\n",
	}
	for name, content := range extra {
		files[name] = content
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runListCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	c := newListCmd()
	var out bytes.Buffer
	c.SetArgs(args)
	c.SetOut(&out)
	c.SetErr(&out)
	c.SilenceUsage, c.SilenceErrors = true, true
	err := c.Execute()
	return out.String(), err
}

func TestListTable(t *testing.T) {
	dir := listFolder(t, nil)
	out, err := runListCmd(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	want := [][]string{
		{"ADDRESS", "NAME", "TITLE", "METHOD", "URL", "FILE", "LINE"},
		{"#1", "-", "-", "GET", "{{demo}}/cache/max-age", filepath.Join(dir, "cache", "max.http"), "1"},
		{"@readItem", "readItem", "Read", "item", "GET", "{{host}}/items/1", filepath.Join(dir, "items.http"), "5"},
		{"Delete", "item", "-", "Delete", "item", "DELETE", "{{host}}/items/1", filepath.Join(dir, "items.http"), "8"},
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines:\n%s", len(lines), out)
	}
	for i, w := range want {
		if got := strings.Fields(lines[i]); !reflect.DeepEqual(got, w) {
			t.Errorf("line %d = %q, want fields %q", i, lines[i], w)
		}
	}
}

func TestListJSON(t *testing.T) {
	dir := listFolder(t, nil)
	out, err := runListCmd(t, dir, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	want := []map[string]any{
		{"address": "#1", "name": "", "title": "", "method": "GET", "url": "{{demo}}/cache/max-age", "file": filepath.Join(dir, "cache", "max.http"), "line": 1.0, "errors": []any{}, "notes": []any{}},
		{"address": "@readItem", "name": "readItem", "title": "Read item", "method": "GET", "url": "{{host}}/items/1", "file": filepath.Join(dir, "items.http"), "line": 5.0, "errors": []any{}, "notes": []any{}},
		{"address": "Delete item", "name": "", "title": "Delete item", "method": "DELETE", "url": "{{host}}/items/1", "file": filepath.Join(dir, "items.http"), "line": 8.0, "errors": []any{}, "notes": []any{}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	empty, err := runListCmd(t, t.TempDir(), "--json")
	if err != nil || strings.TrimSpace(empty) != "[]" {
		t.Errorf("an empty folder gives %q, %v; want []", empty, err)
	}
}

func TestListBadFile(t *testing.T) {
	tests := []struct {
		name       string
		extra      map[string]string
		wantStderr string
	}{
		{"one bad file", map[string]string{"bad.http": "GET /x\nnot a header\n"}, "bad.http:2:1: expected a header"},
		{"two bad files", map[string]string{"bad.http": "GET /x\nnot a header\n", "worse.http": "@x\n"}, "worse.http:1:1: expected a variable definition"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := listFolder(t, tc.extra)
			var out, errOut bytes.Buffer
			code := run([]string{"list", dir}, strings.NewReader(""), &out, &errOut)
			if code != exitUsage {
				t.Errorf("exit status %d, want %d", code, exitUsage)
			}
			// One line per problem, then the summary.
			if !strings.Contains(errOut.String(), tc.wantStderr) || strings.Count(errOut.String(), "\n") != len(tc.extra)+1 ||
				!strings.Contains(errOut.String(), "problems in the collection") {
				t.Errorf("stderr = %q, want a line containing %q and a summary", errOut.String(), tc.wantStderr)
			}
			if !strings.Contains(out.String(), "bad.http") {
				t.Errorf("the request with a problem was not listed:\n%s", out.String())
			}
			if !strings.Contains(out.String(), "readItem") {
				t.Errorf("the good files were not listed:\n%s", out.String())
			}
		})
	}
}

func TestListBadPath(t *testing.T) {
	_, err := runListCmd(t, filepath.Join(t.TempDir(), "missing.http"))
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != exitUsage {
		t.Errorf("error = %v, want a usage error", err)
	}
	if _, err := runListCmd(t); err == nil {
		t.Errorf("no PATH accepted")
	}
}

func TestListLessons(t *testing.T) {
	dir := listFolder(t, map[string]string{
		"lesson.http": "# What this file teaches.\n\n### Read it\n# Send it, then open the\n# Headers tab (3).\n# @name readIt\nGET /x\n",
	})
	out, err := runListCmd(t, "--lessons", filepath.Join(dir, "lesson.http"))
	if err != nil {
		t.Fatal(err)
	}
	want := "== " + filepath.Join(dir, "lesson.http") + "\nWhat this file teaches.\n\nRead it  (@readIt)\n  GET /x\n    Send it, then open the\n    Headers tab (3).\n\n"
	if out != want {
		t.Errorf("list --lessons:\n%s\nwant:\n%s", out, want)
	}
	out, err = runListCmd(t, "--json", filepath.Join(dir, "lesson.http"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []listedRequest
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Lesson != "Send it, then open the\nHeaders tab (3)." || rows[0].FileLesson != "What this file teaches." {
		t.Errorf("list --json rows = %+v", rows)
	}
}
