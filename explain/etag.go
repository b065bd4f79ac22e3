package explain

import (
	"errors"
	"fmt"
	"strings"
)

// ETag is a parsed entity-tag (RFC 9110 §8.8.3). opaque keeps its quotes, so
// two tags compare by their opaque parts. It is the one entity-tag parser of
// httplens: the demo API evaluates its preconditions with it too.
type ETag struct {
	weak   bool
	opaque string
}

// String writes the tag back in its wire form.
func (t ETag) String() string {
	if t.weak {
		return "W/" + t.opaque
	}
	return t.opaque
}

// Weak reports a weak tag (W/ prefix).
func (t ETag) Weak() bool { return t.weak }

// StrongMatch is the strong comparison: both strong, same characters (RFC 9110
// §8.8.3.2). If-Match uses it.
func (t ETag) StrongMatch(o ETag) bool { return t.strongMatch(o) }

// WeakMatch is the weak comparison: same characters, W/ ignored (RFC 9110 §8.8.3.2).
// If-None-Match uses it.
func (t ETag) WeakMatch(o ETag) bool { return t.weakMatch(o) }

// ParseETag reads one entity tag; the error says, for a learner, what is wrong.
func ParseETag(s string) (ETag, error) {
	t, problem := parseEntityTag(strings.TrimSpace(s))
	if problem != "" {
		return ETag{}, errors.New(problem)
	}
	return t, nil
}

// ParseETagList reads every line of an If-Match or If-None-Match field: "*" or a
// list of entity tags (commas inside quotes do not split). Members that are not
// entity tags are skipped, so they match nothing.
func ParseETagList(lines []string) (star bool, tags []ETag) {
	var members []string
	for _, l := range lines {
		members = append(members, splitList(l)...)
	}
	star, tags, _ = parseTagList(members)
	return star, tags
}

// strongMatch is the strong comparison: both strong, same characters (RFC 9110 §8.8.3.2).
func (t ETag) strongMatch(o ETag) bool {
	return !t.weak && !o.weak && t.opaque == o.opaque
}

// weakMatch is the weak comparison: same characters, W/ ignored (RFC 9110 §8.8.3.2).
func (t ETag) weakMatch(o ETag) bool {
	return t.opaque == o.opaque
}

// parseEntityTag reads entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, with etagc =
// %x21 / %x23-7E / obs-text. On failure the string says what is wrong, for a learner.
func parseEntityTag(s string) (ETag, string) {
	var t ETag
	rest := s
	switch {
	case s == "":
		return t, "The entity tag is empty; it needs at least the quotes: \"\"."
	case strings.HasPrefix(s, "W/"):
		t.weak, rest = true, s[2:]
	case strings.HasPrefix(s, "w/"):
		return t, "The weak prefix is written W/ with a capital W; w/ is not recognised."
	}
	if rest == "" || rest[0] != '"' {
		return t, fmt.Sprintf("%s is not in double quotes. An entity tag is a quoted string, e.g. \"%s\" or W/\"%s\".",
			s, strings.Trim(rest, `"`), strings.Trim(rest, `"`))
	}
	for i := 1; i < len(rest); i++ {
		c := rest[i]
		switch {
		case c == '"':
			if i != len(rest)-1 {
				return t, fmt.Sprintf("Text follows the closing quote (%q); an entity tag is one quoted string, with no escapes and no list.", rest[i+1:])
			}
			t.opaque = rest
			return t, ""
		case c == 0x21 || (c >= 0x23 && c <= 0x7e) || c >= 0x80:
		default:
			return t, fmt.Sprintf("Character %q at position %d is not allowed between the quotes (only visible ASCII other than \" and non-ASCII bytes).", c, len(s)-len(rest)+i+1)
		}
	}
	return t, "The closing double quote is missing."
}

// parseTagList reads an If-Match or If-None-Match value: "*" or a list of entity
// tags. bad holds the members that are not entity tags.
func parseTagList(v []string) (star bool, tags []ETag, bad []string) {
	for _, m := range v {
		if m == "*" {
			star = true
			continue
		}
		if t, problem := parseEntityTag(m); problem == "" {
			tags = append(tags, t)
		} else {
			bad = append(bad, m)
		}
	}
	return star, tags, bad
}

// responseETag is the response's entity tag when there is exactly one valid one.
func responseETag(resp Response) (ETag, bool) {
	// Counted, not collected: lines would allocate a slice for the one line.
	v, n := "", 0
	for _, f := range resp.Fields {
		if f.Is("ETag") {
			v, n = f.Value, n+1
		}
	}
	if n != 1 {
		return ETag{}, false
	}
	t, problem := parseEntityTag(strings.TrimSpace(v))
	return t, problem == ""
}
