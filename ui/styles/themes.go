package styles

import (
	"fmt"

	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/settings"
)

// Theme returns the styles of the theme called name: a built-in one
// (settings.ThemeAuto, ThemeDark, ThemeLight, ThemeHighContrast) or one of user,
// the settings file's themes, whose roles replace their base's. dark is the
// terminal's background, asked for before the program started; auto follows it.
// An unknown name gives the automatic theme and an error saying so.
func Theme(name string, user map[string]settings.Theme, dark bool) (Styles, error) {
	if p, ok := builtinPalette(name, dark); ok {
		return stylesFrom(p), nil
	}
	t, ok := user[name]
	if !ok {
		p, _ := builtinPalette(settings.ThemeAuto, dark)
		return stylesFrom(p), fmt.Errorf("ui.theme: there is no theme %q; using %q", name, settings.ThemeAuto)
	}
	p, ok := builtinPalette(t.Base, dark)
	if !ok {
		p, _ = builtinPalette(settings.ThemeAuto, dark)
	}
	for r, c := range t.Colors {
		p.roles[r] = lipgloss.Color(c)
	}
	return stylesFrom(p), nil
}

// builtinPalette is the palette of a built-in theme; "" is auto.
func builtinPalette(name string, dark bool) (palette, bool) {
	switch name {
	case settings.ThemeAuto, "":
		if dark {
			return side(newPalette(), true), true
		}
		return side(newPalette(), false), true
	case settings.ThemeDark:
		return side(newPalette(), true), true
	case settings.ThemeLight:
		return side(newPalette(), false), true
	case settings.ThemeHighContrast:
		return highContrast(dark), true
	}
	return palette{}, false
}

// side fixes every adaptive colour of p to its dark or light value, so that a
// theme chosen by name does not depend on what the terminal said.
func side(p palette, dark bool) palette {
	pick := func(c lipgloss.TerminalColor) lipgloss.TerminalColor {
		a, ok := c.(lipgloss.AdaptiveColor)
		if !ok {
			return c
		}
		if dark {
			return lipgloss.Color(a.Dark)
		}
		return lipgloss.Color(a.Light)
	}
	for _, c := range []*lipgloss.TerminalColor{&p.text, &p.muted, &p.border, &p.accent, &p.green, &p.yellow,
		&p.red, &p.purple, &p.cyan, &p.orange, &p.matchBg, &p.selBg} {
		*c = pick(*c)
	}
	return p.withRoles()
}

// highContrast uses the 16 ANSI colours at full brightness, which every terminal
// has and the user's own terminal theme keeps legible, on plain black or white.
func highContrast(dark bool) palette {
	c := func(s string) lipgloss.TerminalColor { return lipgloss.Color(s) }
	p := palette{
		text: c("15"), muted: c("7"), border: c("15"), accent: c("14"), green: c("10"), yellow: c("11"),
		red: c("9"), purple: c("13"), cyan: c("14"), orange: c("11"), matchBg: c("5"), selBg: c("4"),
	}
	if !dark {
		p.text, p.muted, p.border, p.accent, p.cyan = c("0"), c("8"), c("0"), c("4"), c("6")
		p.green, p.yellow, p.orange, p.red, p.purple = c("2"), c("3"), c("3"), c("1"), c("5")
		p.matchBg, p.selBg = c("11"), c("14")
	}
	p = p.withRoles()
	p.roles[settings.RoleBorderFocused] = p.yellow
	return p
}
