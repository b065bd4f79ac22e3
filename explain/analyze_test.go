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
	"time"
)

// received is the fixed receive time of the test exchanges.
var received = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// rawResponse builds a Response from literal text with LF line endings.
func rawResponse(t testing.TB, raw string) Response {
	t.Helper()
	resp, err := ReadResponse([]byte(raw))
	if err != nil {
		t.Fatalf("ReadResponse: %v", err)
	}
	return resp
}

// exchange builds an exchange. method "" means an unknown request; reqFields are
// "Name: value" lines.
func exchange(t testing.TB, method string, reqFields []string, raw string) Exchange {
	t.Helper()
	x := Exchange{Response: rawResponse(t, raw), Received: received}
	if method == "" {
		return x
	}
	req := &Request{Method: method, URL: "http://127.0.0.1/items/1"}
	for _, l := range reqFields {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("bad request field %q", l)
		}
		req.Fields = append(req.Fields, Field{Name: name, Value: strings.TrimSpace(value)})
	}
	x.Request = req
	return x
}

// codes turns findings into "E id" / "W id" / "I id" strings, sorted.
func codes(fs []Finding) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, strings.ToUpper(string(f.Severity[:1]))+" "+f.ID)
	}
	slices.Sort(out)
	return out
}

// assertFindings checks the exact set of ids and severities, and that each finding
// is complete enough to show a learner.
func assertFindings(t *testing.T, got []Finding, want []string) {
	t.Helper()
	w := slices.Clone(want)
	slices.Sort(w)
	if g := codes(got); !slices.Equal(g, w) {
		t.Fatalf("findings = %q, want %q\n%s", g, w, describe(got))
	}
	for _, f := range got {
		if f.Title == "" || f.Detail == "" || len(f.Refs) == 0 {
			t.Errorf("finding %s is incomplete: %+v", f.ID, f)
		}
	}
	assertRefsCatalogued(t, got)
}

// assertRefsCatalogued checks that every reference a finding carries is listed for
// its id in Checks(), so `explain --checks` shows every section a finding can cite.
// Every table test goes through it.
func assertRefsCatalogued(t testing.TB, got []Finding) {
	t.Helper()
	refs := map[string][]string{}
	for _, c := range Checks() {
		refs[c.ID] = c.Refs
	}
	for _, f := range got {
		for _, r := range f.Refs {
			if !slices.Contains(refs[f.ID], r) {
				t.Errorf("finding %s cites %q, which Checks() does not list for it", f.ID, r)
			}
		}
	}
}

func describe(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.ID + ": " + f.Title + " — " + f.Detail + "\n")
	}
	return b.String()
}

func TestChecksCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Checks() {
		if seen[c.ID] {
			t.Errorf("duplicate check id %q", c.ID)
		}
		seen[c.ID] = true
		if c.Title == "" || len(c.Refs) == 0 || !slices.Contains([]Severity{Error, Warning, Info}, c.Severity) {
			t.Errorf("check %q is incomplete: %+v", c.ID, c)
		}
	}
	for id := range emittedIDs(t) {
		if !seen[id] {
			t.Errorf("finding id %q is emitted but not in Checks()", id)
		}
	}
}

// emittedIDs reads the package source for every finding id it can emit: the first
// argument of newFinding, and the ID of Finding composite literals. Any id not
// written as a string literal fails the test, since it could not be checked.
func emittedIDs(t *testing.T) map[string]bool {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
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
			var id ast.Expr
			switch n := n.(type) {
			case *ast.CallExpr:
				if fn, ok := n.Fun.(*ast.Ident); ok && fn.Name == "newFinding" && len(n.Args) > 0 {
					id = n.Args[0]
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "ID" {
					id = n.Value
				}
			}
			if id == nil {
				return true
			}
			lit, ok := id.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				// A parameter passed through (newFinding's own body) is fine.
				if ident, isIdent := id.(*ast.Ident); isIdent && ident.Name == "id" {
					return true
				}
				t.Errorf("%s: finding id is not a string literal", fset.Position(id.Pos()))
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			ids[s] = true
			return true
		})
	}
	if len(ids) < 30 {
		t.Fatalf("found only %d finding ids in the source", len(ids))
	}
	return ids
}

func TestAnalyzeSortsBySeverity(t *testing.T) {
	x := exchange(t, "PUT", nil, "HTTP/1.1 204 No Content\nContent-Length: 4\nETag: abc\n\nbody")
	r := Analyze(x)
	for i := 1; i < len(r.Findings); i++ {
		if severityRank(r.Findings[i-1].Severity) > severityRank(r.Findings[i].Severity) {
			t.Fatalf("findings out of order: %q", codes(r.Findings))
		}
	}
	for _, id := range []string{"no-content-body", "no-content-length", "etag-syntax", "put-validator", "method-safety"} {
		if !slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.ID == id }) {
			t.Errorf("Analyze lacks %s: %q", id, codes(r.Findings))
		}
	}
	if r.Status.Code != 204 || r.Status.Class != "successful" || r.Validators.ETag != "abc" || r.Validators.ETagValid {
		t.Errorf("status/validators = %+v %+v", r.Status, r.Validators)
	}
}

func TestSortFindingsIsStable(t *testing.T) {
	in := []Finding{{ID: "a", Severity: Info}, {ID: "b", Severity: Error}, {ID: "c", Severity: Info}, {ID: "d", Severity: Warning}, {ID: "e", Severity: Error}}
	var got []string
	for _, f := range sortFindings(in) {
		got = append(got, f.ID)
	}
	if want := []string{"b", "e", "d", "a", "c"}; !slices.Equal(got, want) {
		t.Fatalf("order %q, want %q", got, want)
	}
}

const typicalJSON = "HTTP/1.1 200 OK\r\n" +
	"Content-Type: application/json\r\n" +
	"Content-Length: 27\r\n" +
	"ETag: \"3f2a9c\"\r\n" +
	"Last-Modified: Wed, 01 May 2024 11:00:00 GMT\r\n" +
	"Cache-Control: max-age=60, must-revalidate\r\n" +
	"Vary: Accept-Encoding\r\n" +
	"Date: Wed, 01 May 2024 12:00:00 GMT\r\n" +
	"\r\n" +
	`{"id": 1, "name": "first"}` + "\n"

func BenchmarkAnalyze(b *testing.B) {
	x := exchange(b, "GET", []string{"Accept: application/json"}, typicalJSON)
	b.ReportAllocs()
	for b.Loop() {
		Analyze(x)
	}
}

// smallJSON is what `httplens run` and `httplens proxy` meet most: a small JSON
// answer without validators or Cache-Control, to a GET from Go's client.
const smallJSON = "HTTP/1.1 200 OK\r\n" +
	"Content-Type: application/json\r\n" +
	"Date: Wed, 01 May 2024 12:00:00 GMT\r\n" +
	"Content-Length: 42\r\n" +
	"\r\n" +
	`{"id": 1, "name": "item", "token": "abc"}` + "\n"

// BenchmarkAnalyzeSmallJSON is the run / proxy case: every exchange of a script
// run or of the proxy's rows is explained like this one.
//
// 2026-12-03 (bench/explain_analyze.sh, 8 rounds against the revision before,
// load 4-6): 1,296 B and 10 allocs (was 4,024 and 50), 3.5-6.1 µs (was 6.0-13.8);
// BenchmarkAnalyze 2,832 B, 25 allocs (7,328, 101); BenchmarkAnalyzeCache 1,712 B,
// 18 allocs (3,712, 50). A request of runner's BenchmarkRun1000 allocates 105
// objects, 9.9 KB (was 155, 13.5 KB); its handler-% did not separate from the noise.
func BenchmarkAnalyzeSmallJSON(b *testing.B) {
	x := exchange(b, "GET", []string{"User-Agent: Go-http-client/1.1", "Accept-Encoding: gzip"}, smallJSON)
	b.ReportAllocs()
	for b.Loop() {
		Analyze(x)
	}
}
