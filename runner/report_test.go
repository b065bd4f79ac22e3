package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"strconv"
	"testing"
)

// node is a generic XML element, so the test checks the document as a CI system's
// JUnit reader would see it rather than through the writer's own structs.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []node     `xml:",any"`
	Text     string     `xml:",chardata"`
}

func (n node) attr(name string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

func (n node) count(t *testing.T, name string) int {
	t.Helper()
	v, ok := n.attr(name)
	if !ok {
		t.Fatalf("<%s> has no %s attribute", n.XMLName.Local, name)
	}
	i, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("<%s %s=%q>: not a number", n.XMLName.Local, name, v)
	}
	return i
}

// validateJUnit checks the structure of the JUnit schema CI systems read: testsuites >
// testsuite > testcase, the counts agreeing with the elements, every testcase named,
// failure and error carrying a message, times as numbers. It returns the names of
// the failed test cases.
func validateJUnit(t *testing.T, doc []byte) (failed []string) {
	t.Helper()
	if !bytes.HasPrefix(doc, []byte("<?xml")) {
		t.Error("no XML declaration")
	}
	var root node
	if err := xml.Unmarshal(doc, &root); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	if root.XMLName.Local != "testsuites" {
		t.Fatalf("root element <%s>, want <testsuites>", root.XMLName.Local)
	}
	var tests, failures, errors int
	for _, suite := range root.Children {
		if suite.XMLName.Local != "testsuite" {
			t.Fatalf("<testsuites> holds <%s>", suite.XMLName.Local)
		}
		if name, _ := suite.attr("name"); name == "" {
			t.Error("a testsuite has no name")
		}
		var cases, sf, se int
		for _, c := range suite.Children {
			switch c.XMLName.Local {
			case "system-out", "system-err", "properties":
				continue
			case "testcase":
			default:
				t.Fatalf("<testsuite> holds <%s>", c.XMLName.Local)
			}
			cases++
			name, _ := c.attr("name")
			if cls, _ := c.attr("classname"); name == "" || cls == "" {
				t.Errorf("testcase without name or classname: %+v", c.Attrs)
			}
			if v, _ := c.attr("time"); v != "" {
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					t.Errorf("testcase time %q", v)
				}
			}
			for _, p := range c.Children {
				switch p.XMLName.Local {
				case "failure", "error":
					if m, ok := p.attr("message"); !ok || m == "" {
						t.Errorf("<%s> of %q has no message", p.XMLName.Local, name)
					}
					if p.XMLName.Local == "failure" {
						sf++
					} else {
						se++
					}
					failed = append(failed, name)
				case "skipped", "system-out", "system-err":
				default:
					t.Errorf("<testcase> holds <%s>", p.XMLName.Local)
				}
			}
		}
		if suite.count(t, "tests") != cases || suite.count(t, "failures") != sf || suite.count(t, "errors") != se {
			t.Errorf("suite counts %v disagree with its %d cases, %d failures, %d errors", suite.Attrs, cases, sf, se)
		}
		tests, failures, errors = tests+cases, failures+sf, errors+se
	}
	if root.count(t, "tests") != tests || root.count(t, "failures") != failures || root.count(t, "errors") != errors {
		t.Errorf("totals %v disagree with %d tests, %d failures, %d errors", root.Attrs, tests, failures, errors)
	}
	return failed
}

func TestJUnitReportValidatesAndNamesFailures(t *testing.T) {
	s := newSuite(startDemo(t))
	s.add("read", "GET", "{{host}}/items/1", "", post(`client.test("is 200", () => client.assert(response.status === 200));
		client.log("body <&> \x01 bytes")`, 1), expects("status 200"))
	s.add("update", "PUT", "{{host}}/items/1", `{"name":"x"}`, nil, expects("status 201"), "Content-Type", "application/json")
	s.add("throws", "GET", "{{host}}/items/1", "", post(`throw new Error("<boom>")`, 1), nil)
	rep := Run(context.Background(), s.steps, Options{})
	if rep.ExitCode() != ExitFailed {
		t.Fatalf("exit %d", rep.ExitCode())
	}
	var buf bytes.Buffer
	if err := WriteJUnit(&buf, rep); err != nil {
		t.Fatal(err)
	}
	failed := validateJUnit(t, buf.Bytes())
	if len(failed) != 2 || failed[0] != "@expect status 201" || failed[1] != "script" {
		t.Errorf("failed cases %q; want the @expect status 201 and the script\n%s", failed, buf.String())
	}
	if !bytes.Contains(buf.Bytes(), []byte("status 204, not 201")) {
		t.Errorf("the failure does not say why:\n%s", buf.String())
	}

	var js bytes.Buffer
	if err := WriteJSON(&js, rep); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Passed   bool `json:"passed"`
		ExitCode int  `json:"exit_code"`
		Requests []struct {
			Name     string `json:"name"`
			Passed   bool   `json:"passed"`
			Response *struct {
				Status int `json:"status"`
			} `json:"response"`
			Tests []struct {
				Name   string   `json:"name"`
				Passed bool     `json:"passed"`
				Refs   []string `json:"refs"`
			} `json:"tests"`
			Findings []struct {
				ID string `json:"id"`
			} `json:"findings"`
		} `json:"requests"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Passed || doc.ExitCode != 1 || len(doc.Requests) != 3 {
		t.Fatalf("%s", js.String())
	}
	up := doc.Requests[1]
	if up.Passed || up.Response == nil || up.Response.Status != 204 || len(up.Findings) == 0 {
		t.Errorf("update: %+v", up)
	}
}
