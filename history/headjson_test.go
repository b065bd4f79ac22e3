package history

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/httplens/httplens/requests"
)

// headersJSON writes what encoding/json writes, for plain fields and for every
// kind of byte it escapes: quotes, backslashes, control bytes, HTML characters,
// invalid UTF-8 and the line separators JavaScript chokes on.
func TestHeadersJSONIsEncodingJSON(t *testing.T) {
	lists := [][]requests.Header{
		nil,
		{},
		{{Name: "Host", Value: "127.0.0.1:8080"}, {Name: "accept", Value: "application/json"}},
		{{Name: "ETag", Value: `W/"3f\2a"`}, {Name: "X-Html", Value: "<a href='x'>&amp;</a>"}},
		{{Name: "X-Ctl", Value: "a\x00b\tc\r\nd\x7f"}, {Name: "X-Bad", Value: "\xff\xfe ok \xc3"}},
		{{Name: "X-Uni", Value: "caf\u00e9 \u2028 \u2029 \U0001F600"}, {Name: "", Value: ""}},
	}
	for _, hs := range lists {
		want, err := json.Marshal(nonNil(hs))
		if err != nil {
			t.Fatal(err)
		}
		got, err := headersJSON(hs)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("headersJSON(%q) = %s, %v; encoding/json writes %s", hs, got, err, want)
		}
	}
}

func FuzzHeadersJSON(f *testing.F) {
	f.Add("Content-Type", "text/html; charset=utf-8")
	f.Add("X-\"q\"", "\\<>&\x01\xff\u2028")
	f.Fuzz(func(t *testing.T, name, value string) {
		hs := []requests.Header{{Name: name, Value: value}, {Name: value, Value: name}}
		want, _ := json.Marshal(hs)
		got, err := headersJSON(hs)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("headersJSON = %s, %v; encoding/json writes %s", got, err, want)
		}
	})
}
