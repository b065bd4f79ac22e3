package collections

import (
	"reflect"
	"testing"
)

func TestPromptsAreReadInOrderWithTheirDescription(t *testing.T) {
	src := "### p\n# @prompt user Username to search from github\n// @prompt token\n# @name find\nGET http://127.0.0.1/users/{{user}}\n"
	f, err := Parse("p.http", []byte(src))
	if err != nil || len(f.Requests) != 1 {
		t.Fatalf("parse: %v, %d requests", err, len(f.Requests))
	}
	got := f.Requests[0].Prompts()
	want := []Prompt{{Name: "user", Description: "Username to search from github"}, {Name: "token"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
