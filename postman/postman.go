// Package postman converts a Postman Collection (format v2.0 or v2.1) to a
// folder of .http files, the collection format of httplens.
//
// Folders become subfolders; the requests directly in a folder (or at the top
// level) go to one .http file in it, named after the folder (or the collection).
// Collection variables become an environment in http-client.env.json. Basic,
// Bearer and API-key auth become headers, inherited from folder and collection
// as in Postman. Raw, urlencoded, form-data (text fields), GraphQL and file
// bodies are carried over. What cannot be (scripts, tests, form-data files,
// other auth types, disabled entries) is listed in Result.Notes.
package postman

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/httplens/httplens/collections"
)

// DefaultEnv is the environment Convert puts collection variables in when none is
// named: "$shared" applies to every environment and is used with no --env.
const DefaultEnv = "$shared"

// File is one file to write: Path is slash-separated, relative to the output folder.
type File struct {
	Path    string
	Content []byte
}

// Result is a converted collection: the files to write, and one note per thing
// that could not be carried over.
type Result struct {
	Files []File
	Notes []string
}

// converter holds the state of one conversion.
type converter struct {
	vars  map[string]string // collection variables, for Basic auth that uses them
	notes []string
	files []File
}

func (c *converter) note(format string, a ...any) {
	c.notes = append(c.notes, fmt.Sprintf(format, a...))
}

// Convert reads a Postman collection and returns the .http files and the
// environment file that stand for it; envName is the environment that gets the
// collection variables ("" for DefaultEnv). Convert reads and writes no files.
func Convert(data []byte, envName string) (Result, error) {
	var col collection
	if err := json.Unmarshal(data, &col); err != nil {
		return Result{}, fmt.Errorf("not a Postman collection: %w", err)
	}
	if col.Info.Schema != "" && !strings.Contains(col.Info.Schema, "v2.") {
		return Result{}, fmt.Errorf("unsupported Postman schema %s: only v2.0 and v2.1 are read", col.Info.Schema)
	}
	if envName == "" {
		envName = DefaultEnv
	}
	c := &converter{vars: map[string]string{}}
	env := map[string]string{}
	for _, v := range col.Variable {
		if v.Disabled {
			c.note("collection variable %s is disabled: left out", v.Key)
			continue
		}
		env[v.Key] = v.value()
		c.vars[v.Key] = v.value()
	}
	c.events("collection", col.Event)
	name := fileName(col.Info.Name, "collection")
	if err := c.folder("", name, col.Item, col.Auth); err != nil {
		return Result{}, err
	}
	if len(env) > 0 {
		b, err := json.MarshalIndent(map[string]map[string]string{envName: env}, "", "  ")
		if err != nil {
			return Result{}, err
		}
		c.files = append(c.files, File{Path: collections.EnvFile, Content: append(b, '\n')})
	}
	sort.SliceStable(c.files, func(i, j int) bool { return c.files[i].Path < c.files[j].Path })
	return Result{Files: c.files, Notes: c.notes}, nil
}

// folder converts the items of one folder: dir is its path, base the name of
// the .http file for its requests, inherited the auth in force.
func (c *converter) folder(dir, base string, items []item, inherited *auth) error {
	var blocks [][]byte
	used := map[string]bool{strings.ToLower(base + ".http"): true}
	for _, it := range items {
		where := path.Join(dir, it.Name)
		if it.Item != nil || it.Request == nil {
			a := inherited
			if it.Auth != nil && it.Auth.Type != "inherit" {
				a = it.Auth
			}
			c.events("folder "+where, it.Event)
			sub := uniqueName(used, fileName(it.Name, "folder"))
			if err := c.folder(path.Join(dir, sub), sub, it.Item, a); err != nil {
				return err
			}
			continue
		}
		block, err := c.request(where, it, inherited)
		if err != nil {
			// One odd request never costs the others: it is skipped, and said so.
			c.note("%v; the request is skipped", err)
			continue
		}
		blocks = append(blocks, block)
	}
	if len(blocks) == 0 {
		return nil
	}
	content := bytes.Join(blocks, []byte("\n"))
	p := path.Join(dir, base+".http")
	// A last check that the file reads back as as many requests as were written.
	f, err := collections.Parse(p, content)
	if err != nil {
		return fmt.Errorf("writing %s: %w", p, err)
	}
	if len(f.Requests) != len(blocks) {
		return fmt.Errorf("writing %s: %d requests read back, %d written", p, len(f.Requests), len(blocks))
	}
	c.files = append(c.files, File{Path: p, Content: content})
	return nil
}

// events lists the scripts that are not carried over.
func (c *converter) events(where string, events []event) {
	for _, e := range events {
		if !e.hasCode() {
			continue
		}
		kind := "pre-request script"
		if e.Listen == "test" {
			kind = "tests"
		}
		c.note("%s: %s not carried over (httplens runs no scripts)", where, kind)
	}
}

// fileName makes a name safe as a file or folder name on every system.
func fileName(name, fallback string) string {
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, name)
	name = strings.Trim(name, " .")
	if name == "" {
		return fallback
	}
	return name
}

// uniqueName returns name, or name with a number, not yet in used, and marks it.
func uniqueName(used map[string]bool, name string) string {
	candidate := name
	for n := 2; used[strings.ToLower(candidate)]; n++ {
		candidate = fmt.Sprintf("%s-%d", name, n)
	}
	used[strings.ToLower(candidate)] = true
	return candidate
}
