// Package varsview lists the variables a plain {{name}} can find, in the order
// the resolver looks (--var, the environment, then what scripts kept with
// client.global.set), for the TUI's variables overlay. It imports scripts and
// termtext; never ui.
package varsview

import (
	"slices"
	"strconv"

	"github.com/httplens/httplens/scripts"
	"github.com/httplens/httplens/termtext"
)

// Lines is the overlay's text, safe to print: names and values may come from a
// server (a token a handler kept) or a file.
func Lines(envName string, overrides, env map[string]string, globals []scripts.Var) []string {
	var out []string
	section := func(title string, vars map[string]string, empty string) {
		out = append(out, title)
		if len(vars) == 0 {
			out = append(out, "  "+empty, "")
			return
		}
		names := make([]string, 0, len(vars))
		for n := range vars {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			out = append(out, "  "+termtext.String(n)+" = "+termtext.String(vars[n]))
		}
		out = append(out, "")
	}
	section("--var (win over everything)", overrides, "none")
	if envName == "" {
		section("Shared variables (no environment chosen)", env, "none")
	} else {
		section("Environment "+termtext.String(envName), env, "none")
	}
	g := map[string]string{}
	for _, v := range globals {
		g[v.Name] = v.Value
	}
	section("Script globals (client.global.set; after the file and environment)", g,
		"none yet: a response handler's client.global.set(\"token\", …) shows here")
	return out[:len(out)-1]
}

// Title is the overlay's title.
func Title(globals int) string {
	if globals == 0 {
		return "Variables"
	}
	return "Variables · " + plural(globals, "script global")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}
