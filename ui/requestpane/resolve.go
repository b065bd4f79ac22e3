package requestpane

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
)

// ResolveCmd answers ResolveWanted for request key: resolve runs in the
// command, over values copied for it, and its result arrives as Resolved.
func ResolveCmd(key string, resolve func() (requests.Request, error)) tea.Cmd {
	return func() tea.Msg {
		req, err := resolve()
		return Resolved{Key: key, Req: req, Err: err}
	}
}
