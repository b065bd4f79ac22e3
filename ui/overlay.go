package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
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
	"github.com/httplens/httplens/ui/uimsg"
)

// overlay is the dialog drawn over the panes, if any.
type overlay int

const (
	overlayNone      overlay = iota
	overlayHelp              // every key binding
	overlayQuit              // unsaved edits: quit anyway?
	overlayConflict          // the file changed on disk: reload or save a copy
	overlayReadOnly          // the tour cannot be saved: save a copy
	overlayDelete            // delete this request from its file?
	overlayRetry             // after a re-read: the three-way view, what to send with the new ETag
	overlayEnv               // the environment picker
	overlayText              // scrollable text: a diff, a header's note, check results
	overlayResend            // re-send a non-idempotent request?
	overlaySaveBody          // the path to save the response body to
	overlayOverwrite         // that file exists: overwrite it?
	overlayPalette           // the command palette
	overlayCookies           // the cookie jar of the environment
	overlayVanished          // an edit's request is gone: save it as new, or discard
	overlayAsk               // a value the request's # @prompt asks for
	overlayLab               // the cache lab's contents
)

// dialog is the root's one overlay: which one is open and what it is about.
type dialog struct {
	kind     overlay
	key      string               // the request it concerns
	req      *collections.Request // for delete
	tag      string               // for retry: the new ETag
	text     string               // what the dialog says
	textView textview.Model       // for overlayText
	cookies  cookiejar.Model      // for overlayCookies
	palette  palette.Model        // for overlayPalette
	help     keyhelp.Model        // for overlayHelp
	picker   envpicker.Model      // for overlayEnv
	prompt   saveprompt.Model     // for overlaySaveBody
	path     string               // for overlayOverwrite: the file
	question ask.Model            // for overlayAsk
	lab      labview.Model        // for overlayLab
	merge    threeway.Model       // for overlayRetry
}

// openDialog opens d over the panes.
func (m *Model) openDialog(d dialog) { m.overlay = d }

// dialogKeyMap is the help of the open overlay.
func (m *Model) dialogKeyMap() help.KeyMap {
	switch m.overlay.kind {
	case overlayHelp, overlayText:
		return m.close
	case overlayEnv:
		return m.picker
	case overlaySaveBody:
		return m.overlay.prompt.Keys()
	case overlayAsk:
		return m.overlay.question.Keys()
	case overlayPalette:
		return palette.NewKeys()
	case overlayCookies:
		return cookiejar.NewKeys()
	case overlayRetry:
		return threeway.NewKeys()
	}
	return m.question().Keys(m.dialogKeys)
}

// question is the open dialog as a confirm question: what it says, and the
// answers its kind takes.
func (m *Model) question() confirm.Model {
	kind := m.overlay.kind
	if kind == overlayVanished {
		return confirm.Model{Text: m.overlay.text, YesLabel: "save", Must: true,
			Choices: "y save as a new request · n discard the edit"}
	}
	labels := map[overlay]string{overlayQuit: "quit without saving", overlayDelete: "delete it", overlayResend: "send it again", overlayOverwrite: "overwrite it"}
	return confirm.Model{Text: m.overlay.text, YesLabel: labels[kind],
		Reload: kind == overlayConflict, SaveCopy: kind == overlayConflict || kind == overlayReadOnly}
}

// handleOverlayKey gives a key to the open overlay; ctrl+c quits from anywhere.
func (m Model) handleOverlayKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if msg.Type == tea.KeyCtrlC {
		m.cancelFlight()
		return m, tea.Quit
	}
	d := m.overlay
	switch d.kind {
	case overlayHelp:
		hv, out := m.overlay.help.Update(msg, m.close)
		m.overlay.help = hv
		return m.fromOverlay(out)
	case overlayEnv:
		p, out := m.overlay.picker.Update(msg, m.picker)
		m.overlay.picker = p
		return m.fromOverlay(out)
	case overlayText:
		tv, out := m.overlay.textView.Update(msg, m.close)
		m.overlay.textView = tv
		return m.fromOverlay(out)
	case overlaySaveBody:
		return m.handleSavePrompt(msg)
	case overlayAsk:
		q, out := m.overlay.question.Update(msg)
		m.overlay.question = q
		if a, ok := out.(ask.Answered); ok {
			return m.answered(a)
		}
		if out != nil {
			m.setStatus("Not sent: the request's # @prompt was not answered.", false)
		}
		return m.fromOverlay(out)
	case overlayPalette:
		p, out := m.overlay.palette.Update(msg, palette.NewKeys(), m.entries())
		m.overlay.palette = p
		return m.fromPalette(out)
	case overlayCookies:
		c, out := m.overlay.cookies.Update(msg, cookiejar.NewKeys())
		m.overlay.cookies = c
		return m.fromCookies(out)
	case overlayLab:
		l, out := m.overlay.lab.Update(msg)
		m.overlay.lab = l
		return m.fromOverlay(out)
	case overlayRetry:
		return m.handleMergeKey(msg)
	}
	if d.kind == overlayVanished {
		return m.answerVanished(m.question().Update(msg, m.dialogKeys))
	}
	ans, ok := m.question().Update(msg, m.dialogKeys).(confirm.Answered)
	if !ok {
		return m, nil
	}
	m.overlay = dialog{}
	switch ans.Answer {
	case confirm.Yes:
		return m.confirm(d)
	case confirm.Reload:
		return m.afterSaving(m.saver.Reload(m.coll, d.key))
	case confirm.SaveCopy:
		return m.afterSaving(m.saver.Copy(m.coll, &m.req, d.key))
	}
	return m, nil
}

// answerVanished acts on the answer to the vanished-edit question. Esc does not
// close it: the edit would be left where nothing shows it.
func (m Model) answerVanished(out tea.Msg) (tea.Model, tea.Cmd) {
	k := m.overlay.key
	switch out {
	case confirm.Answered{Answer: confirm.Yes}:
		m.overlay = dialog{}
		return m.afterSaving(m.saver.SaveVanished(m.coll, &m.req, k))
	case confirm.Answered{Answer: confirm.No}:
		m.overlay = dialog{}
		m.req.Forget(k, nil)
		m.syncEdits()
		m.setStatus("Discarded the edit.", false)
		m.askVanished()
	case confirm.Held{}:
		// Say why the question stays, so esc is never taken for an answer.
		m.setStatus("Answer y or n: closing this would leave the edit where nothing shows it.", false)
	}
	return m, nil
}

// confirm acts on a yes.
func (m Model) confirm(d dialog) (tea.Model, tea.Cmd) {
	switch d.kind {
	case overlayQuit:
		m.cancelFlight()
		return m, tea.Quit
	case overlayDelete:
		return m.deleteRequest(d.req)
	case overlayResend:
		return m.sendNow()
	case overlayOverwrite:
		return m, m.saver.SaveBodyCmd(m.lastX.Response, d.path, true)
	}
	return m, nil
}

// openEnvPicker opens the picker on the current environment.
func (m *Model) openEnvPicker() {
	if len(m.names) == 0 {
		m.setStatus("No environments ("+collections.EnvFile+" not found)", false)
		return
	}
	m.openDialog(dialog{kind: overlayEnv, picker: envpicker.New(m.names, m.env)})
}

// setEnv switches the environment; the resolved view and known ETag follow.
func (m *Model) setEnv(env string) {
	m.env = env
	if env == "" {
		m.setStatus("Environment: none", false)
	} else {
		m.setStatus("Environment: "+env, false)
	}
	m.refreshKnownETag()
}

// dialogView draws the open dialog (not the help) centred in the body area.
func (m *Model) dialogView(h int) string {
	switch m.overlay.kind {
	case overlayText:
		return m.overlay.textView.View(m.st, m.w, h)
	case overlaySaveBody:
		return m.overlay.prompt.View(m.st, m.w, h)
	case overlayAsk:
		return m.overlay.question.View(m.st, m.w, h)
	case overlayPalette:
		return m.overlay.palette.View(m.st, m.entries(), m.w, h)
	case overlayCookies:
		return m.overlay.cookies.View(m.st, m.w, h)
	case overlayLab:
		return m.overlay.lab.View(m.st, m.w, h)
	case overlayRetry:
		return m.overlay.merge.View(m.st, threeway.NewKeys(), m.w, h)
	case overlayEnv:
		return m.overlay.picker.View(m.st, m.help, m.picker, m.w, h)
	}
	return m.question().View(m.st, m.w, h)
}

// quitOrAsk quits, or asks first when requests have unsaved edits.
func (m Model) quitOrAsk() (tea.Model, tea.Cmd) {
	if n := len(m.req.DirtyKeys()); n > 0 {
		what := "1 request has"
		if n > 1 {
			what = fmt.Sprintf("%d requests have", n)
		}
		m.openDialog(dialog{kind: overlayQuit, text: what + " unsaved edits. Quit anyway and lose them?"})
		return m, nil
	}
	m.cancelFlight()
	return m, tea.Quit
}

// fromOverlay acts on what an overlay's Update handed up, in the same update.
func (m Model) fromOverlay(out tea.Msg) (tea.Model, tea.Cmd) {
	switch out := out.(type) {
	case uimsg.Close:
		m.overlay = dialog{}
	case envpicker.Chosen:
		m.overlay = dialog{}
		m.setEnv(out.Env)
	}
	return m, nil
}
