package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/httplens/httplens/check"
	"github.com/httplens/httplens/jsonsafe"
	"github.com/httplens/httplens/requests"
)

// checkFlags are the flags of `httplens check`.
type checkFlags struct {
	method   string
	headers  []string
	data     string
	writes   bool
	json     bool
	timeout  time.Duration
	insecure bool
}

func newCheckCmd() *cobra.Command {
	var f checkFlags
	c := &cobra.Command{
		Use:   "check URL [-X M] [-H 'N: v']... [-d BODY|@file] [--writes]",
		Short: "Live checks of a resource: conditional GET, HEAD, Range, gzip; conditional writes with --writes",
		Long: `Check what a server claims about a resource. check GETs the URL, then sends
follow-ups: If-None-Match with the ETag and If-Modified-Since with Last-Modified
(expect 304), HEAD (same headers, no body), a Range (expect 206 with the right
bytes), and Accept-Encoding: gzip (Content-Encoding, Vary, a distinct ETag).

With -X PUT or -X DELETE and --writes, it also sends the write with a stale
If-Match (expect 412, nothing changes), then the write itself guarded by the
current validator, and checks what the answer promises. Without --writes
nothing is written.

The exit status is 0 when the checks ran, even if some failed; 1 when the first
request got no response; 2 for bad usage.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runCheckCmd(c.Context(), c.OutOrStdout(), args[0], f)
		},
	}
	fl := c.Flags()
	fl.StringVarP(&f.method, "request", "X", "GET", "method of the request to check (PUT and DELETE enable the write checks)")
	fl.StringArrayVarP(&f.headers, "header", "H", nil, "header 'Name: value' sent with every request (repeatable)")
	fl.StringVarP(&f.data, "data", "d", "", "body of the write, or @file")
	fl.BoolVar(&f.writes, "writes", false, "allow the write checks, which change the resource")
	fl.BoolVar(&f.json, "json", false, "print the results as JSON")
	fl.DurationVar(&f.timeout, "timeout", 30*time.Second, "time limit for each request")
	fl.BoolVar(&f.insecure, "insecure", false, "do not verify TLS certificates")
	return c
}

// checkRequest builds the request to check from the flags.
func checkRequest(url string, f checkFlags) (requests.Request, error) {
	if !isURL(url) {
		return requests.Request{}, usageError("check: %q is not an http:// or https:// URL", url)
	}
	r := requests.Request{Method: f.method, URL: url} // methods are case-sensitive (RFC 9110 §9.1)
	var err error
	if r.Headers, err = headerFlags("check", f.headers); err != nil {
		return r, err
	}
	if r.Body, err = dataFlag("check", f.data); err != nil {
		return r, err
	}
	return r, nil
}

func runCheckCmd(ctx context.Context, out io.Writer, url string, f checkFlags) error {
	if ctx == nil {
		ctx = context.Background()
	}
	req, err := checkRequest(url, f)
	if err != nil {
		return err
	}
	client := requests.NewClient(requests.Options{Timeout: f.timeout, Insecure: f.insecure, UserAgent: "httplens/" + version})
	defer client.CloseIdleConnections()
	rep, err := check.Run(ctx, client, req, check.Options{Writes: f.writes})
	if err != nil {
		return failedError(err)
	}
	if f.json {
		return writeCheckJSON(out, req, rep)
	}
	return writeCheckText(out, req, rep)
}

// checkSummary counts the outcomes.
func checkSummary(rs []check.Result) map[check.Status]int {
	n := map[check.Status]int{check.Passed: 0, check.Failed: 0, check.Skipped: 0}
	for _, r := range rs {
		n[r.Status]++
	}
	return n
}

func writeCheckJSON(out io.Writer, req requests.Request, rep check.Report) error {
	first := rep.First.Response
	doc := struct {
		Method  string               `json:"method"`
		URL     string               `json:"url"`
		First   jsonHeadOnly         `json:"first"`
		Results []check.Result       `json:"results"`
		Summary map[check.Status]int `json:"summary"`
	}{req.Method, req.URL, jsonHeadOnly{first.Status, first.Reason, first.Headers}, rep.Results, checkSummary(rep.Results)}
	enc := json.NewEncoder(jsonsafe.Writer(out))
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// jsonHeadOnly is a response without its body.
type jsonHeadOnly struct {
	Status  int               `json:"status"`
	Reason  string            `json:"reason"`
	Headers []requests.Header `json:"headers"`
}

func writeCheckText(out io.Writer, req requests.Request, rep check.Report) error {
	var b strings.Builder
	first := rep.First.Response
	wrapTo(&b, "", printableText(fmt.Sprintf("CHECK %s %s (first GET: %d %s)", req.Method, req.URL, first.Status, first.Reason)))
	for _, r := range rep.Results {
		b.WriteString("\n")
		wrapHanging(&b, "  ", "           ", fmt.Sprintf("%-7s  %s — %s", strings.ToUpper(string(r.Status)), r.Name, r.Title))
		wrapTo(&b, "      ", printableText(r.Reason))
		for _, e := range r.Evidence {
			wrapHanging(&b, "      > ", "        ", printableText(evidenceLine(e)))
		}
		wrapTo(&b, "      ", strings.Join(r.Refs, " · "))
	}
	n := checkSummary(rep.Results)
	fmt.Fprintf(&b, "\n%d passed, %d failed, %d skipped\n", n[check.Passed], n[check.Failed], n[check.Skipped])
	_, err := io.WriteString(out, b.String())
	return err
}

// evidenceLine is one follow-up in a line: what was sent, what came back.
func evidenceLine(e check.Evidence) string {
	s := e.Method
	for _, h := range e.Sent {
		s += " [" + h.Name + ": " + h.Value + "]"
	}
	if e.Error != "" && e.Status == 0 {
		return s + " → error: " + e.Error
	}
	s += fmt.Sprintf(" → %d %s", e.Status, e.Reason)
	for _, h := range e.Headers {
		s += "; " + h.Name + ": " + h.Value
	}
	if e.BodyBytes > 0 {
		s += fmt.Sprintf("; %d body bytes", e.BodyBytes)
	}
	return s
}
