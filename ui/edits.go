package ui

import (
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/curl"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/tree"
)

// maxCopy bounds what is put on the clipboard: terminals cap OSC 52 payloads.
const maxCopy = 1 << 20

// handleEditMsg takes the results of editing, saving and copying.
func (m Model) handleEditMsg(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case fileSavedMsg:
		return m.fileSaved(msg)
	case tree.Change:
		return m.treeAction(msg)
	case copyRequestMsg:
		return m, m.copyCurlCmd()
	case responsepane.CopyMsg:
		return m, m.copyResponseCmd(msg.Raw)
	case copiedMsg:
		if msg.err != nil {
			m.setStatus("Cannot copy "+msg.what+": "+msg.err.Error(), true)
		} else {
			m.setStatus(fmt.Sprintf("Copied %s (%s) to the clipboard", msg.what, humanBytes(int64(msg.n))), false)
		}
	case editBodyMsg:
		return m, writeBodyCmd(msg)
	case editorReadyMsg:
		if msg.err != nil {
			m.setStatus("Cannot start the editor: "+msg.err.Error(), true)
			return m, nil
		}
		return m, editorCmd(msg)
	case editorDoneMsg:
		return m, readBodyCmd(msg)
	case bodyEditedMsg:
		if msg.err != nil {
			m.setStatus("Editor: "+msg.err.Error(), true)
			return m, nil
		}
		m.req, _ = m.req.Update(msg)
		m.syncEdits()
		m.setStatus("Body updated from the editor.", false)
	}
	return m, nil
}

// clipboard is where OSC 52 sequences go.
func (m *Model) clipboard() io.Writer {
	if m.cfg.Clipboard != nil {
		return m.cfg.Clipboard
	}
	return os.Stdout
}

// copyCmd writes data to the terminal's clipboard with OSC 52. The sequence is
// base64, so no byte of data reaches the terminal as a control character. It is
// one write, which the terminal device never interleaves with the renderer's.
func copyCmd(w io.Writer, what string, data []byte) tea.Cmd {
	return func() tea.Msg {
		if len(data) > maxCopy {
			return copiedMsg{what: what, err: fmt.Errorf("%s is over the %s a terminal clipboard takes", humanBytes(int64(len(data))), humanBytes(maxCopy))}
		}
		_, err := io.WriteString(w, ansi.SetSystemClipboard(string(data)))
		return copiedMsg{what: what, n: len(data), err: err}
	}
}

// copyResponseCmd copies the body (decoded) or the raw response as received.
func (m *Model) copyResponseCmd(raw bool) tea.Cmd {
	r := m.lastX.Response
	if r == nil {
		return nil
	}
	if raw {
		data := append(append(append([]byte(nil), r.RawHead...), r.Body...), r.Extra...)
		return copyCmd(m.clipboard(), "the raw response", data)
	}
	body := r.Body
	if r.Decoded != nil {
		body = r.Decoded
	}
	return copyCmd(m.clipboard(), "the response body", body)
}

// copyCurlCmd resolves the request as edited and copies it as a curl command.
func (m *Model) copyCurlCmd() tea.Cmd {
	r := m.req.Request()
	if r == nil {
		return nil
	}
	resolve, last, w := m.resolver(), maps.Clone(m.last), m.clipboard()
	return func() tea.Msg {
		req, err := resolve(r, last, nil)
		if err != nil {
			return copiedMsg{what: "the request as curl", err: err}
		}
		s, err := curl.Format(curlRequest(req))
		if err != nil {
			return copiedMsg{what: "the request as curl", err: err}
		}
		return copyCmd(w, "the request as curl", []byte(s))()
	}
}

func curlRequest(r requests.Request) curl.Request {
	c := curl.Request{Method: r.Method, URL: r.URL, Body: r.Body}
	for _, h := range r.Headers {
		c.Headers = append(c.Headers, curl.Header{Name: h.Name, Value: h.Value})
	}
	return c
}

// writeBodyCmd puts the body in a temporary file for the editor, and finds the
// editor: $VISUAL, then $EDITOR, then vi.
func writeBodyCmd(msg editBodyMsg) tea.Cmd {
	return func() tea.Msg {
		f, err := os.CreateTemp("", "httplens-body-*"+msg.ext)
		if err != nil {
			return editorReadyMsg{key: msg.key, err: err}
		}
		_, err = f.WriteString(msg.body)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(f.Name())
			return editorReadyMsg{key: msg.key, err: err}
		}
		return editorReadyMsg{key: msg.key, path: f.Name()}
	}
}

// editorCmd hands the terminal to the editor until it exits.
func editorCmd(msg editorReadyMsg) tea.Cmd {
	editor := os.Getenv("VISUAL")
	if editor == "" {
		editor = os.Getenv("EDITOR")
	}
	args := strings.Fields(editor)
	if len(args) == 0 {
		args = []string{"vi"}
	}
	c := exec.Command(args[0], append(args[1:], msg.path)...)
	return tea.ExecProcess(c, func(err error) tea.Msg {
		return editorDoneMsg{key: msg.key, path: msg.path, err: err}
	})
}

// readBodyCmd reads the body back from the editor's file and removes the file.
// Editors end a file with a line break; the body does not keep it.
func readBodyCmd(msg editorDoneMsg) tea.Cmd {
	return func() tea.Msg {
		defer os.Remove(msg.path)
		if msg.err != nil {
			return bodyEditedMsg{key: msg.key, err: fmt.Errorf("the editor failed (%v); the body is unchanged", msg.err)}
		}
		b, err := os.ReadFile(msg.path)
		if err != nil {
			return bodyEditedMsg{key: msg.key, err: err}
		}
		return bodyEditedMsg{key: msg.key, body: strings.TrimRight(string(b), "\r\n")}
	}
}
