package collections

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// corpusDir holds .http files from the documentation and tests of httpyac,
// rest.nvim, kulala.nvim and resterm, byte-exact (see its README and SOURCES.tsv).
const corpusDir = "testdata/corpus/http/"

// corpusCase is what one corpus file must give: the requests its tool lists and,
// for each, the URL it resolves to in env (with vars), or "error: text" when it
// cannot be sent here and says why. A URL ending in * is a prefix.
type corpusCase struct {
	file string
	env  string
	vars map[string]string
	want []string
}

var corpusCases = []corpusCase{
	{file: "httpyac+httpyac.github.io/examples/api/github.http", want: []string{"https://api.github.com/graphql", "https://api.github.com/graphql"}},
	{file: "httpyac+httpyac.github.io/examples/api/httpbin.http", want: []string{
		"https://httpbin.org/delete", "https://httpbin.org/get", "https://httpbin.org/patch", "https://httpbin.org/post", "https://httpbin.org/put",
		"https://httpbin.org/status/200", "https://httpbin.org/status/200", "https://httpbin.org/status/200", "https://httpbin.org/status/200", "https://httpbin.org/status/200"}},
	{file: "httpyac+httpyac.github.io/examples/api/spacex.http", want: []string{"https://api.spacexdata.com/v4/launches/latest", "https://api.spacexdata.com/v4/capsules"}},
	{file: "httpyac+httpyac.github.io/examples/api/spacex_graphql.http", want: []string{"https://main--spacex-l4uc6p.apollographos.net/graphql"}},
	{file: "httpyac+httpyac.github.io/examples/configfile/environments_env/test.http", env: "dev", want: []string{"https://httpbin.org/anything?q=dev"}},
	{file: "httpyac+httpyac.github.io/examples/configfile/environments_env/test.http", want: []string{"https://httpbin.org/anything?q=none"}},
	{file: "httpyac+httpyac.github.io/examples/intellij/postrequestscript.http", env: "Local", want: []string{"https://postman-echo.com/post"}},
	{file: "httpyac+httpyac.github.io/examples/intellij/prerequestscript.http", env: "Local", want: []string{"error: unresolved variable {{firstname}}"}},
	{file: "httpyac+httpyac.github.io/examples/metaData/name.http", want: []string{"https://httpbin.org/json", "error: expected a header"}},
	{file: "httpyac+httpyac.github.io/examples/metaData/ref.http", want: []string{"https://httpbin.org/anything?id=*", "error: expected a header", "error: expected a header"}},
	{file: "httpyac+httpyac.github.io/examples/project/http/httpMethods.http", want: append([]string{
		"https://httpbin.org/get", "https://httpbin.org/post", "https://httpbin.org/put", "https://httpbin.org/delete", "https://httpbin.org/patch",
		"https://httpbin.org/get", "https://httpbin.org/get", "https://httpbin.org/connect", "https://httpbin.org/trace"},
		strings.Split(strings.Repeat("https://httpbin.org/get ", 15), " ")[:15]...)},
	{file: "httpyac+httpyac.github.io/examples/project/intellijEnvironments/test.http", env: "dev", want: []string{"https://httpbin.org/anything?var=private"}},
	{file: "httpyac+httpyac.github.io/examples/project/intellijEnvironments/test.http", env: "prod", want: []string{"https://httpbin.org/anything?var=prod"}},
	{file: "httpyac+httpyac.github.io/examples/request/cookie.http", want: []string{"https://httpbin.org/cookies"}},
	{file: "httpyac+httpyac.github.io/examples/request/graphql/graphql.http", want: []string{"https://countries.trevorblades.com/graphql"}},
	{file: "httpyac+httpyac.github.io/examples/request/grpc/grpc.http", want: []string{"error: GRPC requests are not supported here"}},
	{file: "httpyac+httpyac.github.io/examples/request/headers.http", want: []string{"https://httpbin.org/anything"}},
	{file: "httpyac+httpyac.github.io/examples/request/queryStringMultiline.http", want: []string{"https://httpbin.org/anything?q=httpyac&ie=UTF-8"}},
	{file: "httpyac+httpyac.github.io/examples/request/requestBody/multipartFormData.http", want: []string{"error: dummy.pdf: no such file"}},
	{file: "httpyac+httpyac.github.io/examples/request/requestBody/requestBody.http", want: []string{"https://httpbin.org/anything"}},
	{file: "httpyac+httpyac.github.io/examples/request/requestBody/requestBodyImport.http", want: []string{"error: requestBodyImport.json: no such file"}},
	{file: "httpyac+httpyac.github.io/examples/request/requestlineMultiline.http", want: []string{"https://httpbin.org/get"}},
	{file: "httpyac+httpyac.github.io/examples/request/xml.http", want: []string{"error: the URL /xml has no host"}},
	{file: "httpyac+httpyac.github.io/examples/script/script.http", want: []string{"error: unresolved variable {{authDate}}"}},
	{file: "httpyac+httpyac.github.io/examples/variables/basicAuth.http", want: []string{"error: has no host"}},
	{file: "httpyac+httpyac.github.io/examples/variables/basicAuth.http", vars: map[string]string{"host": "http://127.0.0.1"}, want: []string{"http://127.0.0.1/basic-auth/doe/12345678"}},
	{file: "httpyac+httpyac.github.io/examples/variables/input.http", want: []string{"error: unknown dynamic variable {{$input"}},
	{file: "httpyac+httpyac.github.io/examples/variables/intellij.http", want: []string{"https://httpbin.org/anything?$timestamp=1700000000&$uuid=*"}},
	{file: "mistweaverco+kulala.nvim/docs/static/import/demos/2.variables.http", want: []string{
		"https://api.thecatapi.com/v1/images/search", "https://api.thecatapi.com/v1/images/search?limit=3", "error: unresolved variable {{FROM_ENV_FILE_URL}}"}},
	{file: "mistweaverco+kulala.nvim/docs/static/import/demos/3.access-token.http", want: []string{
		"https://httpbin.org/post", "error: request login has no response yet", "error: request login has no response yet"}},
	{file: "mistweaverco+kulala.nvim/tests/functional/requests/advanced_A.http", want: []string{"https://httpbin.org/advanced_1", "https://httpbin.org/advanced_2"}},
	{file: "rest-nvim+rest.nvim/spec/examples/basic_get.http", want: []string{
		"https://api.github.com/users/boltlessengineer", "http://localhost:9999", "http://example.com:8080/api/html/get?id=123&value=content"}},
	{file: "rest-nvim+rest.nvim/spec/examples/request_body/external_body.http", want: []string{"https://example.com:8080/api/html/post", "https://example.com:8080/api/html/post"}},
	{file: "rest-nvim+rest.nvim/spec/examples/request_body/form_urlencoded.http", want: []string{"https://ijhttp-examples.jetbrains.com/post", "https://ijhttp-examples.jetbrains.com/post"}},
	{file: "rest-nvim+rest.nvim/spec/examples/request_body/graphql.http", want: []string{"https://api.github.com/graphql", "https://api.github.com/graphql"}},
	{file: "rest-nvim+rest.nvim/spec/examples/request_body/raw_body.http", want: []string{"https://example.com", "https://example.com", "https://example.com"}},
	{file: "rest-nvim+rest.nvim/spec/examples/script/post_request_script.http", want: []string{"https://jsonplaceholder.typicode.com/posts/3", "error: unresolved variable {{postId}}"}},
	{file: "rest-nvim+rest.nvim/spec/examples/script/pre_request_script.http", want: []string{"error: unresolved variable {{postId}}", "error: unresolved variable {{postId}}"}},
	{file: "rest-nvim+rest.nvim/spec/examples/url_without_host.http", want: []string{
		"http://example.com:8080/api", "https://example.com:443/api", "http://example.com/api", "http://example.com/api"}},
	{file: "rest-nvim+rest.nvim/spec/examples/variables/dynamic_vars.http", want: []string{"https://reqres.in/api/users"}},
	{file: "rest-nvim+rest.nvim/spec/examples/variables/in_place_variables.http", want: []string{"http://example.org/users", "http://example.net/users", "http://example.net/stats"}},
	{file: "rest-nvim+rest.nvim/spec/examples/variables/prompt_variables.http", want: []string{"error: {{user}} is asked for by # @prompt: pass --var user=VALUE"}},
	{file: "rest-nvim+rest.nvim/spec/examples/variables/prompt_variables.http", vars: map[string]string{"user": "octocat"}, want: []string{"https://api.github.com/users/octocat"}},
	{file: "unkn0wn-root+resterm/_examples/basic.http", env: "dev", want: []string{
		"https://httpbin.org/status/204", "https://raw.githubusercontent.com/unkn0wn-root/resterm/main/_media/resterm_base.png", "https://httpbin.org/anything/posts",
		"error: {{$timestamp + 6d}}", "error: unknown dynamic variable {{$randomName}}",
		"https://httpbin.org/bearer", "https://httpbin.org/anything/oauth2-demo", "https://httpbin.org/anything/oauth2-demo-reuse"}},
	{file: "unkn0wn-root+resterm/_examples/compare.http", env: "prod", want: []string{"https://httpbin.org/anything/api-prod/status", "https://httpbin.org/anything/api-prod/feature-flags/rollout-feature"}},
	{file: "unkn0wn-root+resterm/_examples/curl-import.http", want: []string{"https://api.example.com/search?q=hello", "https://api.example.com/login"}},
	{file: "unkn0wn-root+resterm/_examples/graphql.http", env: "stage", want: []string{"https://httpbin.org/anything/graphql-stage", "https://httpbin.org/anything/graphql-stage"}},
	{file: "unkn0wn-root+resterm/_examples/scripts.http", env: "dev", want: []string{"error: {{reporting.sharedSecret}}", "error: {{reporting.apiKey}}"}},
	{file: "unkn0wn-root+resterm/_examples/workflows.http", env: "dev", want: []string{"error: {{base_url}}", "error: {{base_url}}", "error: {{base_url}}", "error: {{base_url}}"}},
	{file: "unkn0wn-root+resterm/_examples/xml.http", env: "dev", want: []string{"https://httpbin.org/anything/xml", "error: no such file"}},
}

// TestCorpus: every corpus file loads with no file-level problem, lists the
// requests its tool shows, and resolves what it can here (the rest says why not).
func TestCorpus(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range corpusCases {
		covered[tc.file] = true
		t.Run(tc.file+"/"+tc.env, func(t *testing.T) {
			c, err := Load(corpusDir + tc.file)
			if err != nil || len(c.Errors) > 0 || len(c.Files) != 1 || len(c.Files[0].Errors) > 0 {
				t.Fatalf("load: %v %v", err, c.Errors)
			}
			all := c.Requests()
			if len(all) != len(tc.want) {
				t.Fatalf("%d requests, want %d", len(all), len(tc.want))
			}
			env, err := LoadEnv(c.Dir, tc.env)
			if err != nil {
				t.Fatal(err)
			}
			rv := &Resolver{Env: env, Vars: tc.vars, Now: func() time.Time { return time.Unix(1700000000, 0) },
				Rand: rand.New(rand.NewPCG(1, 2)), LookupEnv: func(string) (string, bool) { return "", false }}
			for i, r := range all {
				got, err := rv.Resolve(r)
				want := tc.want[i]
				switch msg, isErr := strings.CutPrefix(want, "error: "); {
				case isErr && (err == nil || !strings.Contains(err.Error(), msg)):
					t.Errorf("request %d (line %d): error %v, want one with %q", i, r.Line(), err, msg)
				case isErr:
				case err != nil:
					t.Errorf("request %d (line %d): %v", i, r.Line(), err)
				case strings.HasSuffix(want, "*") && !strings.HasPrefix(got.URL, strings.TrimSuffix(want, "*")),
					!strings.HasSuffix(want, "*") && got.URL != want:
					t.Errorf("request %d (line %d): URL %q, want %q", i, r.Line(), got.URL, want)
				}
			}
		})
	}
	filepath.WalkDir(corpusDir, func(p string, _ os.DirEntry, _ error) error {
		if rel := strings.TrimPrefix(filepath.ToSlash(p), corpusDir); filepath.Ext(p) == ".http" && !covered[rel] {
			t.Errorf("%s has no case in corpusCases", rel)
		}
		return nil
	})
}

// TestCorpusWriteBack: for every corpus file an unchanged save is byte-identical
// and an edit of one request changes only that request's lines.
func TestCorpusWriteBack(t *testing.T) {
	seen := map[string]bool{}
	for _, tc := range corpusCases {
		if seen[tc.file] {
			continue
		}
		seen[tc.file] = true
		t.Run(tc.file, func(t *testing.T) {
			f := parseFile(t, corpusDir+tc.file)
			for i, r := range f.Requests {
				out, err := f.Replace(i, r)
				if err != nil || !bytes.Equal(out, f.Content) {
					t.Fatalf("request %d: unchanged write-back differs (%v)", i, err)
				}
				if len(r.Errors) > 0 {
					continue
				}
				edited := r
				edited.Headers = append([]Header{{Name: "X-Edited", Value: "1"}}, r.Headers...)
				out, err = f.Replace(i, edited)
				if err != nil {
					t.Fatalf("request %d: edit refused: %v", i, err)
				}
				start, end := r.Block.Start.Offset, r.Block.End.Offset
				tail := len(f.Content) - end
				if !bytes.Equal(out[:start], f.Content[:start]) || !bytes.Equal(out[len(out)-tail:], f.Content[end:]) {
					t.Errorf("request %d: the edit changed bytes outside lines %d-%d", i, r.Block.Start.Line, r.Block.End.Line)
				}
				back, err := Parse(f.Path, out)
				if err != nil || len(back.Requests) != len(f.Requests) || len(back.Requests[i].Scripts) != len(r.Scripts) {
					t.Errorf("request %d: the edited file reads back differently (%v)", i, err)
				}
			}
		})
	}
}
