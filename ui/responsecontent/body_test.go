package responsecontent

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/highlight"
	"github.com/httplens/httplens/ui/styles"
)

func TestPrettyTabKinds(t *testing.T) {
	big := highlight.MaxBytes + 10
	cases := []struct {
		name  string
		kind  Kind
		body  []byte
		cut   bool
		note  string
		first string
	}{
		{"small JSON is coloured", KindJSON, []byte(`{"a":1}`), false, "", "{"},
		{"large invalid JSON as received", KindJSON, append([]byte("{"), bytes.Repeat([]byte("x"), big)...), false, "not valid JSON", "{xxx"},
		{"large cut JSON as received", KindJSON, append([]byte(`["`), bytes.Repeat([]byte("x"), big)...), true, "cut at the cap", `["xx`},
		{"large text as received", KindText, bytes.Repeat([]byte("line\n"), big/5+1), false, "", "line"},
		{"binary is a hex dump", KindBinary, []byte{0, 1, 2}, false, "", "00000000  00 01 02"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tab, note, err := PrettyTab(context.Background(), c.kind, c.body, c.cut, styles.New())
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(note, c.note) {
				t.Errorf("note %q, want %q", note, c.note)
			}
			if got := tab.Plain(0); !strings.HasPrefix(got, c.first) {
				t.Errorf("first line %.40q, want %q", got, c.first)
			}
		})
	}
	t.Run("a cancelled format says so", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, _, err := PrettyTab(ctx, KindJSON, jsonBody(big), false, styles.New())
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v", err)
		}
	})
}

// jsonBody is a JSON array of n bytes or a little more.
func jsonBody(n int) []byte {
	b := []byte("[")
	for len(b) < n {
		b = append(b, `{"id":1,"ok":true},`...)
	}
	return append(b, `{}]`...)
}

func TestBodyNotices(t *testing.T) {
	base := func() requests.Exchange {
		body := jsonBody(100)
		return requests.Exchange{Response: &requests.Response{Proto: "HTTP/1.1", Status: 200, Reason: "OK",
			Headers: []requests.Header{{Name: "Content-Type", Value: "application/json"}}, Body: body, BodyBytes: int64(len(body))}}
	}
	cases := []struct {
		name string
		edit func(x *requests.Exchange)
		want string
		save bool // saving keeps more than the pane shows
	}{
		{"whole body: nothing to say", func(*requests.Exchange) {}, "", false},
		{"cut without spooling", func(x *requests.Exchange) { x.Response.Truncated = true }, "body cut at", false},
		{"partial after an error", func(x *requests.Exchange) { x.Err = os.ErrClosed }, "partial body: ", true},
		{"decoded past the cap", func(x *requests.Exchange) {
			x.Response.DecodedTruncated = true
			x.Response.Headers = append(x.Response.Headers, requests.Header{Name: "Content-Encoding", Value: "gzip\x1b[2J"})
		}, "gzip␛[2J body inflates past", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := base()
			c.edit(&x)
			got, save := bodyNotice(x)
			if c.want == "" && got != "" || !strings.Contains(got, c.want) || save != c.save {
				t.Errorf("notice %q, %v; want %q, %v", got, save, c.want, c.save)
			}
		})
	}
}
