package explain

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestCatalogueListsWrittenRefs reads the source: every reference written as a
// string literal inside a newFinding call must be listed for that finding's id in
// Checks(). References built elsewhere are caught at run time by
// assertRefsCatalogued, through every table test and TestCatalogueCorpus.
func TestCatalogueListsWrittenRefs(t *testing.T) {
	refs := map[string][]string{}
	for _, c := range Checks() {
		refs[c.ID] = c.Refs
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) < 5 {
				return true
			}
			if fn, ok := call.Fun.(*ast.Ident); !ok || fn.Name != "newFinding" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok {
				return true
			}
			id, _ := strconv.Unquote(lit.Value)
			for _, arg := range call.Args[4:] {
				ast.Inspect(arg, func(n ast.Node) bool {
					s, ok := n.(*ast.BasicLit)
					if !ok || s.Kind != token.STRING {
						return true
					}
					v, _ := strconv.Unquote(s.Value)
					if (strings.HasPrefix(v, "RFC ") || strings.HasPrefix(v, "Fetch ") || strings.HasPrefix(v, "W3C ")) && !slices.Contains(refs[id], v) {
						t.Errorf("%s: finding %s cites %q, which Checks() does not list for it", fset.Position(s.Pos()), id, v)
					}
					return true
				})
			}
			return true
		})
	}
}
