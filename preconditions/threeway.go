package preconditions

import (
	"bytes"
	"encoding/json"
	"slices"
)

// Change says who changed one member of a JSON object since the base version.
type Change string

// The kinds of Row.
const (
	Unchanged  Change = "unchanged"
	ServerOnly Change = "server"   // changed on the server since your base, not by you
	MineOnly   Change = "mine"     // changed by you only
	Both       Change = "both"     // changed by both, to the same value
	Conflict   Change = "conflict" // changed by both, differently: you choose
)

// Row is one top-level member of the three versions; a missing member is "".
type Row struct {
	Key                string
	Base, Server, Mine string // compact JSON
	Change             Change
}

// ThreeWay is the view after a 412: the version you started from (Base), the
// server's current version (Server) and your change (Mine), member by member when
// all three are JSON objects. Merged is the server's version with your changes
// applied where the server did not touch them; nil when the bodies are not JSON
// objects. Conflicts lists the members both changed differently: in Merged they
// hold your value, and the caller must show them before sending.
type ThreeWay struct {
	Base, Server, Mine []byte
	Rows               []Row
	Merged             []byte
	Conflicts          []string
}

// Merge3 compares the three versions. It never fails: bodies that are not JSON
// objects are kept whole, with no rows and no Merged.
func Merge3(base, server, mine []byte) ThreeWay {
	t := ThreeWay{Base: base, Server: server, Mine: mine}
	var b, s, m map[string]json.RawMessage
	if json.Unmarshal(base, &b) != nil || json.Unmarshal(server, &s) != nil || json.Unmarshal(mine, &m) != nil || b == nil || s == nil || m == nil {
		return t
	}
	var keys []string
	for _, obj := range []map[string]json.RawMessage{b, s, m} {
		for k := range obj {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	merged := map[string]json.RawMessage{}
	for _, k := range keys {
		r := Row{Key: k, Base: compact(b[k]), Server: compact(s[k]), Mine: compact(m[k])}
		serverChanged, mineChanged := r.Server != r.Base, r.Mine != r.Base
		value := r.Server
		switch {
		case !serverChanged && !mineChanged:
			r.Change = Unchanged
		case serverChanged && !mineChanged:
			r.Change = ServerOnly
		case !serverChanged:
			r.Change, value = MineOnly, r.Mine
		case r.Server == r.Mine:
			r.Change = Both
		default:
			r.Change, value = Conflict, r.Mine
			t.Conflicts = append(t.Conflicts, k)
		}
		if value != "" {
			merged[k] = json.RawMessage(value)
		}
		t.Rows = append(t.Rows, r)
	}
	t.Merged, _ = json.Marshal(merged)
	return t
}

// compact is a JSON value without insignificant space, "" for a missing one.
func compact(v json.RawMessage) string {
	if v == nil {
		return ""
	}
	var buf bytes.Buffer
	if json.Compact(&buf, v) != nil {
		return string(v)
	}
	return buf.String()
}
