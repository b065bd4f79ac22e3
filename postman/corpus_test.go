package postman

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/collections"
)

// countRequests counts the requests of a collection's items, folders included.
func countRequests(items []item) int {
	n := 0
	for _, it := range items {
		if it.Item != nil || it.Request == nil {
			n += countRequests(it.Item)
		} else {
			n++
		}
	}
	return n
}

// TestCorpus: each Postman collection of the compatibility corpus (newman and
// postman-collection fixtures) imports; every request is written or skipped with
// a note saying why, and the written files load with no problem.
func TestCorpus(t *testing.T) {
	paths, _ := filepath.Glob("../collections/testdata/corpus/postman/*.json")
	if len(paths) == 0 {
		t.Fatal("no corpus")
	}
	// whatwg-url has a blank URL and a query value with line breaks: neither can
	// be a .http request line.
	skipped := map[string]int{"P3-newman-whatwg-url.json": 2}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Convert(data, "")
			if err != nil {
				t.Fatalf("import: %v", err)
			}
			var col collection
			json.Unmarshal(data, &col)
			written := 0
			for _, f := range res.Files {
				if !strings.HasSuffix(f.Path, ".http") {
					continue
				}
				hf, err := collections.Parse(f.Path, f.Content)
				if err != nil || len(hf.Problems()) > 0 {
					t.Errorf("%s does not load cleanly: %v %v", f.Path, err, hf.Problems())
					continue
				}
				written += len(hf.Requests)
			}
			skips := strings.Count(strings.Join(res.Notes, "\n"), "the request is skipped")
			if total := countRequests(col.Item); written+skips != total || skips != skipped[filepath.Base(p)] {
				t.Errorf("%d requests written and %d skipped, of %d (want %d skipped):\n%s", written, skips, total, skipped[filepath.Base(p)], strings.Join(res.Notes, "\n"))
			}
		})
	}
}

func TestConvertEnv(t *testing.T) {
	data := `{"name": "Staging", "values": [
		{"key": "base", "value": "https://staging.test", "enabled": true},
		{"key": "token", "value": "s3cret", "type": "secret", "enabled": true},
		{"key": "old", "value": "x", "enabled": false},
		{"key": "port", "value": 8080}]}`
	e, err := ConvertEnv([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, collections.EnvFile), []byte(`{"dev": {"base": "http://127.0.0.1"}, "Staging": {"keep": "1", "base": "old"}}`), 0o644)
	name, err := WriteEnv(dir, "", e)
	if err != nil || name != "Staging" {
		t.Fatal(name, err)
	}
	staging, err := collections.LoadEnv(dir, "Staging")
	if err != nil {
		t.Fatal(err)
	}
	dev, _ := collections.LoadEnv(dir, "dev")
	if staging["base"] != "https://staging.test" || staging["token"] != "s3cret" || staging["port"] != "8080" || staging["keep"] != "1" ||
		staging["old"] != "" || dev["base"] != "http://127.0.0.1" {
		t.Errorf("staging %v, dev %v", staging, dev)
	}
	private, _ := os.ReadFile(filepath.Join(dir, collections.PrivateEnvFile))
	if !strings.Contains(string(private), "s3cret") {
		t.Errorf("the secret is not in the private file: %s", private)
	}
	if len(e.Notes) != 1 || !strings.Contains(e.Notes[0], "old is disabled") {
		t.Errorf("notes %v", e.Notes)
	}
	if _, err := ConvertEnv([]byte(`{"info": {}}`)); err == nil {
		t.Errorf("a collection was taken for an environment")
	}
}
