package collections

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadFolder(t *testing.T) {
	c, err := Load("testdata/folder")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range c.Files {
		got = append(got, filepath.ToSlash(f.Path)+" group="+f.Group)
	}
	want := "testdata/folder/a.http group=,testdata/folder/bad.http group=,testdata/folder/sub/b.http group=sub"
	if strings.Join(got, ",") != want {
		t.Errorf("files = %v\nwant %s (bad.http loaded, .hidden skipped)", got, want)
	}
	if len(c.Errors) != 0 {
		t.Errorf("file errors = %v, want none: a bad request is not a bad file", c.Errors)
	}
	bad := c.Files[1].Problems()
	if len(bad) != 1 || bad[0].Error() != "testdata/folder/bad.http:3:1: expected a header (Name: value), or a blank line before the body" {
		t.Errorf("bad.http problems = %v, want one naming bad.http:3:1", bad)
	}
	if n := len(c.Requests()); n != 7 {
		t.Errorf("%d requests, want 7", n)
	}
	if c.Dir != "testdata/folder" {
		t.Errorf("Dir = %q", c.Dir)
	}
}

func TestLoadFile(t *testing.T) {
	c, err := Load("testdata/parse/basic.http")
	if err != nil || len(c.Errors) > 0 {
		t.Fatal(err, c.Errors)
	}
	if c.Dir != "testdata/parse" || len(c.Files) != 1 || len(c.Requests()) != 6 {
		t.Errorf("Dir %q, %d files, %d requests", c.Dir, len(c.Files), len(c.Requests()))
	}
	bad, err := Load("testdata/folder/bad.http")
	if err != nil || len(bad.Errors) != 0 || len(bad.Files) != 1 || len(bad.Files[0].Requests[0].Errors) != 1 {
		t.Errorf("a bad file: %v %v %d files", err, bad.Errors, len(bad.Files))
	}
	if _, err := Load("testdata/nothing-here"); !os.IsNotExist(err) {
		t.Errorf("a missing path: %v", err)
	}
}

func TestFind(t *testing.T) {
	c, err := Load("testdata/folder")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query, wantName, wantErr string
	}{
		{"aRead", "aRead", ""},
		{"Log in", "login", ""},
		{"log IN", "login", ""},
		{"Ping", "", ""},
		{"Read item", "", `request "Read item" is ambiguous: it matches aRead "Read item" (testdata/folder/a.http:12), bRead "Read item" (testdata/folder/sub/b.http:3)`},
		{"nope", "", `no request "nope"; available: login "Log in" (testdata/folder/a.http:5), aRead "Read item"`},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			r, err := c.Find(tc.query)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("error = %v\nwant %s", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Name != tc.wantName || (tc.query == "Ping" && r.URL != "http://127.0.0.1/ping") {
				t.Errorf("found %q %q", r.Name, r.Title)
			}
		})
	}
}
