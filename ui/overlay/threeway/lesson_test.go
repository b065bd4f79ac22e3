package threeway

import (
	"strings"
	"testing"

	"github.com/httplens/httplens/collections"
)

// The tour's 412 lesson says what this view offers, with its keys.
func TestTourLessonNamesTheChoices(t *testing.T) {
	c, err := collections.Tour()
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Find("Update again with the stale ETag")
	if err != nil {
		t.Fatal(err)
	}
	lesson := strings.Join(strings.Fields(r.Lesson), " ")
	k := NewKeys()
	for _, want := range []string{k.Yours.Keys()[0] + " sends yours", k.Theirs.Keys()[0] + " takes theirs",
		k.Merged.Keys()[0] + " sends the merge", k.Close.Keys()[1] + " sends nothing"} {
		if !strings.Contains(lesson, want) {
			t.Errorf("the lesson does not say %q:\n%s", want, lesson)
		}
	}
}
