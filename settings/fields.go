package settings

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// field is one scalar setting: where it sits in the file, what it means, and how
// it is read and written. Load and DefaultFile share the table, so every setting
// that can be read is documented with its default.
type field struct {
	table, key string
	doc        string // comment lines above the key in DefaultFile
	allowed    string // what values are allowed, for error messages
	show       func(s *Settings) string
	parse      func(s *Settings, v any) error
}

// fields lists the scalar settings in file order; the top-level ones come first,
// as TOML requires.
func fields() []field {
	return []field{
		{"", "environment", "The environment chosen at start: a name from http-client.env.json.\nEmpty: none.",
			"a string",
			func(s *Settings) string { return quote(s.Environment) },
			func(s *Settings, v any) error { return setString(&s.Environment, v) }},

		{"request", "timeout", "Time limit for a whole exchange, body included. \"0s\": no limit.",
			`a duration such as "30s", "1m30s" or "0s" (no limit)`,
			func(s *Settings) string { return quote(s.Request.Timeout.String()) },
			func(s *Settings, v any) error { return setDuration(&s.Request.Timeout, v) }},
		{"request", "follow_redirects", "Follow 3xx responses with a Location, up to 10 hops.",
			"true or false",
			func(s *Settings) string { return strconv.FormatBool(s.Request.FollowRedirects) },
			func(s *Settings, v any) error { return setBool(&s.Request.FollowRedirects, v) }},
		{"request", "verify_tls", "Verify TLS certificates. false is `send --insecure` for every request.",
			"true or false",
			func(s *Settings) string { return strconv.FormatBool(s.Request.VerifyTLS) },
			func(s *Settings, v any) error { return setBool(&s.Request.VerifyTLS, v) }},
		{"request", "max_body", "Response body bytes kept in memory; the rest is cut and marked truncated.",
			`a size above zero such as "64MiB", "512KiB" or a number of bytes`,
			func(s *Settings) string { return quote(formatSize(s.Request.MaxBody)) },
			func(s *Settings, v any) error { return setSize(&s.Request.MaxBody, v, 1) }},

		{"history", "enabled", "Keep every exchange in the history database.",
			"true or false",
			func(s *Settings) string { return strconv.FormatBool(s.History.Enabled) },
			func(s *Settings, v any) error { return setBool(&s.History.Enabled, v) }},
		{"history", "path", "The database file. Empty: $HTTPLENS_HISTORY, else httplens/history.db\nin the XDG state folder.",
			"a file path",
			func(s *Settings) string { return quote(s.History.Path) },
			func(s *Settings, v any) error { return setString(&s.History.Path, v) }},
		{"history", "keep_per_request", "Exchanges kept per saved request; older ones are deleted. 0: all.",
			"a whole number, 0 or more",
			func(s *Settings) string { return strconv.Itoa(s.History.KeepPerRequest) },
			func(s *Settings, v any) error { return setCount(&s.History.KeepPerRequest, v) }},
		{"history", "max_size", "Bytes kept over all exchanges; the oldest go first. \"0\": no cap.",
			`a size such as "256MiB", or "0" (no cap)`,
			func(s *Settings) string { return quote(formatSize(s.History.MaxSize)) },
			func(s *Settings, v any) error { return setSize(&s.History.MaxSize, v, 0) }},
		{"history", "max_body", "Body bytes kept per exchange.",
			`a size above zero such as "2MiB"`,
			func(s *Settings) string { return quote(formatSize(s.History.MaxBody)) },
			func(s *Settings, v any) error { return setSize(&s.History.MaxBody, v, 1) }},
		{"history", "store_secrets", "Keep Authorization, Proxy-Authorization, Cookie and Set-Cookie values\nin full. false: they are redacted before storing.",
			"true or false",
			func(s *Settings) string { return strconv.FormatBool(s.History.StoreSecrets) },
			func(s *Settings, v any) error { return setBool(&s.History.StoreSecrets, v) }},
		{"history", "secret_names", "More header and query parameter names (any case) whose values are\nredacted before storing, besides Authorization, Cookie, X-Api-Key, ?token=,\n?access_token=, ?api_key=, ?password= and the other usual ones.",
			`a list of names such as ["X-Tenant-Key", "sid"]`,
			func(s *Settings) string { return quoteList(s.History.SecretNames) },
			func(s *Settings, v any) error { return setNames(&s.History.SecretNames, v) }},

		{"ui", "theme", "\"auto\" (dark or light from the terminal's background), \"dark\", \"light\",\n\"high-contrast\", or the name of a theme under [themes]. NO_COLOR still wins.",
			`"auto", "dark", "light", "high-contrast" or a theme defined under [themes]`,
			func(s *Settings) string { return quote(s.UI.Theme) },
			func(s *Settings, v any) error { return setString(&s.UI.Theme, v) }},
		{"ui", "layout", "\"wide\": two panes on each row; \"stacked\": one above the other;\n\"auto\": by the terminal's width.",
			`"auto", "wide" or "stacked"`,
			func(s *Settings) string { return quote(s.UI.Layout) },
			func(s *Settings, v any) error {
				return setOneOf(&s.UI.Layout, v, LayoutAuto, LayoutWide, LayoutStacked)
			}},

		{"cookies", "enabled", "Keep the cookies servers set (RFC 6265) and send them back: one jar per\nenvironment, kept in the history database. `--no-cookies` turns them off\nfor one run; [cookies.environments] for one environment.",
			"true or false",
			func(s *Settings) string { return strconv.FormatBool(s.Cookies.Enabled) },
			func(s *Settings, v any) error { return setBool(&s.Cookies.Enabled, v) }},
	}
}

// errBadValue makes parse report the field's allowed values.
type errBadValue struct{}

func (errBadValue) Error() string { return "bad value" }

func setString(dst *string, v any) error {
	s, ok := v.(string)
	if !ok {
		return errBadValue{}
	}
	*dst = s
	return nil
}

// setNames takes a list of non-empty strings.
func setNames(dst *[]string, v any) error {
	list, ok := v.([]any)
	if !ok {
		return errBadValue{}
	}
	var out []string // nil for [], as in Defaults
	for _, x := range list {
		n, ok := x.(string)
		if !ok || strings.TrimSpace(n) == "" {
			return errBadValue{}
		}
		out = append(out, n)
	}
	*dst = out
	return nil
}

func setBool(dst *bool, v any) error {
	b, ok := v.(bool)
	if !ok {
		return errBadValue{}
	}
	*dst = b
	return nil
}

func setOneOf(dst *string, v any, allowed ...string) error {
	s, ok := v.(string)
	if !ok {
		return errBadValue{}
	}
	for _, a := range allowed {
		if s == a {
			*dst = s
			return nil
		}
	}
	return errBadValue{}
}

func setCount(dst *int, v any) error {
	n, ok := v.(int64)
	if !ok || n < 0 || n > 1<<31-1 {
		return errBadValue{}
	}
	*dst = int(n)
	return nil
}

func setDuration(dst *time.Duration, v any) error {
	s, ok := v.(string)
	if !ok {
		return errBadValue{}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return errBadValue{}
	}
	*dst = d
	return nil
}

// setSize takes a number of bytes or a string with a unit, at least least.
func setSize(dst *int64, v any, least int64) error {
	var n int64
	switch x := v.(type) {
	case int64:
		n = x
	case string:
		var err error
		if n, err = parseSize(x); err != nil {
			return errBadValue{}
		}
	default:
		return errBadValue{}
	}
	if n < least {
		return errBadValue{}
	}
	*dst = n
	return nil
}

type sizeUnit struct {
	name string
	n    int64
}

// sizeUnits are the units a size may carry: binary first, then decimal, then bytes.
func sizeUnits() []sizeUnit {
	return []sizeUnit{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"B", 1}}
}

func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range sizeUnits() {
		if num, ok := strings.CutSuffix(t, u.name); ok {
			t, mult = strings.TrimSpace(num), u.n
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || (n > 0 && mult > (1<<62)/n) {
		return 0, fmt.Errorf("%q is not a size", s)
	}
	return n * mult, nil
}

// formatSize writes n with the largest binary unit that divides it.
func formatSize(n int64) string {
	for _, u := range sizeUnits()[:3] {
		if n != 0 && n%u.n == 0 {
			return strconv.FormatInt(n/u.n, 10) + u.name
		}
	}
	return strconv.FormatInt(n, 10)
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
