package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/jsonsafe"
)

// listedRequest is one row of `httplens list --json`.
type listedRequest struct {
	Name   string `json:"name"`
	Title  string `json:"title"`
	Method string `json:"method"`
	URL    string `json:"url"`
	File   string `json:"file"`
	Line   int    `json:"line"`
}

func newListCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "list PATH",
		Short: "List the requests of a collection (.http file or folder)",
		Long: `List the requests of a .http file, or of every .http file in a folder and its
subfolders: name, title, method, URL (variables unresolved), file and line.

A file that does not parse is reported on stderr as path:line:col and the exit
status is 2; the requests of the other files are still listed.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runList(c.OutOrStdout(), args[0], asJSON)
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of {name, title, method, url, file, line}")
	return c
}

func runList(w io.Writer, path string, asJSON bool) error {
	coll, err := collections.Load(path)
	if err != nil {
		return usageError("%v", err)
	}
	rows := []listedRequest{}
	for _, r := range coll.Requests() {
		rows = append(rows, listedRequest{r.Name, r.Title, r.Method, r.URL, r.File.Path, r.Line()})
	}
	if asJSON {
		enc := json.NewEncoder(jsonsafe.Writer(w))
		enc.SetIndent("", "  ")
		err = enc.Encode(rows)
	} else {
		err = writeListTable(w, rows)
	}
	if err != nil {
		return err
	}
	switch n := len(coll.Errors); {
	case n == 1:
		return usageError("%v", coll.Errors[0])
	case n > 1:
		return usageError("%v (and %d more files with errors)", coll.Errors[0], n-1)
	}
	return nil
}

func writeListTable(w io.Writer, rows []listedRequest) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTITLE\tMETHOD\tURL\tFILE\tLINE")
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\n", printableText(dash(r.Name)), printableText(dash(r.Title)),
			printableText(r.Method), printableText(r.URL), printableText(r.File), r.Line)
	}
	return tw.Flush()
}
