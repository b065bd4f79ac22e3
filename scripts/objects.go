package scripts

import (
	"mime"
	"strings"

	"github.com/dop251/goja"
)

// responseObject builds `response` as the JetBrains client documents it: status,
// body (parsed when the content type is JSON and the body parses, a string
// otherwise), headers.valueOf/valuesOf and contentType.mimeType/charset.
func (s *session) responseObject(r Response) *goja.Object {
	vm := s.vm
	o := vm.NewObject()
	must(o.Set("status", r.Status))
	ctype := headerValues(r.Headers, "Content-Type")
	mimeType, charset := "", ""
	if len(ctype) > 0 {
		mt, params, err := mime.ParseMediaType(ctype[0])
		if err == nil {
			mimeType, charset = mt, params["charset"]
		} else {
			mimeType = strings.ToLower(strings.TrimSpace(strings.SplitN(ctype[0], ";", 2)[0]))
		}
	}
	ct := vm.NewObject()
	must(ct.Set("mimeType", mimeType))
	must(ct.Set("charset", charset))
	must(o.Set("contentType", ct))
	must(o.Set("headers", headersObject(vm, r.Headers)))

	body := vm.ToValue(string(r.Body))
	if isJSON(mimeType) && len(r.Body) > 0 {
		parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
		// A body that says JSON but does not parse stays a string, as in JetBrains.
		if v, err := parse(goja.Undefined(), body); err == nil {
			body = v
		}
	}
	must(o.Set("body", body))
	return o
}

func isJSON(mimeType string) bool {
	return mimeType == "application/json" || strings.HasSuffix(mimeType, "+json") ||
		mimeType == "text/json"
}

// headersObject answers valueOf (the first value, or null) and valuesOf (every
// value, possibly none); names match without regard to case.
func headersObject(vm *goja.Runtime, hs []Header) *goja.Object {
	o := vm.NewObject()
	must(o.Set("valueOf", native(func(c goja.FunctionCall) goja.Value {
		if vs := headerValues(hs, c.Argument(0).String()); len(vs) > 0 {
			return vm.ToValue(vs[0])
		}
		return goja.Null()
	})))
	must(o.Set("valuesOf", native(func(c goja.FunctionCall) goja.Value {
		vs := headerValues(hs, c.Argument(0).String())
		out := make([]any, len(vs))
		for i, v := range vs {
			out[i] = v
		}
		return vm.NewArray(out...)
	})))
	return o
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

// requestObject builds `request`: method; url, headers and body with getRaw and
// tryGetSubstituted; variables.get/set (request scope); environment.get.
func (s *session) requestObject() *goja.Object {
	vm := s.vm
	r := s.env.Request
	subst := r.Substitute
	if subst == nil {
		subst = func(t string) string { return t }
	}
	o := vm.NewObject()
	must(o.Set("method", r.Method))
	must(o.Set("url", rawValue(vm, r.URL, subst)))
	if r.Body != "" {
		must(o.Set("body", rawValue(vm, r.Body, subst)))
	} else {
		must(o.Set("body", rawValue(vm, "", subst)))
	}

	headers := vm.NewObject()
	header := func(h Header) *goja.Object {
		ho := vm.NewObject()
		must(ho.Set("name", h.Name))
		must(ho.Set("value", func() string { return h.Value }))
		must(ho.Set("getRawValue", func() string { return h.Value }))
		must(ho.Set("tryGetSubstitutedValue", func() string { return subst(h.Value) }))
		return ho
	}
	must(headers.Set("all", func() []any {
		out := make([]any, len(r.Headers))
		for i, h := range r.Headers {
			out[i] = header(h)
		}
		return out
	}))
	must(headers.Set("findByName", func(name string) goja.Value {
		for _, h := range r.Headers {
			if strings.EqualFold(h.Name, name) {
				return header(h)
			}
		}
		return goja.Null()
	}))
	must(o.Set("headers", headers))

	vars := vm.NewObject()
	must(vars.Set("get", func(name string) goja.Value {
		if v, ok := s.env.Variables[name]; ok {
			return vm.ToValue(v)
		}
		return goja.Null()
	}))
	must(vars.Set("set", func(name string, value goja.Value) {
		if s.env.Variables != nil {
			s.env.Variables[name] = stringOf(value)
		}
	}))
	must(o.Set("variables", vars))

	env := vm.NewObject()
	must(env.Set("get", func(name string) goja.Value {
		if r.Environment != nil {
			if v, ok := r.Environment(name); ok {
				return vm.ToValue(v)
			}
		}
		return goja.Null()
	}))
	must(o.Set("environment", env))
	return o
}

// rawValue is a request part as JetBrains exposes it: getRaw() as written,
// tryGetSubstituted() with variables resolved. toString gives the substituted text so
// a script that treats request.url as a string still works.
func rawValue(vm *goja.Runtime, raw string, subst func(string) string) *goja.Object {
	o := vm.NewObject()
	must(o.Set("getRaw", func() string { return raw }))
	must(o.Set("tryGetSubstituted", func() string { return subst(raw) }))
	must(o.Set("toString", func() string { return subst(raw) }))
	return o
}
