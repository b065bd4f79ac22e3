package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/jsonsafe"
)

// listedRequest is one row of `httplens list --json`.
type listedRequest struct {
	Address string   `json:"address"` // what send and export curl take to pick it
	Name    string   `json:"name"`
	Title   string   `json:"title"`
	Method  string   `json:"method"`
	URL     string   `json:"url"`
	File    string   `json:"file"`
	Line    int      `json:"line"`
	Errors  []string `json:"errors"` // why it cannot be sent as written
	Notes   []string `json:"notes"`  // what httplens keeps but does not act on (scripts, other tools' directives)
	// Lesson is the request's comment block; FileLesson its file's leading comment.
	Lesson     string `json:"lesson,omitempty"`
	FileLesson string `json:"file_lesson,omitempty"`
}

func newListCmd() *cobra.Command {
	var asJSON, lessons bool
	c := &cobra.Command{
		Use:   "list PATH",
		Short: "List the requests of a collection (.http file or folder)",
		Long: `List the requests of a .http file, or of every .http file in a folder and its
subfolders: the address that send and export curl take (@name, title or #index),
name, title, method, URL (variables unresolved), file and line. With --lessons,
each request is followed by its lesson (its comment block), each file preceded by
its leading comment: the tour read as a text.

A request's problems are printed on stderr as path:line:col lines (errors, then
notes on scripts and constructs httplens does not support); the request is still
listed. A file that cannot be read is reported on stderr and the exit status is 2;
the requests of the other files are still listed.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runList(c.OutOrStdout(), c.ErrOrStderr(), args[0], asJSON, lessons)
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of {address, name, title, method, url, file, line, errors, notes, lesson, file_lesson}")
	c.Flags().BoolVar(&lessons, "lessons", false, "print each request with its lesson (comment block) instead of the table")
	return c
}

func runList(w, errOut io.Writer, path string, asJSON, lessons bool) error {
	coll, err := collections.Load(path)
	if err != nil {
		return usageError("%v", err)
	}
	rows := []listedRequest{}
	for _, f := range coll.Files {
		for _, e := range f.Errors {
			fmt.Fprintf(errOut, "%s\n", printableText(e.Error()))
		}
	}
	for _, e := range coll.Errors[min(1, len(coll.Errors)):] {
		fmt.Fprintf(errOut, "%s\n", printableText(e.Error()))
	}
	for _, r := range coll.Requests() {
		row := listedRequest{coll.Address(r), r.Name, r.Title, r.Method, r.URL, r.File.Path, r.Line(), []string{}, r.Notes(), r.Lesson, r.File.Lesson}
		for _, e := range r.Errors {
			row.Errors = append(row.Errors, e.Error())
			fmt.Fprintf(errOut, "%s\n", printableText(e.Error()))
		}
		for _, n := range row.Notes {
			fmt.Fprintf(errOut, "note: %s\n", printableText(n))
		}
		if row.Notes == nil {
			row.Notes = []string{}
		}
		rows = append(rows, row)
	}
	if asJSON {
		enc := json.NewEncoder(jsonsafe.Writer(w))
		enc.SetIndent("", "  ")
		err = enc.Encode(rows)
	} else if lessons {
		err = writeLessons(w, rows)
	} else {
		err = writeListTable(w, rows)
	}
	if err != nil {
		return err
	}
	// Files that cannot be read, then requests that cannot be sent: the exit
	// status says the collection has problems, everything else is listed.
	problems := len(coll.Errors)
	for _, f := range coll.Files {
		problems += len(f.Problems())
	}
	switch {
	case len(coll.Errors) == 1 && problems == 1:
		return usageError("%v", coll.Errors[0])
	case len(coll.Errors) > 0:
		return usageError("%v (and %d more problems, listed above)", coll.Errors[0], problems-1)
	case problems > 0:
		return usageError("%d problems in the collection, listed above; the other requests are fine", problems)
	}
	return nil
}

func writeListTable(w io.Writer, rows []listedRequest) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ADDRESS\tNAME\tTITLE\tMETHOD\tURL\tFILE\tLINE")
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\n", printableText(r.Address), printableText(dash(r.Name)), printableText(dash(r.Title)),
			printableText(r.Method), printableText(r.URL), printableText(r.File), r.Line)
	}
	return tw.Flush()
}

// writeLessons prints the collection as a text to read: each file's lesson once,
// then each request's address, request line and lesson, indented.
func writeLessons(w io.Writer, rows []listedRequest) error {
	file := ""
	for i, r := range rows {
		if i == 0 || r.File != file {
			file = r.File
			fmt.Fprintf(w, "== %s\n", printableText(file))
			if r.FileLesson != "" {
				fmt.Fprintf(w, "%s\n", indentLesson(r.FileLesson, ""))
			}
			fmt.Fprintln(w)
		}
		title := r.Title
		if title == "" {
			title = r.Address
		}
		fmt.Fprintf(w, "%s  (%s)\n  %s %s\n", printableText(title), printableText(r.Address), printableText(r.Method), printableText(r.URL))
		if r.Lesson != "" {
			fmt.Fprintf(w, "%s\n", indentLesson(r.Lesson, "    "))
		}
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
	}
	return nil
}

// indentLesson makes a lesson printable and puts prefix before each non-empty line.
func indentLesson(lesson, prefix string) string {
	lines := strings.Split(lesson, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + printableText(l)
		}
	}
	return strings.Join(lines, "\n")
}
