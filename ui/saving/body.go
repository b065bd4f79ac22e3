package saving

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/atomicfile"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/overlay/saveprompt"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/uikit"
)

// BodySaved says how saving a body to Path went; Exists says Path was already
// there and nothing was written. Asked is the path as SaveBodyCmd was given it
// (relative to Dir), Path the file it names.
type BodySaved struct {
	Asked  string
	Path   string
	N      int64
	Exists bool
	Err    error
}

// bodySource is what a save copies: the spooled file holding the whole body,
// else the body in memory.
type bodySource struct {
	spool string
	body  []byte
}

// Prompt is the path prompt for the body of r, offering "response"+ext; ok is
// false when r has no body to save.
func Prompt(r *requests.Response, ext string) (p saveprompt.Model, ok bool) {
	if r == nil || len(r.Body) == 0 && r.SpoolPath == "" {
		return p, false
	}
	return saveprompt.New(fmt.Sprintf("Save the body (%s) to a file", uikit.Bytes(max(r.SpooledBytes, r.BodyBytes))), "response"+ext), true
}

// Ext is a file extension for the kind of body c shows, for Prompt.
func Ext(c *responsecontent.Content) string {
	if c == nil {
		return ".bin"
	}
	return map[responsecontent.Kind]string{responsecontent.KindJSON: ".json", responsecontent.KindXML: ".xml",
		responsecontent.KindHTML: ".html", responsecontent.KindText: ".txt", responsecontent.KindBinary: ".bin"}[c.Kind]
}

// SaveBodyCmd copies the whole body of r (spooled or not) to path, relative to
// Dir; an existing file is only replaced when overwrite is set.
func (s Saver) SaveBodyCmd(r *requests.Response, path string, overwrite bool) tea.Cmd {
	if r == nil {
		return nil
	}
	asked := path
	if !filepath.IsAbs(path) && s.Dir != "" {
		path = filepath.Join(s.Dir, path)
	}
	src := bodySource{spool: r.SpoolPath, body: r.Body}
	return func() tea.Msg {
		out := saveBody(src, path, overwrite)
		out.Asked = asked
		return out
	}
}

// BodyDone reports a save, or asks before overwriting an existing file. The
// question's Path is the path as asked, which SaveBodyCmd takes back with
// overwrite set: the file it names, Dir joined once.
func BodyDone(msg BodySaved) Outcome {
	switch {
	case msg.Exists:
		return Outcome{Ask: AskOverwrite, Path: msg.Asked, Text: msg.Path + " exists. Overwrite it?"}
	case msg.Err != nil:
		var pe *os.PathError
		text := msg.Err.Error()
		if errors.As(msg.Err, &pe) {
			text = pe.Op + " " + pe.Path + ": " + pe.Err.Error()
		}
		return Outcome{Status: "Cannot save the body: " + text, IsErr: true}
	}
	return Outcome{Status: fmt.Sprintf("Saved the body (%s) to %s", uikit.Bytes(msg.N), msg.Path)}
}

// saveBody writes src to path atomically: a temporary file in the same folder,
// renamed over path once complete, so a crash never leaves half a file there.
func saveBody(src bodySource, path string, overwrite bool) BodySaved {
	out := BodySaved{Path: path}
	if _, err := os.Lstat(path); err == nil && !overwrite {
		out.Exists = true
		return out
	}
	// Atomic, a symlink's target written, a read-only file refused (atomicfile).
	err := atomicfile.Write(path, atomicfile.Options{Perm: 0o644}, func(w io.Writer) error {
		var err error
		out.N, err = src.copyTo(w)
		return err
	})
	out.Err = err
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
