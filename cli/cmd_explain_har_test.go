package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func runMain(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestExplainHARRows(t *testing.T) {
	out, errs, code := runMain(t, "explain", "../har/testdata/chrome.har")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"3 entries, saved by WebInspector 537.36",
		"GET     shop.example/",
		"store/store   10m",
		"from the browser's memory cache",
		"error: net::ERR_BLOCKED_BY_CLIENT",
		"lacks: HTTP/2-style pseudo-headers left out of the request",
		"3 exchanges (1 without a response); 2 storable by a cache, 0 of them revalidated",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}

func TestExplainHARSummary(t *testing.T) {
	out, _, code := runMain(t, "explain", "../har/testdata/firefox.har")
	if code != 0 || !strings.Contains(out, "largest never cached:\n    #2 2.0 KB 127.0.0.1:8080/items/1\n  no error") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	out, _, _ = runMain(t, "explain", "../har/testdata/safari.har")
	if !strings.Contains(out, "revalid.") == strings.Contains(out, "1 of them revalidated") {
		t.Errorf("the revalidation column and the summary disagree\n%s", out)
	}
}

func TestExplainHARJSON(t *testing.T) {
	out, errs, code := runMain(t, "explain", "--json", "../har/testdata/firefox.har")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Entries []struct {
			Request struct {
				Headers [][2]string `json:"headers"`
			} `json:"request"`
			Response struct {
				Status int `json:"status"`
			} `json:"response"`
			Explain struct {
				Findings []struct{ ID string } `json:"findings"`
			} `json:"explain"`
			Lacks []string `json:"lacks"`
		} `json:"entries"`
		Summary struct {
			Exchanges int `json:"exchanges"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(doc.Entries) != 2 || doc.Summary.Exchanges != 2 || doc.Entries[1].Response.Status != 412 {
		t.Fatalf("%+v", doc)
	}
	if doc.Entries[0].Request.Headers[1][0] != "If-None-Match" || len(doc.Entries[1].Lacks) != 1 || len(doc.Entries[1].Explain.Findings) == 0 {
		t.Errorf("%+v", doc.Entries)
	}
}

func TestExplainHARBadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.har")
	os.WriteFile(path, []byte("{\"log\": {\n  \"entries\": [\n  {\"request\": }\n]}}"), 0o644)
	_, errs, code := runMain(t, "explain", path)
	if code != 2 || !strings.Contains(errs, path+":3: not a HAR file") {
		t.Fatalf("exit %d: %q", code, errs)
	}
	_, errs, code = runMain(t, "explain", "--method", "PUT", "../har/testdata/chrome.har")
	if code != 2 || !strings.Contains(errs, "--method and --url do not apply") {
		t.Fatalf("exit %d: %q", code, errs)
	}
}

// The history exported as HAR reads back: every exchange, the failed one as such,
// and the hostile URL escaped.
func TestExportHARThenExplain(t *testing.T) {
	out := filepath.Join(t.TempDir(), "round.har")
	if _, err := runExportHARCmd(t, out, "--history", seedHistory(t)); err != nil {
		t.Fatal(err)
	}
	text, errs, code := runMain(t, "explain", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"3 entries, saved by httplens " + version, "GET     127.0.0.1:1/items/1", "2.0 KB",
		"PUT     127.0.0.1:1/items/1                          204", "no response", "3 exchanges (1 without a response)"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	if strings.Contains(text, "\x1b") {
		t.Errorf("an escape byte reached the output:\n%q", text)
	}
}

// A 304 in a HAR answers a revalidation: its row says it refreshes the stored
// response (not "no/no"), and a body the HAR file left out is the file's gap, not
// a cut at a size limit.
func TestExplainHAR304AndBodyNotSaved(t *testing.T) {
	out, errs, code := runMain(t, "explain", "../har/testdata/firefox.har")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	row := ""
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, " 304 ") && row == "" {
			row = l
		}
	}
	if !strings.Contains(row, "refreshes     revalid.") {
		t.Errorf("the 304 row does not say it refreshes the stored response: %q", row)
	}
	if !strings.Contains(out, "1 answered 304 Not Modified, refreshing a stored response") {
		t.Errorf("summary misses the refreshing 304:\n%s", out)
	}
	out, _, _ = runMain(t, "explain", "--json", "../har/testdata/firefox.har")
	var doc struct {
		Entries []struct {
			Explain struct {
				Findings []struct{ ID, Title string } `json:"findings"`
				Cache    struct {
					Private struct{ Refreshes bool } `json:"private"`
				} `json:"cache"`
			} `json:"explain"`
		} `json:"entries"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Entries) != 2 {
		t.Fatalf("%v\n%s", err, out)
	}
	if !doc.Entries[0].Explain.Cache.Private.Refreshes {
		t.Errorf("cache.private.refreshes false for the 304")
	}
	var titles []string
	for _, f := range doc.Entries[1].Explain.Findings {
		if f.ID == "body-truncated" {
			t.Errorf("the unsaved body is explained as cut by a size limit: %s", f.Title)
		}
		titles = append(titles, f.Title)
	}
	if !slices.Contains(titles, "Body not kept: the HAR file has none of its 2000 bytes") {
		t.Errorf("findings %q", titles)
	}
}
