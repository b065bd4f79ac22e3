package explain

import (
	"fmt"
	"strings"
	"time"
)

// HeaderNote explains one response header field for a learner: what the field means,
// its value parsed into lines (Cache-Control one directive per line, Vary as a list,
// dates with their distance from now, URIs resolved), what looks wrong or risky, and
// the sections of the specifications it rests on.
type HeaderNote struct {
	// Name and Value are the field as received, name in its original case.
	Name  string `json:"name"`
	Value string `json:"value"`
	// Known is false for a field httplens has no entry for; Meaning then says so
	// rather than guessing.
	Known   bool   `json:"known"`
	Meaning string `json:"meaning"`
	// Parsed is the value as a learner should read it, one line per item.
	Parsed []string `json:"parsed"`
	// Warnings name what is malformed, ignored by recipients, or risky.
	Warnings []string `json:"warnings"`
	Refs     []string `json:"refs"`
}

// HeaderNotes explains every header field of x.Response, one note per field line in
// the order received (a repeated field gets one note per line). x.Request's URL is
// used to resolve Location, Content-Location and Link; x.Received and x.Now to place
// dates in time (zero times leave the distances out). It is pure and never panics.
func HeaderNotes(x Exchange) []HeaderNote {
	index := headerIndex()
	notes := make([]HeaderNote, 0, len(x.Response.Fields))
	for _, f := range x.Response.Fields {
		spec, ok := index[strings.ToLower(strings.TrimSpace(f.Name))]
		notes = append(notes, noteFrom(f, x, spec, ok))
	}
	return notes
}

// NoteFor explains one field f as part of the response in x (the rest of x gives the
// context: status, request URL, times, the other fields). The returned lists are
// never nil, so a caller may range over them or encode them as JSON arrays.
func NoteFor(f Field, x Exchange) HeaderNote {
	spec, ok := lookupHeader(f.Name)
	return noteFrom(f, x, spec, ok)
}

// noteFrom builds the note of f from its spec (known says there is one).
func noteFrom(f Field, x Exchange, spec headerSpec, known bool) HeaderNote {
	n := HeaderNote{Name: f.Name, Value: f.Value, Parsed: []string{}, Warnings: []string{}, Refs: []string{}}
	if !known {
		unknownNote(&n)
		return n
	}
	n.Known, n.Meaning = true, spec.meaning
	n.Refs = append(n.Refs, spec.refs...)
	if spec.parse != nil {
		spec.parse(&n, noteContext{x: x, value: strings.TrimSpace(f.Value)})
	}
	return n
}

// noteContext is what a parser sees: the trimmed value and the exchange around it.
type noteContext struct {
	x     Exchange
	value string
}

// now is the moment distances are measured from: Now, else Received, else zero.
func (c noteContext) now() time.Time {
	if !c.x.Now.IsZero() {
		return c.x.Now
	}
	return c.x.Received
}

// requestURL is the request's URL, or "" when unknown.
func (c noteContext) requestURL() string {
	if c.x.Request == nil {
		return ""
	}
	return c.x.Request.URL
}

// headerSpec is one field httplens knows.
type headerSpec struct {
	name    string // canonical spelling, for tests and the catalogue
	meaning string // one line
	refs    []string
	parse   func(n *HeaderNote, c noteContext) // nil: the value needs no parsing
}

// lookupHeader finds the spec of a field name, case-insensitively (RFC 9110 §5.1).
func lookupHeader(name string) (headerSpec, bool) {
	name = strings.TrimSpace(name)
	for _, table := range [][]headerSpec{coreHeaderSpecs(), webHeaderSpecs(), requestHeaderSpecs()} {
		for _, s := range table {
			if strings.EqualFold(s.name, name) {
				return s, true
			}
		}
	}
	return headerSpec{}, false
}

// headerIndex maps each known field name, lower case, to its spec. It is built per
// call so that no package-level state exists.
func headerIndex() map[string]headerSpec {
	index := map[string]headerSpec{}
	for _, table := range [][]headerSpec{coreHeaderSpecs(), webHeaderSpecs(), requestHeaderSpecs()} {
		for _, s := range table {
			index[strings.ToLower(s.name)] = s
		}
	}
	return index
}

// HeaderNames lists every field name HeaderNotes has an entry for, in its usual
// spelling, response fields first. The slice is new on every call.
func HeaderNames() []string {
	var out []string
	for _, table := range [][]headerSpec{coreHeaderSpecs(), webHeaderSpecs(), requestHeaderSpecs()} {
		for _, s := range table {
			out = append(out, s.name)
		}
	}
	return out
}

// unknownNote fills the note of a field with no entry: it says so, and only adds
// what the name itself shows.
func unknownNote(n *HeaderNote) {
	n.Meaning = "Unknown field: httplens has no entry for " + n.Name +
		", so its meaning is whatever this server and its clients agreed on. Recipients that do not know a field ignore it."
	n.Refs = append(n.Refs, "RFC 9110 §5.1")
	if !isFieldToken(n.Name) {
		n.Warnings = append(n.Warnings, fmt.Sprintf("%q is not a valid field name (a field name is a token).", n.Name))
	}
	if len(n.Name) > 2 && strings.EqualFold(n.Name[:2], "x-") {
		n.Parsed = append(n.Parsed, "The X- prefix marks a private or experimental field; new fields no longer use it.")
		n.Refs = append(n.Refs, "RFC 6648 §3")
	}
}

// isFieldToken reports whether s is a token (RFC 9110 §5.6.2).
func isFieldToken(s string) bool { return cacheIsToken(s) }

// requestOnly marks a request field found in a response.
func requestOnly(n *HeaderNote, _ noteContext) {
	n.Warnings = append(n.Warnings, n.Name+" is a request field; in a response it has no defined meaning and recipients ignore it.")
}

// listLines adds each list member of the value as its own line, under a label.
func listLines(n *HeaderNote, c noteContext, label string) []string {
	members := splitList(c.value)
	for _, m := range members {
		n.Parsed = append(n.Parsed, label+m)
	}
	return members
}

// timeLine describes t for a learner: the instant in UTC and, when now is known, how
// far it is from now.
func timeLine(t time.Time, now time.Time) string {
	s := t.UTC().Format("2006-01-02 15:04:05 UTC")
	if now.IsZero() {
		return s
	}
	return s + " (" + relative(t.Sub(now)) + ")"
}

// relative says a signed duration as "in 5 min", "3 h 2 min ago" or "now".
func relative(d time.Duration) string {
	switch {
	case d > -time.Second && d < time.Second:
		return "now"
	case d > 0:
		return "in " + humanDuration(d)
	}
	return humanDuration(-d) + " ago"
}

// humanDuration writes a positive duration in its two largest units, e.g. "1 h 5 min"
// or "3 d 4 h"; below a minute, in seconds.
func humanDuration(d time.Duration) string {
	secs := int64(d / time.Second)
	units := []struct {
		name string
		size int64
	}{{"y", 365 * 86400}, {"d", 86400}, {"h", 3600}, {"min", 60}, {"s", 1}}
	var parts []string
	for _, u := range units {
		if secs >= u.size && len(parts) < 2 {
			parts = append(parts, fmt.Sprintf("%d %s", secs/u.size, u.name))
			secs %= u.size
		} else if len(parts) == 1 {
			break // "1 h 5 s" reads oddly; stop at the first gap
		}
	}
	if len(parts) == 0 {
		return "0 s"
	}
	return strings.Join(parts, " ")
}

// secondsLine says a number of seconds with its human form when that helps.
func secondsLine(n int64) string {
	if n < 60 {
		return fmt.Sprintf("%d s", n)
	}
	return fmt.Sprintf("%d s (%s)", n, humanDuration(time.Duration(n)*time.Second))
}
