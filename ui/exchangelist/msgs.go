package exchangelist

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/traffic"
	"github.com/httplens/httplens/ui/field"
)

// LoadedMsg carries the exchanges of the HAR file at Path, or why it could not
// be read.
type LoadedMsg struct {
	Path      string
	Exchanges []traffic.Exchange
	Creator   string
	Err       error
}

// LoadHARCmd reads and explains the HAR file at path.
func LoadHARCmd(path string) tea.Cmd {
	return func() tea.Msg {
		xs, creator, err := traffic.ReadHAR(path)
		return LoadedMsg{Path: path, Exchanges: xs, Creator: creator, Err: err}
	}
}

// ArrivedMsg is one exchange the proxy recorded.
type ArrivedMsg struct {
	Exchange traffic.Exchange
	ch       <-chan traffic.Exchange
}

// EndedMsg says the live channel was closed: recording stopped.
type EndedMsg struct{}

// Listen waits for the next exchange on ch. The view calls it again after each
// one, so exactly one wait is pending at a time.
func Listen(ch <-chan traffic.Exchange) tea.Cmd {
	return func() tea.Msg {
		x, ok := <-ch
		if !ok {
			return EndedMsg{}
		}
		return ArrivedMsg{Exchange: x, ch: ch}
	}
}

// savePhase is where "save as request" is: asking for the path, asking before
// adding to an existing file, or not saving.
type savePhase int

const (
	saveNone savePhase = iota
	saveTyping
	saveConfirm
)

type pathCheckedMsg struct {
	path   string
	exists bool
	err    error
}

type savedMsg struct {
	path  string
	line  int
	title string
	err   error
}

func checkPathCmd(path string) tea.Cmd {
	return func() tea.Msg {
		_, err := os.Stat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return pathCheckedMsg{path: path}
		}
		return pathCheckedMsg{path: path, exists: err == nil, err: err}
	}
}

func saveCmd(path string, x traffic.Exchange) tea.Cmd {
	r, _ := x.Request()
	return func() tea.Msg {
		line, err := traffic.AppendRequest(path, r)
		return savedMsg{path: path, line: line, title: r.Title, err: err}
	}
}

// startSave opens the path prompt for the selected exchange's request.
func (m Model) startSave() (Model, tea.Cmd) {
	if why := m.SaveDisabled(); why != "" {
		m.message, m.failed = "Cannot save as request: "+why, true
		return m, nil
	}
	m.saving = saveTyping
	m.path.SetValue(m.src.SaveTo)
	m.path.Start()
	return m, nil
}

// answerKeys answer the question before adding to an existing file.
var answerKeys = struct{ yes, no, cancel key.Binding }{
	yes:    key.NewBinding(key.WithKeys("y", "Y")),
	no:     key.NewBinding(key.WithKeys("n", "N")),
	cancel: key.NewBinding(key.WithKeys("esc")),
}

// savingKey types into the prompt (enter checks the path, esc abandons), or
// answers the question about an existing file.
func (m Model) savingKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	if m.saving == saveConfirm {
		switch {
		case key.Matches(msg, answerKeys.yes):
			m.saving = saveNone
			x, _ := m.Selected()
			return m, saveCmd(m.fullPath(), x)
		case key.Matches(msg, answerKeys.no):
			m.saving = saveTyping
			m.path.Start()
		case key.Matches(msg, answerKeys.cancel):
			m.saving = saveNone
			m.message, m.failed = "Not saved.", false
		}
		return m, nil
	}
	switch m.path.Update(msg) {
	case field.Abandoned:
		m.saving = saveNone
		m.message, m.failed = "Not saved.", false
	case field.Accepted:
		if strings.TrimSpace(m.path.Value()) == "" {
			m.path.Start()
			return m, nil
		}
		return m, checkPathCmd(m.fullPath())
	}
	return m, nil
}

// fullPath is the typed path, a relative one taken from the source's folder.
func (m Model) fullPath() string {
	p := strings.TrimSpace(m.path.Value())
	if !filepath.IsAbs(p) && m.src.Dir != "" {
		p = filepath.Join(m.src.Dir, p)
	}
	return p
}

// pathChecked saves to a new file at once and asks before adding to an existing one.
func (m Model) pathChecked(msg pathCheckedMsg) (Model, tea.Cmd) {
	if m.saving != saveTyping || msg.path != m.fullPath() {
		return m, nil
	}
	switch {
	case msg.err != nil:
		m.saving = saveNone
		m.message, m.failed = "Cannot save as request: "+termtext.String(msg.err.Error()), true
		return m, nil
	case msg.exists:
		m.saving = saveConfirm
		return m, nil
	}
	m.saving = saveNone
	x, _ := m.Selected()
	return m, saveCmd(msg.path, x)
}

func (m *Model) saved(msg savedMsg) {
	if msg.err != nil {
		m.message, m.failed = "Cannot save as request: "+termtext.String(msg.err.Error()), true
		return
	}
	m.message, m.failed = "Saved as request: "+termtext.String(msg.path)+":"+itoa(msg.line), false
}
