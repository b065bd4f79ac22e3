package settings

import (
	"fmt"
	"strconv"
	"strings"
)

// Role names a colour of the TUI by what it marks, never by its hue.
type Role string

// The roles a theme may set.
const (
	RoleMethodGET      Role = "method_get"
	RoleMethodPOST     Role = "method_post"
	RoleMethodPUT      Role = "method_put"
	RoleMethodPATCH    Role = "method_patch"
	RoleMethodDELETE   Role = "method_delete"
	RoleMethodHEAD     Role = "method_head"
	RoleMethodOPTIONS  Role = "method_options"
	RoleStatus1xx      Role = "status_1xx"
	RoleStatus2xx      Role = "status_2xx"
	RoleStatus3xx      Role = "status_3xx"
	RoleStatus4xx      Role = "status_4xx"
	RoleStatus5xx      Role = "status_5xx"
	RoleFindingError   Role = "finding_error"
	RoleFindingWarning Role = "finding_warning"
	RoleFindingInfo    Role = "finding_info"
	RoleBorder         Role = "border"
	RoleBorderFocused  Role = "border_focused"
	RoleMuted          Role = "muted"
)

// Roles returns every role in the order the settings file lists them.
func Roles() []Role {
	return []Role{
		RoleMethodGET, RoleMethodPOST, RoleMethodPUT, RoleMethodPATCH, RoleMethodDELETE,
		RoleMethodHEAD, RoleMethodOPTIONS,
		RoleStatus1xx, RoleStatus2xx, RoleStatus3xx, RoleStatus4xx, RoleStatus5xx,
		RoleFindingError, RoleFindingWarning, RoleFindingInfo,
		RoleBorder, RoleBorderFocused, RoleMuted,
	}
}

// Theme is a user theme from [themes.NAME]: a built-in base and the roles it
// changes. A role it leaves out keeps the base's colour.
type Theme struct {
	// Base is ThemeDark, ThemeLight, ThemeHighContrast, or ThemeAuto (the
	// default: dark or light from the terminal's background).
	Base string
	// Colors maps a role to "#rrggbb", "#rgb" or an ANSI 256 colour number
	// ("0" to "255"), as lipgloss.Color takes them; nil when none is set.
	Colors map[Role]string
}

// builtinTheme reports whether name is one of the built-in theme names.
func builtinTheme(name string) bool {
	switch name {
	case ThemeAuto, ThemeDark, ThemeLight, ThemeHighContrast:
		return true
	}
	return false
}

func isRole(name string) bool {
	for _, r := range Roles() {
		if string(r) == name {
			return true
		}
	}
	return false
}

// checkColor accepts what lipgloss.Color takes and a person can check by eye.
func checkColor(c string) error {
	if hex, ok := strings.CutPrefix(c, "#"); ok {
		if len(hex) != 3 && len(hex) != 6 {
			return fmt.Errorf("%q is not a colour: a hex colour has 3 or 6 digits", c)
		}
		if _, err := strconv.ParseUint(hex, 16, 32); err != nil {
			return fmt.Errorf("%q is not a colour: %q is not hexadecimal", c, hex)
		}
		return nil
	}
	if n, err := strconv.Atoi(c); err == nil && n >= 0 && n <= 255 && c == strconv.Itoa(n) {
		return nil
	}
	return fmt.Errorf("%q is not a colour: use \"#rrggbb\", \"#rgb\" or an ANSI number 0 to 255", c)
}
