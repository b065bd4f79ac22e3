// Package tourreset starts the built-in tour over: the demo API goes back to its
// seeded items (POST /reset) and the tour's exchanges leave the history, so every
// lesson gives the answers its text promises again. The root runs Cmd and, on
// DoneMsg, forgets what its session learnt from the old state.
package tourreset

import (
	"context"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
)

// Files is the prefix of the tour's files in the history: the exchanges forgotten.
const Files = "tour/"

// DoneMsg reports the end of a start-over: the demo's answer to its reset (or
// Err) and how many tour exchanges left the history.
type DoneMsg struct {
	Status    int
	Forgotten int64
	Err       error
}

// Disabled says why there is nothing to start over with demoURL; "" when there is.
func Disabled(demoURL string) string {
	if demoURL == "" {
		return "the demo API is not running (--no-demo)"
	}
	return ""
}

// Start is what the start-over key does: the status line (an error when there
// is nothing to reset) and Cmd, or no command.
func Start(c *requests.Client, demoURL string, h *history.Store) (status string, isErr bool, cmd tea.Cmd) {
	if why := Disabled(demoURL); why != "" {
		return "Cannot start over: " + why + ".", true, nil
	}
	return "Starting over: resetting the demo…", false, Cmd(c, demoURL, h)
}

// Cmd resets the demo at demoURL with c (nil: a new client) and forgets the
// tour's exchanges in h (nil: no history). It reads and writes nothing of the
// model.
func Cmd(c *requests.Client, demoURL string, h *history.Store) tea.Cmd {
	url := strings.TrimRight(demoURL, "/") + "/reset"
	return func() tea.Msg {
		if c == nil {
			c = requests.NewClient(requests.Options{})
			defer c.CloseIdleConnections()
		}
		x := c.Send(context.Background(), requests.Request{Method: "POST", URL: url})
		if x.Err != nil || x.Response == nil {
			return DoneMsg{Err: fmt.Errorf("POST %s: %v", url, x.Err)}
		}
		msg := DoneMsg{Status: x.Response.Status}
		if h != nil {
			msg.Forgotten, msg.Err = h.Forget(context.Background(), Files)
		}
		return msg
	}
}

// Text is what the status line says of d.
func (d DoneMsg) Text() string {
	if d.Err != nil {
		return "Start over failed: " + d.Err.Error()
	}
	return fmt.Sprintf("Started over: the demo answered %d to its reset and %d tour exchanges left the history. Begin with the first request.", d.Status, d.Forgotten)
}
