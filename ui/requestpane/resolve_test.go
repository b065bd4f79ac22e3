package requestpane

import (
	"errors"
	"testing"

	"github.com/httplens/httplens/requests"
)

// The resolve runs when the command runs, not before, and its answer or its
// error arrives for the request asked about.
func TestResolveCmdRunsInTheCommand(t *testing.T) {
	ran := false
	cmd := ResolveCmd("a.http#1", func() (requests.Request, error) {
		ran = true
		return requests.Request{Method: "GET", URL: "http://127.0.0.1/x"}, nil
	})
	if ran {
		t.Fatal("resolved before the command ran")
	}
	if got := cmd().(Resolved); !ran || got.Key != "a.http#1" || got.Req.URL != "http://127.0.0.1/x" || got.Err != nil {
		t.Errorf("%+v", got)
	}
	bad := errors.New("unknown variable")
	if got := ResolveCmd("k", func() (requests.Request, error) { return requests.Request{}, bad })().(Resolved); got.Key != "k" || !errors.Is(got.Err, bad) {
		t.Errorf("%+v", got)
	}
}
