// Package har reads HTTP Archive (HAR) files as browsers' developer tools save them
// (Chrome, Firefox, Safari) and turns each entry into an exchange explain can analyse.
//
// Reading is lenient: devtools leave content out, base64 it, cut it, report partial
// timings, and write HTTP/2 and HTTP/3 entries with pseudo-headers. An entry is never
// rejected for a missing or odd field; what it lacked is listed in Entry.Lacks.
// Only a file that is not a HAR log at all is an error, naming the line.
package har

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/httplens/httplens/explain"
)

// maxFile bounds the bytes read from one HAR file; devtools exports with bodies of
// a large page run to tens of megabytes, never gigabytes.
const maxFile = 1 << 30

// Log is a HAR file's log: who wrote it and its entries in file order.
type Log struct {
	Version string
	Creator string // "name version", e.g. "WebInspector 537.36"
	Entries []Entry
}

// Entry is one exchange of the log.
type Entry struct {
	// Index is the entry's position in the log, from 0; Line is the line of the
	// file where it starts (1-based), for messages.
	Index int
	Line  int
	// Started is entries[].startedDateTime; zero when missing or unreadable.
	Started time.Time
	// Received is when the response head arrived: Started plus the timings up to
	// the end of wait, or Started when they are unknown.
	Received time.Time
	Request  explain.Request
	// RequestBody is request.postData.text, nil when the log has none.
	RequestBody []byte
	// Response.Status is 0 when the browser got no response (blocked, failed).
	Response explain.Response
	// HTTPVersion is as the log wrote it (HTTP/1.1, h2, h3, http/2.0, ...).
	HTTPVersion string
	// Timings are milliseconds per phase, -1 when the phase is unknown or did not
	// happen; TimeMS is the entry's total.
	Timings Timings
	TimeMS  float64
	// TransferSize is Chrome's _transferSize (bytes on the wire, 0 when served from
	// the browser cache), -1 when absent. FromCache is Chrome's _fromCache
	// ("memory", "disk") or "" .
	TransferSize int64
	FromCache    string
	// Error is the browser's own error text for a failed entry (Chrome's _error).
	Error string
	// Lacks says, one short phrase each, what the entry lacked or what was made up
	// for it, e.g. "response body not saved".
	Lacks []string
}

// Timings are the HAR phases in milliseconds; -1 means unknown.
type Timings struct {
	Blocked, DNS, Connect, SSL, Send, Wait, Receive float64
}

// Exchange returns the entry as explain's input, with the verdict taken at the
// moment the response was received: a HAR file read next week must not make every
// response stale.
func (e Entry) Exchange() explain.Exchange {
	req := e.Request
	return explain.Exchange{Request: &req, Response: e.Response, Sent: e.Started, Received: e.Received, Now: e.Received}
}

// Size is the best known body size: the response body's length as received, or
// its declared content size when the body was not saved.
func (e Entry) Size() int64 { return e.Response.BodyBytes }

// Read reads a HAR file. name is used in error messages.
func Read(r io.Reader, name string) (Log, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFile+1))
	if err != nil {
		return Log{}, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxFile {
		return Log{}, fmt.Errorf("%s: larger than %d bytes", name, maxFile)
	}
	return Parse(data, name)
}

// Parse reads a HAR file held in memory. name is used in error messages.
func Parse(data []byte, name string) (Log, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // Safari and some tools write a BOM
	var top struct {
		Log *struct {
			Version string          `json:"version"`
			Creator json.RawMessage `json:"creator"`
			Entries json.RawMessage `json:"entries"`
		} `json:"log"`
	}
	if err := json.Unmarshal(data, &top); err != nil {
		return Log{}, jsonError(name, data, err)
	}
	if top.Log == nil {
		return Log{}, fmt.Errorf("%s:1: not a HAR file: no \"log\" object at the top", name)
	}
	out := Log{Version: top.Log.Version, Creator: creatorText(top.Log.Creator)}
	if len(top.Log.Entries) == 0 || string(top.Log.Entries) == "null" {
		return out, nil
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(top.Log.Entries, &raws); err != nil {
		return Log{}, fmt.Errorf("%s:%d: log.entries is not a list", name, lineAt(data, offsetOf(data, top.Log.Entries)))
	}
	for i, raw := range raws {
		line := lineAt(data, offsetOf(data, raw))
		var je jsonEntry
		if err := json.Unmarshal(raw, &je); err != nil {
			return Log{}, fmt.Errorf("%s:%d: entry %d: %v", name, line, i, plainJSONError(err))
		}
		e := je.entry()
		e.Index, e.Line = i, line
		out.Entries = append(out.Entries, e)
	}
	return out, nil
}

func creatorText(raw json.RawMessage) string {
	var c struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if json.Unmarshal(raw, &c) != nil {
		return ""
	}
	return strings.TrimSpace(c.Name + " " + c.Version)
}

// jsonError names the line of a syntax error, or says which field had the wrong type.
func jsonError(name string, data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%s:%d: not a HAR file: %v", name, lineAt(data, int(se.Offset)), se)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("%s:%d: not a HAR file: %s is a JSON %s", name, lineAt(data, int(te.Offset)), te.Field, te.Value)
	}
	return fmt.Errorf("%s:1: not a HAR file: %v", name, err)
}

func plainJSONError(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("%s is a JSON %s", te.Field, te.Value)
	}
	return err.Error()
}

// offsetOf finds where sub (a slice of data made by json.RawMessage, which copies)
// starts in data; the first occurrence is close enough for a line number.
func offsetOf(data, sub []byte) int {
	if i := bytes.Index(data, sub); i >= 0 {
		return i
	}
	return 0
}

func lineAt(data []byte, off int) int {
	off = min(max(off, 0), len(data))
	return 1 + bytes.Count(data[:off], []byte("\n"))
}

// num reads a JSON number leniently: a number, a numeric string or null. Absent or
// unreadable values are -1, HAR's "unknown".
type num struct {
	v   float64
	set bool
}

func (n *num) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		n.v, n.set = f, true
	}
	return nil
}

func (n num) or(def float64) float64 {
	if !n.set {
		return def
	}
	return n.v
}

// text reads a JSON string leniently: a number or bool becomes its text, null "".
type text string

func (t *text) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		*t = text(s)
		return nil
	}
	if string(b) != "null" {
		*t = text(b)
	}
	return nil
}

type jsonNV struct {
	Name  text `json:"name"`
	Value text `json:"value"`
}
