package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/jsonsafe"
	"github.com/httplens/httplens/termtext"
)

// explainFlags are the flags of `httplens explain`.
type explainFlags struct {
	method  string
	url     string
	headers []string // -H: the request's header fields, so CORS, Range and Vary can be judged
	json    bool
	checks  bool
	compare bool
}

func newExplainCmd() *cobra.Command {
	var f explainFlags
	c := &cobra.Command{
		Use:   "explain [FILE|FILE.har|-] | explain --compare A B",
		Short: "Explain a raw HTTP response read from FILE or stdin",
		Long: "Explain a raw HTTP/1.x response as `curl -si` prints it, read from FILE or from\n" +
			"stdin (no FILE, or -): what the status means for the method, framing errors,\n" +
			"validators, what the preconditions did, and the caching verdict.\n\n" +
			"  curl -si -X DELETE URL | httplens explain --method DELETE\n\n" +
			"A FILE ending in .har is read as a HAR log (as browsers' devtools save it):\n" +
			"one row per exchange and a summary; --json gives every report.\n\n" +
			"--checks lists every finding the explain engine can report.\n\n" +
			"--compare A B reads two saved raw responses of the same request and says why\n" +
			"they differ: a validator that matched (304), an ETag that changed (412), a\n" +
			"resource that went away, a response that went stale; then the header changes.",
		Args: cobra.MaximumNArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			if f.compare {
				if f.checks {
					return usageError("explain: --compare and --checks do not go together")
				}
				return runCompare(c, args, f, time.Now())
			}
			if len(args) > 1 {
				return usageError("explain: one FILE at a time (or --compare A B)")
			}
			if f.checks {
				if len(args) > 0 || f.method != "" || f.url != "" || len(f.headers) > 0 {
					return usageError("explain: --checks takes no FILE, --method, --url or -H")
				}
				return writeChecks(c.OutOrStdout(), f.json)
			}
			if isHARPath(args) {
				return runExplainHAR(c, args[0], f)
			}
			return runExplain(c, args, f, time.Now())
		},
	}
	c.Flags().StringVar(&f.method, "method", "", "the request method (case-sensitive); GET when only --url is given")
	c.Flags().StringVar(&f.url, "url", "", "the request URL")
	c.Flags().StringArrayVarP(&f.headers, "header", "H", nil, "a request header 'Name: value' as sent (repeatable); with -H the request's fields count as known")
	c.Flags().BoolVar(&f.json, "json", false, "print {\"response\", \"explain\"} as JSON")
	c.Flags().BoolVar(&f.checks, "checks", false, "list every check with its id, severity and references")
	c.Flags().BoolVar(&f.compare, "compare", false, "compare two saved responses A B and say why they differ")
	return c
}

// runExplain reads the response, analyses it as received at now, and prints it.
func runExplain(c *cobra.Command, args []string, f explainFlags, now time.Time) error {
	name, raw, err := readExplainInput(c.InOrStdin(), args)
	if err != nil {
		return err
	}
	resp, err := explain.ReadResponse(raw)
	if err != nil {
		return usageError("explain: %s: %v", name, err)
	}
	req, err := explainRequest(f)
	if err != nil {
		return err
	}
	x := explain.Exchange{Request: req, Response: resp, Received: now, Now: now}
	if name != "stdin" {
		// A saved file was received some time ago, not now: judge it as of its own
		// Date (a zero Received), so today's clock reports no skew and no staleness.
		x.Received, x.Now = time.Time{}, time.Time{}
	}
	report := explain.Analyze(x)
	notes := explain.HeaderNotes(x)
	out := c.OutOrStdout()
	if f.json {
		enc := json.NewEncoder(jsonsafe.Writer(out))
		enc.SetIndent("", "  ")
		return enc.Encode(jsonExplained{
			jsonExplanation: jsonExplanation{
				Request:  newJSONRequest(req),
				Response: newJSONResponse(resp),
				Explain:  newJSONReport(report),
			},
			Headers: notes,
		})
	}
	return writeReportNotes(out, resp, report, notes)
}

// readExplainInput reads FILE, or stdin for "-" or no argument. name is what error
// messages call the input.
func readExplainInput(stdin io.Reader, args []string) (string, []byte, error) {
	if len(args) == 1 && args[0] != "-" {
		raw, err := os.ReadFile(args[0])
		if err != nil {
			return "", nil, usageError("explain: %v", err)
		}
		return args[0], raw, nil
	}
	if file, ok := stdin.(*os.File); ok && len(args) == 0 {
		if st, err := file.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			return "", nil, usageError("explain: no input: give a FILE or pipe a response, e.g. curl -si URL | httplens explain")
		}
	}
	raw, err := io.ReadAll(stdin)
	if err != nil {
		return "", nil, usageError("explain: reading stdin: %v", err)
	}
	return "stdin", raw, nil
}

// explainRequest builds the request from --method and --url; nil when neither was
// given, so the report says only what holds without knowing the request.
func explainRequest(f explainFlags) (*explain.Request, error) {
	if f.method == "" && f.url == "" && len(f.headers) == 0 {
		return nil, nil
	}
	method := f.method
	if method == "" {
		method = "GET"
	}
	for i := 0; i < len(method); i++ {
		if c := method[i]; c <= ' ' || c >= 0x7f || strings.IndexByte("\"(),/:;<=>?@[\\]{}", c) >= 0 {
			return nil, usageError("explain: --method %q is not a method name (a token such as GET or PUT)", method)
		}
	}
	if len(f.headers) == 0 {
		// Only the method and URL are known: the checks must not read the absence
		// of a request field (If-Match, Range) as a fact.
		return &explain.Request{Method: method, URL: f.url, FieldsUnknown: true}, nil
	}
	req := &explain.Request{Method: method, URL: f.url}
	for _, h := range f.headers {
		name, value, ok := strings.Cut(h, ":")
		if !ok || strings.TrimSpace(name) == "" || strings.ContainsAny(name, " \t") {
			return nil, usageError("explain: -H %q is not a header field (Name: value)", h)
		}
		req.Fields = append(req.Fields, explain.Field{Name: name, Value: strings.TrimSpace(value)})
	}
	return req, nil
}

// writeChecks prints the catalogue, as a table or as JSON.
func writeChecks(out io.Writer, asJSON bool) error {
	checks := explain.Checks()
	if asJSON {
		type jsonCheck struct {
			ID       string           `json:"id"`
			Severity explain.Severity `json:"severity"`
			Title    string           `json:"title"`
			Refs     []string         `json:"refs"`
		}
		list := make([]jsonCheck, 0, len(checks))
		for _, c := range checks {
			list = append(list, jsonCheck{c.ID, c.Severity, c.Title, c.Refs})
		}
		enc := json.NewEncoder(jsonsafe.Writer(out))
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	}
	width := 0
	for _, c := range checks {
		width = max(width, len(c.ID))
	}
	var b strings.Builder
	for _, c := range checks {
		fmt.Fprintf(&b, "%-*s  %-7s  %s  (%s)\n", width, c.ID, c.Severity, c.Title, strings.Join(c.Refs, ", "))
	}
	_, err := io.WriteString(out, b.String())
	return err
}

// reportWidth is where the human output wraps, to fit an 80-column terminal.
const reportWidth = 78

// writeReportNotes prints a report for a person: the status and its meaning, the
// findings by severity, the validators, the cache verdict and the header notes.
// Text that came from the network is made printable first.
func writeReportNotes(out io.Writer, resp explain.Response, r explain.Report, notes []explain.HeaderNote) error {
	var b strings.Builder
	line := strings.TrimSpace(fmt.Sprintf("%s %d %s", resp.Proto, resp.Status, resp.Reason))
	b.WriteString(printableText(line) + "\n")
	wrapTo(&b, "  ", r.Status.Class+". "+r.Status.Meaning)
	wrapTo(&b, "  ", strings.Join(r.Status.Refs, " · "))
	for _, group := range []struct {
		sev   explain.Severity
		title string
	}{{explain.Error, "ERRORS"}, {explain.Warning, "WARNINGS"}, {explain.Info, "INFO"}} {
		first := true
		for _, f := range r.Findings {
			if f.Severity != group.sev {
				continue
			}
			if first {
				b.WriteString("\n" + group.title + "\n")
				first = false
			}
			wrapTo(&b, "  ", f.ID+": "+printableText(f.Title))
			wrapTo(&b, "      ", printableText(f.Detail))
			wrapTo(&b, "      ", strings.Join(f.Refs, " · "))
		}
	}
	writeValidators(&b, r.Validators)
	writeCache(&b, r.Cache)
	writeCORSAndCookies(&b, r)
	writeHeaderNotes(&b, notes)
	_, err := io.WriteString(out, b.String())
	return err
}

func writeValidators(b *strings.Builder, v explain.Validators) {
	b.WriteString("\nVALIDATORS\n")
	if v.ETag == "" && v.LastModified == "" {
		b.WriteString("  none\n")
		return
	}
	if v.ETag != "" {
		kind := "strong"
		if v.ETagWeak {
			kind = "weak"
		}
		if !v.ETagValid {
			kind = "malformed"
		}
		fmt.Fprintf(b, "  ETag           %s (%s)\n", printableText(v.ETag), kind)
	}
	if v.LastModified != "" {
		fmt.Fprintf(b, "  Last-Modified  %s\n", printableText(v.LastModified))
	}
}

func writeCache(b *strings.Builder, c explain.Cache) {
	b.WriteString("\nCACHE\n")
	for _, v := range []struct {
		name string
		view explain.CacheView
	}{{"private", c.Private}, {"shared", c.Shared}} {
		line := cacheViewText(v.view)
		if v.view.MustRevalidate {
			// Per view: proxy-revalidate and s-maxage bind shared caches only.
			line += " · must revalidate once stale"
		}
		wrapTo(b, "  ", fmt.Sprintf("%-9s%s", v.name+":", line))
	}
	extra := fmt.Sprintf("age %d s", c.AgeS)
	if len(c.Vary) > 0 {
		extra += " · varies on " + strings.Join(c.Vary, ", ")
	}
	if len(c.Invalidates) > 0 {
		extra += " · invalidates " + strings.Join(c.Invalidates, ", ")
	}
	wrapTo(b, "  ", printableText(extra))
}

// cacheViewText is one cache's verdict in a line: storable and why, the lifetime and
// its source, fresh for or stale by how long.
func cacheViewText(v explain.CacheView) string {
	s := printableText(v.Reason)
	switch {
	case s != "":
	case v.Storable:
		s = "storable"
	default:
		s = "not storable"
	}
	if !v.Storable {
		return s
	}
	if v.FreshnessSource == "" || v.FreshnessSource == "none" {
		return s + "; no freshness lifetime: every reuse needs revalidation"
	}
	s += fmt.Sprintf("; lifetime %d s (%s)", v.FreshnessLifetimeS, v.FreshnessSource)
	if v.Fresh {
		return s + fmt.Sprintf(", fresh for %d s", v.FreshForS)
	}
	return s + fmt.Sprintf(", stale by %d s", -v.FreshForS)
}

// wrapTo writes text wrapped at reportWidth, every line starting with indent.
func wrapTo(b *strings.Builder, indent, text string) {
	words := strings.Fields(text)
	if len(words) == 0 {
		return
	}
	// Widths are terminal cells (ansi.StringWidth), so accented and wide text
	// wrap where the eye expects.
	n, iw := 0, ansi.StringWidth(indent)
	for i, w := range words {
		ww := ansi.StringWidth(w)
		switch {
		case i == 0:
			b.WriteString(indent + w)
			n = iw + ww
		case n+1+ww > reportWidth:
			b.WriteString("\n" + indent + w)
			n = iw + ww
		default:
			b.WriteString(" " + w)
			n += 1 + ww
		}
	}
	b.WriteString("\n")
}

// printableText makes text that may hold network bytes safe for a terminal, through
// the one sanitiser the TUI uses too.
func printableText(s string) string { return termtext.String(s) }
