package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/atomicfile"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/field"
	"github.com/httplens/httplens/ui/responsecontent"
)

// bodySavedMsg says how saving a body to path went; exists says path was already
// there and nothing was written.
type bodySavedMsg struct {
	path   string
	n      int64
	exists bool
	err    error
}

// bodySource is what a save copies: the spooled file holding the whole body,
// else the body in memory.
type bodySource struct {
	spool string
	body  []byte
}

// sourceOf is the body of r to save: all of it, spooled or not.
func sourceOf(r *requests.Response) bodySource {
	return bodySource{spool: r.SpoolPath, body: r.Body}
}

// openSavePrompt opens the path prompt for the shown body.
func (m Model) openSavePrompt() Model {
	r := m.lastX.Response
	if r == nil || len(r.Body) == 0 && r.SpoolPath == "" {
		m.setStatus("No body to save.", true)
		return m
	}
	f := field.New("Save to: ")
	f.SetValue("response" + bodyExt(m.resp.Content()))
	f.Start()
	m.openDialog(dialog{kind: overlaySaveBody, field: f,
		text: fmt.Sprintf("Save the body (%s) to a file", humanBytes(max(r.SpooledBytes, r.BodyBytes)))})
	return m
}

// bodyExt is a file extension for the kind of body shown.
func bodyExt(c *responseContent) string {
	if c == nil {
		return ".bin"
	}
	return map[responsecontent.Kind]string{responsecontent.KindJSON: ".json", responsecontent.KindXML: ".xml", responsecontent.KindHTML: ".html",
		responsecontent.KindText: ".txt", responsecontent.KindBinary: ".bin"}[c.Kind]
}

// handleSavePrompt types into the path prompt; enter saves, refusing an existing
// file until the overwrite is confirmed.
func (m Model) handleSavePrompt(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	f := m.overlay.field
	ev := f.Update(msg)
	m.overlay.field = f
	switch ev {
	case field.Abandoned:
		m.overlay = dialog{}
	case field.Accepted:
		path := strings.TrimSpace(f.Value())
		if path == "" {
			m.overlay.field.Start()
			return m, nil
		}
		m.overlay = dialog{}
		return m, m.saveBodyCmd(path, false)
	}
	return m, nil
}

// saveBodyCmd copies the shown body to path (relative to the working folder).
func (m *Model) saveBodyCmd(path string, overwrite bool) tea.Cmd {
	if m.lastX.Response == nil {
		return nil
	}
	if !filepath.IsAbs(path) && m.cfg.Dir != "" {
		path = filepath.Join(m.cfg.Dir, path)
	}
	src := sourceOf(m.lastX.Response)
	return func() tea.Msg { return saveBody(src, path, overwrite) }
}

// saveBody writes src to path atomically: a temporary file in the same folder,
// renamed over path once complete, so a crash never leaves half a file there.
func saveBody(src bodySource, path string, overwrite bool) bodySavedMsg {
	out := bodySavedMsg{path: path}
	if _, err := os.Lstat(path); err == nil && !overwrite {
		out.exists = true
		return out
	}
	// Atomic, a symlink's target written, a read-only file refused (atomicfile).
	err := atomicfile.Write(path, atomicfile.Options{Perm: 0o644}, func(w io.Writer) error {
		var err error
		out.n, err = src.copyTo(w)
		return err
	})
	out.err = err
	return out
}

// copyTo writes the whole body to w.
func (s bodySource) copyTo(w io.Writer) (int64, error) {
	if s.spool == "" {
		n, err := w.Write(s.body)
		return int64(n), err
	}
	f, err := os.Open(s.spool)
	if err != nil {
		return 0, fmt.Errorf("the temporary copy of the body is gone: %w", err)
	}
	defer f.Close()
	return io.Copy(w, f)
}

// bodySaved reports a save, or asks before overwriting an existing file.
func (m Model) bodySaved(msg bodySavedMsg) Model {
	switch {
	case msg.exists:
		f := field.New("")
		f.SetValue(msg.path)
		m.openDialog(dialog{kind: overlayOverwrite, field: f, text: msg.path + " exists. Overwrite it?"})
	case msg.err != nil:
		var pe *os.PathError
		text := msg.err.Error()
		if errors.As(msg.err, &pe) {
			text = pe.Op + " " + pe.Path + ": " + pe.Err.Error()
		}
		m.setStatus("Cannot save the body: "+text, true)
	default:
		m.setStatus(fmt.Sprintf("Saved the body (%s) to %s", humanBytes(msg.n), msg.path), false)
	}
	return m
}

// overwriteBody saves again over the existing file, as the user confirmed.
func (m Model) overwriteBody(d dialog) (tea.Model, tea.Cmd) {
	return m, m.saveBodyCmd(d.field.Value(), true)
}

// savePromptView draws the path prompt centred in the body area.
func (m *Model) savePromptView(h int) string {
	d := m.overlay
	lines := []string{m.st.Bold.Render(termtext.String(d.text)), "", d.field.View(), "",
		m.st.Muted.Render("enter save · esc cancel · an existing file is only replaced when you confirm")}
	box := m.st.Overlay.Render(strings.Join(lines, "\n"))
	return lipgloss.Place(m.w, h, lipgloss.Center, lipgloss.Center, box)
}
