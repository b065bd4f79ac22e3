//go:build heavy

package main

// Built with -tags heavy, oneframe links in everything httplens links (its
// commands, the UI, SQLite, the script engine, chroma, TOML) and so runs the
// same package initialisers and maps the same binary before its one frame,
// while doing none of httplens's work: the floor of httplens's first frame
// that the weight of the binary sets (bench/tui_first_frame.sh).
import _ "github.com/httplens/httplens/cli"
