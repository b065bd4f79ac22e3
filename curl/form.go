package curl

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/textproto"
	"path"
	"path/filepath"
	"strings"
)

// Boundary is the multipart boundary Parse uses for -F, fixed so that the same
// command always gives the same body (curl picks a random one). When a value
// contains it, Parse adds a number to it.
const Boundary = "httplens-form-boundary-7MA4YWxkTrZu0gW"

// field is one part of a multipart/form-data body.
type field struct {
	name, value, ctype string
	filename           string // set for a file part (@file)
}

// multipart builds the body of -F and --form-string arguments.
func (p *parser) multipart(r *Request) ([]Header, error) {
	var fields []field
	for _, f := range p.form {
		name, v, ok := strings.Cut(f.arg, "=")
		if !ok {
			return nil, fmt.Errorf("curl command: -F %q is not name=content", f.arg)
		}
		if f.string {
			fields = append(fields, field{name: name, value: v})
			continue
		}
		if strings.HasPrefix(v, "@") || strings.HasPrefix(v, "<") {
			// The part names the file, as a .http multipart body does; curl
			// sends @file as a file (with its name) and <file as a text value.
			fd := formValue(v[1:])
			file := fd.value
			fd.name, fd.value = name, "< "+file
			if v[0] == '@' {
				fd.filename = path.Base(filepath.ToSlash(file))
				if fd.ctype == "" {
					fd.ctype = "application/octet-stream"
				}
			}
			p.partFiles = append(p.partFiles, file)
			fields = append(fields, fd)
			continue
		}
		fd := formValue(v)
		fd.name = name
		fields = append(fields, fd)
	}
	boundary := Boundary
	for n := 2; containsBoundary(fields, boundary); n++ {
		boundary = fmt.Sprintf("%s%d", Boundary, n)
	}
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	if err := w.SetBoundary(boundary); err != nil {
		return nil, err
	}
	for _, fd := range fields {
		h := textproto.MIMEHeader{}
		disposition := `form-data; name="` + quoteName(fd.name) + `"`
		if fd.filename != "" {
			disposition += `; filename="` + quoteName(fd.filename) + `"`
		}
		h.Set("Content-Disposition", disposition)
		if fd.ctype != "" {
			h.Set("Content-Type", fd.ctype)
		}
		part, err := w.CreatePart(h)
		if err != nil {
			return nil, err
		}
		part.Write([]byte(fd.value))
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	r.Body = b.Bytes()
	r.PartFiles = p.partFiles
	ctype := "multipart/form-data; boundary=" + boundary
	// A multipart Content-Type set with -H keeps its value and gets the boundary.
	for i, h := range p.headers {
		if h.Is("Content-Type") && !strings.Contains(h.Value, "boundary=") {
			p.headers[i].Value = h.Value + "; boundary=" + boundary
		}
	}
	return []Header{{Name: "Content-Type", Value: ctype}}, nil
}

// formValue reads the content of a text -F argument: a value, possibly in double
// quotes (so that it may hold ;), then ;type= and other parameters.
func formValue(v string) field {
	var fd field
	rest := v
	if strings.HasPrefix(v, `"`) {
		var b strings.Builder
		i := 1
		for ; i < len(v) && v[i] != '"'; i++ {
			if v[i] == '\\' && i+1 < len(v) {
				i++
			}
			b.WriteByte(v[i])
		}
		fd.value, rest = b.String(), v[min(i+1, len(v)):]
	} else {
		fd.value, rest = splitParams(v)
	}
	for _, param := range strings.Split(rest, ";") {
		if t, ok := cutPrefixFold(strings.TrimSpace(param), "type="); ok {
			fd.ctype = t
		}
	}
	return fd
}

// splitParams splits "value;type=x" at the first ; that starts a known
// parameter; any other ; is part of the value.
func splitParams(v string) (string, string) {
	for i := 0; i < len(v); i++ {
		if v[i] != ';' {
			continue
		}
		after := strings.ToLower(strings.TrimSpace(v[i+1:]))
		for _, k := range []string{"type=", "filename=", "headers=", "encoder="} {
			if strings.HasPrefix(after, k) {
				return v[:i], v[i+1:]
			}
		}
	}
	return v, ""
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// quoteName escapes a field name for Content-Disposition as curl does.
func quoteName(s string) string {
	return strings.NewReplacer(`"`, "%22", "\r", "%0D", "\n", "%0A").Replace(s)
}

func containsBoundary(fields []field, boundary string) bool {
	for _, f := range fields {
		if strings.Contains(f.value, boundary) || strings.Contains(f.name, boundary) {
			return true
		}
	}
	return false
}
