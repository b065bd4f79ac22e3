// Package explainfold lays out an explain.Report for a narrow pane that a reader
// scans: one headline per finding, grouped by severity, the detail folded until
// it is opened, the obvious (a safe method's note, age arithmetic of zeros) in
// one folded group at the end, each line wrapped inside the width without
// breaking a header name at its hyphen. It is pure: the pane styles the lines by
// their Kind and keeps the cursor and what is open.
package explainfold

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/termtext"
)

// Kind says what a line is, for styling.
type Kind int

// The kinds of Line.
const (
	Status   Kind = iota // the status line
	Group                // a severity group's heading
	Headline             // a finding's one line, folded or open
	Detail               // an open finding's explanation
	Refs                 // an open finding's RFC sections
	Section              // validators and caching, always shown
)

// Line is one line of the layout. Item is the index of the item it belongs to
// (-1 for none): the pane moves its cursor over items, not lines.
type Line struct {
	Text     string
	Kind     Kind
	Item     int
	Severity explain.Severity
}

// Item is one foldable entry: the status meaning, a finding, or the group of the
// obvious findings.
type Item struct {
	Severity explain.Severity
	Headline string
	Detail   string
	Refs     []string
	// Members are the findings of the obvious group, shown when it is open.
	Members []explain.Finding
}

// Doc is a report made into items, and which are open. The zero value is empty.
type Doc struct {
	Items []Item
	Open  []bool
	// Tail are the always-visible summary paragraphs (validators, caching).
	Tail []string
}

// New makes a report into items: the status first, then the findings by
// severity (errors, warnings, notes), then one "basics" group of the obvious
// ones. reason is the response's reason phrase. Everything starts folded.
func New(r explain.Report, reason string, tail []string) Doc {
	d := Doc{Tail: tail}
	status := fmt.Sprintf("%d %s", r.Status.Code, reason)
	if r.Status.Class != "" {
		status += " · " + r.Status.Class
	}
	if r.Status.Code == 304 {
		status += " (not a redirect)" // 3xx, yet nothing to follow
	}
	d.Items = append(d.Items, Item{Severity: explain.Info, Headline: status, Detail: r.Status.Meaning, Refs: r.Status.Refs})
	var obvious []explain.Finding
	for _, sev := range []explain.Severity{explain.Error, explain.Warning, explain.Info} {
		for _, f := range r.Findings {
			switch {
			case f.Severity != sev:
			case f.Obvious:
				obvious = append(obvious, f)
			default:
				d.Items = append(d.Items, Item{Severity: sev, Headline: f.Title, Detail: f.Detail, Refs: f.Refs})
			}
		}
	}
	if len(obvious) > 0 {
		d.Items = append(d.Items, Item{Severity: explain.Info, Headline: fmt.Sprintf("Basics (%d): what holds for every such exchange", len(obvious)), Members: obvious})
	}
	d.Open = make([]bool, len(d.Items))
	return d
}

// Toggle opens or folds item i.
func (d *Doc) Toggle(i int) {
	if i >= 0 && i < len(d.Open) {
		d.Open[i] = !d.Open[i]
	}
}

// SetAll opens (or folds) every item.
func (d *Doc) SetAll(open bool) {
	for i := range d.Open {
		d.Open[i] = open
	}
}

// AllOpen reports whether every item is open.
func (d Doc) AllOpen() bool {
	for _, o := range d.Open {
		if !o {
			return false
		}
	}
	return len(d.Open) > 0
}

// Lines lays the doc out at width cells: no line is wider. The text is made
// terminal-safe here.
func (d Doc) Lines(width int) []Line {
	width = max(width, 8)
	var out []Line
	add := func(kind Kind, item int, sev explain.Severity, indent, text string) {
		for _, l := range Wrap(termtext.String(text), width, indent) {
			out = append(out, Line{Text: l, Kind: kind, Item: item, Severity: sev})
		}
	}
	group := explain.Severity("")
	for i, it := range d.Items {
		if i > 0 && it.Members == nil && it.Severity != group {
			group = it.Severity
			out = append(out, Line{Kind: Group, Item: -1}, Line{Text: groupLabel(group, d.count(group)), Kind: Group, Item: -1, Severity: group})
		}
		if it.Members != nil {
			out = append(out, Line{Kind: Group, Item: -1})
		}
		mark := "▸ "
		if d.Open[i] {
			mark = "▾ "
		}
		kind := Headline
		if i == 0 {
			kind = Status
		}
		add(kind, i, it.Severity, mark, it.Headline)
		if !d.Open[i] {
			continue
		}
		if it.Detail != "" {
			add(Detail, i, it.Severity, "  ", it.Detail)
		}
		if len(it.Refs) > 0 {
			add(Refs, i, it.Severity, "  ", strings.Join(it.Refs, " · "))
		}
		for _, f := range it.Members {
			add(Detail, i, f.Severity, "  • ", f.Title+". "+f.Detail)
			if len(f.Refs) > 0 {
				add(Refs, i, f.Severity, "    ", strings.Join(f.Refs, " · "))
			}
		}
	}
	for _, t := range d.Tail {
		out = append(out, Line{Kind: Section, Item: -1})
		add(Section, -1, explain.Info, "", t)
	}
	return out
}

// count is the number of (not obvious) findings of a severity.
func (d Doc) count(sev explain.Severity) int {
	n := 0
	for _, it := range d.Items[1:] {
		if it.Members == nil && it.Severity == sev {
			n++
		}
	}
	return n
}

func groupLabel(sev explain.Severity, n int) string {
	switch sev {
	case explain.Error:
		return fmt.Sprintf("Errors (%d)", n)
	case explain.Warning:
		return fmt.Sprintf("Warnings (%d)", n)
	}
	return fmt.Sprintf("Notes (%d)", n)
}

// nbHyphen stands in for "-" while wrapping: ansi.Wrap breaks after every hyphen,
// which splits header names ("If-│Match"); a non-breaking hyphen is one cell too.
const nbHyphen = "\u2011"

// Wrap wraps safe text to width cells at spaces, never inside a hyphenated word
// unless the word alone is wider than the line. The first line starts with
// indent, the others with as many spaces, so a marker shows where an item starts.
// No line is wider than width.
func Wrap(text string, width int, indent string) []string {
	iw := ansi.StringWidth(indent)
	w := max(width-iw, 4)
	hang := strings.Repeat(" ", iw)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		wrapped := ansi.Wrap(strings.ReplaceAll(para, "-", nbHyphen), w, " ")
		for _, l := range strings.Split(wrapped, "\n") {
			l = strings.ReplaceAll(strings.TrimRight(l, " "), nbHyphen, "-")
			if len(out) == 0 {
				out = append(out, ansi.Truncate(indent+l, width, ""))
			} else {
				out = append(out, ansi.Truncate(hang+l, width, ""))
			}
		}
	}
	return out
}

// Prose makes text written in lines (a lesson from comment lines) terminal-safe
// and reflowable: the lines of a paragraph are joined with spaces, an empty line
// stays a paragraph break. Wrap then fits it to any width.
func Prose(text string) string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, termtext.String(strings.Join(cur, " ")))
			cur = nil
		}
	}
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		cur = append(cur, strings.TrimSpace(l))
	}
	flush()
	return strings.Join(paras, "\n\n")
}
