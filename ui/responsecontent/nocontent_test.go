package responsecontent

import (
	"strconv"
	"strings"
	"testing"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/styles"
)

// TestPrettySaysWhyThereIsNoContent: a HEAD response, a 204 and a 304 carry no
// content by definition; their Pretty tab says so with the RFC's section instead
// of showing a blank pane, and Raw still shows the head exactly as received. A
// 200 to GET with an empty body is not one of them.
func TestPrettySaysWhyThereIsNoContent(t *testing.T) {
	cases := []struct {
		name, method string
		status       int
		reason       string
		want         string // in Pretty's first line; "" for no note
	}{
		{"HEAD 200", "HEAD", 200, "OK", "HEAD responses carry no content (RFC 9110 §9.3.2)"},
		{"204", "DELETE", 204, "No Content", "No content: a 204 has none (RFC 9110 §15.3.5)"},
		{"304", "GET", 304, "Not Modified", "No content: a 304 has none; the stored copy is current (RFC 9110 §15.4.5)"},
		{"HEAD 304", "HEAD", 304, "Not Modified", "HEAD responses carry no content (RFC 9110 §9.3.2)"},
		{"empty 200 to GET", "GET", 200, "OK", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			head := "HTTP/1.1 " + strconv.Itoa(c.status) + " " + c.reason + "\r\nContent-Type: application/json\r\nContent-Length: 42\r\n\r\n"
			x := requests.Exchange{Request: requests.SentRequest{Method: c.method, URL: "http://127.0.0.1/items/1"},
				Response: &requests.Response{Proto: "HTTP/1.1", Status: c.status, Reason: c.reason, RawHead: []byte(head),
					Headers:  []requests.Header{{Name: "Content-Type", Value: "application/json"}, {Name: "Content-Length", Value: "42"}},
					Complete: true}}
			ct := New(x, styles.New())
			pretty := ct.Tabs[TabPretty]
			got := strings.Join(allPlain(&pretty), "\n")
			if c.want == "" {
				if strings.Contains(got, "no content") || strings.Contains(got, "No content") {
					t.Errorf("Pretty of an empty 200 says %q", got)
				}
			} else if pretty.Len() == 0 || pretty.Plain(0) != c.want {
				t.Errorf("Pretty shows %q, want %q", got, c.want)
			}
			raw := ct.Tabs[TabRaw]
			if rawText := strings.Join(allPlain(&raw), "\n"); rawText != strings.Join(strings.Split(strings.TrimSuffix(head, "\r\n"), "\r\n"), "\n") {
				t.Errorf("Raw changed: %q", rawText)
			}
		})
	}
}

func allPlain(t *Text) []string {
	out := make([]string, t.Len())
	for i := range out {
		out[i] = t.Plain(i)
	}
	return out
}
