package responsepane

import (
	"github.com/httplens/httplens/explain"
	rc "github.com/httplens/httplens/ui/responsecontent"
)

// The messages the pane hands up to the root, which acts on them: they need
// the clipboard, the disk, the history store or a new send.
type (
	// CopyMsg asks for the response's body, or all of it raw, on the clipboard.
	CopyMsg struct{ Raw bool }
	// SaveBodyMsg asks for the prompt that saves the body to a file.
	SaveBodyMsg struct{}
	// ResendInsecureMsg asks to resend the request whose certificate was
	// refused, without checking it, this once.
	ResendInsecureMsg struct{}
	// NoteMsg asks to show the full note of a response header (NoteLines).
	NoteMsg struct{ Note explain.HeaderNote }
	// ReopenMsg asks to show stored exchange ID in the pane.
	ReopenMsg struct{ ID int64 }
	// DiffMsg asks to compare stored exchanges A (older) and B.
	DiffMsg struct{ A, B int64 }
)

// The pane's own results, which the root routes back to it.
type (
	// SearchDoneMsg carries the matches of a body search.
	SearchDoneMsg struct {
		id      int
		matches []match
	}
	// PrettyDoneMsg carries the Pretty tab of the response of send id,
	// formatted by StartFormatting's command; err is set when it was cancelled.
	PrettyDoneMsg struct {
		id   int
		tab  rc.Text
		note string
		err  error
	}
)
