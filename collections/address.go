package collections

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

// Lookup returns the request addr names, in any of the forms Address prints:
// "@name", "#3" (1-based, in collection order), "FILE:LINE" (the request whose
// block holds that line; FILE is the file's path or its base name) or a name or
// title as Find takes it.
func (c *Collection) Lookup(addr string) (*Request, error) {
	all := c.Requests()
	if n, ok := strings.CutPrefix(addr, "#"); ok {
		i, err := strconv.Atoi(n)
		if err != nil || i < 1 || i > len(all) {
			return nil, fmt.Errorf("no request %s: %s has %d requests (#1 to #%d)", addr, c.Root, len(all), len(all))
		}
		return all[i-1], nil
	}
	if name, ok := strings.CutPrefix(addr, "@"); ok {
		var found []*Request
		for _, r := range all {
			if r.Name == name {
				found = append(found, r)
			}
		}
		switch len(found) {
		case 1:
			return found[0], nil
		case 0:
			return nil, fmt.Errorf("no request named %s; available: %s", name, describe(all))
		}
		return nil, fmt.Errorf("request name %s is ambiguous: it matches %s", name, describe(found))
	}
	if i := strings.LastIndexByte(addr, ':'); i > 0 {
		if line, err := strconv.Atoi(addr[i+1:]); err == nil {
			return c.atLine(addr[:i], line)
		}
	}
	return c.Find(addr)
}

// atLine returns the request of file whose block holds line.
func (c *Collection) atLine(file string, line int) (*Request, error) {
	for _, f := range c.Files {
		if filepath.Clean(f.Path) != filepath.Clean(file) && filepath.Base(f.Path) != file {
			continue
		}
		for i := range f.Requests {
			r := &f.Requests[i]
			if r.Block.Start.Line <= line && (line < r.Block.End.Line || r.Block.End.Offset == len(f.Content) && line <= r.Block.End.Line) {
				return r, nil
			}
		}
		return nil, fmt.Errorf("%s:%d: no request at that line", f.Path, line)
	}
	return nil, fmt.Errorf("no file %s in %s", file, c.Root)
}

// Address returns the shortest way to name r on the command line: "@name" when
// its name is unique, its title when that is unique (and not a name or an
// address itself), else "#index".
func (c *Collection) Address(r *Request) string {
	names, titles := map[string]int{}, map[string]int{}
	index := 0
	for i, o := range c.Requests() {
		names[o.Name]++
		titles[strings.ToLower(o.Title)]++
		if o == r {
			index = i + 1
		}
	}
	switch {
	case r.Name != "" && names[r.Name] == 1:
		return "@" + r.Name
	case r.Title != "" && titles[strings.ToLower(r.Title)] == 1 && names[r.Title] == 0 &&
		!strings.ContainsAny(r.Title[:1], "#@") && !strings.Contains(r.Title, ":"):
		return r.Title
	}
	return fmt.Sprintf("#%d", index)
}
