package styles

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/httplens/httplens/settings"
)

// Every style of every built-in theme (and a user theme) draws in colour as
// the golden file says, on a dark and a light terminal: stylesFrom was
// rewritten to build its styles in small frames (issue 24) and must build the
// same ones.
func TestStylesRenderAsBefore(t *testing.T) {
	was, wasDark := lipgloss.ColorProfile(), lipgloss.HasDarkBackground()
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer func() { lipgloss.SetColorProfile(was); lipgloss.SetHasDarkBackground(wasDark) }()
	user := map[string]settings.Theme{
		"mine": {Base: settings.ThemeLight, Colors: map[settings.Role]string{settings.RoleMethodDELETE: "#ff00ff", settings.RoleBorder: "4"}},
	}
	var b strings.Builder
	for _, dark := range []bool{true, false} {
		lipgloss.SetHasDarkBackground(dark)
		for _, name := range []string{"new", settings.ThemeAuto, settings.ThemeDark, settings.ThemeLight, settings.ThemeHighContrast, "mine"} {
			st := New()
			if name != "new" {
				var err error
				if st, err = Theme(name, user, dark); err != nil {
					t.Fatal(err)
				}
			}
			fmt.Fprintf(&b, "## %s dark=%v\n", name, dark)
			writeStyles(&b, "", reflect.ValueOf(st.set).Elem())
			h := st.Help()
			writeStyles(&b, "Help.", reflect.ValueOf(&h).Elem())
		}
	}
	golden.RequireEqual(t, []byte(b.String()))
}

// writeStyles writes what each lipgloss.Style in v (a struct; its maps,
// arrays and nested structs too) draws of a short text.
func writeStyles(b *strings.Builder, prefix string, v reflect.Value) {
	draw := func(name string, s lipgloss.Style) { fmt.Fprintf(b, "%s%s %q\n", prefix, name, s.Render("a b\nc")) }
	for i := range v.NumField() {
		f, name := v.Field(i), v.Type().Field(i).Name
		if !v.Type().Field(i).IsExported() {
			continue
		}
		switch x := f.Interface().(type) {
		case lipgloss.Style:
			draw(name, x)
		case map[string]lipgloss.Style:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				draw(name+"["+k+"]", x[k])
			}
		case [6]lipgloss.Style:
			for j, s := range x {
				draw(fmt.Sprintf("%s[%d]", name, j), s)
			}
		default:
			if f.Kind() == reflect.Struct {
				writeStyles(b, prefix+name+".", f)
			} else {
				panic("a style field of a kind the test does not know: " + name)
			}
		}
	}
}
