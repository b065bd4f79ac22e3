package dialogs

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
)

// Outcome is what a key in a dialog asks of the root; the zero Outcome asks
// nothing. Do is one of the messages below or an overlay's own answer
// (palette.Run, envpicker.Chosen, ask.Answered, saveprompt.Chosen,
// threeway.Chosen, cookiejar.Delete, cookiejar.Clear); Status, when set, goes to
// the status line first.
type Outcome struct {
	Do     tea.Msg
	Status string
	IsErr  bool
}

// QuitNow asks the root to cancel what is in flight and quit: ctrl+c, or yes to
// the quit question.
type QuitNow struct{}

// DeleteRequest is yes to deleting Req from its file.
type DeleteRequest struct{ Req *collections.Request }

// SendAgain is yes to re-sending the non-idempotent request Key.
type SendAgain struct{ Key string }

// OverwriteFile is yes to saving the body over the existing file Path.
type OverwriteFile struct{ Path string }

// Reload is r on a conflict: read request Key's file again.
type Reload struct{ Key string }

// SaveCopy is c on a conflict or a read-only file: save request Key's edits as a copy.
type SaveCopy struct{ Key string }

// SaveVanished is y to the vanished edit of Key: save it as a new request.
type SaveVanished struct{ Key string }

// DiscardVanished is n to the vanished edit of Key: forget it.
type DiscardVanished struct{ Key string }
