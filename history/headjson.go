package history

import (
	"encoding/json"

	"github.com/httplens/httplens/requests"
)

// headersJSON is json.Marshal of a header list ([["Name","value"],...], [] when
// empty), byte for byte, without reflection: the recording proxy stores two
// lists per exchange, and encoding/json through Field.MarshalJSON was a
// twentieth of its CPU. Strings that need escaping go through encoding/json.
func headersJSON(hs []requests.Header) ([]byte, error) {
	n := 2
	for _, h := range hs {
		n += len(h.Name) + len(h.Value) + 8
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i, h := range hs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		var err error
		if b, err = appendJSONString(b, h.Name); err != nil {
			return nil, err
		}
		b = append(b, ',')
		if b, err = appendJSONString(b, h.Value); err != nil {
			return nil, err
		}
		b = append(b, ']')
	}
	return append(b, ']'), nil
}

// appendJSONString appends s as encoding/json writes it.
func appendJSONString(b []byte, s string) ([]byte, error) {
	for i := 0; i < len(s); i++ {
		// What encoding/json writes as is: printable ASCII but for the quote,
		// the backslash and the HTML characters it escapes.
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, err := json.Marshal(s)
			return append(b, q...), err
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"'), nil
}
