package flight

import (
	"testing"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
)

func TestWithDirectivesAppliesTheRequestsOwnSettings(t *testing.T) {
	base := requests.Options{FollowRedirects: true, Jar: requests.NewJar(nil)}
	parse := func(src string) *collections.Request {
		f, err := collections.Parse("d.http", []byte(src))
		if err != nil || len(f.Requests) != 1 {
			t.Fatalf("parse: %v", err)
		}
		return &f.Requests[0]
	}
	got := WithDirectives(base, parse("# @no-redirect\n# @no-cookie-jar\nGET http://127.0.0.1/\n"))
	if got.FollowRedirects || got.Jar != nil {
		t.Errorf("directives not applied: follow %v, jar %v", got.FollowRedirects, got.Jar)
	}
	got = WithDirectives(base, parse("GET http://127.0.0.1/\n"))
	if !got.FollowRedirects || got.Jar == nil {
		t.Errorf("a request without directives lost the settings: follow %v, jar %v", got.FollowRedirects, got.Jar)
	}
}
