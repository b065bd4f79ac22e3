package shown

import (
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/responsecontent"
)

// ResponsePane is the response pane as far as a View fills it.
type ResponsePane interface {
	SetBodyKeys(x requests.Exchange)
	Clear(none string)
	SetContent(c *responsecontent.Content)
	SetCopyable(on bool)
}

// ExplainPane is the explain pane as far as a View fills it.
type ExplainPane interface {
	SetReport(r *explain.Report, reason string)
	SetNote(s string)
	SetSource(label, owner string)
}

// ApplyTo puts v in the panes: the exchange with its report, note and source
// (the source owned by request v.Key), or the empty state. It says whether an
// exchange went in: a large body left unformatted is formatted then.
func (v View) ApplyTo(resp ResponsePane, expl ExplainPane) bool {
	resp.SetBodyKeys(v.E.X)
	if !v.Found {
		resp.Clear(v.None)
		expl.SetReport(nil, "")
		return false
	}
	resp.SetContent(v.E.Content)
	// The report first: setting it drops the previous response's note.
	expl.SetReport(v.E.Report, v.E.Content.Reason)
	expl.SetNote(v.E.Note)
	expl.SetSource(v.E.Source, v.Key)
	resp.SetCopyable(v.E.X.Response != nil)
	return true
}
