package runner

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/httplens/httplens/explain"
)

// JUnit XML: one <testsuite> per request, one <testcase> per check. A failed check is
// a <failure>; a script or file error is an <error>, as JUnit tells "the test said
// no" from "the test could not run". encoding/xml writes characters XML cannot carry
// (C0 controls a logged body may hold) as U+FFFD, so the document stays well-formed.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	Time      string      `xml:"time,attr"`
	File      string      `xml:"file,attr,omitempty"`
	Cases     []junitCase `xml:"testcase"`
	SystemOut string      `xml:"system-out,omitempty"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func seconds(d interface{ Seconds() float64 }) string { return fmt.Sprintf("%.3f", d.Seconds()) }

// WriteJUnit writes the report as JUnit XML, the format CI systems read.
func WriteJUnit(w io.Writer, r Report) error {
	out := junitSuites{Name: "httplens run", Time: seconds(r.Duration)}
	for _, s := range r.Steps {
		suite := junitSuite{Name: stepTitle(s), Time: seconds(s.Duration), File: s.File,
			SystemOut: strings.Join(s.Logs, "\n")}
		for _, c := range s.Checks {
			tc := junitCase{Name: c.Name, Classname: stepTitle(s), Time: "0.000"}
			if !c.Passed {
				p := &junitProblem{Message: c.Message, Type: c.Kind, Text: problemText(c)}
				if c.Kind == KindScript || c.Kind == KindFile {
					tc.Error = p
					suite.Errors++
				} else {
					tc.Failure = p
					suite.Failures++
				}
			}
			suite.Cases = append(suite.Cases, tc)
		}
		suite.Tests = len(suite.Cases)
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Errors += suite.Errors
		out.Suites = append(out.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func problemText(c Check) string {
	if len(c.Refs) == 0 {
		return c.Message
	}
	return c.Message + "\n(" + strings.Join(c.Refs, ", ") + ")"
}

func stepTitle(s StepResult) string {
	name := s.Name
	if name == "" {
		name = "request"
	}
	return fmt.Sprintf("%s (%s:%d)", name, s.File, s.Line)
}

// jsonStep is one request in the JSON report.
type jsonStep struct {
	Name     string            `json:"name"`
	File     string            `json:"file"`
	Line     int               `json:"line"`
	Passed   bool              `json:"passed"`
	Request  *jsonRequest      `json:"request"`
	Response *jsonResponse     `json:"response"`
	TimingMS *float64          `json:"timing_ms"`
	Tests    []Check           `json:"tests"`
	Logs     []string          `json:"logs"`
	Findings []explain.Finding `json:"findings"`
}

type jsonRequest struct {
	Method string `json:"method"`
	URL    string `json:"url"`
}

type jsonResponse struct {
	Status    int    `json:"status"`
	Reason    string `json:"reason"`
	BodyBytes int64  `json:"body_bytes"`
}

// WriteJSON writes the report as JSON: {"passed", "exit_code", "requests": [...]},
// one object per request with its exchange summary, tests, logs and findings.
func WriteJSON(w io.Writer, r Report) error {
	steps := make([]jsonStep, 0, len(r.Steps))
	for _, s := range r.Steps {
		js := jsonStep{Name: s.Name, File: s.File, Line: s.Line, Passed: s.Passed(),
			Tests: s.Checks, Logs: s.Logs, Findings: []explain.Finding{}}
		if js.Tests == nil {
			js.Tests = []Check{}
		}
		if js.Logs == nil {
			js.Logs = []string{}
		}
		if x := s.Exchange; x != nil {
			js.Request = &jsonRequest{Method: x.Request.Method, URL: x.Request.URL}
			ms := float64(x.Timing.Total.Microseconds()) / 1000
			js.TimingMS = &ms
			if x.Response != nil {
				js.Response = &jsonResponse{Status: x.Response.Status, Reason: x.Response.Reason, BodyBytes: x.Response.BodyBytes}
			}
		}
		if s.Report != nil && s.Report.Findings != nil {
			js.Findings = s.Report.Findings
		}
		steps = append(steps, js)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Passed   bool       `json:"passed"`
		ExitCode int        `json:"exit_code"`
		Requests []jsonStep `json:"requests"`
	}{r.ExitCode() == ExitPassed, r.ExitCode(), steps})
}
