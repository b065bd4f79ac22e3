// Package dialogs is the one overlay the root draws over the panes: which dialog
// is open (help, palette, environment picker, a question, a prompt, the cookies,
// a text view, the cache lab, the three-way view), where its keys go, how it is
// drawn, and what its answer asks of the root, as an Outcome the root applies.
// It knows nothing of the root: the action table reaches it as data (Catalog).
package dialogs

import (
	"fmt"
	"net/url"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/labview"
	"github.com/httplens/httplens/ui/overlay/ask"
	"github.com/httplens/httplens/ui/overlay/confirm"
	"github.com/httplens/httplens/ui/overlay/cookiejar"
	"github.com/httplens/httplens/ui/overlay/envpicker"
	"github.com/httplens/httplens/ui/overlay/keyhelp"
	"github.com/httplens/httplens/ui/overlay/palette"
	"github.com/httplens/httplens/ui/overlay/saveprompt"
	"github.com/httplens/httplens/ui/overlay/textview"
	"github.com/httplens/httplens/ui/overlay/threeway"
	"github.com/httplens/httplens/ui/saving"
	"github.com/httplens/httplens/ui/uimsg"
)

// Kind says which dialog is open.
type Kind int

const (
	None      Kind = iota
	Help           // every key binding
	Quit           // unsaved edits: quit anyway?
	Conflict       // the file changed on disk: reload or save a copy
	ReadOnly       // the tour cannot be saved: save a copy
	Delete         // delete this request from its file?
	Retry          // after a re-read: the three-way view, what to send with the new ETag
	Env            // the environment picker
	Text           // scrollable text: a diff, a header's note, check results
	Resend         // re-send a non-idempotent request?
	SaveBody       // the path to save the response body to
	Overwrite      // that file exists: overwrite it?
	Palette        // the command palette
	Cookies        // the cookie jar of the environment
	Vanished       // an edit's request is gone: save it as new, or discard
	Ask            // a value the request's # @prompt asks for
	Lab            // the cache lab's contents
)

// Dialog is one dialog and what it is about. Make it with the constructors
// below and open it with Model.Open.
type Dialog struct {
	Kind Kind
	Key  string               // the request it concerns
	Req  *collections.Request // for Delete
	Tag  string               // for Retry: the new ETag
	Text string               // what a question says
	Path string               // for Overwrite: the file

	textView textview.Model
	cookies  cookiejar.Model
	palette  palette.Model
	help     keyhelp.Model
	picker   envpicker.Model
	prompt   saveprompt.Model
	question ask.Model
	lab      labview.Model
	merge    threeway.Model
}

// HelpView is the help overlay, scrolled to the top.
func HelpView() Dialog { return Dialog{Kind: Help} }

// PaletteView is the command palette with an empty query.
func PaletteView() Dialog { return Dialog{Kind: Palette, palette: palette.New()} }

// TextView shows lines (already safe to print) under title, scrollable.
func TextView(title string, lines []string) Dialog {
	return Dialog{Kind: Text, textView: textview.New(title, lines)}
}

// EnvPicker picks one of names, starting on current.
func EnvPicker(names []string, current string) Dialog {
	return Dialog{Kind: Env, picker: envpicker.New(names, current)}
}

// CookiesView is the cookie jar titled title, until its cookies are listed (Listed).
func CookiesView(title string) Dialog {
	return Dialog{Kind: Cookies, cookies: cookiejar.Model{Title: title, Note: "Reading the cookies…"}}
}

// Question asks one of the yes/no questions (Resend, Delete, Quit...) about request key.
func Question(kind Kind, key, text string) Dialog { return Dialog{Kind: kind, Key: key, Text: text} }

// QuitQuestion asks before quitting with n requests' edits unsaved; ok is false
// when there is nothing to lose and the program may quit at once.
func QuitQuestion(n int) (d Dialog, ok bool) {
	if n <= 0 {
		return Dialog{}, false
	}
	what := "1 request has"
	if n > 1 {
		what = fmt.Sprintf("%d requests have", n)
	}
	return Question(Quit, "", what+" unsaved edits. Quit anyway and lose them?"), true
}

// savingAsks are the dialogs of the saving workflow's questions.
var savingAsks = map[saving.Ask]Kind{saving.AskReadOnly: ReadOnly, saving.AskConflict: Conflict,
	saving.AskVanished: Vanished, saving.AskOverwrite: Overwrite, saving.AskDelete: Delete}

// SavingQuestion is the dialog of the question a step of the saving workflow
// asks; ok is false when it asks none.
func SavingQuestion(o saving.Outcome) (d Dialog, ok bool) {
	kind, ok := savingAsks[o.Ask]
	return Dialog{Kind: kind, Key: o.Key, Req: o.Req, Path: o.Path, Text: o.Text}, ok
}

// SavePrompt asks for the path to save the response body to.
func SavePrompt(p saveprompt.Model) Dialog { return Dialog{Kind: SaveBody, prompt: p} }

// AskPrompt asks for the value of p for request key, starting from value.
func AskPrompt(key string, p collections.Prompt, value string) Dialog {
	return Dialog{Kind: Ask, Key: key, question: ask.New(p, value)}
}

// LabView shows the cache lab's contents.
func LabView(lab labview.Model) Dialog { return Dialog{Kind: Lab, lab: lab} }

// MergeView is the three-way view of request key after a re-read that found ETag tag.
func MergeView(key, tag string, mv threeway.Model) Dialog {
	return Dialog{Kind: Retry, Key: key, Tag: tag, merge: mv}
}

// Model is the dialog open over the panes, if any, and the keys of the dialogs.
// Make it with New: the zero Model has no keys.
type Model struct {
	// open is behind a pointer, copied on write (edit): the dialogs' models are
	// 3.6 KB, and the root Model is boxed into a tea.Model on every key press,
	// dialog or not (issue 24). nil when none is open.
	open *Dialog
	*keys
}

// keys are the dialogs' own keys. They never change: behind a pointer, they
// are not copied with the model.
type keys struct {
	close   textview.Keys
	confirm confirm.Keys
	picker  envpicker.Keys
}

// New returns the dialogs with none open.
func New() Model {
	return Model{keys: &keys{close: textview.NewKeys(), confirm: confirm.NewKeys(), picker: envpicker.NewKeys()}}
}

// Open opens d over the panes, in place of any other.
func (m *Model) Open(d Dialog) { m.open = &d }

// Close closes the open dialog.
func (m *Model) Close() { m.open = nil }

// Kind is the kind of the open dialog; None when none is. A value receiver, so
// the Model inside a tea.Model returned by Update can be asked.
func (m Model) Kind() Kind {
	if m.open == nil {
		return None
	}
	return m.open.Kind
}

// IsOpen reports whether a dialog is open.
func (m *Model) IsOpen() bool { return m.Kind() != None }

// Current is the open dialog.
func (m *Model) Current() Dialog {
	if m.open == nil {
		return Dialog{}
	}
	return *m.open
}

// edit is the open dialog, copied for a change: a copy of the Model made
// before keeps the dialog as it was, as it would a value.
func (m *Model) edit() *Dialog {
	d := *m.open
	m.open = &d
	return m.open
}

// Listed shows cs in the cookies view, if it is open.
func (m *Model) Listed(cs []requests.Cookie) {
	if m.Kind() == Cookies {
		m.edit().cookies.SetCookies(cs)
	}
}

// Targeted tells the cookies view, if open, the URL of the request shown, which
// its cookies are judged for, and when it was resolved.
func (m *Model) Targeted(u *url.URL, now time.Time) {
	if m.Kind() == Cookies {
		d := m.edit()
		d.cookies.Target, d.cookies.Now = u, now
	}
}

// question is the open dialog as a confirm question: what it says, and the
// answers its kind takes.
func (m *Model) question() confirm.Model {
	if m.open == nil {
		return confirm.Model{}
	}
	kind := m.open.Kind
	if kind == Vanished {
		return confirm.Model{Text: m.open.Text, YesLabel: "save", Must: true,
			Choices: "y save as a new request · n discard the edit"}
	}
	labels := map[Kind]string{Quit: "quit without saving", Delete: "delete it", Resend: "send it again", Overwrite: "overwrite it"}
	return confirm.Model{Text: m.open.Text, YesLabel: labels[kind],
		Reload: kind == Conflict, SaveCopy: kind == Conflict || kind == ReadOnly}
}

// Update gives a key to the open dialog and returns what it asks of the root;
// a dialog that is answered or closed is closed in the Model returned. ctrl+c
// asks to quit from any dialog. cat lists the actions, for the palette.
func (m Model) Update(msg tea.KeyMsg, cat func() Catalog) (Model, Outcome) {
	if msg.Type == tea.KeyCtrlC {
		return m, Outcome{Do: QuitNow{}}
	}
	if m.open == nil {
		return m, Outcome{}
	}
	d := m.edit()
	var out tea.Msg
	switch d.Kind {
	case None:
		return m, Outcome{}
	case Help:
		d.help, out = d.help.Update(msg, m.close)
	case Env:
		d.picker, out = d.picker.Update(msg, m.picker)
	case Text:
		d.textView, out = d.textView.Update(msg, m.close)
	case Lab:
		d.lab, out = d.lab.Update(msg)
	case Palette:
		d.palette, out = d.palette.Update(msg, palette.NewKeys(), cat().Entries())
	case Cookies:
		d.cookies, out = d.cookies.Update(msg, cookiejar.NewKeys())
		if _, closed := out.(uimsg.Close); !closed {
			// Delete and Clear change the jar; the view stays open to list it again.
			return m, Outcome{Do: out}
		}
	case SaveBody:
		d.prompt, out = d.prompt.Update(msg)
	case Ask:
		d.question, out = d.question.Update(msg)
		if _, ok := out.(ask.Answered); !ok && out != nil {
			m.Close()
			return m, Outcome{Status: "Not sent: the request's # @prompt was not answered."}
		}
	case Retry:
		return m.mergeKey(msg)
	case Vanished:
		return m.vanishedKey(msg)
	default:
		return m.questionKey(msg)
	}
	if out == nil {
		return m, Outcome{}
	}
	m.Close()
	if _, closed := out.(uimsg.Close); closed {
		return m, Outcome{}
	}
	return m, Outcome{Do: out}
}

// mergeKey gives a key to the three-way view: a choice closes it, a refused
// one says why.
func (m Model) mergeKey(msg tea.KeyMsg) (Model, Outcome) {
	mv, out := m.open.merge.Update(msg, threeway.NewKeys())
	m.edit().merge = mv
	if c, ok := out.(threeway.Chosen); ok {
		m.Close()
		return m, Outcome{Do: c}
	}
	var o Outcome
	if why := mv.Refused(); why != "" {
		o = Outcome{Status: why, IsErr: true}
	}
	if _, closed := out.(uimsg.Close); closed {
		m.Close()
	}
	return m, o
}

// vanishedKey answers the vanished-edit question. Esc does not close it: the
// edit would be left where nothing shows it.
func (m Model) vanishedKey(msg tea.KeyMsg) (Model, Outcome) {
	k := m.open.Key
	switch m.question().Update(msg, m.confirm) {
	case confirm.Answered{Answer: confirm.Yes}:
		m.Close()
		return m, Outcome{Do: SaveVanished{Key: k}}
	case confirm.Answered{Answer: confirm.No}:
		m.Close()
		return m, Outcome{Do: DiscardVanished{Key: k}, Status: "Discarded the edit."}
	case confirm.Held{}:
		// Say why the question stays, so esc is never taken for an answer.
		return m, Outcome{Status: "Answer y or n: closing this would leave the edit where nothing shows it."}
	}
	return m, Outcome{}
}

// questionKey answers a yes/no question: the answer closes it.
func (m Model) questionKey(msg tea.KeyMsg) (Model, Outcome) {
	ans, ok := m.question().Update(msg, m.confirm).(confirm.Answered)
	if !ok {
		return m, Outcome{}
	}
	d := m.open
	m.Close()
	switch ans.Answer {
	case confirm.Yes:
		switch d.Kind {
		case Quit:
			return m, Outcome{Do: QuitNow{}}
		case Delete:
			return m, Outcome{Do: DeleteRequest{Req: d.Req}}
		case Resend:
			return m, Outcome{Do: SendAgain{Key: d.Key}}
		case Overwrite:
			return m, Outcome{Do: OverwriteFile{Path: d.Path}}
		}
	case confirm.Reload:
		return m, Outcome{Do: Reload{Key: d.Key}}
	case confirm.SaveCopy:
		return m, Outcome{Do: SaveCopy{Key: d.Key}}
	}
	return m, Outcome{}
}
