package postman

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/textproto"
	"strings"

	"github.com/httplens/httplens/collections"
)

// boundary is the multipart boundary of form-data bodies, fixed so that a
// collection converts to the same files every time.
const boundary = "httplens-form-boundary-7MA4YWxkTrZu0gW"

// rawTypes are the Content-Types Postman sends for a raw body's language.
var rawTypes = map[string]string{
	"json": "application/json", "xml": "application/xml", "html": "text/html",
	"text": "text/plain", "javascript": "application/javascript",
}

// body sets the request body and the Content-Type Postman would send with it.
func (c *converter) body(where string, r *collections.Request, b *body) {
	if b == nil || b.Disabled {
		return
	}
	switch b.Mode {
	case "raw":
		r.Body = []byte(b.Raw)
		if t, ok := rawTypes[b.Options.Raw.Language]; ok && b.Raw != "" {
			setHeader(r, "Content-Type", t)
		}
	case "urlencoded":
		var pairs []string
		for _, kv := range b.URLEncoded {
			if kv.Disabled {
				c.note("%s: disabled form field %s left out", where, kv.Key)
				continue
			}
			pairs = append(pairs, formEscape(kv.Key)+"="+formEscape(kv.value()))
		}
		r.Body = []byte(strings.Join(pairs, "&"))
		setHeader(r, "Content-Type", "application/x-www-form-urlencoded")
	case "formdata":
		c.formData(where, r, b.FormData)
	case "file":
		if b.File == nil || b.File.Src == "" {
			c.note("%s: file body with no file left out", where)
			return
		}
		r.Body = []byte("< " + b.File.Src)
		c.note("%s: body is the file %s, as a `< file` line relative to the .http file; check the path", where, b.File.Src)
	case "graphql":
		c.graphQL(where, r, b)
	case "":
	default:
		c.note("%s: %s body not carried over", where, b.Mode)
	}
}

// formData writes text fields as a multipart/form-data body; file fields cannot
// be carried over in a .http body and are listed.
func (c *converter) formData(where string, r *collections.Request, fields []keyValue) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.SetBoundary(boundary)
	for _, f := range fields {
		switch {
		case f.Disabled:
			c.note("%s: disabled form field %s left out", where, f.Key)
			continue
		case f.Type == "file":
			c.note("%s: form-data file field %s not carried over (file uploads cannot be written in a .http multipart body)", where, f.Key)
			continue
		}
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"`, strings.ReplaceAll(f.Key, `"`, "%22")))
		if f.ContentType != "" {
			h.Set("Content-Type", f.ContentType)
		}
		part, _ := w.CreatePart(h)
		part.Write([]byte(f.value()))
	}
	w.Close()
	r.Body = buf.Bytes()
	setHeader(r, "Content-Type", "multipart/form-data; boundary="+boundary)
}

// graphQL writes a GraphQL body as the JSON Postman sends.
func (c *converter) graphQL(where string, r *collections.Request, b *body) {
	if b.GraphQL == nil {
		return
	}
	payload := map[string]any{"query": b.GraphQL.Query}
	if v := strings.TrimSpace(text(b.GraphQL.Variables)); v != "" {
		var vars any
		if err := json.Unmarshal([]byte(v), &vars); err != nil {
			c.note("%s: GraphQL variables are not JSON; left out", where)
		} else {
			payload["variables"] = vars
		}
	}
	out, _ := json.MarshalIndent(payload, "", "  ")
	r.Body = out
	setHeader(r, "Content-Type", "application/json")
}

// formEscape encodes a form key or value for application/x-www-form-urlencoded,
// leaving {{variables}} as they are so that they are still substituted.
func formEscape(s string) string {
	var b strings.Builder
	for s != "" {
		loc := varRef().FindStringIndex(s)
		if loc == nil {
			b.WriteString(queryEscape(s))
			break
		}
		b.WriteString(queryEscape(s[:loc[0]]))
		b.WriteString(s[loc[0]:loc[1]])
		s = s[loc[1]:]
	}
	return b.String()
}

// queryEscape is url.QueryEscape: spaces as +, everything else but unreserved
// characters percent-encoded.
func queryEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case 'a' <= ch && ch <= 'z', 'A' <= ch && ch <= 'Z', '0' <= ch && ch <= '9', strings.IndexByte("-_.~", ch) >= 0:
			b.WriteByte(ch)
		case ch == ' ':
			b.WriteByte('+')
		default:
			fmt.Fprintf(&b, "%%%02X", ch)
		}
	}
	return b.String()
}
