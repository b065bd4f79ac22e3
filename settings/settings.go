// Package settings reads httplens's settings file, httplens/config.toml in the XDG
// config folder: request defaults, history retention, the environment chosen at
// start, the theme and layout, the key bindings and the cookie jar.
//
// Every setting has a documented default (DefaultFile prints them all). A bad value
// is reported with the file, the line and the key, and that setting keeps its
// default; the rest of the file still applies.
package settings

import (
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/httplens/httplens/internal/xdgdirs"

	"github.com/httplens/httplens/requests"
)

// EnvPath names the environment variable that overrides the settings file's path.
const EnvPath = "HTTPLENS_CONFIG"

// Built-in theme names. ThemeAuto picks dark or light from the terminal's background.
const (
	ThemeAuto         = "auto"
	ThemeDark         = "dark"
	ThemeLight        = "light"
	ThemeHighContrast = "high-contrast"
)

// Layout names: wide puts the four panes in two rows of two, stacked puts them one
// above the other, auto picks by the terminal's width.
const (
	LayoutAuto    = "auto"
	LayoutWide    = "wide"
	LayoutStacked = "stacked"
)

// Settings is the whole settings file. Defaults returns the value used when there
// is no file; Load starts from it.
type Settings struct {
	// Environment is the environment chosen at start (a name from
	// http-client.env.json); empty means none.
	Environment string
	Request     Request
	History     History
	UI          UI
	Cookies     Cookies
	// Keys binds every action to its keys; it always holds every action.
	Keys Keymap
	// Themes are the user's themes by name; nil when the file defines none.
	Themes map[string]Theme
}

// Request holds the defaults of every send.
type Request struct {
	// Timeout bounds a whole exchange; zero means no limit.
	Timeout         time.Duration
	FollowRedirects bool
	VerifyTLS       bool
	// MaxBody is the body bytes kept in memory; more is cut and marked truncated.
	MaxBody int64
}

// History holds where exchanges are kept and for how long.
type History struct {
	// Enabled keeps every exchange in the history database.
	Enabled bool
	// Path is the database file; empty means history.DefaultPath.
	Path string
	// KeepPerRequest is how many exchanges of one saved request are kept; 0: all.
	KeepPerRequest int
	// MaxSize caps the bytes of the whole history; 0: no cap.
	MaxSize int64
	// MaxBody caps the body bytes kept per exchange.
	MaxBody int64
	// StoreSecrets keeps Authorization and cookie values in full instead of redacted.
	StoreSecrets bool
	// SecretNames are more header and parameter names to redact.
	SecretNames []string
}

// UI holds the look of the TUI.
type UI struct {
	// Theme is a built-in theme name (ThemeAuto, ...) or the name of a user theme.
	Theme string
	// Layout is LayoutAuto, LayoutWide or LayoutStacked.
	Layout string
}

// Cookies says when the cookie jar (one per environment) is used.
type Cookies struct {
	// Enabled sends and keeps cookies.
	Enabled bool
	// Environments turns the jar on or off for one environment, overriding
	// Enabled; nil when the file sets none.
	Environments map[string]bool
}

// For reports whether cookies are on for the environment env ("" for none).
func (c Cookies) For(env string) bool {
	if on, ok := c.Environments[env]; ok {
		return on
	}
	return c.Enabled
}

// The history defaults of the file. They are history's own defaults (cli's tests
// hold the two equal); settings keeps a copy so that reading a settings file does
// not pull in the history database and SQLite.
const (
	DefaultKeepPerRequest = 50
	DefaultHistoryMaxSize = 256 << 20
	DefaultHistoryMaxBody = 2 << 20
)

// Defaults returns the settings used when there is no file: those of
// `httplens send` without flags, and every action of acts on its default keys.
func Defaults(acts []ActionInfo) Settings {
	return Settings{
		Request: Request{
			Timeout:         30 * time.Second,
			FollowRedirects: true,
			VerifyTLS:       true,
			MaxBody:         requests.DefaultMaxBody,
		},
		History: History{
			Enabled:        true,
			KeepPerRequest: DefaultKeepPerRequest,
			MaxSize:        DefaultHistoryMaxSize,
			MaxBody:        DefaultHistoryMaxBody,
		},
		UI:      UI{Theme: ThemeAuto, Layout: LayoutAuto},
		Cookies: Cookies{Enabled: true},
		Keys:    DefaultKeymap(acts),
	}
}

// Options returns the requests.Options these settings give. The caller adds what
// settings do not hold (user agent, jar, spool folder).
func (r Request) Options() requests.Options {
	return requests.Options{
		Timeout:         r.Timeout,
		FollowRedirects: r.FollowRedirects,
		Insecure:        !r.VerifyTLS,
		MaxBody:         r.MaxBody,
	}
}

// Path returns the settings file to read: flag when not empty (the --config
// flag), then $HTTPLENS_CONFIG, then httplens/config.toml in the XDG config
// folder. explicit is true for the first two, where a missing file is a mistake.
func Path(flag string) (path string, explicit bool, err error) {
	return findPath(flag, os.Getenv, xdgdirs.ConfigHome())
}

func findPath(flag string, getenv func(string) string, configHome string) (string, bool, error) {
	if flag != "" {
		return flag, true, nil
	}
	if p := getenv(EnvPath); p != "" {
		return p, true, nil
	}
	if configHome == "" {
		return "", false, errors.New("settings: no config folder (set " + EnvPath + ")")
	}
	return filepath.Join(configHome, "httplens", "config.toml"), false, nil
}

// Open finds the settings file as Path does and loads it. A missing file at the
// default place is no error (the defaults apply); a missing file that was asked
// for by flag or environment is. It returns the path read, for messages.
func Open(flag string, acts []ActionInfo) (Settings, string, []error) {
	return open(flag, acts, nil)
}

// OpenKeyless is Open for a command that binds no keys (send, run): it asks for
// the actions only when the file has a [keys] table, which is then checked and
// reported on as Open does; without one the result's Keys is empty. The TUI's
// action table costs every send about half a millisecond to build, cold.
func OpenKeyless(flag string, acts func() []ActionInfo) (Settings, string, []error) {
	return open(flag, nil, acts)
}

func open(flag string, acts []ActionInfo, lazy func() []ActionInfo) (Settings, string, []error) {
	path, explicit, err := Path(flag)
	if err != nil {
		return Defaults(acts), "", []error{err}
	}
	if _, statErr := os.Stat(path); explicit && errors.Is(statErr, os.ErrNotExist) {
		return Defaults(acts), path, []error{&Error{File: path, Msg: "no such file; using the defaults"}}
	}
	s, errs := load(path, acts, lazy)
	return s, path, errs
}
