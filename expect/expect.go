// Package expect reads the `# @expect ...` directives of a .http request and checks
// them against an exchange and what explain.Analyze found in it. Other clients read
// the directive as a comment and ignore it, so a collection that uses it still opens
// in them.
//
// The syntax is one expectation per directive, a keyword and its arguments:
//
//	status 204                  the status code is 204
//	status 2xx                  the status is in that class
//	no-errors                   explain found no error (framing, syntax, ...)
//	no-warnings                 explain found no error and no warning
//	cacheable shared            a shared cache may store it (so may a private one)
//	cacheable private           only a private cache may store it
//	cacheable none              no cache may store it
//	finding put-validator       explain reports that finding (a catalogue id)
//	no-finding etag-weak        explain does not report it
//	header ETag                 the response has that field
//	header Cache-Control no-store   ... with exactly that value (one of its lines)
//
// Keywords are lower case; header names match without regard to case.
package expect

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/httplens/httplens/explain"
)

// Kind is the keyword of an expectation.
type Kind string

// The kinds of expectation.
const (
	Status     Kind = "status"
	NoErrors   Kind = "no-errors"
	NoWarnings Kind = "no-warnings"
	Cacheable  Kind = "cacheable"
	Finding    Kind = "finding"
	NoFinding  Kind = "no-finding"
	Header     Kind = "header"
)

var kinds = []Kind{Status, NoErrors, NoWarnings, Cacheable, Finding, NoFinding, Header}

// Expectation is one parsed directive. Text is the directive's value as written,
// which names it in results.
type Expectation struct {
	Kind Kind
	Arg  string // the status, cache kind, finding id or header name
	// Value is the header value to match; empty means any value.
	Value string
	Text  string
}

// Compiled on first use, not at package init (issue 24).
var statusPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([1-5][0-9][0-9]|[1-5]xx)$`) })

// Parse reads the value of an `@expect` directive, such as "status 204". Its error
// says what is wrong and what would be right; the caller adds the file and line.
func Parse(text string) (Expectation, error) {
	fields := strings.Fields(text)
	if len(fields) == 0 {
		return Expectation{}, fmt.Errorf("@expect needs a check: one of %s", kindList())
	}
	e := Expectation{Kind: Kind(fields[0]), Text: strings.Join(fields, " ")}
	args := fields[1:]
	switch e.Kind {
	case Status:
		if len(args) != 1 || !statusPattern().MatchString(strings.ToLower(args[0])) {
			return e, fmt.Errorf("@expect status takes one status code (204) or class (2xx), got %q", strings.Join(args, " "))
		}
		e.Arg = strings.ToLower(args[0])
	case NoErrors, NoWarnings:
		if len(args) != 0 {
			return e, fmt.Errorf("@expect %s takes no argument, got %q", e.Kind, strings.Join(args, " "))
		}
	case Cacheable:
		if len(args) != 1 || (args[0] != "shared" && args[0] != "private" && args[0] != "none") {
			return e, fmt.Errorf("@expect cacheable takes shared, private or none, got %q", strings.Join(args, " "))
		}
		e.Arg = args[0]
	case Finding, NoFinding:
		if len(args) != 1 {
			return e, fmt.Errorf("@expect %s takes one finding id, got %q", e.Kind, strings.Join(args, " "))
		}
		if _, ok := catalogue()[args[0]]; !ok {
			return e, fmt.Errorf("@expect %s: no finding has the id %q (httplens explain lists the ids)", e.Kind, args[0])
		}
		e.Arg = args[0]
	case Header:
		if len(args) == 0 {
			return e, fmt.Errorf("@expect header takes a field name and an optional value")
		}
		e.Arg = args[0]
		// The value is the rest of the line as written, inner spaces kept.
		rest := strings.TrimSpace(text)
		rest = strings.TrimSpace(rest[len(fields[0]):])
		e.Value = strings.TrimSpace(rest[len(args[0]):])
	default:
		return e, fmt.Errorf("@expect: unknown check %q; the checks are %s", fields[0], kindList())
	}
	return e, nil
}

func kindList() string {
	s := make([]string, len(kinds))
	for i, k := range kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// catalogue maps each finding id explain knows to its entry.
func catalogue() map[string]explain.Check {
	m := map[string]explain.Check{}
	for _, c := range explain.Checks() {
		m[c.ID] = c
	}
	return m
}

// Result is the outcome of one expectation. Reason says why it failed (or, when it
// passed, what was seen); Refs are the RFC sections a semantic check rests on.
type Result struct {
	Name   string   `json:"name"`
	Passed bool     `json:"passed"`
	Reason string   `json:"reason,omitempty"`
	Refs   []string `json:"refs,omitempty"`
}

// Check evaluates e against the exchange x and the report r that explain.Analyze
// made of it. x.Response.Status 0 means no response arrived: every check fails.
func Check(e Expectation, x explain.Exchange, r explain.Report) Result {
	res := Result{Name: "@expect " + e.Text}
	if x.Response.Status == 0 {
		res.Reason = "no response"
		return res
	}
	switch e.Kind {
	case Status:
		res.Passed, res.Reason = checkStatus(e.Arg, x.Response.Status)
		res.Refs = r.Status.Refs
	case NoErrors, NoWarnings:
		res.Passed, res.Reason, res.Refs = checkSeverity(e.Kind, r.Findings)
	case Cacheable:
		res.Passed, res.Reason = checkCacheable(e.Arg, r.Cache)
		res.Refs = []string{"RFC 9111 §3", "RFC 9111 §3.5", "RFC 9111 §5.2.2.7"}
	case Finding, NoFinding:
		res.Passed, res.Reason, res.Refs = checkFinding(e, r.Findings)
	case Header:
		res.Passed, res.Reason = checkHeader(e, x.Response.Fields)
	default:
		res.Reason = "unknown check " + string(e.Kind)
	}
	return res
}

func checkStatus(want string, got int) (bool, string) {
	if strings.HasSuffix(want, "xx") {
		if strconv.Itoa(got)[0] == want[0] {
			return true, ""
		}
		return false, fmt.Sprintf("status %d, not %s", got, want)
	}
	if strconv.Itoa(got) == want {
		return true, ""
	}
	return false, fmt.Sprintf("status %d, not %s", got, want)
}

func checkSeverity(k Kind, fs []explain.Finding) (bool, string, []string) {
	var bad []string
	var refs []string
	for _, f := range fs {
		if f.Severity == explain.Error || (k == NoWarnings && f.Severity == explain.Warning) {
			bad = append(bad, fmt.Sprintf("%s %s (%s)", f.Severity, f.ID, f.Title))
			refs = appendNew(refs, f.Refs...)
		}
	}
	if len(bad) == 0 {
		return true, "", nil
	}
	return false, strings.Join(bad, "; "), refs
}

func checkCacheable(want string, c explain.Cache) (bool, string) {
	got := "none"
	switch {
	case c.StorableShared:
		got = "shared"
	case c.StorablePrivate:
		got = "private"
	}
	if got == want {
		return true, ""
	}
	why := c.Shared.Reason
	if want == "private" || (got == "none" && c.Shared.Reason == "") {
		why = c.Private.Reason
	}
	msg := "cacheable " + got + ", not " + want
	if why != "" {
		msg += ": " + why
	}
	return false, msg
}

func checkFinding(e Expectation, fs []explain.Finding) (bool, string, []string) {
	refs := catalogue()[e.Arg].Refs
	for _, f := range fs {
		if f.ID != e.Arg {
			continue
		}
		if e.Kind == NoFinding {
			return false, fmt.Sprintf("%s %s: %s", f.Severity, f.ID, f.Title), f.Refs
		}
		return true, "", f.Refs
	}
	if e.Kind == Finding {
		return false, "explain did not report " + e.Arg, refs
	}
	return true, "", refs
}

func checkHeader(e Expectation, fields []explain.Field) (bool, string) {
	var seen []string
	for _, f := range fields {
		if !f.Is(e.Arg) {
			continue
		}
		v := strings.TrimSpace(f.Value)
		if e.Value == "" || v == e.Value {
			return true, ""
		}
		seen = append(seen, strconv.Quote(v))
	}
	if len(seen) == 0 {
		return false, "no " + e.Arg + " field"
	}
	sort.Strings(seen)
	return false, fmt.Sprintf("%s is %s, not %q", e.Arg, strings.Join(seen, ", "), e.Value)
}

func appendNew(list []string, add ...string) []string {
	for _, a := range add {
		found := false
		for _, l := range list {
			if l == a {
				found = true
				break
			}
		}
		if !found {
			list = append(list, a)
		}
	}
	return list
}
