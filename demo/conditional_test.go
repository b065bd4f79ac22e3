package demo

import (
	"reflect"
	"testing"
)

func TestParseETagList(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  etagList
	}{
		{"one strong tag", []string{`"abc"`}, etagList{tags: []string{`"abc"`}}},
		{"a weak tag", []string{`W/"abc"`}, etagList{tags: []string{`W/"abc"`}}},
		{"star", []string{"*"}, etagList{star: true}},
		{"a list with spaces", []string{` "a" ,W/"b",  "c"`}, etagList{tags: []string{`"a"`, `W/"b"`, `"c"`}}},
		{"two lines", []string{`"a"`, `"b"`}, etagList{tags: []string{`"a"`, `"b"`}}},
		{"a comma inside the quotes", []string{`"a,b", "c"`}, etagList{tags: []string{`"a,b"`, `"c"`}}},
		{"the empty tag", []string{`""`}, etagList{tags: []string{`""`}}},
		{"unquoted tags are skipped", []string{`abc, "d"`}, etagList{tags: []string{`"d"`}}},
		{"lowercase w is not weak", []string{`w/"a"`, `"b"`}, etagList{tags: []string{`"b"`}}},
		{"a space inside the quotes", []string{`"a b"`}, etagList{}},
		{"an unterminated quote", []string{`"abc`}, etagList{}},
		{"junk after the quote", []string{`"a"x, "b"`}, etagList{tags: []string{`"b"`}}},
		{"empty", []string{""}, etagList{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := parseETagList(tc.lines); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("parseETagList(%q) (through explain.ParseETagList) = %+v, want %+v", tc.lines, got, tc.want)
			}
		})
	}
}

func TestETagComparison(t *testing.T) {
	// The table of RFC 9110 §8.8.3.2.
	tests := []struct {
		a, b         string
		strong, weak bool
	}{
		{`W/"1"`, `W/"1"`, false, true},
		{`W/"1"`, `W/"2"`, false, false},
		{`W/"1"`, `"1"`, false, true},
		{`"1"`, `"1"`, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.a+" vs "+tc.b, func(t *testing.T) {
			if got := strongMatch(tc.a, tc.b); got != tc.strong {
				t.Errorf("strong = %v, want %v", got, tc.strong)
			}
			if got := weakMatch(tc.a, tc.b); got != tc.weak {
				t.Errorf("weak = %v, want %v", got, tc.weak)
			}
		})
	}
}
