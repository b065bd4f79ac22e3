package postman

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/httplens/httplens/collections"
)

// converted converts the test collection and writes it to a new folder.
func converted(t *testing.T) (string, Result) {
	t.Helper()
	data, err := os.ReadFile("testdata/shop.postman_collection.json")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Convert(data, "")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := Write(dir, res.Files); err != nil {
		t.Fatal(err)
	}
	return dir, res
}

func TestConvertReadsBackAsACollection(t *testing.T) {
	dir, _ := converted(t)
	coll, err := collections.Load(dir)
	if err != nil || len(coll.Errors) > 0 {
		t.Fatalf("Load: %v %v", err, coll.Errors)
	}
	type row struct {
		Group, Title, Method, URL string
		Headers                   []collections.Header
		Body                      string
	}
	multipart := "--" + boundary + "\nContent-Disposition: form-data; name=\"source\"\n\nlegacy shop\n--" + boundary + "--"
	want := []row{
		{"Items/Admin", "Delete item", "DELETE", "{{baseUrl}}/items/42", []collections.Header{{Name: "If-Match", Value: `"v1"`}, {Name: "Authorization", Value: "Basic YWRtaW46czNjcmV0"}}, ""},
		{"Items/Admin", "Import items", "POST", "{{baseUrl}}/items/import", []collections.Header{{Name: "Content-Type", Value: "multipart/form-data; boundary=" + boundary}}, multipart},
		{"Items", "List items", "GET", "{{baseUrl}}/items?page=1&q={{$uuid}}", []collections.Header{{Name: "Accept", Value: "application/json"}, {Name: "Authorization", Value: "Bearer {{token}}"}}, ""},
		{"Items", "Create item", "POST", "{{baseUrl}}/items", []collections.Header{{Name: "Authorization", Value: "Bearer {{token}}"}, {Name: "Content-Type", Value: "application/json"}}, "{\n  \"name\": \"Widget\",\n  \"price\": 12.5\n}"},
		{"", "Health", "GET", "{{baseUrl}}/health", nil, ""},
		{"", "Login", "POST", "{{baseUrl}}/login", []collections.Header{{Name: "Authorization", Value: "Bearer {{token}}"}, {Name: "Content-Type", Value: "application/x-www-form-urlencoded"}}, "user={{adminUser}}&note=a%26b+c"},
	}
	var got []row
	for _, r := range coll.Requests() {
		hs := r.Headers
		if len(hs) == 0 {
			hs = nil
		}
		got = append(got, row{r.File.Group, r.Title, r.Method, r.URL, hs, string(r.Body)})
	}
	if len(got) != len(want) {
		t.Fatalf("got %d requests, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		t.Run(want[i].Title, func(t *testing.T) {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("got\n%+v\nwant\n%+v", got[i], want[i])
			}
		})
	}
}

func TestConvertVariablesBecomeTheSharedEnvironment(t *testing.T) {
	dir, _ := converted(t)
	env, err := collections.LoadEnv(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"baseUrl": "https://shop.example.com/api", "token": "tok-123", "adminUser": "admin", "adminPass": "s3cret"}
	if !reflect.DeepEqual(env, want) {
		t.Errorf("env = %v, want %v", env, want)
	}
	coll, _ := collections.Load(dir)
	r, err := coll.Find("List items")
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&collections.Resolver{Env: env}).Resolve(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(res.URL, "https://shop.example.com/api/items?page=1&q=") || res.Headers[1].Value != "Bearer tok-123" {
		t.Errorf("resolved to %s %v", res.URL, res.Headers)
	}
}

func TestConvertListsWhatIsNotCarriedOver(t *testing.T) {
	_, res := converted(t)
	notes := strings.Join(res.Notes, "\n")
	for _, want := range []string{
		"collection: pre-request script not carried over",
		"Items/List items: tests not carried over",
		"Items/List items: disabled header X-Debug left out",
		"Items/Admin/Import items: oauth2 auth not carried over",
		"Items/Admin/Import items: form-data file field file not carried over",
		"Items/Admin/Delete item: basic auth encoded with the values of collection variables",
		"Login: disabled form field skip left out",
		"collection variable old is disabled",
	} {
		t.Run(want, func(t *testing.T) {
			if !strings.Contains(notes, want) {
				t.Errorf("notes do not say %q:\n%s", want, notes)
			}
		})
	}
}

func TestConvertV20(t *testing.T) {
	data := `{"info": {"name": "Old", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},
	  "item": [{"name": "Me", "request": {"method": "get", "header": "Accept: text/plain\nX-A: 1",
	    "auth": {"type": "basic", "basic": {"username": "u", "password": "p"}}, "url": "https://x.test/me"}},
	    {"name": "Bare", "request": "https://x.test/bare"},
	    {"name": "Key", "request": {"method": "GET", "url": "https://x.test/k", "auth": {"type": "apikey", "apikey": {"key": "api_key", "value": "K", "in": "query"}}}}]}`
	res, err := Convert([]byte(data), "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 || res.Files[0].Path != "Old.http" {
		t.Fatalf("files: %+v", res.Files)
	}
	want := "### Me\nGET https://x.test/me\nAccept: text/plain\nX-A: 1\nAuthorization: Basic dTpw\n\n### Bare\nGET https://x.test/bare\n\n### Key\nGET https://x.test/k?api_key=K\n"
	if got := string(res.Files[0].Content); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestConvertErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"not json", `{"info":`, "not a Postman collection"},
		{"v1 schema", `{"info": {"schema": "https://schema.getpostman.com/json/collection/v1.0.0/collection.json"}}`, "only v2.0 and v2.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Convert([]byte(tt.data), "")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// TestConvertKeepsGoing: a request that cannot be carried is skipped with a note
// saying why, and every other request is written.
func TestConvertKeepsGoing(t *testing.T) {
	data := `{"info": {"name": "x"}, "item": [
		{"name": "no url", "request": {"method": "GET"}},
		{"name": "blank url", "request": {"method": "GET", "url": ""}},
		{"name": "hashes", "request": {"method": "POST", "url": "http://x", "body": {"mode": "raw", "raw": "a\n### b"}}},
		{"name": "split", "request": {"method": "POST", "url": "http://x", "body": {"mode": "raw", "raw": "a\n\nGET /other"}}},
		{"name": "string script", "event": [{"listen": "test", "script": "tests['ok'] = true;"}], "request": "http://x/script"},
		{"name": "no redirect", "protocolProfileBehavior": {"followRedirects": false, "disableCookies": true, "maxRedirects": 3}, "request": {"method": "GET", "url": "http://x/r"}},
		{"name": "good", "request": {"method": "GET", "url": "http://x/good"}}]}`
	res, err := Convert([]byte(data), "")
	if err != nil {
		t.Fatal(err)
	}
	want := "### string script\nGET http://x/script\n\n### no redirect\n# @no-cookie-jar\n# @no-redirect\nGET http://x/r\n\n### good\nGET http://x/good\n"
	if len(res.Files) != 1 || string(res.Files[0].Content) != want {
		t.Fatalf("files %+v\nwant %q", res.Files, want)
	}
	notes := strings.Join(res.Notes, "\n")
	for _, n := range []string{
		"no url: the request has no URL; the request is skipped",
		"blank url: the request has no URL; the request is skipped",
		"hashes: a body line starts with ###",
		"split: the request cannot be written as .http: it would read back as 2 requests",
		"string script: tests not carried over",
		"no redirect: protocolProfileBehavior maxRedirects: 3 has no .http equivalent",
	} {
		if !strings.Contains(notes, n) {
			t.Errorf("no note %q in\n%s", n, notes)
		}
	}
}

func TestWriteNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "sub", "b.http")
	os.MkdirAll(filepath.Dir(existing), 0o755)
	os.WriteFile(existing, []byte("mine"), 0o644)
	err := Write(dir, []File{{"a.http", []byte("GET http://x\n")}, {"sub/b.http", []byte("GET http://y\n")}})
	if err == nil || !strings.Contains(err.Error(), existing) {
		t.Fatalf("error %v, want one naming %s", err, existing)
	}
	if b, _ := os.ReadFile(existing); string(b) != "mine" {
		t.Errorf("the existing file was changed: %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.http")); err == nil {
		t.Errorf("a.http was written although the conversion was refused")
	}
}
