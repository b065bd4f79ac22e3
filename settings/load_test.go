package settings

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestDefaultFileLoadsAsTheDefaults(t *testing.T) {
	s, errs := Parse("defaults.toml", DefaultFile(testActions()), testActions())
	if len(errs) != 0 {
		t.Fatalf("errors in the default file: %v", errs)
	}
	if !reflect.DeepEqual(s, Defaults(testActions())) {
		t.Fatalf("loading DefaultFile gives\n%+v\nwant Defaults(testActions())\n%+v", s, Defaults(testActions()))
	}
}

func TestDefaultFileDocumentsEverySetting(t *testing.T) {
	text := string(DefaultFile(testActions()))
	for _, f := range fields() {
		if !strings.Contains(text, "\n"+f.key+" = ") {
			t.Errorf("%s.%s is not in the default file", f.table, f.key)
		}
	}
	for _, a := range testActions() {
		if !strings.Contains(text, "\n"+string(a.ID)+" = [") {
			t.Errorf("action %s is not in the default file", a.ID)
		}
	}
	for _, r := range Roles() {
		if !strings.Contains(text, "# "+string(r)+" = ") {
			t.Errorf("role %s is not in the default file", r)
		}
	}
}

// oneError parses text and returns its only error as an *Error.
func oneError(t *testing.T, text string) (Settings, *Error) {
	t.Helper()
	s, errs := Parse("/home/u/.config/httplens/config.toml", []byte(text), testActions())
	if len(errs) != 1 {
		t.Fatalf("want one error, got %d: %v", len(errs), errs)
	}
	var e *Error
	if !errors.As(errs[0], &e) {
		t.Fatalf("error %v is not an *Error", errs[0])
	}
	return s, e
}

func TestBadValues(t *testing.T) {
	tests := []struct {
		name, text string
		line       int
		key        string
		says       []string // in the message
	}{
		{"timeout not a duration", "[request]\ntimeout = \"soon\"\n", 2, "request.timeout",
			[]string{`"soon" is not allowed`, `"30s"`, "using the default \"30s\""}},
		{"timeout a number", "[request]\n\ntimeout = 30\n", 3, "request.timeout", []string{"30 is not allowed", "duration"}},
		{"timeout negative", "request.timeout = \"-5s\"\n", 1, "request.timeout", []string{`"-5s"`}},
		{"timeout in an inline table", "request = { timeout = \"x\" }\n", 1, "request.timeout", []string{`"x"`}},
		{"redirects not a bool", "[request]\nfollow_redirects = \"yes\"\n", 2, "request.follow_redirects",
			[]string{"true or false", "using the default true"}},
		{"body cap zero", "[request]\nmax_body = 0\n", 2, "request.max_body", []string{"above zero", `"64MiB"`}},
		{"body cap no unit known", "[request]\nmax_body = \"12 parsecs\"\n", 2, "request.max_body", []string{`"12 parsecs"`}},
		{"history keep negative", "[history]\nkeep_per_request = -1\n", 2, "history.keep_per_request", []string{"0 or more"}},
		{"history size words", "[history]\nmax_size = \"lots\"\n", 2, "history.max_size", []string{`"256MiB"`}},
		{"environment a number", "environment = 3\n", 1, "environment", []string{"a string"}},
		{"layout unknown", "[ui]\nlayout = \"diagonal\"\n", 2, "ui.layout", []string{`"auto", "wide" or "stacked"`}},
		{"theme not defined", "[ui]\ntheme = \"nope\"\n", 2, "ui.theme", []string{`"nope" is not a theme`, "[themes.nope]"}},
		{"key that arrives as another", "[keys]\nsend = \"ctrl+i\"\n", 2, "keys.send", []string{"arrives as tab", `using the default ["ctrl+r"]`}},
		{"key not a string", "[keys]\nsend = 5\n", 2, "keys.send", []string{"5 is not allowed"}},
		{"shift with a letter", "[keys]\nquit = [\"q\", \"shift+q\"]\n", 2, "keys.quit", []string{`such as "Q"`}},
		{"key name unknown", "[keys]\nhelp = \"hyper+h\"\n", 2, "keys.help", []string{"not a key name"}},
		{"colour a word", "[themes.mine]\nmethod_get = \"red\"\n", 2, "themes.mine.method_get", []string{"not a colour"}},
		{"colour out of range", "[themes.mine]\nmuted = \"256\"\n", 2, "themes.mine.muted", []string{"0 to 255"}},
		{"theme base unknown", "[themes.mine]\nbase = \"sepia\"\n", 2, "themes.mine.base", []string{`"high-contrast"`}},
		{"theme named like a built-in", "[themes.dark]\nmuted = \"245\"\n", 1, "themes.dark", []string{"built-in"}},
		{"cookie switch not a bool", "[cookies.environments]\nprod = \"no\"\n", 2, "cookies.environments.prod", []string{"true or false"}},
		{"a table given a value", "request = 5\n", 1, "request", []string{"must be a table"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e := oneError(t, tt.text)
			if e.File != "/home/u/.config/httplens/config.toml" || e.Line != tt.line || e.Key != tt.key {
				t.Errorf("error at %s:%d key %q, want line %d key %q (%v)", e.File, e.Line, e.Key, tt.line, tt.key, e)
			}
			for _, want := range tt.says {
				if !strings.Contains(e.Msg, want) {
					t.Errorf("message %q does not say %q", e.Msg, want)
				}
			}
			if !strings.HasPrefix(e.Error(), e.File+":"+strconv.Itoa(tt.line)+": "+tt.key+": ") {
				t.Errorf("Error() = %q", e.Error())
			}
			// The bad setting keeps its default.
			d := Defaults(testActions())
			if s.Request != d.Request || !reflect.DeepEqual(s.History, d.History) || s.UI != d.UI || s.Environment != d.Environment ||
				!reflect.DeepEqual(s.Keys, d.Keys) {
				t.Errorf("a bad value changed the settings: %+v", s)
			}
		})
	}
}

func TestUnknownKeys(t *testing.T) {
	tests := []struct {
		name, text string
		line       int
		key        string
		says       string
	}{
		{"misspelt setting", "[request]\ntimout = \"3s\"\n", 2, "request.timout", `did you mean "timeout"`},
		{"unknown table", "\n[proxy]\nurl = \"x\"\n", 2, "proxy", "unknown key"},
		{"unknown top-level key", "colour = true\n", 1, "colour", "unknown key"},
		{"unknown action", "[keys]\nsned = \"ctrl+r\"\n", 2, "keys.sned", `did you mean "send"`},
		{"unknown role", "[themes.mine]\nmethod_got = \"42\"\n", 2, "themes.mine.method_got", `did you mean "method_get"`},
		{"unknown cookies key", "[cookies]\nenvironment = {}\n", 2, "cookies.environment", `did you mean "environments"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, e := oneError(t, tt.text)
			if e.Line != tt.line || e.Key != tt.key || !strings.Contains(e.Msg, tt.says) {
				t.Errorf("got %v; want line %d key %q saying %q", e, tt.line, tt.key, tt.says)
			}
		})
	}
}

func TestSyntaxErrorKeepsEveryDefault(t *testing.T) {
	s, e := oneError(t, "[request]\ntimeout = \"5s\"\nmax_body = = 3\n")
	if e.Line != 3 || !strings.Contains(e.Msg, "whole file is ignored") {
		t.Errorf("got %v", e)
	}
	if !reflect.DeepEqual(s, Defaults(testActions())) {
		t.Errorf("settings from a broken file: %+v", s)
	}
}

func TestGoodFile(t *testing.T) {
	text := `environment = "dev"
[request]
timeout = "2m"
follow_redirects = false
verify_tls = false
max_body = 1048576
[history]
enabled = false
path = "/tmp/h.db"
keep_per_request = 0
max_size = "1GB"
max_body = "512KiB"
store_secrets = true
[ui]
theme = "mine"
layout = "stacked"
[cookies]
enabled = false
[cookies.environments]
dev = true
[keys]
send = ["f5", "Ctrl+G"]
palette = "ctrl+o"
copy-raw = []
page-down = ["space", "pgdown"]
save-body = "S"
[themes.mine]
base = "light"
method_get = "#0a0"
border_focused = "63"
`
	s, errs := Parse("good.toml", []byte(text), testActions())
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := Defaults(testActions())
	want.Environment = "dev"
	want.Request = Request{Timeout: 2 * time.Minute, MaxBody: 1 << 20}
	want.History = History{Path: "/tmp/h.db", MaxSize: 1e9, MaxBody: 512 << 10, StoreSecrets: true}
	want.UI = UI{Theme: "mine", Layout: LayoutStacked}
	want.Cookies = Cookies{Environments: map[string]bool{"dev": true}}
	want.Keys[ActionSend] = []string{"f5", "ctrl+g"}
	want.Keys[ActionPalette] = []string{"ctrl+o"}
	want.Keys[ActionSaveBody] = []string{"S"}
	want.Keys[ActionCopyRaw] = []string{}
	want.Keys[ActionPageDown] = []string{" ", "pgdown"}
	want.Themes = map[string]Theme{"mine": {Base: ThemeLight,
		Colors: map[Role]string{RoleMethodGET: "#0a0", RoleBorderFocused: "63"}}}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("got\n%+v\nwant\n%+v", s, want)
	}
	if !s.Cookies.For("dev") || s.Cookies.For("prod") || s.Cookies.For("") {
		t.Error("cookies per environment")
	}
	if h := s.History; h.KeepPerRequest != 0 || h.MaxSize != 1e9 || h.MaxBody != 512<<10 || !h.StoreSecrets {
		t.Errorf("history settings %+v", h)
	}
	r := s.Request.Options()
	if r.Timeout != 2*time.Minute || r.FollowRedirects || !r.Insecure || r.MaxBody != 1<<20 {
		t.Errorf("request options %+v", r)
	}
}

func TestLoadStartsOnTheDefaultsWithABadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	text := "[request]\ntimeout = \"10s\"\nmax_body = \"huge\"\n[ui]\nlayout = \"wide\"\ntheme = 7\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	s, errs := Load(path, testActions())
	if len(errs) != 2 {
		t.Fatalf("errors: %v", errs)
	}
	for i, want := range []string{path + ":3: request.max_body: ", path + ":6: ui.theme: "} {
		if !strings.HasPrefix(errs[i].Error(), want) {
			t.Errorf("error %d = %q, want it to start %q", i, errs[i], want)
		}
	}
	d := Defaults(testActions())
	if s.Request.Timeout != 10*time.Second || s.UI.Layout != LayoutWide ||
		s.Request.MaxBody != d.Request.MaxBody || s.UI.Theme != d.UI.Theme {
		t.Errorf("settings %+v", s)
	}
}

func TestMissingFile(t *testing.T) {
	dir := t.TempDir()
	s, errs := Load(filepath.Join(dir, "none.toml"), testActions())
	if len(errs) != 0 || !reflect.DeepEqual(s, Defaults(testActions())) {
		t.Fatalf("missing file: %v, %+v", errs, s)
	}
	// Asked for by name, a missing file is a mistake worth a message.
	s, path, errs := Open(filepath.Join(dir, "none.toml"), testActions())
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), path+": no such file") || !reflect.DeepEqual(s, Defaults(testActions())) {
		t.Fatalf("Open of a missing file: %v", errs)
	}
}

func TestPath(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == EnvPath {
				return v
			}
			return ""
		}
	}
	tests := []struct {
		name, flag, env, home string
		want                  string
		explicit, fails       bool
	}{
		{"the flag wins", "/a.toml", "/b.toml", "/home/x/.config", "/a.toml", true, false},
		{"then the environment", "", "/b.toml", "/home/x/.config", "/b.toml", true, false},
		{"then the XDG folder", "", "", "/home/x/.config", "/home/x/.config/httplens/config.toml", false, false},
		{"no folder at all", "", "", "", "", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, explicit, err := findPath(tt.flag, env(tt.env), tt.home)
			if (err != nil) != tt.fails || got != filepath.FromSlash(tt.want) || explicit != tt.explicit {
				t.Errorf("got %q, %v, %v", got, explicit, err)
			}
		})
	}
}

func TestSizes(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"64MiB", 64 << 20, true}, {"2 MiB", 2 << 20, true}, {"512KiB", 512 << 10, true}, {"1GiB", 1 << 30, true},
		{"1GB", 1e9, true}, {"10MB", 1e7, true}, {"3KB", 3000, true}, {"100B", 100, true}, {"100", 100, true},
		{"0", 0, true}, {"-1MiB", 0, false}, {"MiB", 0, false}, {"1.5MiB", 0, false}, {"99999999999GiB", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, err := parseSize(tt.in)
			if (err == nil) != tt.ok || n != tt.want {
				t.Errorf("parseSize(%q) = %d, %v", tt.in, n, err)
			}
			if tt.ok {
				back, err := parseSize(formatSize(n))
				if err != nil || back != n {
					t.Errorf("formatSize(%d) = %q does not read back", n, formatSize(n))
				}
			}
		})
	}
}

func TestSecretNames(t *testing.T) {
	s, errs := Parse("c.toml", []byte("[history]\nsecret_names = [\"X-Tenant-Key\", \"sid\"]\n"), testActions())
	if len(errs) > 0 || !reflect.DeepEqual(s.History.SecretNames, []string{"X-Tenant-Key", "sid"}) {
		t.Fatalf("secret_names: %v %v", s.History.SecretNames, errs)
	}
	if _, errs := Parse("c.toml", []byte("[history]\nsecret_names = \"sid\"\n"), testActions()); len(errs) != 1 {
		t.Fatalf("a string instead of a list: %v", errs)
	}
}

// OpenKeyless (send, run) reads a file as Open does, and asks for the actions
// only when the file has [keys] to check.
func TestOpenKeylessAsksForActionsOnlyForKeys(t *testing.T) {
	dir := t.TempDir()
	for i, text := range []string{
		"[request]\ntimeout = \"soon\"\n",
		"[request]\ntimeout = \"soon\"\n[keys]\nsned = \"ctrl+r\"\nsend = [\"ctrl+r\", \"u\"]\n",
	} {
		p := filepath.Join(dir, fmt.Sprintf("c%d.toml", i))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		want, _, wantErrs := Open(p, testActions())
		asked := 0
		got, _, errs := OpenKeyless(p, func() []ActionInfo { asked++; return testActions() })
		if fmt.Sprint(errs) != fmt.Sprint(wantErrs) {
			t.Errorf("%q: OpenKeyless says %v; Open says %v", text, errs, wantErrs)
		}
		if got.Request != want.Request || !reflect.DeepEqual(got.History, want.History) {
			t.Errorf("%q: OpenKeyless gives %+v; Open %+v", text, got, want)
		}
		hasKeys := strings.Contains(text, "[keys]")
		switch {
		case hasKeys && (asked != 1 || !reflect.DeepEqual(got.Keys, want.Keys)):
			t.Errorf("%q: actions asked %d times, keys %v; want once and %v", text, asked, got.Keys, want.Keys)
		case !hasKeys && (asked != 0 || len(got.Keys) != 0):
			t.Errorf("%q: actions asked %d times, keys %v; want none", text, asked, got.Keys)
		}
	}
}

// The XDG config folder is read from the environment when the path is asked
// for (adrg/xdg read it once, at the process's start).
func TestPathFollowsXDGConfigHome(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvPath, "")
	t.Setenv("XDG_CONFIG_HOME", dir)
	if got, explicit, err := Path(""); err != nil || explicit || got != filepath.Join(dir, "httplens", "config.toml") {
		t.Fatalf("Path = %q, %v, %v", got, explicit, err)
	}
}
