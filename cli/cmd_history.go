package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/jsonsafe"
	"github.com/httplens/httplens/settings"
)

// historyRow is one element of `httplens history --json`.
type historyRow struct {
	ID         int64     `json:"id"`
	Time       time.Time `json:"time"`
	Method     string    `json:"method"`
	URL        string    `json:"url"`
	Status     int       `json:"status"`
	Reason     string    `json:"reason"`
	BodyBytes  int64     `json:"body_bytes"`
	DurationMS float64   `json:"duration_ms"`
	ETag       string    `json:"etag"`
	File       string    `json:"file"`
	Name       string    `json:"name"`
	Error      string    `json:"error,omitempty"`
}

func newHistoryCmd() *cobra.Command {
	var asJSON bool
	var limit int
	var path string
	c := &cobra.Command{
		Use:   "history",
		Short: "List past exchanges, newest first",
		Long: `List the exchanges kept in the history database, newest first: id, time, method,
URL, status, body size, duration, ETag and the saved request (file#name).

The database is --history PATH, else $HTTPLENS_HISTORY, else httplens/history.db
in the XDG state folder. A status of ERR means no response arrived.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runHistory(c.Context(), c.OutOrStdout(), path, limit, asJSON)
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of {id, time, method, url, status, reason, body_bytes, duration_ms, etag, file, name, error}")
	c.Flags().IntVar(&limit, "limit", 50, "show at most N exchanges (0: all)")
	addHistoryFlag(c.Flags(), &path)
	return c
}

// addHistoryFlag adds --history PATH, the database to use.
func addHistoryFlag(f *pflag.FlagSet, path *string) {
	f.StringVar(path, "history", "", "history database (default $"+history.EnvPath+", else the XDG state folder)")
}

// historyPath picks the database: the --history flag, then $HTTPLENS_HISTORY, then
// the XDG state folder.
func historyPath(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	return history.DefaultPath()
}

// openExistingHistory opens the database for a command that only reads it; ok is
// false when there is no database yet, which is not an error: nothing was sent.
func openExistingHistory(flag string) (s *history.Store, ok bool, err error) {
	path, err := historyPath(flag)
	if err != nil {
		return nil, false, usageError("%v", err)
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	s, err = history.Open(path, history.Options{})
	if err != nil {
		return nil, false, usageError("%v", err)
	}
	return s, true, nil
}

func runHistory(ctx context.Context, w io.Writer, flag string, limit int, asJSON bool) error {
	if limit < 0 {
		return usageError("--limit %d: want 0 (all) or more", limit)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	var rows []history.Summary
	s, ok, err := openExistingHistory(flag)
	if err != nil {
		return err
	}
	if ok {
		defer s.Close()
		if rows, err = s.List(ctx, history.Filter{Limit: limit}); err != nil {
			return failedError(err)
		}
	}
	if asJSON {
		return writeHistoryJSON(w, rows)
	}
	return writeHistoryTable(w, rows)
}

func writeHistoryJSON(w io.Writer, rows []history.Summary) error {
	out := make([]historyRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, historyRow{
			ID: r.ID, Time: r.Sent, Method: r.Method, URL: r.URL, Status: r.Status, Reason: r.Reason,
			BodyBytes: r.BodyBytes, DurationMS: ms(r.Total), ETag: r.ETag, File: r.File, Name: r.Name, Error: r.Err,
		})
	}
	enc := json.NewEncoder(jsonsafe.Writer(w))
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeHistoryTable(w io.Writer, rows []history.Summary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTIME\tMETHOD\tURL\tSTATUS\tSIZE\tDURATION\tETAG\tREQUEST")
	for _, r := range rows {
		status := fmt.Sprint(r.Status)
		if r.Status == 0 {
			status = "ERR"
		}
		etag := r.ETag
		if etag == "" {
			etag = "-"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Sent.Format("2006-01-02 15:04:05"),
			printableText(r.Method), printableText(r.URL), status, formatSize(r.BodyBytes),
			formatDuration(r.Total), printableText(etag), printableText(requestRef(r.File, r.Name)))
	}
	return tw.Flush()
}

// requestRef names a saved request as file#name; "-" for an ad-hoc one.
func requestRef(file, name string) string {
	switch {
	case file == "" && name == "":
		return "-"
	case name == "":
		return file
	}
	return file + "#" + name
}

func formatSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

func formatDuration(d time.Duration) string {
	if d >= time.Millisecond {
		return d.Round(time.Millisecond).String()
	}
	return d.Round(time.Microsecond).String()
}

// historyOptions returns the history.Options the settings give.
func historyOptions(h settings.History) history.Options {
	o := history.Options{
		KeepPerRequest: h.KeepPerRequest,
		MaxBytes:       h.MaxSize,
		MaxBody:        h.MaxBody,
		StoreSecrets:   h.StoreSecrets,
		SecretNames:    h.SecretNames,
	}
	// In the file 0 means "no limit"; history.Options says that with a negative number.
	if o.KeepPerRequest == 0 {
		o.KeepPerRequest = -1
	}
	if o.MaxBytes == 0 {
		o.MaxBytes = -1
	}
	return o
}
