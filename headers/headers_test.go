package headers

import (
	"encoding/json"
	"slices"
	"testing"
)

// section is a response head as a server might send it: mixed letter case, a
// repeated field, an empty value.
var section = List{
	{"content-type", "text/plain"},
	{"Set-Cookie", "a=1"},
	{"ETag", `"v1"`},
	{"SET-COOKIE", "b=2"},
	{"X-Empty", ""},
	{"Connection", "keep-alive, Upgrade"},
	{"connection", "close"},
}

func TestLookUpsIgnoreLetterCase(t *testing.T) {
	cases := []struct {
		name   string
		get    string
		has    bool
		index  int
		values []string
	}{
		{"Content-Type", "text/plain", true, 0, []string{"text/plain"}},
		{"set-cookie", "a=1", true, 1, []string{"a=1", "b=2"}},
		{"etag", `"v1"`, true, 2, []string{`"v1"`}},
		{"x-empty", "", true, 4, []string{""}},
		{"Location", "", false, -1, nil},
		{"", "", false, -1, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := section.Get(c.name); got != c.get {
				t.Errorf("Get = %q, want %q", got, c.get)
			}
			if v, ok := section.Lookup(c.name); v != c.get || ok != c.has {
				t.Errorf("Lookup = %q, %v, want %q, %v", v, ok, c.get, c.has)
			}
			if got := section.Has(c.name); got != c.has {
				t.Errorf("Has = %v, want %v", got, c.has)
			}
			if got := section.Index(c.name); got != c.index {
				t.Errorf("Index = %d, want %d", got, c.index)
			}
			if got := section.Values(c.name); !slices.Equal(got, c.values) || (c.values == nil) != (got == nil) {
				t.Errorf("Values = %q, want %q", got, c.values)
			}
		})
	}
}

func TestZeroListFindsNothing(t *testing.T) {
	var l List
	if l.Has("A") || l.Get("A") != "" || l.Values("A") != nil || l.Index("A") != -1 || l.HasAny("A", "B") || l.HasToken("A", "b") {
		t.Fatal("an empty list found something")
	}
	if got := l.Without("A"); len(got) != 0 {
		t.Fatalf("Without = %v", got)
	}
}

func TestHasAny(t *testing.T) {
	if !section.HasAny("Location", "ETAG") {
		t.Error("HasAny missed ETag")
	}
	if section.HasAny("Location", "Vary") {
		t.Error("HasAny found a field that is not there")
	}
}

func TestWithoutKeepsOrderAndCaseAndDoesNotChangeTheList(t *testing.T) {
	before := slices.Clone(section)
	got := section.Without("SET-cookie", "connection")
	want := List{{"content-type", "text/plain"}, {"ETag", `"v1"`}, {"X-Empty", ""}}
	if !slices.Equal(got, want) {
		t.Errorf("Without = %q, want %q", got, want)
	}
	if !slices.Equal(section, before) {
		t.Errorf("Without changed its receiver: %q", section)
	}
	got[0].Value = "changed"
	if section[0].Value != "text/plain" {
		t.Error("Without shares its backing array with the receiver")
	}
}

func TestHasTokenReadsEveryLineAsAList(t *testing.T) {
	cases := []struct {
		name, token string
		want        bool
	}{
		{"Connection", "upgrade", true},
		{"CONNECTION", "Close", true},
		{"Connection", "keep", false},
		{"Connection", "keep-alive, Upgrade", false},
		{"ETag", `"v1"`, true},
		{"Vary", "Accept", false},
	}
	for _, c := range cases {
		if got := section.HasToken(c.name, c.token); got != c.want {
			t.Errorf("HasToken(%q, %q) = %v, want %v", c.name, c.token, got, c.want)
		}
	}
}

func TestTokens(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"gzip", []string{"gzip"}},
		{" gzip ,\tchunked ", []string{"gzip", "chunked"}},
		{"a,,b, ,", []string{"a", "b"}},
		{`"a,b", W/"c"`, []string{`"a,b"`, `W/"c"`}},
		{`x="q\",r", y`, []string{`x="q\",r"`, "y"}},
		{`"unterminated, still one`, []string{`"unterminated, still one`}},
		{`trailing\`, []string{`trailing\`}},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got := Tokens(c.in); !slices.Equal(got, c.want) {
				t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestJSONIsANameValuePair(t *testing.T) {
	b, err := json.Marshal(List{{"X-A", "1"}, {"x-a", `"q"`}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `[["X-A","1"],["x-a","\"q\""]]`; string(b) != want {
		t.Fatalf("Marshal = %s, want %s", b, want)
	}
	var back List
	if err := json.Unmarshal(b, &back); err != nil || !slices.Equal(back, List{{"X-A", "1"}, {"x-a", `"q"`}}) {
		t.Fatalf("Unmarshal = %q, %v", back, err)
	}
	for _, bad := range []string{`[["only-a-name"]]`, `[["a","b","c"]]`, `[{"Name":"a"}]`} {
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Errorf("Unmarshal(%s) succeeded", bad)
		}
	}
}

// Only ASCII letters fold: strings.EqualFold would take a long s (U+017F) for s and
// the Kelvin sign (U+212A) for k, so a field no server reads as Transfer-Encoding
// would frame the body for httplens.
func TestNamesFoldOnlyASCII(t *testing.T) {
	l := List{{"Tran\u017ffer-Encoding", "chunked"}, {"\u212Aeep-Alive", "timeout=5"}, {"Connection", "\u212Aeep-alive"}}
	for _, name := range []string{"Transfer-Encoding", "Keep-Alive"} {
		if l.Has(name) {
			t.Errorf("%s found in %q", name, l)
		}
	}
	if l.HasToken("Connection", "keep-alive") {
		t.Error("a Kelvin sign read as k in a token")
	}
	if !l.Has("tran\u017fFER-encoding") || !l[0].Is("TRAN\u017fFER-ENCODING") {
		t.Error("the name itself, in another ASCII case, is not found")
	}
}

func TestSplitKeepsEmptyPartsAndQuotedSeparators(t *testing.T) {
	got := Split(`a; ;b="x;y\";z" ; c`, ';')
	want := []string{"a", "", `b="x;y\";z"`, "c"}
	if !slices.Equal(got, want) {
		t.Errorf("Split = %q, want %q", got, want)
	}
	if got := Tokens(" , ,"); got != nil {
		t.Errorf("Tokens of empty members = %q, want nil", got)
	}
}
