package runner

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/httplens/httplens/scripts"
)

// TestFirstScripts: what a run readies ahead is each distinct script as its step
// will run it — inline blocks named by their file, handler files read (once, kept
// for their steps), pre-request scripts apart from handlers — up to the Engine's
// bound; a file that cannot be read is left for its step to report.
func TestFirstScripts(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "check.js"), []byte(`client.log(1)`), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "api.http")
	steps := []Step{
		{File: file, Scripts: []Script{{Pre: true, Source: `request.variables.set("a", "1")`, Line: 2}, {Source: `client.log(2)`, Line: 5}}},
		{File: file, Scripts: []Script{{File: "./missing.js", Line: 9}, {File: "./check.js", Line: 10}}},
		{File: file, Scripts: []Script{{File: "./check.js", Line: 14}, {Source: `client.log(2)`, Line: 5}}},
	}
	files := handlerFiles{}
	type got struct {
		name, src string
		handler   bool
	}
	var all []got
	for p, handler := range firstScripts(steps, files) {
		all = append(all, got{filepath.Base(p.Name), p.Source, handler})
	}
	want := []got{{"api.http", `request.variables.set("a", "1")`, false}, {"api.http", `client.log(2)`, true},
		{"check.js", `client.log(1)`, true}}
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

	var many []Step
	for i := range 3 * scripts.MaxPrepared {
		many = append(many, Step{File: file, Scripts: []Script{{Source: `client.log(1)`, Line: i}}})
	}
	n := 0
	for range firstScripts(many, handlerFiles{}) {
		n++
	}
	if n != scripts.MaxPrepared {
		t.Errorf("%d scripts readied, want %d", n, scripts.MaxPrepared)
	}
}
