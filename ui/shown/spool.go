package shown

// Holds reports whether an exchange remembered for some request has its body
// spooled to the file at path: that file must stay while it is remembered.
func (m *Memory) Holds(path string) bool {
	for _, e := range m.byKey {
		if r := e.X.Response; r != nil && r.SpoolPath == path {
			return true
		}
	}
	return false
}
