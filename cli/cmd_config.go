package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui"
)

// newConfigCmd is `httplens config`: the settings file in use and its problems,
// or with --defaults a complete file of defaults to start from.
func newConfigCmd() *cobra.Command {
	var defaults bool
	c := &cobra.Command{
		Use:   "config [--defaults]",
		Short: "Show the settings file in use and its problems, or print every default",
		Long: `Without flags, print the path of the settings file in use and check it: each
problem is printed with its line and key, and the exit status is 2.

The file is --config PATH, else $` + settings.EnvPath + `, else httplens/config.toml in the
XDG config folder. With --defaults, print a settings file holding every default, with
comments: ` + "`httplens config --defaults > ~/.config/httplens/config.toml`" + ` starts one.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if defaults {
				_, err := c.OutOrStdout().Write(settings.DefaultFile(ui.Actions()))
				return err
			}
			path, _ := c.Flags().GetString("config")
			return runConfig(c.OutOrStdout(), c.ErrOrStderr(), path)
		},
	}
	c.Flags().BoolVar(&defaults, "defaults", false, "print the settings file with every default")
	return c
}

// runConfig prints the path in use and whether it loads cleanly.
func runConfig(out, errOut io.Writer, flag string) error {
	path, explicit, err := settings.Path(flag)
	if err != nil {
		return usageError("config: %v", err)
	}
	shown := printableText(path)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if explicit {
			return usageError("config: %s: no such file", shown)
		}
		fmt.Fprintf(out, "%s (no file: every setting is at its default)\n", shown)
		return nil
	}
	_, errs := settings.Load(path, ui.Actions())
	if len(errs) == 0 {
		fmt.Fprintf(out, "%s (ok)\n", shown)
		return nil
	}
	fmt.Fprintln(out, shown)
	// A message quotes the file's own text: it goes through the sanitiser.
	for _, e := range errs {
		fmt.Fprintln(errOut, printableText(e.Error()))
	}
	return usageError("config: %d problem(s) in %s; those settings keep their defaults", len(errs), shown)
}
