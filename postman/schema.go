package postman

import (
	"encoding/json"
	"strings"
)

// The parts of a Postman Collection (v2.0 and v2.1) that Convert reads. Fields
// that are a string in one version or flavour and an object or array in another
// are kept raw and read by the helpers below.
type collection struct {
	Info struct {
		Name   string `json:"name"`
		Schema string `json:"schema"`
	} `json:"info"`
	Item     []item     `json:"item"`
	Variable []keyValue `json:"variable"`
	Auth     *auth      `json:"auth"`
	Event    []event    `json:"event"`
}

type item struct {
	Name    string          `json:"name"`
	Item    []item          `json:"item"` // present for a folder
	Request json.RawMessage `json:"request"`
	Auth    *auth           `json:"auth"`
	Event   []event         `json:"event"`
	// ProtocolProfileBehavior holds request settings such as followRedirects.
	ProtocolProfileBehavior map[string]json.RawMessage `json:"protocolProfileBehavior"`
}

type request struct {
	Method string          `json:"method"`
	URL    json.RawMessage `json:"url"`
	Header json.RawMessage `json:"header"`
	Body   *body           `json:"body"`
	Auth   *auth           `json:"auth"`
}

type urlObject struct {
	Raw      string          `json:"raw"`
	Protocol string          `json:"protocol"`
	Host     json.RawMessage `json:"host"`
	Port     string          `json:"port"`
	Path     json.RawMessage `json:"path"`
	Query    []keyValue      `json:"query"`
	Variable []keyValue      `json:"variable"`
}

type body struct {
	Mode       string     `json:"mode"`
	Disabled   bool       `json:"disabled"`
	Raw        string     `json:"raw"`
	URLEncoded []keyValue `json:"urlencoded"`
	FormData   []keyValue `json:"formdata"`
	File       *struct {
		Src string `json:"src"`
	} `json:"file"`
	GraphQL *struct {
		Query     string          `json:"query"`
		Variables json.RawMessage `json:"variables"`
	} `json:"graphql"`
	Options struct {
		Raw struct {
			Language string `json:"language"`
		} `json:"raw"`
	} `json:"options"`
}

// keyValue is a variable, header, query parameter or form field.
type keyValue struct {
	Key         string          `json:"key"`
	Value       json.RawMessage `json:"value"`
	Disabled    bool            `json:"disabled"`
	Type        string          `json:"type"` // "file" for a form-data file
	ContentType string          `json:"contentType"`
}

// value is the value as text: a JSON string unquoted, anything else as written.
func (kv keyValue) value() string { return text(kv.Value) }

type auth struct {
	Type   string                     `json:"type"`
	Params map[string]json.RawMessage `json:"-"`
}

// UnmarshalJSON reads the parameters of any auth type: an array of key/value
// objects (v2.1) or one object (v2.0), under the key named by "type".
func (a *auth) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	a.Type = text(m["type"])
	a.Params = map[string]json.RawMessage{}
	raw := m[a.Type]
	var list []keyValue
	if json.Unmarshal(raw, &list) == nil {
		for _, kv := range list {
			a.Params[kv.Key] = kv.Value
		}
		return nil
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) == nil {
		a.Params = obj
	}
	return nil
}

func (a *auth) param(key string) string { return text(a.Params[key]) }

type event struct {
	Listen string `json:"listen"`
	Script struct {
		Exec json.RawMessage `json:"exec"` // a string or an array of lines
	} `json:"script"`
}

// UnmarshalJSON reads an event whose script is an object with exec, or (as some
// older collections have it) a string of code.
func (e *event) UnmarshalJSON(b []byte) error {
	var raw struct {
		Listen string          `json:"listen"`
		Script json.RawMessage `json:"script"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	e.Listen = raw.Listen
	var s string
	if json.Unmarshal(raw.Script, &s) == nil {
		e.Script.Exec, _ = json.Marshal(s)
		return nil
	}
	var obj struct {
		Exec json.RawMessage `json:"exec"`
	}
	json.Unmarshal(raw.Script, &obj) // anything else: no code to note
	e.Script.Exec = obj.Exec
	return nil
}

// hasCode reports whether the script has any non-blank line.
func (e event) hasCode() bool {
	var lines []string
	if json.Unmarshal(e.Script.Exec, &lines) != nil {
		lines = []string{text(e.Script.Exec)}
	}
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			return true
		}
	}
	return false
}

// text returns a JSON value as text: a string unquoted, null as "", anything
// else (a number, a boolean) as written.
func text(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// strings reads a value that is a string or an array of strings (or of objects
// with a "value", as path segments may be).
func stringList(raw json.RawMessage) []string {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		if s := text(raw); s != "" {
			return []string{s}
		}
		return nil
	}
	out := make([]string, 0, len(list))
	for _, x := range list {
		var obj struct {
			Value string `json:"value"`
		}
		if json.Unmarshal(x, &obj) == nil && obj.Value != "" {
			out = append(out, obj.Value)
			continue
		}
		out = append(out, text(x))
	}
	return out
}
