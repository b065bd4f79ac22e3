package scripts

import (
	"mime"
	"strings"

	"github.com/dop251/goja"
)

// The request and response objects are built once per machine; their properties are
// getters that read the current session, so a run allocates only what its script
// reads (a parsed body, a header list).

// getter defines name on o as a read-only property computed by f for this run.
func (m *machine) getter(o *goja.Object, name string, f func(s *session) goja.Value) {
	g := m.vm.ToValue(func(goja.FunctionCall) goja.Value { return f(m.s) })
	must(o.DefineAccessorProperty(name, g, nil, goja.FLAG_FALSE, goja.FLAG_TRUE))
}

// method defines a function property on o that runs f against this run.
func (m *machine) method(o *goja.Object, name string, f func(s *session, c goja.FunctionCall) goja.Value) {
	must(o.Set(name, m.vm.ToValue(func(c goja.FunctionCall) goja.Value { return f(m.s, c) })))
}

// responseObject builds `response` as the JetBrains client documents it: status,
// body (parsed when the content type is JSON and the body parses, a string
// otherwise), headers.valueOf/valuesOf and contentType.mimeType/charset.
func (m *machine) responseObject() *goja.Object {
	vm := m.vm
	o := m.object()
	m.getter(o, "status", func(s *session) goja.Value { return vm.ToValue(s.env.Response.Status) })
	m.getter(o, "body", func(s *session) goja.Value { return s.body() })
	ct := m.object()
	m.getter(ct, "mimeType", func(s *session) goja.Value { mt, _ := s.contentType(); return vm.ToValue(mt) })
	m.getter(ct, "charset", func(s *session) goja.Value { _, cs := s.contentType(); return vm.ToValue(cs) })
	must(o.Set("contentType", ct))
	headers := m.object()
	m.method(headers, "valueOf", func(s *session, c goja.FunctionCall) goja.Value {
		if v, ok := headerValue(s.env.Response.Headers, c.Argument(0).String()); ok {
			return vm.ToValue(v)
		}
		return goja.Null()
	})
	m.method(headers, "valuesOf", func(s *session, c goja.FunctionCall) goja.Value {
		vs := headerValues(s.env.Response.Headers, c.Argument(0).String())
		out := make([]any, len(vs))
		for i, v := range vs {
			out[i] = v
		}
		return vm.NewArray(out...)
	})
	must(o.Set("headers", headers))
	return o
}

// contentType is the response's media type, lower case, and its charset parameter.
func (s *session) contentType() (mimeType, charset string) {
	ctype, ok := headerValue(s.env.Response.Headers, "Content-Type")
	if !ok {
		return "", ""
	}
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.SplitN(ctype, ";", 2)[0])), ""
	}
	return mt, params["charset"]
}

// body is response.body, parsed once per run on first read.
func (s *session) body() goja.Value {
	if s.parsedBody != nil {
		return s.parsedBody
	}
	r := s.env.Response
	var body goja.Value
	if ctype, _ := headerValue(r.Headers, "Content-Type"); isJSON(mimeType(ctype)) && len(r.Body) > 0 {
		// A body that says JSON but does not parse stays a string, as in JetBrains.
		body, _ = parseJSON(s.vm, r.Body)
	}
	if body == nil {
		body = s.vm.ToValue(string(r.Body))
	}
	s.parsedBody = body
	return body
}

// mimeType is the media type of a Content-Type value, lower case, as
// mime.ParseMediaType gives it, without reading (and allocating) the parameters.
func mimeType(ctype string) string {
	if i := strings.IndexByte(ctype, ';'); i >= 0 {
		ctype = ctype[:i]
	}
	return strings.ToLower(strings.TrimSpace(ctype))
}

func isJSON(mimeType string) bool {
	return mimeType == "application/json" || strings.HasSuffix(mimeType, "+json") ||
		mimeType == "text/json"
}

// headerValue is the first value of the header name.
func headerValue(hs []Header, name string) (string, bool) {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return h.Value, true
		}
	}
	return "", false
}

func headerValues(hs []Header, name string) []string {
	var out []string
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			out = append(out, h.Value)
		}
	}
	return out
}

// substitute resolves {{variables}} in t for tryGetSubstituted; without a resolver
// the text is returned as written.
func (s *session) substitute(t string) string {
	if s.env.Request.Substitute == nil {
		return t
	}
	return s.env.Request.Substitute(t)
}

// requestObject builds `request`: method; url, headers and body with getRaw and
// tryGetSubstituted; variables.get/set (request scope); environment.get.
func (m *machine) requestObject() *goja.Object {
	vm := m.vm
	o := m.object()
	m.getter(o, "method", func(s *session) goja.Value { return vm.ToValue(s.env.Request.Method) })
	must(o.Set("url", m.rawValue(func(s *session) string { return s.env.Request.URL })))
	must(o.Set("body", m.rawValue(func(s *session) string { return s.env.Request.Body })))

	header := func(s *session, h Header) *goja.Object {
		ho := vm.NewObject()
		must(ho.Set("name", h.Name))
		must(ho.Set("value", func() string { return h.Value }))
		must(ho.Set("getRawValue", func() string { return h.Value }))
		must(ho.Set("tryGetSubstitutedValue", func() string { return s.substitute(h.Value) }))
		return ho
	}
	headers := m.object()
	m.method(headers, "all", func(s *session, _ goja.FunctionCall) goja.Value {
		out := make([]any, len(s.env.Request.Headers))
		for i, h := range s.env.Request.Headers {
			out[i] = header(s, h)
		}
		return vm.NewArray(out...)
	})
	m.method(headers, "findByName", func(s *session, c goja.FunctionCall) goja.Value {
		for _, h := range s.env.Request.Headers {
			if strings.EqualFold(h.Name, c.Argument(0).String()) {
				return header(s, h)
			}
		}
		return goja.Null()
	})
	must(o.Set("headers", headers))

	vars := m.object()
	m.method(vars, "get", func(s *session, c goja.FunctionCall) goja.Value {
		if v, ok := s.env.Variables[c.Argument(0).String()]; ok {
			return vm.ToValue(v)
		}
		return goja.Null()
	})
	m.method(vars, "set", func(s *session, c goja.FunctionCall) goja.Value {
		if s.env.Variables != nil {
			s.env.Variables[c.Argument(0).String()] = stringOf(c.Argument(1))
		}
		return goja.Undefined()
	})
	must(o.Set("variables", vars))

	env := m.object()
	m.method(env, "get", func(s *session, c goja.FunctionCall) goja.Value {
		if s.env.Request.Environment != nil {
			if v, ok := s.env.Request.Environment(c.Argument(0).String()); ok {
				return vm.ToValue(v)
			}
		}
		return goja.Null()
	})
	must(o.Set("environment", env))
	return o
}

// rawValue is a request part as JetBrains exposes it: getRaw() as written,
// tryGetSubstituted() with variables resolved. toString gives the substituted text so
// a script that treats request.url as a string still works.
func (m *machine) rawValue(raw func(s *session) string) *goja.Object {
	o := m.object()
	m.method(o, "getRaw", func(s *session, _ goja.FunctionCall) goja.Value { return m.vm.ToValue(raw(s)) })
	subst := func(s *session, _ goja.FunctionCall) goja.Value { return m.vm.ToValue(s.substitute(raw(s))) }
	m.method(o, "tryGetSubstituted", subst)
	m.method(o, "toString", subst)
	return o
}
