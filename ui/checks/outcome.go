package checks

import (
	"context"
	"errors"

	"github.com/httplens/httplens/termtext"
)

// Outcome is what the root shows after C, P or K: a status line and, when
// Open, the text overlay with Title and Lines (safe to print).
type Outcome struct {
	Status string
	IsErr  bool
	Open   bool
	Title  string
	Lines  []string
}

// Keys are the names of the keys the advice mentions.
type Keys struct{ Check, Preflight, Answers string }

// Arrived keeps answer a for request key; it opens over the panes only when key
// is still the request shown, else the status line says whose answer it is and
// that K shows it.
func (s Answers) Arrived(key string, a Answer, shown string, k Keys) Outcome {
	s.Keep(key, a)
	if key == "" || key != shown {
		return Outcome{Status: termtext.String(a.Heading()) + " done (" + a.Summary + "): select it and press " +
			k.Answers + " to see them."}
	}
	what := "Checks: "
	if a.Kind == Preflight {
		what = "CORS preflight: "
	}
	return Outcome{Status: what + a.Summary, Open: true, Title: a.Title, Lines: a.Lines}
}

// Checked is the end of the live checks: cancelled (flight named label), failed,
// or their answer kept for its request.
func (s Answers) Checked(msg CheckDone, label, shown string, k Keys) Outcome {
	switch {
	case msg.Cancelled || errors.Is(msg.Err, context.Canceled):
		return Outcome{Status: "Cancelled: " + label}
	case msg.Err != nil:
		return Outcome{Status: "Cannot run the checks: " + msg.Err.Error(), IsErr: true}
	}
	return s.Arrived(msg.Key, msg.Answer, shown, k)
}

// Preflighted is the end of the preflight: its answer kept for its request, or
// why there is none.
func (s Answers) Preflighted(msg PreflightDone, shown string, k Keys) Outcome {
	if msg.Err != nil {
		return Outcome{Status: "Cannot send the preflight: " + msg.Err.Error(), IsErr: true}
	}
	return s.Arrived(msg.Key, msg.Answer, shown, k)
}

// Show is K on request key (its method and name as the tree shows it): its
// answers, or what C and P would do when it has none.
func (s Answers) Show(key, method, name string, k Keys) Outcome {
	if !s.Has(key) {
		return Outcome{Status: "No live checks or preflight for " + termtext.String(name) + " in this session: " +
			k.Check + " runs the checks, " + k.Preflight + " the preflight."}
	}
	return Outcome{Open: true, Title: "Checks and preflight of " + method + " " + name, Lines: s.Lines(key)}
}
