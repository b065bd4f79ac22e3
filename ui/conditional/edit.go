package conditional

// Editor is the request pane as far as an Edit changes it.
type Editor interface {
	Key() string // the request shown
	SetBody(key, body string)
	SetIfMatch(tag string)
	RemoveHeader(name string)
}

// ApplyTo makes edit e on p, only while p shows request e.Key: the body, then
// If-Match, then the headers removed. It says whether it edited, so the root
// keeps the edit like one typed.
func (e *Edit) ApplyTo(p Editor) bool {
	if e == nil || e.Key != p.Key() {
		return false
	}
	if e.Body != nil {
		p.SetBody(e.Key, *e.Body)
	}
	if e.IfMatch != "" {
		p.SetIfMatch(e.IfMatch)
	}
	for _, name := range e.Remove {
		p.RemoveHeader(name)
	}
	return true
}
