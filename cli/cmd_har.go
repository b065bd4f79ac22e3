package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/httplens/httplens/atomicfile"
	"github.com/httplens/httplens/history"
)

func newExportHARCmd() *cobra.Command {
	var force bool
	var path string
	var limit int
	c := &cobra.Command{
		Use:   "har OUT.har",
		Short: "Write the history as a HAR 1.2 file",
		Long: `Write the exchanges kept in the history database to OUT.har in HAR 1.2, oldest
first, so they open in a browser's network panel or any HAR viewer.

An existing OUT.har is not overwritten without --force. The file is written
to a temporary file first and renamed, so a failed export leaves nothing half
written. Secret header values are exported as they were stored (redacted
unless the history was set to store them).`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			n, err := runExportHAR(c.Context(), args[0], path, limit, force)
			if err == nil {
				fmt.Fprintf(c.ErrOrStderr(), "wrote %d exchanges to %s\n", n, args[0])
			}
			return err
		},
	}
	c.Flags().BoolVar(&force, "force", false, "overwrite OUT.har if it exists")
	c.Flags().IntVar(&limit, "limit", 0, "export only the newest N exchanges (0: all)")
	addHistoryFlag(c.Flags(), &path)
	return c
}

// errExists is returned when OUT.har exists and --force was not given.
func errExists(out string) error {
	return usageError("%s exists; use --force to overwrite it", out)
}

func runExportHAR(ctx context.Context, out, flag string, limit int, force bool) (int, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if limit < 0 {
		return 0, usageError("--limit %d: want 0 (all) or more", limit)
	}
	// Checked first so that a refusal costs nothing; the final link checks again.
	if _, err := os.Lstat(out); err == nil && !force {
		return 0, errExists(out)
	}
	s, ok, err := openExistingHistory(flag)
	if err != nil {
		return 0, err
	}
	if ok {
		defer s.Close()
	}
	n := 0
	err = writeAtomically(out, force, func(w io.Writer) error {
		if !ok {
			// No database yet: an empty log is still a valid HAR file.
			h, err := history.NewHARWriter(w, "httplens", version)
			if err != nil {
				return err
			}
			return h.Close()
		}
		n, err = s.ExportHAR(ctx, w, history.Filter{Limit: limit}, version)
		return err
	})
	return n, err
}

// writeAtomically writes out through package atomicfile: never half a file, a
// symlink's target replaced, a read-only file refused; with force unset an
// existing out (even one appearing meanwhile) is refused. A HAR file holds the
// history's exchanges, so a new one is private (0600), as the database is.
func writeAtomically(out string, force bool, write func(io.Writer) error) error {
	err := atomicfile.Write(out, atomicfile.Options{Perm: 0o600, NoReplace: !force}, write)
	if errors.Is(err, atomicfile.ErrExist) {
		return errExists(out)
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return nil
}
