// Package styles holds the TUI's one Styles struct and the themes it is built
// from: a leaf every pane and overlay package may import.
package styles

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/settings"
)

// palette is the small set of colours every style is built from: hues, and the
// colour of each role a theme may set (themes.go picks and adjusts them). lipgloss
// drops every colour when NO_COLOR is set; the app never forces a profile.
type palette struct {
	text, muted, border, accent, green, yellow, red, purple, cyan, orange, matchBg, selBg lipgloss.TerminalColor
	roles                                                                                 map[settings.Role]lipgloss.TerminalColor
}

// newPalette is the automatic theme: each colour adapts to a light or dark
// background, as lipgloss found it before the program started.
func newPalette() palette {
	c := func(light, dark string) lipgloss.AdaptiveColor {
		return lipgloss.AdaptiveColor{Light: light, Dark: dark}
	}
	return palette{
		text: c("#1f2328", "#e6edf3"), muted: c("#6e7781", "#8b949e"), border: c("#afb8c1", "#484f58"),
		accent: c("#0969da", "#58a6ff"), green: c("#1a7f37", "#3fb950"), yellow: c("#9a6700", "#d29922"),
		red: c("#cf222e", "#f85149"), purple: c("#8250df", "#bc8cff"), cyan: c("#1b7c83", "#39c5cf"),
		orange: c("#bc4c00", "#f0883e"), matchBg: c("#fff8c5", "#5a4a00"), selBg: c("#ddf4ff", "#1f3a5f"),
	}.withRoles()
}

// withRoles gives every role its colour from the hues.
func (p palette) withRoles() palette {
	p.roles = map[settings.Role]lipgloss.TerminalColor{
		settings.RoleMethodGET: p.green, settings.RoleMethodHEAD: p.cyan, settings.RoleMethodPOST: p.yellow,
		settings.RoleMethodPUT: p.accent, settings.RoleMethodPATCH: p.purple, settings.RoleMethodDELETE: p.red,
		settings.RoleMethodOPTIONS: p.muted,
		settings.RoleStatus1xx:     p.cyan, settings.RoleStatus2xx: p.green, settings.RoleStatus3xx: p.accent,
		settings.RoleStatus4xx: p.orange, settings.RoleStatus5xx: p.red,
		settings.RoleFindingError: p.red, settings.RoleFindingWarning: p.yellow, settings.RoleFindingInfo: p.accent,
		settings.RoleBorder: p.border, settings.RoleBorderFocused: p.accent, settings.RoleMuted: p.muted,
	}
	return p
}

// Styles holds every style the ui draws with, named by role. Build it with
// New; panes receive it and never create styles of their own.
//
// It is one pointer to the set (about 20 KB of lipgloss styles), read through
// promoted fields (st.Text, st.Syntax.Key): the root model and each pane hold
// a copy, and a key press copies the model several times, so a value here cost
// five copies of the set per model copy and kept the model off the stack
// (issue 24). The set is built once and never changed, so sharing it is safe;
// the zero Styles has no set and must not be used (build one with New).
type Styles struct{ *set }

// set is what Styles points to.
type set struct {
	Text      lipgloss.Style
	Muted     lipgloss.Style
	Bold      lipgloss.Style
	ErrorText lipgloss.Style

	PaneBorder        lipgloss.Style
	PaneBorderFocused lipgloss.Style
	PaneTitle         lipgloss.Style
	PaneTitleFocused  lipgloss.Style

	Selected     lipgloss.Style // the cursor row of a list
	Tab          lipgloss.Style
	TabActive    lipgloss.Style
	Match        lipgloss.Style
	MatchCurrent lipgloss.Style
	StatusLine   lipgloss.Style
	Overlay      lipgloss.Style
	HelpColumn   lipgloss.Style // the gap after a column of the help overlay

	Methods       map[string]lipgloss.Style // by upper-case method
	MethodOther   lipgloss.Style
	StatusClasses [6]lipgloss.Style // index: status code / 100; 0 means failed

	SeverityError   lipgloss.Style
	SeverityWarning lipgloss.Style
	SeverityInfo    lipgloss.Style

	DiffAdded   lipgloss.Style // a line only in the newer exchange
	DiffRemoved lipgloss.Style // a line only in the older exchange

	Syntax SyntaxStyles

	// The help line's styles are built on demand (Help).
	helpKey, helpDesc lipgloss.Style
}

// SyntaxStyles colour the tokens of a pretty-printed body.
type SyntaxStyles struct {
	Key     lipgloss.Style
	String  lipgloss.Style
	Number  lipgloss.Style
	Literal lipgloss.Style // true, false, null, keywords
	Punct   lipgloss.Style
	Tag     lipgloss.Style
	Attr    lipgloss.Style
	Comment lipgloss.Style
}

// New builds the styles of the automatic theme; Theme picks another.
func New() Styles { return stylesFrom(newPalette()) }

// stylesFrom builds the styles from a palette: base styles first, derived after.
func stylesFrom(p palette) Styles {
	base := lipgloss.NewStyle().Foreground(p.text)
	fg := func(c lipgloss.TerminalColor) lipgloss.Style { return lipgloss.NewStyle().Foreground(c) }
	role := func(r settings.Role) lipgloss.Style { return fg(p.roles[r]) }
	s := &set{
		Text:      base,
		Muted:     role(settings.RoleMuted),
		Bold:      base.Bold(true),
		ErrorText: fg(p.red).Bold(true),
	}
	s.PaneBorder = role(settings.RoleBorder)
	s.PaneBorderFocused = role(settings.RoleBorderFocused)
	s.PaneTitle = s.Muted.Bold(true)
	s.PaneTitleFocused = fg(p.accent).Bold(true)
	s.Selected = base.Background(p.selBg).Bold(true)
	s.Tab = s.Muted
	s.TabActive = fg(p.accent).Bold(true).Underline(true)
	s.Match = base.Background(p.matchBg).Underline(true)
	s.MatchCurrent = s.Match.Bold(true).Reverse(true)
	s.StatusLine = s.Muted
	s.HelpColumn = lipgloss.NewStyle().PaddingRight(3)
	s.Overlay = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.roles[settings.RoleBorderFocused]).Padding(0, 1)

	s.Methods = map[string]lipgloss.Style{
		"GET":     role(settings.RoleMethodGET).Bold(true),
		"HEAD":    role(settings.RoleMethodHEAD).Bold(true),
		"POST":    role(settings.RoleMethodPOST).Bold(true),
		"PUT":     role(settings.RoleMethodPUT).Bold(true),
		"PATCH":   role(settings.RoleMethodPATCH).Bold(true),
		"DELETE":  role(settings.RoleMethodDELETE).Bold(true),
		"OPTIONS": role(settings.RoleMethodOPTIONS).Bold(true),
	}
	s.MethodOther = role(settings.RoleMuted).Bold(true)
	s.StatusClasses = [6]lipgloss.Style{
		fg(p.red).Bold(true), role(settings.RoleStatus1xx).Bold(true), role(settings.RoleStatus2xx).Bold(true),
		role(settings.RoleStatus3xx).Bold(true), role(settings.RoleStatus4xx).Bold(true), role(settings.RoleStatus5xx).Bold(true),
	}
	s.SeverityError = role(settings.RoleFindingError).Bold(true)
	s.SeverityWarning = role(settings.RoleFindingWarning).Bold(true)
	s.SeverityInfo = role(settings.RoleFindingInfo).Bold(true)
	s.DiffAdded = fg(p.green).Bold(true)
	s.DiffRemoved = fg(p.red)
	s.Syntax = SyntaxStyles{
		Key: fg(p.accent), String: fg(p.green), Number: fg(p.orange),
		Literal: fg(p.purple), Punct: s.Muted, Tag: fg(p.red),
		Attr: fg(p.yellow), Comment: s.Muted.Italic(true),
	}
	s.helpKey, s.helpDesc = fg(p.accent), base
	return Styles{s}
}

// Help is the styles of the help line and of bubbles' help views.
func (s Styles) Help() help.Styles {
	return help.Styles{
		ShortKey:       s.helpKey,
		ShortDesc:      s.Muted,
		ShortSeparator: s.Muted,
		Ellipsis:       s.Muted,
		FullKey:        s.helpKey,
		FullDesc:       s.helpDesc,
		FullSeparator:  s.Muted,
	}
}

// Method returns the style for an HTTP method.
func (s Styles) Method(m string) lipgloss.Style {
	if st, ok := s.Methods[m]; ok {
		return st
	}
	return s.MethodOther
}

// Status returns the style for a status code; 0 (no response) is styled as an error.
func (s Styles) Status(code int) lipgloss.Style {
	if code < 100 || code > 599 {
		return s.StatusClasses[0]
	}
	return s.StatusClasses[code/100]
}
