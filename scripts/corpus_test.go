package scripts

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// corpusDir is the copy of ../shared/corpus/http the collections tests keep, where the dialect
// examples (with their provenance) live.
const corpusDir = "../collections/testdata/corpus/http"

// scriptBlock finds `> {% ... %}` and `< {% ... %}` blocks. The collection parser
// reads them for real; this is only enough to lift them out of the examples.
var scriptBlock = regexp.MustCompile(`(?ms)^([<>])[ \t]*\{%(.*?)%\}`)

// luaMarker is rest.nvim's way of saying a block is Lua, not JavaScript.
var luaMarker = regexp.MustCompile(`(?m)^#\s*@lang\s*=?\s*lua\b`)

// TestCorpusScriptsRun runs the JavaScript blocks of the corpus that need only the
// JetBrains API, against a response shaped like the one their request gets, and
// checks what each one does. Lua blocks (rest.nvim) are not ours to run.
func TestCorpusScriptsRun(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Fatalf("no corpus at %s: %v", corpusDir, err)
	}
	type fixture struct {
		response *Response
		env      map[string]string
		check    func(t *testing.T, out Outcome, g *Globals, vars map[string]string)
	}
	fixtures := map[string]fixture{
		"httpyac+httpyac.github.io/examples/intellij/prerequestscript.http": {
			check: func(t *testing.T, out Outcome, g *Globals, vars map[string]string) {
				if vars["firstname"] != "John" {
					t.Errorf("request variable firstname = %q", vars["firstname"])
				}
			},
		},
		"httpyac+httpyac.github.io/examples/intellij/postrequestscript.http": {
			response: jsonResponse(`{"json":{"foo":"bar"}}`),
			check: func(t *testing.T, out Outcome, g *Globals, vars map[string]string) {
				if len(out.Tests) != 1 || !out.Tests[0].Passed || out.Tests[0].Name != "Request executed successfully" {
					t.Errorf("tests %+v", out.Tests)
				}
			},
		},
		"mistweaverco+kulala.nvim/tests/functional/requests/advanced_A.http": {
			// httpbin echoes the JSON it was sent under "json".
			response: jsonResponse(`{"json":{"results":[{"desc":"bob","id":"1"},{"desc":"ada","id":"7"}]}}`),
			env:      map[string]string{"ENV_USER": "ada"},
			check: func(t *testing.T, out Outcome, g *Globals, vars map[string]string) {
				if v, _ := g.Lookup("AID"); v != "7" {
					t.Errorf("global AID = %q, want 7", v)
				}
			},
		},
	}
	ran, lua := 0, 0
	err := filepath.WalkDir(corpusDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".http") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(corpusDir, path)
		rel = filepath.ToSlash(rel)
		for _, m := range scriptBlock.FindAllStringSubmatchIndex(string(b), -1) {
			text := string(b)
			if luaMarker.MatchString(text[:m[0]][strings.LastIndex(text[:m[0]], "###")+1:]) {
				lua++
				continue
			}
			fx, ok := fixtures[rel]
			if !ok {
				t.Errorf("%s: a JavaScript block with no fixture; add one", rel)
				continue
			}
			line := strings.Count(text[:m[4]], "\n") + 1
			env := Env{Variables: map[string]string{}, Request: Request{Method: "GET", URL: "http://127.0.0.1/",
				Environment: func(n string) (string, bool) { v, ok := fx.env[n]; return v, ok }}}
			if text[m[2]] == '>' {
				env.Response = fx.response
			}
			g := &Globals{}
			out := (&Engine{Globals: g}).Run(context.Background(), Program{Name: rel, Source: text[m[4]:m[5]], Line: line}, env)
			if out.Err != nil {
				t.Errorf("%s: %v", rel, out.Err)
				continue
			}
			fx.check(t, out, g, env.Variables)
			ran++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if ran != len(fixtures) {
		t.Errorf("ran %d JavaScript blocks, want %d (one per fixture)", ran, len(fixtures))
	}
	t.Logf("ran %d JavaScript blocks; %d Lua blocks left to rest.nvim", ran, lua)
}
