package explain

import "testing"

// A field name is an ASCII token: "Tranſfer-Encoding" (a long s, U+017F) is not
// Transfer-Encoding, though strings.EqualFold says so. The wire reader (h1) frames
// this body by Content-Length; explain must not claim Transfer-Encoding wins.
func TestANameThatOnlyUnicodeFoldsToAFieldIsNotThatField(t *testing.T) {
	x := Exchange{
		Request: &Request{Method: "GET", URL: "http://127.0.0.1/"},
		Response: Response{Proto: "HTTP/1.1", Status: 200, Reason: "OK", Body: []byte("hello"), BodyBytes: 5,
			Fields: []Field{{Name: "Tran\u017ffer-Encoding", Value: "chunked"}, {Name: "Content-Length", Value: "5"}}},
	}
	assertFindings(t, framingFindings(x), nil)
}
