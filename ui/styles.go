package ui

import (
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/styles"
)

// Styles is how the TUI draws; see package styles.
type Styles = styles.Styles

// NewStyles returns the automatic theme's styles.
func NewStyles() Styles { return styles.New() }

// ThemeStyles returns the styles of the theme name (built-in or one of user) for
// a dark or light background; see styles.Theme.
func ThemeStyles(name string, user map[string]settings.Theme, dark bool) (Styles, error) {
	return styles.Theme(name, user, dark)
}
