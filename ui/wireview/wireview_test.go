package wireview

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/styles"
)

var st = styles.New()

func TestRequestHeadMarksWhatHttplensAdded(t *testing.T) {
	s := requests.SentRequest{
		Method: "post", URL: "http://127.0.0.1:1/a%20b", Proto: "HTTP/1.1",
		RawHead: []byte("post /a%20b HTTP/1.1\r\nx-Mine: 1\r\nHost: 127.0.0.1:1\r\nX-Var: a\x1b[31mred\r\nContent-Length: 0\r\n\r\n"),
		Headers: []requests.Header{{Name: "x-Mine", Value: "1"}, {Name: "Host"}, {Name: "X-Var"}, {Name: "Content-Length"}},
		Added:   []bool{false, true, false, true},
	}
	b := RequestHead(s, st)
	want := []string{
		"post /a%20b HTTP/1.1",
		"x-Mine: 1",
		"Host: 127.0.0.1:1   " + AddedMark,
		"X-Var: a␛[31mred",
		"Content-Length: 0   " + AddedMark,
		"",
	}
	if strings.Join(b.Plain, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(b.Plain, "\n"), strings.Join(want, "\n"))
	}
	if len(b.Styled) != len(b.Plain) {
		t.Errorf("%d styled lines for %d plain", len(b.Styled), len(b.Plain))
	}
}

func TestRequestHeadWithoutRawBytesSaysItIsRebuilt(t *testing.T) {
	s := requests.SentRequest{Method: "GET", URL: "https://127.0.0.1/", Proto: "HTTP/2.0",
		Headers: []requests.Header{{Name: "Accept", Value: "*/*"}}}
	b := RequestHead(s, st)
	if !strings.Contains(b.Plain[0], "HTTP/2 sends the head as binary frames") || b.Plain[1] != "GET https://127.0.0.1/ HTTP/2.0" || b.Plain[2] != "Accept: */*" {
		t.Errorf("got %q", b.Plain)
	}
}

func TestExtraIsMarkedAsNotPartOfTheMessage(t *testing.T) {
	if b := Extra(&requests.Response{}, st); b.Len() != 0 {
		t.Errorf("no extra bytes gave %q", b.Plain)
	}
	r := &requests.Response{Extra: []byte("surprise!\x07\r\nmore"), ExtraNote: "bytes after the head of a No Content response"}
	b := Extra(r, st)
	want := []string{
		"── 16 bytes after the end of the message, not part of it ──",
		"   bytes after the head of a No Content response",
		"surprise!␇",
		"more",
	}
	if strings.Join(b.Plain, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q", b.Plain)
	}
}

func TestNotesGiveTheErrorThenTheProblems(t *testing.T) {
	x := requests.Exchange{
		Err:      errors.New("the server reset the connection after 7 B of the body"),
		Response: &requests.Response{Status: 200, Problems: []string{"line 2: the value of X-Evil holds the control character 0x1b \x1b[2J"}},
	}
	got := Notes(x)
	if len(got) != 2 || !strings.HasPrefix(got[0], "the server reset") || !strings.HasSuffix(got[1], "0x1b ␛[2J") {
		t.Errorf("got %q", got)
	}
	if got := Notes(requests.Exchange{Err: errors.New("refused")}); got != nil {
		t.Errorf("a failure with no response is the pane's own message, got %q", got)
	}
}

func TestOutcomeNamesAStatusOnlyForAWholeMessage(t *testing.T) {
	cut := errors.New("the server reset the connection after 7 B of the body (Content-Length: 100)")
	for _, c := range []struct {
		name   string
		x      requests.Exchange
		want   string
		failed bool
	}{
		{"whole", requests.Exchange{Response: &requests.Response{Status: 200, Reason: "OK", Complete: true}, Timing: requests.Timing{Total: 3 * time.Millisecond}},
			"GET / → 200 OK in 3 ms", false},
		{"cut in the body", requests.Exchange{Err: cut, Response: &requests.Response{Status: 200, Reason: "OK"}},
			"GET /: incomplete 200 OK response: " + cut.Error() + " (the bytes that came are in Raw)", true},
		{"no status line", requests.Exchange{Err: errors.New("the server did not answer in HTTP/1.x"), Response: &requests.Response{}},
			"GET /: no HTTP response: the server did not answer in HTTP/1.x (its bytes are in Raw)", true},
		{"no response", requests.Exchange{Err: errors.New("connection refused")}, "Failed: connection refused", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, failed := Outcome(c.x, "GET /")
			if got != c.want || failed != c.failed {
				t.Errorf("got %q, %v; want %q, %v", got, failed, c.want, c.failed)
			}
			if c.failed && strings.Contains(got, "→") {
				t.Errorf("an exchange that fell short reads as a result: %q", got)
			}
		})
	}
}

func TestTimingMarksPhasesThatDidNotHappen(t *testing.T) {
	tm := requests.Timing{Connect: 400 * time.Microsecond, Write: 100 * time.Microsecond, TTFB: 2 * time.Millisecond,
		Transfer: 500 * time.Microsecond, Total: 3 * time.Millisecond,
		Happened: requests.PhaseConnect | requests.PhaseWrite | requests.PhaseWait | requests.PhaseTransfer}
	lines := Timing(tm, 60, st)
	row := func(name string) string {
		for _, l := range lines {
			if strings.HasPrefix(l, name+" ") {
				return l
			}
		}
		t.Fatalf("no %s row in\n%s", name, strings.Join(lines, "\n"))
		return ""
	}
	for _, name := range []string{"DNS", "TLS"} {
		if l := row(name); !strings.HasSuffix(l, NotHappened) || strings.Contains(l, "█") {
			t.Errorf("%s did not happen: %q", name, l)
		}
	}
	if l := row("Connect"); !strings.HasSuffix(l, "400 µs") || !strings.Contains(l, "█") {
		t.Errorf("connect: %q", l)
	}
	if l := row("Total"); !strings.HasSuffix(l, "3 ms") {
		t.Errorf("total: %q", l)
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > 60 {
			t.Errorf("line of %d cells in 60: %q", n, l)
		}
	}
}

func TestRequestHeadWhenNothingWasSent(t *testing.T) {
	if b := RequestHead(requests.SentRequest{}, st); len(b.Plain) != 1 || b.Plain[0] != "Nothing was sent." {
		t.Errorf("got %q", b.Plain)
	}
}
