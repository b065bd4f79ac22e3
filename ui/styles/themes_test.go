package styles

import (
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/settings"
)

func TestThemes(t *testing.T) {
	user := map[string]settings.Theme{
		"mine": {Base: settings.ThemeLight, Colors: map[settings.Role]string{settings.RoleMethodDELETE: "#ff00ff"}},
	}
	light, _ := builtinPalette(settings.ThemeLight, true)
	tests := []struct {
		name    string
		theme   string
		dark    bool
		role    settings.Role
		want    lipgloss.TerminalColor
		wantErr bool
	}{
		{"auto on a dark terminal is dark", settings.ThemeAuto, true, settings.RoleMethodGET, lipgloss.Color("#3fb950"), false},
		{"auto on a light terminal is light", settings.ThemeAuto, false, settings.RoleMethodGET, lipgloss.Color("#1a7f37"), false},
		{"dark whatever the terminal", settings.ThemeDark, false, settings.RoleBorder, lipgloss.Color("#484f58"), false},
		{"high contrast uses bright ANSI colours", settings.ThemeHighContrast, true, settings.RoleStatus5xx, lipgloss.Color("9"), false},
		{"a user role replaces the base's", "mine", true, settings.RoleMethodDELETE, lipgloss.Color("#ff00ff"), false},
		{"a role the user left out keeps the base's", "mine", true, settings.RoleMethodGET, light.roles[settings.RoleMethodGET], false},
		{"an unknown theme is auto, and an error", "nope", true, settings.RoleMethodGET, lipgloss.Color("#3fb950"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := Theme(tt.theme, user, tt.dark)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v", err)
			}
			got := roleColor(st, tt.role)
			if got != tt.want {
				t.Errorf("%s = %v, want %v", tt.role, got, tt.want)
			}
		})
	}
}

// roleColor reads back the colour a role's style draws with.
func roleColor(st Styles, r settings.Role) lipgloss.TerminalColor {
	switch r {
	case settings.RoleMethodGET:
		return st.Method("GET").GetForeground()
	case settings.RoleMethodDELETE:
		return st.Method("DELETE").GetForeground()
	case settings.RoleBorder:
		return st.PaneBorder.GetForeground()
	case settings.RoleStatus5xx:
		return st.Status(503).GetForeground()
	}
	return nil
}
