package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/har"
)

// isHARPath says FILE is read as a HAR log rather than a raw response.
func isHARPath(args []string) bool {
	return len(args) == 1 && strings.HasSuffix(strings.ToLower(args[0]), ".har")
}

// runExplainHAR explains every entry of a HAR file: one row each and a summary, or
// the full reports with --json.
func runExplainHAR(c *cobra.Command, path string, f explainFlags) error {
	if f.method != "" || f.url != "" {
		return usageError("explain: %s: a HAR file carries its requests; --method and --url do not apply", path)
	}
	file, err := os.Open(path)
	if err != nil {
		return usageError("explain: %v", err)
	}
	defer file.Close()
	log, err := har.Read(file, path)
	if err != nil {
		return usageError("explain: %v", err)
	}
	rows := make([]exchangeRow, 0, len(log.Entries))
	for _, e := range log.Entries {
		rows = append(rows, harRow(e))
	}
	if f.json {
		return writeHARJSON(c.OutOrStdout(), path, log, rows)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d entries", printableText(path), len(log.Entries))
	if log.Creator != "" {
		fmt.Fprintf(&b, ", saved by %s", printableText(log.Creator))
	}
	b.WriteString("\n")
	urls := make([]string, len(rows))
	for i, r := range rows {
		urls[i] = r.URL
	}
	table := newRowTable(terminalColumns(c.OutOrStdout()), urls)
	table.writeHeader(&b)
	for _, r := range rows {
		table.writeRow(&b, r)
	}
	writeSummary(&b, rows)
	_, err = io.WriteString(c.OutOrStdout(), b.String())
	return err
}

// harRow analyses one entry; an entry without a response has no report.
func harRow(e har.Entry) exchangeRow {
	r := exchangeRow{N: e.Index + 1, Method: e.Request.Method, URL: e.Request.URL, Status: e.Response.Status,
		Size: e.Response.BodyBytes, Lacks: e.Lacks, Error: e.Error}
	if e.FromCache != "" {
		r.Note = "from the browser's " + e.FromCache + " cache"
	} else if e.TransferSize == 0 && e.Response.Status != 0 {
		r.Note = "from the browser cache (0 bytes transferred)"
	}
	if e.Response.Status != 0 {
		rep := explain.Analyze(e.Exchange())
		r.Report = &rep
	}
	return r
}

// jsonHAREntry is one entry of `explain FILE.har --json`.
type jsonHAREntry struct {
	Index        int             `json:"index"`
	Line         int             `json:"line"`
	Started      *time.Time      `json:"started"`
	Request      *jsonRequest    `json:"request"`
	Response     *jsonResponse   `json:"response"`
	Explain      *explain.Report `json:"explain"`
	TimeMS       float64         `json:"time_ms"`
	Timings      har.Timings     `json:"timings_ms"`
	TransferSize int64           `json:"transfer_size"`
	FromCache    string          `json:"from_cache,omitempty"`
	Error        string          `json:"error,omitempty"`
	Lacks        []string        `json:"lacks"`
}

func writeHARJSON(out io.Writer, path string, log har.Log, rows []exchangeRow) error {
	entries := make([]jsonHAREntry, 0, len(log.Entries))
	for i, e := range log.Entries {
		j := jsonHAREntry{Index: e.Index, Line: e.Line, Request: newJSONRequest(&e.Request), TimeMS: e.TimeMS,
			Timings: e.Timings, TransferSize: e.TransferSize, FromCache: e.FromCache, Error: e.Error,
			Lacks: append([]string{}, e.Lacks...)}
		j.Request.Proto = e.HTTPVersion
		if !e.Started.IsZero() {
			j.Started = &e.Started
		}
		if rows[i].Report != nil {
			resp := newJSONResponse(e.Response)
			j.Response, j.Explain = &resp, newJSONReport(*rows[i].Report)
		}
		entries = append(entries, j)
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		File    string         `json:"file"`
		Creator string         `json:"creator"`
		Entries []jsonHAREntry `json:"entries"`
		Summary rowSummary     `json:"summary"`
	}{path, log.Creator, entries, summarize(rows)})
}

// exchangeRow is one exchange as the row listings (explain FILE.har, proxy) show it.
type exchangeRow struct {
	N      int
	Method string
	URL    string
	Status int
	Size   int64
	Report *explain.Report // nil when there was no response
	Note   string
	Error  string
	Lacks  []string
}

// freshWord is how long a private or shared cache may reuse the response without
// asking: "12m", "0s" (revalidate every time), or "-" when nothing may store it;
// for a 304, how long the stored response it refreshes may be reused.
func freshWord(c explain.Cache) string {
	if !c.Reusable() {
		return "-"
	}
	if c.FreshForS <= 0 {
		return "revalid."
	}
	d := (time.Duration(c.FreshForS) * time.Second).String()
	if strings.HasSuffix(d, "m0s") {
		d = strings.TrimSuffix(d, "0s")
	}
	if strings.HasSuffix(d, "h0m") {
		d = strings.TrimSuffix(d, "0m")
	}
	return d
}

func severityCounts(fs []explain.Finding) string {
	n := map[explain.Severity]int{}
	for _, f := range fs {
		n[f.Severity]++
	}
	return fmt.Sprintf("%dE %dW %dI", n[explain.Error], n[explain.Warning], n[explain.Info])
}

func sizeText(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
}

// rowSummary is the end of a listing: what caches make of the exchanges as a whole.
type rowSummary struct {
	Exchanges   int `json:"exchanges"`
	NoResponse  int `json:"no_response"`
	Storable    int `json:"storable"`
	Revalidated int `json:"revalidated"`
	// Refreshed counts 304s: revalidations that refreshed a stored response.
	Refreshed   int          `json:"refreshed"`
	NeverCached []rowRef     `json:"largest_never_cached"`
	Errors      []rowFinding `json:"errors"`
}

type rowRef struct {
	N    int    `json:"n"`
	URL  string `json:"url"`
	Size int64  `json:"size"`
}

type rowFinding struct {
	N     int    `json:"n"`
	ID    string `json:"id"`
	Title string `json:"title"`
}

// summarize counts storable responses (by a private cache), those a cache must
// revalidate before reuse (stored but with no freshness left), the largest ones no
// cache may store, and every error finding.
func summarize(rows []exchangeRow) rowSummary {
	s := rowSummary{Exchanges: len(rows), NeverCached: []rowRef{}, Errors: []rowFinding{}}
	for _, r := range rows {
		if r.Report == nil {
			s.NoResponse++
			continue
		}
		c := r.Report.Cache
		if c.Private.Refreshes || c.Shared.Refreshes {
			s.Refreshed++
		}
		if c.StorablePrivate || c.StorableShared {
			s.Storable++
			if c.FreshForS <= 0 {
				s.Revalidated++
			}
		} else if r.Size > 0 {
			s.NeverCached = append(s.NeverCached, rowRef{r.N, r.URL, r.Size})
		}
		for _, f := range r.Report.Findings {
			if f.Severity == explain.Error {
				s.Errors = append(s.Errors, rowFinding{r.N, f.ID, f.Title})
			}
		}
	}
	sort.SliceStable(s.NeverCached, func(i, j int) bool { return s.NeverCached[i].Size > s.NeverCached[j].Size })
	s.NeverCached = s.NeverCached[:min(len(s.NeverCached), 5)]
	return s
}

func writeSummary(b *strings.Builder, rows []exchangeRow) {
	s := summarize(rows)
	b.WriteString("\nSUMMARY\n")
	fmt.Fprintf(b, "  %d exchanges", s.Exchanges)
	if s.NoResponse > 0 {
		fmt.Fprintf(b, " (%d without a response)", s.NoResponse)
	}
	fmt.Fprintf(b, "; %d storable by a cache, %d of them revalidated before reuse", s.Storable, s.Revalidated)
	if s.Refreshed > 0 {
		fmt.Fprintf(b, "; %d answered 304 Not Modified, refreshing a stored response", s.Refreshed)
	}
	b.WriteString("\n")
	if len(s.NeverCached) > 0 {
		b.WriteString("  largest never cached:\n")
		for _, r := range s.NeverCached {
			fmt.Fprintf(b, "    #%d %s %s\n", r.N, sizeText(r.Size), cutMiddle(printableText(trimScheme(r.URL)), 60))
		}
	}
	if len(s.Errors) == 0 {
		b.WriteString("  no error findings\n")
		return
	}
	b.WriteString("  errors:\n")
	for _, f := range s.Errors {
		wrapTo(b, "    ", fmt.Sprintf("#%d %s: %s", f.N, f.ID, printableText(f.Title)))
	}
}
