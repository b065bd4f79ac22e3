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

// stylesFrom builds the styles from a palette. Each style is made by mk in
// its own small frame: chained in one function, the ~120 intermediate
// lipgloss.Style values (552 bytes each) took a 64 KB stack frame, and a cold
// start paid for growing the stack to it and touching every page (a third of
// a millisecond on a VM where a page fault costs 10-15 us; issue 24).
func stylesFrom(p palette) Styles {
	r := func(role settings.Role) lipgloss.TerminalColor { return p.roles[role] }
	s := &set{}
	mk(&s.Text, p.text, nil, 0)
	mk(&s.Muted, r(settings.RoleMuted), nil, 0)
	mk(&s.Bold, p.text, nil, bold)
	mk(&s.ErrorText, p.red, nil, bold)
	mk(&s.PaneBorder, r(settings.RoleBorder), nil, 0)
	mk(&s.PaneBorderFocused, r(settings.RoleBorderFocused), nil, 0)
	mk(&s.PaneTitle, r(settings.RoleMuted), nil, bold)
	mk(&s.PaneTitleFocused, p.accent, nil, bold)
	mk(&s.Selected, p.text, p.selBg, bold)
	mk(&s.Tab, r(settings.RoleMuted), nil, 0)
	mk(&s.TabActive, p.accent, nil, bold|underline)
	mk(&s.Match, p.text, p.matchBg, underline)
	mk(&s.MatchCurrent, p.text, p.matchBg, underline|bold|reverse)
	mk(&s.StatusLine, r(settings.RoleMuted), nil, 0)
	boxes(s, r(settings.RoleBorderFocused))

	methods := [...]struct {
		name string
		role settings.Role
	}{
		{"GET", settings.RoleMethodGET}, {"HEAD", settings.RoleMethodHEAD}, {"POST", settings.RoleMethodPOST},
		{"PUT", settings.RoleMethodPUT}, {"PATCH", settings.RoleMethodPATCH}, {"DELETE", settings.RoleMethodDELETE},
		{"OPTIONS", settings.RoleMethodOPTIONS},
	}
	s.Methods = make(map[string]lipgloss.Style, len(methods))
	for _, m := range methods {
		var st lipgloss.Style
		mk(&st, r(m.role), nil, bold)
		s.Methods[m.name] = st
	}
	mk(&s.MethodOther, r(settings.RoleMuted), nil, bold)
	classes := [6]lipgloss.TerminalColor{p.red, r(settings.RoleStatus1xx), r(settings.RoleStatus2xx),
		r(settings.RoleStatus3xx), r(settings.RoleStatus4xx), r(settings.RoleStatus5xx)}
	for i, c := range classes {
		mk(&s.StatusClasses[i], c, nil, bold)
	}
	mk(&s.SeverityError, r(settings.RoleFindingError), nil, bold)
	mk(&s.SeverityWarning, r(settings.RoleFindingWarning), nil, bold)
	mk(&s.SeverityInfo, r(settings.RoleFindingInfo), nil, bold)
	mk(&s.DiffAdded, p.green, nil, bold)
	mk(&s.DiffRemoved, p.red, nil, 0)
	y := &s.Syntax
	mk(&y.Key, p.accent, nil, 0)
	mk(&y.String, p.green, nil, 0)
	mk(&y.Number, p.orange, nil, 0)
	mk(&y.Literal, p.purple, nil, 0)
	mk(&y.Punct, r(settings.RoleMuted), nil, 0)
	mk(&y.Tag, p.red, nil, 0)
	mk(&y.Attr, p.yellow, nil, 0)
	mk(&y.Comment, r(settings.RoleMuted), nil, italic)
	mk(&s.helpKey, p.accent, nil, 0)
	mk(&s.helpDesc, p.text, nil, 0)
	return Styles{s}
}

// attrs are the text attributes mk sets.
type attrs uint8

const (
	bold attrs = 1 << iota
	italic
	underline
	reverse
)

// mk sets *dst to the style of foreground fg, background bg (nil: none) and
// the attributes a. Not inlined, so its intermediate styles stay in its own
// frame (see stylesFrom).
//
//go:noinline
func mk(dst *lipgloss.Style, fg, bg lipgloss.TerminalColor, a attrs) {
	st := lipgloss.NewStyle().Foreground(fg)
	if bg != nil {
		st = st.Background(bg)
	}
	if a&bold != 0 {
		st = st.Bold(true)
	}
	if a&italic != 0 {
		st = st.Italic(true)
	}
	if a&underline != 0 {
		st = st.Underline(true)
	}
	if a&reverse != 0 {
		st = st.Reverse(true)
	}
	*dst = st
}

// boxes sets the styles with a box model: the help overlay's columns and the
// overlay's frame, in border, the focused border's colour.
//
//go:noinline
func boxes(s *set, border lipgloss.TerminalColor) {
	s.HelpColumn = lipgloss.NewStyle().PaddingRight(3)
	s.Overlay = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1)
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
