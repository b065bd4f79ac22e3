package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/curl"
)

func newExportCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "export",
		Short: "Write saved requests or history in other tools' formats",
		Args:  cobra.NoArgs,
	}
	c.AddCommand(newExportCurlCmd(), newExportHARCmd())
	return c
}

func newExportCurlCmd() *cobra.Command {
	var env string
	var vars []string
	c := &cobra.Command{
		Use:               "curl FILE [NAME]",
		ValidArgsFunction: completeRequests,
		Short:             "Print a curl command that sends a saved request",
		Long: `Print a curl command, quoted for a POSIX shell, that sends the saved request
NAME of FILE (@name, title, #index or FILE:LINE; or its only request) with every
variable resolved. curl adds its
own Host, User-Agent and Accept: */* unless the request sets them. A request
that uses another request's response cannot be exported: nothing is sent.`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(c *cobra.Command, args []string) error {
			return runExportCurl(c.OutOrStdout(), splitFileLine(args), env, vars)
		},
	}
	c.Flags().StringVar(&env, "env", "", "environment from http-client.env.json")
	c.Flags().StringArrayVar(&vars, "var", nil, "variable k=v, overriding the file and the environment (repeatable)")
	c.RegisterFlagCompletionFunc("env", completeEnvs)
	return c
}

func runExportCurl(out io.Writer, args []string, envName string, varFlags []string) error {
	coll, err := collections.Load(args[0])
	if err != nil {
		return usageError("%v", err)
	}
	if len(coll.Errors) > 0 {
		return usageError("%v", coll.Errors[0])
	}
	target, err := pickRequest(coll, args)
	if err != nil {
		return err
	}
	if deps := collections.Dependencies(target); len(deps) > 0 {
		return usageError("export curl: %s uses the response of %s, and export sends nothing; use httplens send", describeRequest(target), strings.Join(deps, ", "))
	}
	env, err := collections.LoadEnv(coll.Dir, envName)
	if err != nil {
		return usageError("%v", err)
	}
	vars, err := parseVars(varFlags)
	if err != nil {
		return err
	}
	dotenv, err := collections.LoadDotEnv(coll.Dir)
	if err != nil {
		return usageError("%v", err)
	}
	r, err := resolve(&collections.Resolver{Vars: vars, Env: env, DotEnv: dotenv}, target)
	if err != nil {
		if usesDemo(target.File) && vars["demo"] == "" {
			return usageError("%v (run `httplens demo --addr 127.0.0.1:8080` and pass --var demo=http://127.0.0.1:8080)", err)
		}
		return err
	}
	cr := curl.Request{Method: r.Method, URL: r.URL, Body: r.Body}
	for _, h := range r.Headers {
		cr.Headers = append(cr.Headers, curl.Header{Name: h.Name, Value: h.Value})
	}
	command, err := curl.Format(cr)
	if err != nil {
		return usageError("export curl: %s: %v", describeRequest(target), err)
	}
	_, err = fmt.Fprint(out, command)
	return err
}
