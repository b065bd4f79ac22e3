package requestpane

import (
	"fmt"
	"os"
	"os/exec"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// The body in $EDITOR: the pane writes it to a temporary file (a command), the
// program hands the terminal to the editor (tea.ExecProcess), and a last command
// reads the file back. The root routes the three results below to the pane.

// EditorReady carries the temporary file the body of request Key was written to.
type EditorReady struct {
	Key, Path string
	Err       error
}

// EditorDone says the editor of Path exited.
type EditorDone struct {
	Key, Path string
	Err       error
}

// BodyEdited carries the body of request Key as the editor left it.
type BodyEdited struct {
	Key, Body string
	Err       error
}

// updateExternal takes the steps of an edit in $EDITOR.
func (m Model) updateExternal(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case EditorReady:
		if msg.Err != nil {
			m.setNotice("Cannot start the editor: "+msg.Err.Error(), true)
			return m, nil
		}
		return m, EditorCmd(msg)
	case EditorDone:
		return m, readBodyCmd(msg)
	case BodyEdited:
		if msg.Err != nil {
			m.setNotice("Editor: "+msg.Err.Error(), true)
			return m, nil
		}
		if msg.Key == m.key {
			m.d.Body = msg.Body
			m.body.SetText(msg.Body)
			m.commit()
		}
		m.setNotice("Body updated from the editor.", false)
	}
	return m, nil
}

// writeBodyCmd puts body in a temporary file (ext gives the editor its syntax
// colours) for the editor of request key.
func writeBodyCmd(key, body, ext string) tea.Cmd {
	return func() tea.Msg {
		f, err := os.CreateTemp("", "httplens-body-*"+ext)
		if err != nil {
			return EditorReady{Key: key, Err: err}
		}
		_, err = f.WriteString(body)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(f.Name())
			return EditorReady{Key: key, Err: err}
		}
		return EditorReady{Key: key, Path: f.Name()}
	}
}

// EditorCmd hands the terminal to the editor of msg's file until it exits: $VISUAL,
// then $EDITOR, then vi.
func EditorCmd(msg EditorReady) tea.Cmd {
	editor := os.Getenv("VISUAL")
	if editor == "" {
		editor = os.Getenv("EDITOR")
	}
	args := strings.Fields(editor)
	if len(args) == 0 {
		args = []string{"vi"}
	}
	c := exec.Command(args[0], append(args[1:], msg.Path)...)
	return tea.ExecProcess(c, func(err error) tea.Msg {
		return EditorDone{Key: msg.Key, Path: msg.Path, Err: err}
	})
}

// readBodyCmd reads the body back from the editor's file and removes the file.
// Editors end a file with a line break; the body does not keep it.
func readBodyCmd(msg EditorDone) tea.Cmd {
	return func() tea.Msg {
		defer os.Remove(msg.Path)
		if msg.Err != nil {
			return BodyEdited{Key: msg.Key, Err: fmt.Errorf("the editor failed (%v); the body is unchanged", msg.Err)}
		}
		b, err := os.ReadFile(msg.Path)
		if err != nil {
			return BodyEdited{Key: msg.Key, Err: err}
		}
		return BodyEdited{Key: msg.Key, Body: strings.TrimRight(string(b), "\r\n")}
	}
}
