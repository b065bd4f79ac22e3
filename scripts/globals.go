package scripts

import (
	"sort"
	"sync"
)

// Globals is the client.global store: names a script sets with client.global.set and
// later requests read as {{name}}. It is safe for concurrent use, so the resolver, the
// TUI's variables view and a running script may share one. The zero value is empty
// and ready to use.
type Globals struct {
	mu sync.RWMutex
	m  map[string]string
}

// Lookup returns the value of name and whether it is set. A resolver calls it for
// {{name}} after request, file and environment variables.
func (g *Globals) Lookup(name string) (string, bool) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	v, ok := g.m[name]
	return v, ok
}

// Set stores value under name.
func (g *Globals) Set(name, value string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.m == nil {
		g.m = map[string]string{}
	}
	g.m[name] = value
}

// Delete removes name; removing a name not set does nothing.
func (g *Globals) Delete(name string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.m, name)
}

// Clear removes every name.
func (g *Globals) Clear() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.m = nil
}

// Len is the number of names set.
func (g *Globals) Len() int {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return len(g.m)
}

// Var is one global: a name and its value.
type Var struct {
	Name  string
	Value string
}

// All returns every global sorted by name, for a variables view or a report.
func (g *Globals) All() []Var {
	g.mu.RLock()
	defer g.mu.RUnlock()
	out := make([]Var, 0, len(g.m))
	for k, v := range g.m {
		out = append(out, Var{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
