package explain

import (
	"strings"
	"testing"
)

// TestPreconditionFailure: each failed precondition is named, with its own reason
// and next step; If-None-Match: * never blames If-Match or "a change since you read".
func TestPreconditionFailure(t *testing.T) {
	resp := Response{Status: 412, Fields: []Field{{Name: "ETag", Value: `"v2"`}}}
	cases := []struct {
		name      string
		req       *Request
		field     string
		next      NextStep
		banner    []string
		notBanner []string
		advice    string
	}{
		{"If-Match with an old tag", &Request{Method: "PUT", Fields: []Field{{Name: "If-Match", Value: `"v1"`}}},
			"If-Match", StepMerge, []string{"If-Match failed", "changed since you read it", "re-read and merge"}, nil, "merge your change"},
		{"If-None-Match: * on an existing resource (create twice)", &Request{Method: "PUT", Fields: []Field{{Name: "If-None-Match", Value: "*"}}},
			"If-None-Match: *", StepDropIfNoneMatch, []string{"If-None-Match: * failed", "already exists", "drop it to overwrite"},
			[]string{"If-Match failed", "changed since"}, "drop If-None-Match: *"},
		{"If-Unmodified-Since before the last change", &Request{Method: "DELETE", Fields: []Field{{Name: "If-Unmodified-Since", Value: "Wed, 01 May 2024 09:00:00 GMT"}}},
			"If-Unmodified-Since", StepMerge, []string{"If-Unmodified-Since failed", "Wed, 01 May 2024 09:00:00 GMT"}, nil, "merge your change"},
		{"If-None-Match with the current tag on a write", &Request{Method: "PUT", Fields: []Field{{Name: "If-None-Match", Value: `"v2"`}}},
			"If-None-Match", StepReread, []string{"If-None-Match failed", "still a version you named"}, []string{"already exists"}, "drop If-None-Match"},
		{"If-Match: * on a missing resource", &Request{Method: "PUT", Fields: []Field{{Name: "If-Match", Value: "*"}}},
			"If-Match", StepCreate, []string{"does not exist"}, nil, "without If-Match"},
		{"If-Match wins over If-None-Match: * (evaluated first)", &Request{Method: "PUT", Fields: []Field{{Name: "If-Match", Value: `"v1"`}, {Name: "If-None-Match", Value: "*"}}},
			"If-Match", StepMerge, []string{"If-Match failed"}, nil, "merge"},
		{"no precondition at all", &Request{Method: "PUT"},
			"", StepServer, []string{"without a precondition"}, nil, "Retrying changes nothing"},
		{"request fields unknown", &Request{Method: "PUT", FieldsUnknown: true},
			"", StepMerge, []string{"a precondition was false"}, nil, "merge"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := PreconditionFailure(c.req, resp)
			if f.Field != c.field || f.Next != c.next {
				t.Errorf("field, next = %q, %q; want %q, %q", f.Field, f.Next, c.field, c.next)
			}
			for _, w := range c.banner {
				if !strings.Contains(f.Banner, w) {
					t.Errorf("banner %q does not say %q", f.Banner, w)
				}
			}
			for _, w := range c.notBanner {
				if strings.Contains(f.Banner+f.Why, w) {
					t.Errorf("banner %q / why %q wrongly says %q", f.Banner, f.Why, w)
				}
			}
			if !strings.Contains(f.Advice, c.advice) {
				t.Errorf("advice %q does not say %q", f.Advice, c.advice)
			}
			// The Explain finding says the same.
			r := Analyze(Exchange{Request: c.req, Response: resp})
			var found bool
			for _, fd := range r.Findings {
				if fd.ID == "precondition-failed" {
					found = strings.Contains(fd.Detail, f.Advice)
					if c.field == "If-None-Match: *" && strings.Contains(fd.Title, "If-Match did not") {
						t.Errorf("finding blames If-Match: %q", fd.Title)
					}
				}
			}
			if !found {
				t.Errorf("the precondition-failed finding does not carry the advice %q", f.Advice)
			}
		})
	}
}
