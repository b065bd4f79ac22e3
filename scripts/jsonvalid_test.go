package scripts

import (
	"encoding/json"
	"strings"
	"testing"
)

var validJSONCases = []string{
	``, ` `, `{}`, `[]`, ` {"a" : [1, -0, 0.5, 1e9, -1E-2, 2e+3, true, false, null, "x"] } `,
	`{"a":1,}`, `[1,]`, `[,1]`, `{"a"}`, `{"a":}`, `{a:1}`, `{"a":1 "b":2}`, `[1 2]`, `{"a":1}}`, `[[]`,
	`01`, `-`, `-01`, `1.`, `.5`, `1e`, `1e+`, `+1`, `0x10`, `1.5e3.2`, `-0.0e-0`, `9999999999999999999999`,
	`tru`, `true1`, `nul`, `nulll`, `falsey`, `True`,
	`"a\"b"`, `"\u00e9\uD83D\ude00"`, `"\u00g0"`, `"\u00e"`, `"\x"`, `"\/\b\f\n\r\t\\"`, "\"tab\there\"", "\"nl\nhere\"",
	"\"\xff\xfe invalid utf-8\"", "\"\x7f\"", `"unterminated`, `"\`, `"`, `"a" "b"`, "\u00a0{}", "{}\x00",
	"\t\r\n[\t1\r\n]\t", `{"":""}`, `{"a":{"b":{"c":[{"d":[]}]}}}`,
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
	strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000),
	strings.Repeat(`{"a":`, 10001) + "1" + strings.Repeat("}", 10001),
}

// TestValidJSONAgreesWithEncodingJSON holds the validator to json.Valid's answers
// on the edges of the grammar.
func TestValidJSONAgreesWithEncodingJSON(t *testing.T) {
	for _, in := range validJSONCases {
		if got, want := validJSON([]byte(in)), json.Valid([]byte(in)); got != want {
			name := in
			if len(name) > 40 {
				name = name[:40] + "..."
			}
			t.Errorf("validJSON(%q) = %v, json.Valid says %v", name, got, want)
		}
	}
}

func FuzzValidJSON(f *testing.F) {
	for _, in := range validJSONCases {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validJSON(b), json.Valid(b); got != want {
			t.Errorf("validJSON(%q) = %v, json.Valid says %v", b, got, want)
		}
	})
}

func BenchmarkValidJSON(b *testing.B) {
	body := []byte(`{"id": 1, "name": "item", "token": "abc", "tags": ["a", "b"], "price": 12.5, "ok": true}`)
	b.Run("validJSON", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			validJSON(body)
		}
	})
	b.Run("json.Valid", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			json.Valid(body)
		}
	})
}
