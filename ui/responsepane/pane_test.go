package responsepane

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
	rc "github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/styles"
)

func TestResponsePaneTabs(t *testing.T) {
	x := jsonExchange(`{"id":1,"name":"pen"}`)
	cases := []struct {
		name string
		keys []tea.Msg
		want []string
		not  []string
	}{
		{"raw shows the head and body as received", nil,
			[]string{"[Raw]", "HTTP/1.1 200 OK", "X-Evil: a␛]52;c;aGk=␇b", `{"id":1,"name":"pen"}`}, []string{"\x1b"}},
		{"pretty indents JSON", []tea.Msg{keyMsg("2")}, []string{"[Pretty]", `  "id": 1,`, `  "name": "pen"`}, nil},
		{"headers are a table", []tea.Msg{keyMsg("3")}, []string{"Content-Type  application/json", "X-Evil        a␛]52"}, nil},
		{"timing is a bar chart", []tea.Msg{keyMsg("4")}, []string{"Connect", "█", "Total", "4 ms"}, nil},
		{"right arrow moves to the next tab", []tea.Msg{keyMsg("right")}, []string{"[Pretty]"}, nil},
		{"left arrow wraps to the last tab", []tea.Msg{keyMsg("left")}, []string{"[Request]"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := press(t, newTestResponse(x, 60, 12), c.keys...)
			view := p.View()
			for _, w := range c.want {
				if !strings.Contains(plain(view), w) {
					t.Errorf("view lacks %q:\n%s", w, plain(view))
				}
			}
			for _, n := range c.not {
				if strings.Contains(view, n) {
					t.Errorf("view contains %q", n)
				}
			}
			assertSize(t, view, 60, 12)
		})
	}
	t.Run("title has status, time and size", func(t *testing.T) {
		p := newTestResponse(x, 60, 12)
		if got, want := p.Title(), "Response 200 OK · 4 ms · 21 B"; got != want {
			t.Errorf("Title() = %q, want %q", got, want)
		}
	})
}

func TestResponsePaneSearch(t *testing.T) {
	body := `{"a":"needle","b":"hay","c":"needle"}`
	p := newTestResponse(jsonExchange(body), 60, 12)
	p = press(t, p, keyMsg("2"), keyMsg("/"))
	if !p.Editing() {
		t.Fatal("/ did not open the search field")
	}
	p = press(t, p, append(typeText("needle"), keyMsg("enter"))...)
	if got := plain(p.View()); !strings.Contains(got, "/needle  1/2") {
		t.Fatalf("search line missing:\n%s", got)
	}
	if first := p.matches[p.current].line; first != 1 {
		t.Errorf("first match on line %d, want 1", first)
	}
	p = press(t, p, keyMsg("n"))
	if p.current != 1 || !strings.Contains(plain(p.View()), "2/2") {
		t.Errorf("n did not move to the second match: %d", p.current)
	}
	p = press(t, p, keyMsg("N"), keyMsg("N"))
	if p.current != 1 {
		t.Errorf("N twice from 2/2 should wrap to 2/2, at %d", p.current+1)
	}
	p = press(t, p, keyMsg("esc"))
	if p.query != "" || len(p.matches) != 0 {
		t.Error("esc did not end the search")
	}
}

func TestResponsePaneScrollsAndStaysInBounds(t *testing.T) {
	var sb strings.Builder
	for i := range 200 {
		sb.WriteString(`{"n":` + strconv.Itoa(i) + "}\n")
	}
	x := jsonExchange(sb.String())
	x.Response.Headers[0].Value = "text/plain"
	p := newTestResponse(x, 40, 10)
	p = press(t, p, keyMsg("end"))
	if !strings.Contains(plain(p.View()), `{"n":199}`) {
		t.Errorf("end did not reach the last line:\n%s", plain(p.View()))
	}
	p = press(t, p, keyMsg("down"), keyMsg("pgdown"))
	assertSize(t, p.View(), 40, 10)
	p = press(t, p, keyMsg("home"))
	if !strings.Contains(plain(p.View()), "HTTP/1.1 200 OK") {
		t.Errorf("home did not return to the top")
	}
}

func TestResponsePaneStates(t *testing.T) {
	cases := []struct {
		name string
		x    *requests.Exchange
		want string
	}{
		{"nothing sent yet", nil, "No response yet"},
		{"connection refused", &requests.Exchange{Request: requests.SentRequest{Method: "GET"},
			Err: errors.New("dial tcp 127.0.0.1:1: connect: connection refused")}, "connection refused"},
		{"binary body shows as hex", func() *requests.Exchange {
			x := jsonExchange("\x00\x01\x02PNG\xff")
			x.Response.Headers[0].Value = "image/png"
			return &x
		}(), "00 01 02 50 4e 47 ff"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := newPane(60, 10)
			if c.x != nil {
				p.SetContent(rc.New(*c.x, styles.New()))
			}
			p = press(t, p, keyMsg("2"))
			if got := plain(p.View()); !strings.Contains(got, c.want) {
				t.Errorf("view lacks %q:\n%s", c.want, got)
			}
		})
	}
}

// wireExchange is what the lenient reader gives for a server that misbehaved.
func wireExchange() requests.Exchange {
	return requests.Exchange{
		Request: requests.SentRequest{Method: "GET", URL: "http://127.0.0.1/x", Proto: "HTTP/1.1",
			RawHead: []byte("GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Mine: 1\r\nUser-Agent: httplens\r\n\r\n"),
			Headers: []requests.Header{{Name: "Host"}, {Name: "X-Mine"}, {Name: "User-Agent"}}, Added: []bool{true, false, true}},
		Response: &requests.Response{Proto: "HTTP/1.1", Status: 204, Reason: "No Content", Complete: true,
			RawHead: []byte("HTTP/1.1 204 No Content\r\nX-Evil: a\x1b[31mred\r\n\r\n"), Extra: []byte("surprise!\x07"),
			ExtraNote: "bytes after the head of a No Content response", Problems: []string{"line 2: the value of X-Evil holds the control character 0x1b"}},
		Timing: requests.Timing{Connect: time.Millisecond, Write: time.Millisecond, TTFB: 2 * time.Millisecond, Total: 4 * time.Millisecond,
			Happened: requests.PhaseConnect | requests.PhaseWrite | requests.PhaseWait},
	}
}

func TestResponsePaneShowsTheWire(t *testing.T) {
	cases := []struct {
		name string
		x    requests.Exchange
		keys []tea.Msg
		want []string
	}{
		{"raw shows the problems, the head and the bytes after the message, marked", wireExchange(), nil,
			[]string{"! line 2: the value of X-Evil holds the control character 0x1b", "X-Evil: a␛[31mred",
				"── 10 bytes after the end of the message, not part of it ──", "surprise!␇"}},
		{"the request tab shows the head as written, additions marked", wireExchange(), []tea.Msg{keyMsg("6")},
			[]string{"[Request]", "GET /x HTTP/1.1", "Host: 127.0.0.1   (added by httplens)", "User-Agent: httplens   (added by httplens)"}},
		{"timing marks the phases that did not happen", wireExchange(), []tea.Msg{keyMsg("4")},
			[]string{"DNS", "—", "Request sent", "Total"}},
		{"a reply with no status line shows its bytes", requests.Exchange{
			Err:      errors.New("the server did not answer in HTTP/1.x: 23 B with no status line"),
			Response: &requests.Response{Body: []byte("SSH-2.0-OpenSSH_9.6p1\r\n"), BodyBytes: 23, Problems: []string{"no status line"}}},
			nil, []string{"! the server did not answer in HTTP/1.x", "SSH-2.0-OpenSSH_9.6p1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := press(t, newTestResponse(c.x, 80, 16), c.keys...)
			view := plain(p.View())
			for _, w := range c.want {
				if !strings.Contains(view, w) {
					t.Errorf("view lacks %q:\n%s", w, view)
				}
			}
			if strings.Contains(view, "X-Mine: 1   (added") {
				t.Errorf("the user's own header is marked as added:\n%s", view)
			}
			if strings.ContainsAny(p.View(), "\x07") || strings.Contains(view, "\x1b") {
				t.Errorf("network bytes reached the view unescaped")
			}
			assertSize(t, p.View(), 80, 16)
		})
	}
	t.Run("thousands of problems take a third of the pane", func(t *testing.T) {
		x := wireExchange()
		for i := range 5000 {
			x.Response.Problems = append(x.Response.Problems, "line "+strconv.Itoa(i+2)+": a control character")
		}
		p := newTestResponse(x, 80, 15)
		view := plain(p.View())
		if !strings.Contains(view, "! … 4998 more") || !strings.Contains(view, "HTTP/1.1 204 No Content") {
			t.Errorf("view:\n%s", view)
		}
		assertSize(t, p.View(), 80, 15)
	})
	t.Run("titles say when there is no status line or the message fell short", func(t *testing.T) {
		x := requests.Exchange{Err: errors.New("banner"), Response: &requests.Response{Body: []byte("SSH-2.0\r\n"), BodyBytes: 9}}
		p := newTestResponse(x, 80, 16)
		if got := p.Title(); got != "Response · no status line · 9 B" {
			t.Errorf("Title() = %q", got)
		}
		x = jsonExchange("{")
		x.Err, x.Response.Complete = errors.New("reset"), false
		p = newTestResponse(x, 80, 16)
		if got := p.Title(); !strings.Contains(got, "incomplete") {
			t.Errorf("Title() = %q", got)
		}
	})
}
