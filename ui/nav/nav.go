// Package nav owns the movement actions every scrolling pane shares (up, down,
// a page, top, bottom) and how they move a scroll offset or a cursor. It imports
// settings only; the root's action table declares these ids with their keys.
package nav

import "github.com/httplens/httplens/settings"

// The movement actions' ids.
const (
	Up       settings.Action = "up"
	Down     settings.Action = "down"
	PageUp   settings.Action = "page-up"
	PageDown settings.Action = "page-down"
	Top      settings.Action = "top"
	Bottom   settings.Action = "bottom"
)

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// Scroll applies a movement action to a scroll offset over n lines shown h at a time.
func Scroll(id settings.Action, top, h, n int) int {
	return clamp(Move(id, top, h, n), 0, max(n-h, 0))
}

// Move steps pos by a movement action: a line, a page of h, or to 0 or bottom.
// Any other action leaves pos as it is.
func Move(id settings.Action, pos, h, bottom int) int {
	switch id {
	case Up:
		pos--
	case Down:
		pos++
	case PageUp:
		pos -= max(h-1, 1)
	case PageDown:
		pos += max(h-1, 1)
	case Top:
		pos = 0
	case Bottom:
		pos = bottom
	}
	return pos
}

// Cursor moves a list cursor over n items shown h at a time.
func Cursor(id settings.Action, cur, h, n int) int {
	return clamp(Move(id, cur, h, n-1), 0, max(n-1, 0))
}

// The tab actions the panes with tabs share.
const (
	TabNext settings.Action = "tab-next"
	TabPrev settings.Action = "tab-prev"
)
