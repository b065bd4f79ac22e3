package collections

import (
	"fmt"
	"strings"
)

// Dependencies returns the names of the requests whose responses r uses through
// request variables ({{name.response...}}), in order of first use, each once. File
// variables that r uses are followed. A `< file` body is not read, so references in
// it do not count (none are substituted there either).
func Dependencies(r *Request) []string {
	vars := map[string]string{}
	if r.File != nil {
		for _, v := range r.File.Vars {
			vars[v.Name] = v.Value
		}
	}
	texts := []string{r.URL}
	for _, h := range r.Headers {
		texts = append(texts, h.Name, h.Value)
	}
	if r.BodyFile() == "" {
		texts = append(texts, string(r.Body))
	}
	var names []string
	seen := map[string]bool{}
	var walk func(s string)
	walk = func(s string) {
		for _, expr := range references(s) {
			if name, _, ok := strings.Cut(expr, ".response."); ok {
				if !seen[name] {
					seen[name] = true
					names = append(names, name)
				}
			} else if v, ok := vars[expr]; ok && !seen["@"+expr] {
				seen["@"+expr] = true // names cannot start with @, so no clash
				walk(v)
			}
		}
	}
	for _, s := range texts {
		walk(s)
	}
	return names
}

// references returns the trimmed contents of the {{...}} in s.
func references(s string) []string {
	var refs []string
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			return refs
		}
		j := strings.Index(s[i+2:], "}}")
		if j < 0 {
			return refs
		}
		refs = append(refs, strings.TrimSpace(s[i+2:i+2+j]))
		s = s[i+2+j+2:]
	}
}

// Prerequisites returns the requests to send before target, dependencies before the
// requests that use them, each once; target itself is not in the list. A name is
// looked up in target's file first, then in the whole collection. A cycle is an
// error that names it ("a -> b -> a").
func (c *Collection) Prerequisites(target *Request) ([]*Request, error) {
	var order []*Request
	done := map[*Request]bool{}
	var visit func(r *Request, path []string) error
	visit = func(r *Request, path []string) error {
		for _, name := range Dependencies(r) {
			dep, err := c.byName(r, name)
			if err != nil {
				return err
			}
			if done[dep] {
				continue
			}
			for i, p := range path {
				if p == name {
					return fmt.Errorf("request dependency cycle: %s", strings.Join(append(path[i:], name), " -> "))
				}
			}
			if err := visit(dep, append(path, name)); err != nil {
				return err
			}
			done[dep] = true
			order = append(order, dep)
		}
		return nil
	}
	start := target.Name
	if start == "" {
		start = fmt.Sprintf("%q", target.Title)
	}
	if err := visit(target, []string{start}); err != nil {
		return nil, err
	}
	return order, nil
}

// byName finds the request called name as seen from r: in r's file, else in the
// collection if exactly one request there has that name.
func (c *Collection) byName(r *Request, name string) (*Request, error) {
	if r.File != nil {
		for i := range r.File.Requests {
			if r.File.Requests[i].Name == name {
				return &r.File.Requests[i], nil
			}
		}
	}
	var found []*Request
	for _, q := range c.Requests() {
		if q.Name == name {
			found = append(found, q)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, errorAt(r, r.reqLine.Start.Offset, fmt.Sprintf("uses {{%s.response...}} but no request is named %s", name, name))
	}
	return nil, errorAt(r, r.reqLine.Start.Offset, fmt.Sprintf("request name %s is ambiguous: %s", name, describe(found)))
}
