package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/curl"
	"github.com/httplens/httplens/postman"
)

// curlAcceptEncoding is what curl asks for with --compressed.
const curlAcceptEncoding = "deflate, gzip, br, zstd"

func newImportCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "import",
		Short: "Turn a curl command or a Postman collection into .http requests",
		Args:  cobra.NoArgs,
	}
	c.AddCommand(newImportCurlCmd(), newImportPostmanCmd(), newImportPostmanEnvCmd())
	return c
}

func newImportCurlCmd() *cobra.Command {
	var title, name string
	c := &cobra.Command{
		Use:   "curl ['curl …' | curl ARGS… | -]",
		Short: "Print the .http block of a curl command",
		Long: `Print a .http block that sends what a curl command sends.

Give the command as one quoted argument (as copied from a browser's "Copy as
cURL", bash or Windows cmd flavour), as the words after "curl", or on standard
input with "-" or no argument. What cannot be carried over is listed on stderr.`,
		RunE: func(c *cobra.Command, args []string) error {
			return runImportCurl(c.InOrStdin(), c.OutOrStdout(), c.ErrOrStderr(), args, title, name)
		},
	}
	c.Flags().SetInterspersed(false) // the flags after the command are curl's
	c.Flags().StringVar(&title, "title", "", "title of the request (the text after ###)")
	c.Flags().StringVar(&name, "name", "", "@name of the request")
	return c
}

func runImportCurl(in io.Reader, out, errOut io.Writer, args []string, title, name string) error {
	var r curl.Request
	var notes []string
	var err error
	switch {
	case len(args) == 0 || len(args) == 1 && args[0] == "-":
		b, rerr := io.ReadAll(in)
		if rerr != nil {
			return usageError("import curl: reading standard input: %v", rerr)
		}
		r, notes, err = curl.Parse(string(b))
	case len(args) == 1:
		r, notes, err = curl.Parse(args[0])
	default:
		r, notes, err = curl.ParseArgs(args)
	}
	if err != nil {
		return usageError("import curl: %v", err)
	}
	req, more := httpRequest(r)
	req.Title, req.Name = title, name
	block := collections.Format(req, "\n")
	if err := checkBlock(block, req); err != nil {
		return usageError("import curl: %v", err)
	}
	for _, n := range append(notes, more...) {
		fmt.Fprintf(errOut, "httplens: note: %s\n", n)
	}
	_, err = out.Write(block)
	return err
}

// httpRequest converts a parsed curl command to a saved request, with notes on
// what the .http format cannot say.
func httpRequest(r curl.Request) (collections.Request, []string) {
	var notes []string
	req := collections.Request{Method: strings.ToUpper(r.Method), URL: r.URL, Body: r.Body}
	if req.Method != r.Method {
		notes = append(notes, fmt.Sprintf("method %q written as %s (curl sends it as written)", r.Method, req.Method))
	}
	for _, h := range r.Headers {
		req.Headers = append(req.Headers, collections.Header{Name: h.Name, Value: h.Value})
	}
	if _, ok := r.Header("Accept-Encoding"); r.Compressed && !ok {
		req.Headers = append(req.Headers, collections.Header{Name: "Accept-Encoding", Value: curlAcceptEncoding})
	}
	if r.Insecure {
		notes = append(notes, "-k: a saved request cannot say it; send it with httplens send --insecure")
	}
	for _, f := range r.PartFiles {
		notes = append(notes, fmt.Sprintf("the multipart part file %s is read when the request is sent: a `< file` path is relative to the .http file", f))
	}
	if r.BodyFile != "" {
		req.Body = []byte("< " + r.BodyFile)
		notes = append(notes, fmt.Sprintf("the body is the file %s: a `< file` path is relative to the .http file", r.BodyFile))
	}
	return req, notes
}

// checkBlock parses the written block back and refuses one that would not send
// the same request: the .http format cannot hold every header value or body.
func checkBlock(block []byte, want collections.Request) error {
	for _, line := range strings.Split(string(want.Body), "\n") {
		if strings.HasPrefix(line, "###") {
			return fmt.Errorf("a body line starts with ###, which the .http format cannot hold")
		}
	}
	f, err := collections.Parse("import", block)
	if err != nil {
		return fmt.Errorf("the request cannot be written as .http: %v", err)
	}
	if len(f.Requests) != 1 {
		return fmt.Errorf("the block reads back as %d requests", len(f.Requests))
	}
	got := f.Requests[0]
	if got.Method != want.Method || got.URL != want.URL || len(got.Headers) != len(want.Headers) {
		return fmt.Errorf("the request line or headers cannot be written as .http (a URL with spaces, a header with a line break?)")
	}
	for i, h := range want.Headers {
		if got.Headers[i] != h {
			return fmt.Errorf("header %q cannot be written as .http", h.Name)
		}
	}
	return nil
}

func newImportPostmanCmd() *cobra.Command {
	var envName, envFile string
	c := &cobra.Command{
		Use:   "postman FILE DIR",
		Short: "Write a Postman collection (v2.0/v2.1) as .http files in DIR",
		Long: `Write a Postman collection as .http files in DIR: one file per folder, folders
as subfolders, collection variables in DIR/http-client.env.json under the
environment --env-name ("$shared" applies to every environment, and with no
--env). Existing files are never overwritten. A request that cannot be carried
is skipped with a line on stderr saying why, and everything else is written;
what cannot be carried over (scripts, tests, file uploads, other auth types,
protocolProfileBehavior without a .http equivalent) is listed on stderr too.
followRedirects: false and disableCookies: true become # @no-redirect and
# @no-cookie-jar. --env-file also imports a Postman environment (see
import postman-env).`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			if err := runImportPostman(c.OutOrStdout(), c.ErrOrStderr(), args[0], args[1], envName); err != nil {
				return err
			}
			if envFile == "" {
				return nil
			}
			return runImportPostmanEnv(c.OutOrStdout(), c.ErrOrStderr(), envFile, args[1], "")
		},
	}
	c.Flags().StringVar(&envName, "env-name", postman.DefaultEnv, "environment that gets the collection variables")
	c.Flags().StringVar(&envFile, "env-file", "", "a Postman environment file to import as well")
	return c
}

func newImportPostmanEnvCmd() *cobra.Command {
	var envName string
	c := &cobra.Command{
		Use:   "postman-env FILE [DIR]",
		Short: "Add a Postman environment to DIR/http-client.env.json",
		Long: `Add the enabled values of a Postman environment file to the environment files in
DIR (default: the current folder), under the environment's name or --env-name:
values in http-client.env.json, values of type "secret" in the git-ignored
http-client.private.env.json. Other environments and variables in those files
are kept; a variable already there takes the imported value.`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(c *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 2 {
				dir = args[1]
			}
			return runImportPostmanEnv(c.OutOrStdout(), c.ErrOrStderr(), args[0], dir, envName)
		},
	}
	c.Flags().StringVar(&envName, "env-name", "", "environment name (default: the Postman environment's name)")
	return c
}

func runImportPostmanEnv(out, errOut io.Writer, file, dir, envName string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return usageError("import postman-env: %v", err)
	}
	e, err := postman.ConvertEnv(data)
	if err != nil {
		return usageError("import postman-env: %s: %v", file, err)
	}
	name, err := postman.WriteEnv(dir, envName, e)
	if err != nil {
		return usageError("import postman-env: %v", err)
	}
	fmt.Fprintf(out, "environment %s: %d values in %s, %d secrets in %s\n", name, len(e.Vars), collections.EnvFile, len(e.Secrets), collections.PrivateEnvFile)
	for _, n := range e.Notes {
		fmt.Fprintf(errOut, "httplens: not carried over: %s\n", n)
	}
	return nil
}

func runImportPostman(out, errOut io.Writer, file, dir, envName string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return usageError("import postman: %v", err)
	}
	res, err := postman.Convert(data, envName)
	if err != nil {
		return usageError("import postman: %s: %v", file, err)
	}
	if err := postman.Write(dir, res.Files); err != nil {
		return usageError("import postman: %v", err)
	}
	for _, f := range res.Files {
		fmt.Fprintf(out, "wrote %s\n", f.Path)
	}
	for _, n := range res.Notes {
		fmt.Fprintf(errOut, "httplens: not carried over: %s\n", n)
	}
	return nil
}
