package runner

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPlan: what a run readies ahead is every script as its step will run it —
// inline blocks named by their file, pre-request scripts apart from handlers —
// with the handler files of the first steps read (once, kept for their steps); a
// file that cannot be read is left for its step to report.
func TestPlan(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "check.js"), []byte(`client.log(1)`), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "api.http")
	steps := []Step{
		{File: file, Scripts: []Script{{Pre: true, Source: `request.variables.set("a", "1")`, Line: 2}, {Source: `client.log(2)`, Line: 5}}},
		{File: file, Scripts: []Script{{File: "./missing.js", Line: 9}, {File: "./check.js", Line: 10}}},
		{File: file, Scripts: []Script{{File: "./check.js", Line: 14}, {Source: `client.log(3)`, Line: 15}}},
	}
	files := handlerFiles{}
	type got struct {
		name, src string
		line      int
		handler   bool
	}
	var all []got
	for _, p := range plan(steps, files) {
		all = append(all, got{filepath.Base(p.Name), p.Source, p.Line, p.Handler})
	}
	want := []got{{"api.http", `request.variables.set("a", "1")`, 2, false}, {"api.http", `client.log(2)`, 5, true},
		{"check.js", `client.log(1)`, 1, true}, {"check.js", `client.log(1)`, 1, true}, {"api.http", `client.log(3)`, 15, true}}
	if len(all) != len(want) {
		t.Fatalf("got %+v", all)
	}
	for i := range want {
		if all[i] != want[i] {
			t.Errorf("%d: got %+v, want %+v", i, all[i], want[i])
		}
	}
	if f, ok := files[filepath.Join(dir, "missing.js")]; !ok || f.err == nil {
		t.Errorf("the missing file's error is not kept for its step: %+v", f)
	}
}
