package runner

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/scripts"
)

// startDemo runs the demo API on loopback for one test.
func startDemo(t testing.TB) string {
	t.Helper()
	s, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s.URL()
}

var placeholder = regexp.MustCompile(`\{\{\s*([^{}\s]+)\s*\}\}`)

// suite builds steps the way the CLI will from a parsed collection: {{name}} is
// resolved from the request variables, then the globals the scripts keep, then the
// file variables. It stands in for the collections resolver, which is not wired yet.
type suite struct {
	globals *scripts.Globals
	file    map[string]string
	steps   []Step
}

func newSuite(base string) *suite {
	return &suite{globals: &scripts.Globals{}, file: map[string]string{"host": base}}
}

func (s *suite) substitute(text string, vars map[string]string) (string, error) {
	var missing error
	out := placeholder.ReplaceAllStringFunc(text, func(m string) string {
		name := placeholder.FindStringSubmatch(m)[1]
		if v, ok := vars[name]; ok {
			return v
		}
		if v, ok := s.globals.Lookup(name); ok {
			return v
		}
		if v, ok := s.file[name]; ok {
			return v
		}
		missing = fmt.Errorf("{{%s}} is not defined", name)
		return m
	})
	return out, missing
}

// add appends a step; headers are name, value pairs.
func (s *suite) add(name, method, url, body string, scriptsOf []Script, directives []Directive, headers ...string) {
	req := scripts.Request{Method: method, URL: url, Body: body}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Headers = append(req.Headers, scripts.Header{Name: headers[i], Value: headers[i+1]})
	}
	req.Substitute = func(t string) string { v, _ := s.substitute(t, nil); return v }
	line := 10 * (len(s.steps) + 1)
	s.steps = append(s.steps, Step{
		Name: name, File: "suite.http", Line: line, Request: req, Scripts: scriptsOf, Directives: directives,
		Resolve: func(vars map[string]string) (requests.Request, error) {
			var r requests.Request
			var err error
			r.Method = method
			if r.URL, err = s.substitute(url, vars); err != nil {
				return r, err
			}
			b, err := s.substitute(body, vars)
			if err != nil {
				return r, err
			}
			if body != "" {
				r.Body = []byte(b)
			}
			for _, h := range req.Headers {
				v, err := s.substitute(h.Value, vars)
				if err != nil {
					return r, err
				}
				r.Headers = append(r.Headers, requests.Header{Name: h.Name, Value: v})
			}
			return r, nil
		},
	})
}

func post(src string, line int) []Script { return []Script{{Source: src, Line: line}} }

func expects(values ...string) []Directive {
	out := make([]Directive, len(values))
	for i, v := range values {
		out[i] = Directive{Name: "expect", Value: v, Line: 100 + i}
	}
	return out
}
