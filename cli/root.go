// Package cli is httplens's command line: the cobra commands (the TUI, send, explain,
// list, import, export, history, check, config, demo) and the exit statuses of the
// CLI contract. It wires the other packages together and holds no logic of theirs.
package cli

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/spf13/cobra"

	// Before bubbletea's init: no command queries the terminal (see the package).
	_ "early.httplens.invalid/termquiet"

	"github.com/httplens/httplens/settings"
)

// version is set at build time with
// -ldflags "-X github.com/httplens/httplens/cli.version=...".
var version = "0.1.0-dev"

// Exit statuses of the CLI contract.
const (
	exitOK     = 0
	exitFailed = 1 // the request failed: connection, TLS, timeout
	exitUsage  = 2 // bad usage or a bad input file
)

// exitError carries an exit status up to main; its message is printed on one line.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageError(format string, a ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, a...)}
}

func failedError(err error) error { return &exitError{code: exitFailed, err: err} }

// newRootCmd builds the command tree that args can reach (see reachable).
func newRootCmd(args []string) *cobra.Command {
	all, only := reachable(args)
	root := &cobra.Command{
		Use:           "httplens [PATH]",
		Short:         "A terminal HTTP explorer that explains what a response means",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.MaximumNArgs(1),
		RunE:          runTUI,
		Version:       version,
	}
	root.SetVersionTemplate("httplens {{.Version}}\n") // as `httplens version` says it
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{code: exitUsage, err: err}
	})
	root.PersistentFlags().String("config", "", "settings file (default $"+settings.EnvPath+", else httplens/config.toml in the XDG config folder)")
	if only == "" { // the root's own flags do not apply to a subcommand
		addTUIFlags(root)
	}
	// Only "completion" in args reaches cobra's completion command (see reachable).
	root.CompletionOptions.DisableDefaultCmd = !all
	for _, c := range subcommands {
		if all || c.name == only {
			root.AddCommand(c.build())
		}
	}
	return root
}

// subcommands are the root's commands in the order help lists them, each built
// only when the arguments can reach it: a process runs one command, and building
// the whole tree (every command's flags and help) cost every run of send a third
// of a millisecond and 84 KB before it did any work.
var subcommands = []struct {
	name  string
	build func() *cobra.Command
}{
	{"version", newVersionCmd},
	{"demo", newDemoCmd},
	{"send", newSendCmd},
	{"explain", newExplainCmd},
	{"list", newListCmd},
	{"check", newCheckCmd},
	{"history", newHistoryCmd},
	{"import", newImportCmd},
	{"export", newExportCmd},
	{"config", newConfigCmd},
	{"proxy", newProxyCmd},
	{"run", newRunCmd},
}

// reachable returns which subcommands args can run or show: only the one args[0]
// names; none when no argument names a command (the TUI, --version), as cobra
// then runs the root; all of them when help, completion or an argument after
// a flag may list or look them up.
func reachable(args []string) (all bool, only string) {
	for _, c := range subcommands {
		if len(args) > 0 && args[0] == c.name {
			return false, c.name
		}
	}
	for _, a := range args {
		switch a {
		case "-h", "--help", "help", "completion", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
			return true, ""
		}
		for _, c := range subcommands {
			if a == c.name {
				return true, ""
			}
		}
	}
	return false, ""
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		Run: func(c *cobra.Command, _ []string) {
			fmt.Fprintf(c.OutOrStdout(), "httplens %s\n", version)
		},
	}
}

// Main runs the command line on the process's arguments and standard streams and
// returns the exit status.
func Main() int {
	// net/http's transport logs through the standard logger when a server sends
	// bytes nobody asked for (the demo's /broken cases do); that line would land
	// in the middle of the TUI or of piped output. The exchange records them.
	log.SetOutput(io.Discard)
	exitsAfterSend = true
	return run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}

// run executes the CLI and maps errors to the contract's exit statuses.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(args)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	// An error can quote a file or the network: never let it drive the terminal.
	fmt.Fprintf(stderr, "httplens: %s\n", printableText(err.Error()))
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	// cobra's own errors (unknown command, bad arguments) are usage errors.
	return exitUsage
}
