// Package clipboard copies text to the terminal's clipboard with OSC 52, in a
// command that reports Copied. It imports curl, requests and uikit, never the
// root ui package.
package clipboard

import (
	"fmt"
	"io"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/curl"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/uikit"
)

// Max bounds what is put on the clipboard: terminals cap OSC 52 payloads.
const Max = 1 << 20

// Copied says what was put on the clipboard (N bytes of What), or why it was not.
type Copied struct {
	What string
	N    int
	Err  error
}

// Status is the status line's words for c, and whether they report an error.
func (c Copied) Status() (string, bool) {
	if c.Err != nil {
		return "Cannot copy " + c.What + ": " + c.Err.Error(), true
	}
	return fmt.Sprintf("Copied %s (%s) to the clipboard", c.What, uikit.Bytes(int64(c.N))), false
}

// Cmd writes data to the clipboard through w (the terminal; nil is standard
// output, where the program draws) with OSC 52. The sequence is base64, so no
// byte of data reaches the terminal as a control character. It is one write,
// which the terminal device never interleaves with the renderer's.
func Cmd(w io.Writer, what string, data []byte) tea.Cmd {
	return func() tea.Msg { return write(w, what, data) }
}

func write(w io.Writer, what string, data []byte) Copied {
	if len(data) > Max {
		return Copied{What: what, Err: fmt.Errorf("%s is over the %s a terminal clipboard takes", uikit.Bytes(int64(len(data))), uikit.Bytes(Max))}
	}
	if w == nil {
		w = os.Stdout
	}
	_, err := io.WriteString(w, ansi.SetSystemClipboard(string(data)))
	return Copied{What: what, N: len(data), Err: err}
}

// ResponseCmd copies the body of r (decoded) or, when raw, the response as
// received: head, body and any bytes after it. A nil r copies nothing.
func ResponseCmd(w io.Writer, r *requests.Response, raw bool) tea.Cmd {
	if r == nil {
		return nil
	}
	if raw {
		data := append(append(append([]byte(nil), r.RawHead...), r.Body...), r.Extra...)
		return Cmd(w, "the raw response", data)
	}
	body := r.Body
	if r.Decoded != nil {
		body = r.Decoded
	}
	return Cmd(w, "the response body", body)
}

// CurlCmd resolves a request with resolve (off the UI goroutine) and copies it as
// a curl command.
func CurlCmd(w io.Writer, resolve func() (requests.Request, error)) tea.Cmd {
	const what = "the request as curl"
	return func() tea.Msg {
		r, err := resolve()
		if err != nil {
			return Copied{What: what, Err: err}
		}
		c := curl.Request{Method: r.Method, URL: r.URL, Body: r.Body}
		for _, h := range r.Headers {
			c.Headers = append(c.Headers, curl.Header{Name: h.Name, Value: h.Value})
		}
		s, err := curl.Format(c)
		if err != nil {
			return Copied{What: what, Err: err}
		}
		return write(w, what, []byte(s))
	}
}
