package postman

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/headers"
)

// request converts one request item to a .http block.
func (c *converter) request(where string, it item, inherited *auth) ([]byte, error) {
	var req request
	if strings.HasPrefix(string(it.Request), `"`) {
		req.URL = it.Request // a request given as a bare URL string
	} else if err := json.Unmarshal(it.Request, &req); err != nil {
		return nil, fmt.Errorf("%s: bad request: %w", where, err)
	}
	c.events(where, it.Event)
	r := collections.Request{
		Title:  strings.Join(strings.Fields(it.Name), " "),
		Method: strings.ToUpper(strings.TrimSpace(req.Method)),
		URL:    c.dynamic(where, c.url(where, req.URL)),
	}
	if r.Method == "" {
		r.Method = "GET"
	}
	if r.URL == "" {
		return nil, fmt.Errorf("%s: the request has no URL", where)
	}
	c.headers(where, &r, req.Header)
	a := inherited
	if req.Auth != nil && req.Auth.Type != "inherit" {
		a = req.Auth
	}
	c.auth(where, &r, a)
	c.body(where, &r, req.Body)
	for i, h := range r.Headers {
		r.Headers[i].Value = c.dynamic(where, h.Value)
	}
	r.Body = []byte(c.dynamic(where, string(r.Body)))
	if len(r.Body) == 0 {
		r.Body = nil
	}
	for _, line := range strings.Split(string(r.Body), "\n") {
		if strings.HasPrefix(line, "###") {
			return nil, fmt.Errorf("%s: a body line starts with ###, which the .http format cannot hold", where)
		}
	}
	block := withDirectives(collections.Format(r, "\n"), c.behavior(where, it.ProtocolProfileBehavior))
	// Each block must read back as the one request it stands for.
	f, err := collections.Parse("import.http", block)
	switch {
	case err != nil:
		return nil, fmt.Errorf("%s: the request cannot be written as .http: %v", where, err)
	case len(f.Requests) != 1:
		return nil, fmt.Errorf("%s: the request cannot be written as .http: it would read back as %d requests (a line break in its URL or headers, or a body line that starts a request)", where, len(f.Requests))
	case len(f.Requests[0].Errors) > 0:
		return nil, fmt.Errorf("%s: the request cannot be written as .http: %s", where, f.Requests[0].Errors[0].Msg)
	}
	return block, nil
}

// behavior turns Postman's protocolProfileBehavior into the JetBrains request
// directives that say the same (# @no-redirect, # @no-cookie-jar), and notes the
// settings that have none.
func (c *converter) behavior(where string, b map[string]json.RawMessage) []string {
	var directives []string
	keys := make([]string, 0, len(b))
	for k := range b {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := strings.TrimSpace(string(b[k]))
		switch {
		case k == "followRedirects" && v == "false":
			directives = append(directives, "no-redirect")
		case k == "disableCookies" && v == "true":
			directives = append(directives, "no-cookie-jar")
		case k == "followRedirects" || k == "disableCookies":
			// the default already
		default:
			c.note("%s: protocolProfileBehavior %s: %s has no .http equivalent; not carried over", where, k, v)
		}
	}
	return directives
}

// withDirectives puts "# @directive" lines right after a block's ### line.
func withDirectives(block []byte, directives []string) []byte {
	if len(directives) == 0 {
		return block
	}
	first, rest, _ := strings.Cut(string(block), "\n")
	var b strings.Builder
	b.WriteString(first + "\n")
	for _, d := range directives {
		b.WriteString("# @" + d + "\n")
	}
	b.WriteString(rest)
	return []byte(b.String())
}

// url reads a URL given as a string or as an object; path variables (:id) take
// their values.
func (c *converter) url(where string, raw json.RawMessage) string {
	var u urlObject
	if json.Unmarshal(raw, &u) != nil {
		return strings.TrimSpace(text(raw))
	}
	s := u.Raw
	if s == "" {
		s = strings.Join(stringList(u.Host), ".")
		if u.Protocol != "" {
			s = u.Protocol + "://" + s
		}
		if u.Port != "" {
			s += ":" + u.Port
		}
		if p := stringList(u.Path); len(p) > 0 {
			s += "/" + strings.Join(p, "/")
		}
		var q []string
		for _, kv := range u.Query {
			if !kv.Disabled {
				q = append(q, kv.Key+"="+kv.value())
			}
		}
		if len(q) > 0 {
			s += "?" + strings.Join(q, "&")
		}
	}
	for _, v := range u.Variable {
		value := v.value()
		if value == "" {
			value = "{{" + v.Key + "}}"
		}
		s = replacePathVar(s, v.Key, value)
	}
	return strings.TrimSpace(s)
}

// replacePathVar replaces the path segment ":key" in u with value.
func replacePathVar(u, key, value string) string {
	end := len(u)
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		end = i
	}
	segs := strings.Split(u[:end], "/")
	for i, s := range segs {
		if s == ":"+key {
			segs[i] = value
		}
	}
	return strings.Join(segs, "/") + u[end:]
}

// headers reads the headers: an array of key/value objects, or a string of
// "Name: value" lines (v2.0).
func (c *converter) headers(where string, r *collections.Request, raw json.RawMessage) {
	var list []keyValue
	if json.Unmarshal(raw, &list) != nil {
		for _, line := range strings.Split(text(raw), "\n") {
			if name, value, ok := strings.Cut(line, ":"); ok {
				list = append(list, keyValue{Key: name, Value: json.RawMessage(fmt.Sprintf("%q", strings.TrimSpace(value)))})
			}
		}
	}
	for _, h := range list {
		name := strings.TrimSpace(h.Key)
		if h.Disabled {
			c.note("%s: disabled header %s left out", where, name)
			continue
		}
		if name == "" {
			continue
		}
		r.Headers = append(r.Headers, collections.Header{Name: name, Value: strings.TrimSpace(h.value())})
	}
}

// auth adds the header (or query parameter) of the auth in force.
func (c *converter) auth(where string, r *collections.Request, a *auth) {
	if a == nil || a.Type == "noauth" || a.Type == "" {
		return
	}
	switch a.Type {
	case "basic":
		user, pass := a.param("username"), a.param("password")
		credentials, ok := c.substitute(user + ":" + pass)
		if !ok {
			c.note("%s: basic auth uses variables that are not collection variables (%s:%s); the Authorization header is left out", where, user, pass)
			return
		}
		if credentials != user+":"+pass {
			c.note("%s: basic auth encoded with the values of collection variables in %s:%s; convert again if they change", where, user, pass)
		}
		setHeader(r, "Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(credentials)))
	case "bearer":
		setHeader(r, "Authorization", "Bearer "+a.param("token"))
	case "apikey":
		key, value := a.param("key"), a.param("value")
		if a.param("in") == "query" {
			sep := "?"
			if strings.Contains(r.URL, "?") {
				sep = "&"
			}
			r.URL += sep + key + "=" + value
			return
		}
		setHeader(r, key, value)
	default:
		c.note("%s: %s auth not carried over (only basic, bearer and apikey are)", where, a.Type)
	}
}

// setHeader adds a header unless the request sets it itself.
func setHeader(r *collections.Request, name, value string) {
	if headers.List(r.Headers).Has(name) {
		return
	}
	r.Headers = append(r.Headers, collections.Header{Name: name, Value: value})
}

// Compiled on first use, not at package init (issue 24).
var varRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{\{\s*([^{}\s]+)\s*\}\}`) })

// substitute replaces {{var}} with collection variables (for Basic credentials,
// which must be encoded as a whole); ok is false when one is unknown.
func (c *converter) substitute(s string) (string, bool) {
	ok := true
	out := varRef().ReplaceAllStringFunc(s, func(m string) string {
		v, found := c.vars[varRef().FindStringSubmatch(m)[1]]
		ok = ok && found
		return v
	})
	return out, ok
}

// postmanDynamic maps Postman's dynamic variables to httplens's.
var postmanDynamic = map[string]string{
	"$guid": "$uuid", "$randomUUID": "$uuid", "$timestamp": "$timestamp",
	"$isoTimestamp": "$isoTimestamp", "$randomInt": "$randomInt",
}

// dynamic rewrites Postman's dynamic variables ({{$guid}}) to httplens's and
// notes the ones httplens does not have.
func (c *converter) dynamic(where, s string) string {
	return varRef().ReplaceAllStringFunc(s, func(m string) string {
		name := varRef().FindStringSubmatch(m)[1]
		if !strings.HasPrefix(name, "$") {
			return m
		}
		if to, ok := postmanDynamic[name]; ok {
			return "{{" + to + "}}"
		}
		c.note("%s: dynamic variable {{%s}} has no httplens equivalent; kept as written", where, name)
		return m
	})
}
