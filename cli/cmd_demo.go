package cli

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/httplens/httplens/demo"
)

// newDemoCmd is `httplens demo`: the demo API alone, until interrupted.
func newDemoCmd() *cobra.Command {
	var addr string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run the demo API alone",
		Long: "Run the demo API, the resource store the tour explores, on its own until interrupted.\n" +
			"It prints its URL and its endpoints; point `httplens send` or curl at it.",
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runDemo(c, addr)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:0", "address to listen on (port 0 picks a free one)")
	return cmd
}

// runDemo serves the demo API on addr until SIGINT or SIGTERM.
func runDemo(c *cobra.Command, addr string) error {
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return usageError("demo: --addr %q: %v", addr, err)
	}
	ctx, stop := signal.NotifyContext(c.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	s, err := demo.Listen(addr)
	if err != nil {
		return failedError(fmt.Errorf("demo: %w", err))
	}
	printDemoHelp(c.OutOrStdout(), s.URL())
	<-ctx.Done()
	if err := s.Close(); err != nil {
		return failedError(fmt.Errorf("demo: closing: %w", err))
	}
	return nil
}

// printDemoHelp writes the URL and the endpoint list.
func printDemoHelp(w io.Writer, url string) {
	fmt.Fprintf(w, "httplens demo API on %s\n\n", url)
	for _, e := range demo.Endpoints() {
		fmt.Fprintf(w, "  %-22s %-20s %s\n", e.Methods, e.Path, e.Summary)
	}
	fmt.Fprintf(w, "\nTry: curl -i %s/items/1\nPress Ctrl+C to stop.\n", url)
}
