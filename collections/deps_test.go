package collections

import (
	"reflect"
	"strings"
	"testing"
)

func names(rs []*Request) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Name)
	}
	return out
}

func TestDependencies(t *testing.T) {
	c, err := Load("testdata/folder")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query      string
		deps, send []string
	}{
		{"login", nil, nil},
		{"aRead", []string{"login"}, []string{"login"}},
		{"aUpdate", []string{"login", "aRead"}, []string{"login", "aRead"}},
		{"Delete item", []string{"aUpdate"}, []string{"login", "aRead", "aUpdate"}},
		{"bRead", []string{"aRead"}, []string{"login", "aRead"}},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			r, err := c.Find(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			if got := Dependencies(r); !reflect.DeepEqual(got, tc.deps) {
				t.Errorf("Dependencies = %v, want %v", got, tc.deps)
			}
			order, err := c.Prerequisites(r)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(order); !reflect.DeepEqual(got, tc.send) {
				t.Errorf("Prerequisites = %v, want %v", got, tc.send)
			}
		})
	}
}

func TestPrerequisitesErrors(t *testing.T) {
	tests := []struct {
		name, source, target, want string
	}{
		{"a cycle", "### A\n# @name a\nGET /{{b.response.headers.X}}\n\n### B\n# @name b\nGET /{{a.response.headers.X}}\n",
			"a", "request dependency cycle: a -> b -> a"},
		{"a longer cycle", "### A\n# @name a\nGET /{{b.response.headers.X}}\n\n### B\n# @name b\nGET /{{c.response.headers.X}}\n\n### C\n# @name c\nGET /{{b.response.headers.X}}\n",
			"a", "request dependency cycle: b -> c -> b"},
		{"a request using itself", "### A\n# @name a\nGET /{{a.response.headers.X}}\n", "a", "request dependency cycle: a -> a"},
		{"an unknown name", "### A\n# @name a\nGET /{{ghost.response.headers.X}}\n", "a",
			"d.http:3:1: uses {{ghost.response...}} but no request is named ghost"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse("d.http", []byte(tc.source))
			if err != nil {
				t.Fatal(err)
			}
			c := &Collection{Files: []*File{f}}
			target, err := c.Find(tc.target)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Prerequisites(target)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want %q", err, tc.want)
			}
		})
	}
}
