package collections

import (
	"os"
	"strings"
	"testing"
)

func TestLesson(t *testing.T) {
	tests := []struct {
		name, src      string
		fileLesson     string
		requestLessons []string
	}{
		{
			name:           "a comment block under the title is the request's lesson",
			src:            "### Read\n# Send it, then open the\n# Headers tab.\nGET /a\n",
			requestLessons: []string{"Send it, then open the\nHeaders tab."},
		},
		{
			name:           "directives are not lesson text, the lines around them are",
			src:            "### Read\n# First line.\n# @name read\n// Second line.\nGET /a\n",
			requestLessons: []string{"First line.\nSecond line."},
		},
		{
			name:           "an empty comment line and a blank line keep paragraphs; blank ends are dropped",
			src:            "### Read\n\n# One.\n#\n# Two.\n\n# Three.\n\nGET /a\n",
			requestLessons: []string{"One.\n\nTwo.\n\nThree."},
		},
		{
			name:           "the comment before the first ### is the file's lesson",
			src:            "# What this file is about.\n#   indented stays indented\n\n### A\nGET /a\n\n### B\n# b's lesson\nGET /b\n",
			fileLesson:     "What this file is about.\n  indented stays indented",
			requestLessons: []string{"", "b's lesson"},
		},
		{
			name:           "a file without ### gives its first request the comment",
			src:            "# about a\nGET /a\n",
			requestLessons: []string{"about a"},
		},
		{
			name:           "comments between headers and in the body are not the lesson",
			src:            "### A\nGET /a\n# not a lesson\nAccept: */*\n\n{\"x\": 1}\n",
			requestLessons: []string{""},
		},
		{
			name:           "no comment, no lesson; CRLF lines lose their CR",
			src:            "### A\r\n# crlf lesson\r\nGET /a\r\n",
			requestLessons: []string{"crlf lesson"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("x.http", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if f.Lesson != tt.fileLesson {
				t.Errorf("file lesson = %q, want %q", f.Lesson, tt.fileLesson)
			}
			if len(f.Requests) != len(tt.requestLessons) {
				t.Fatalf("%d requests, want %d", len(f.Requests), len(tt.requestLessons))
			}
			for i, want := range tt.requestLessons {
				if got := f.Requests[i].Lesson; got != want {
					t.Errorf("request %d lesson = %q, want %q", i, got, want)
				}
			}
		})
	}
}

// TestLessonKeptOnSave edits a request with a lesson and saves it: the comment
// bytes stay exactly as written, and the lesson reads back the same.
func TestLessonKeptOnSave(t *testing.T) {
	src := "# File lesson.\n\n### Read\n# Press ctrl+r,  then 5.\n#\n# @name read\n// and look at the ETag\nGET http://127.0.0.1/a\nAccept: */*\n\n### Other\nGET http://127.0.0.1/b\n"
	path := writeTemp(t, "l.http", src, 0o644)
	c, err := Load(path)
	if err != nil || len(c.Errors) > 0 {
		t.Fatalf("Load: %v %v", err, c.Errors)
	}
	f := c.Files[0]
	edited := f.Requests[0]
	edited.URL = "http://127.0.0.1/a2"
	edited.Headers = append(edited.Headers, Header{Name: "If-Match", Value: `"x"`})
	edited.Lesson = "a lesson changed in memory is never written"
	content, err := f.Replace(0, edited)
	if err != nil {
		t.Fatal(err)
	}
	nf, err := Save(f, content)
	if err != nil {
		t.Fatal(err)
	}
	disk, _ := os.ReadFile(path)
	for _, kept := range []string{"# File lesson.\n\n### Read\n# Press ctrl+r,  then 5.\n#\n# @name read\n// and look at the ETag\nGET http://127.0.0.1/a2\n"} {
		if !strings.Contains(string(disk), kept) {
			t.Errorf("saved file lost %q:\n%s", kept, disk)
		}
	}
	if want := "Press ctrl+r,  then 5.\n\nand look at the ETag"; nf.Requests[0].Lesson != want {
		t.Errorf("lesson after save = %q, want %q", nf.Requests[0].Lesson, want)
	}
	if nf.Lesson != "File lesson." {
		t.Errorf("file lesson after save = %q", nf.Lesson)
	}
}

// TestTourLessons: every tour file says what it is about and every tour request
// says what to do.
func TestTourLessons(t *testing.T) {
	c, err := Tour()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range c.Files {
		if f.Lesson == "" {
			t.Errorf("%s has no leading lesson", f.Path)
		}
		for _, r := range f.Requests {
			if r.Lesson == "" {
				t.Errorf("%s: %q has no lesson", f.Path, r.Title)
			}
		}
	}
}
