package curl

import (
	"fmt"
	"strings"
)

// dataKind is how curl treats one data option's argument.
type dataKind int

const (
	dataASCII     dataKind = iota // -d, --data, --data-ascii: @file strips line breaks
	dataRaw                       // --data-raw: no @file
	dataBinary                    // --data-binary: @file as is
	dataURLEncode                 // --data-urlencode
	dataJSON                      // --json
)

type dataPart struct {
	kind  dataKind
	value string
}

// formPart is one -F or --form-string argument.
type formPart struct {
	arg    string
	string bool // --form-string: the value is literal
}

// parser collects the options of one curl command.
type parser struct {
	opts  map[string]option
	short map[byte]option

	method     string
	head, get  bool
	headers    []Header // from -H, in order
	removed    []string // -H 'Name:' removes curl's own header of that name
	partFiles  []string // files named by -F parts
	derived    []Header // from -A, -e, -b, -u, -r, --oauth2-bearer
	data       []dataPart
	form       []formPart
	urls       []string
	queries    []string // --url-query
	uploadFile string
	globoff    bool
	req        Request
	notes      []string
}

func newParser() *parser {
	opts := options()
	return &parser{opts: opts, short: shortOptions(opts)}
}

func (p *parser) note(format string, a ...any) { p.notes = append(p.notes, fmt.Sprintf(format, a...)) }

// parse walks the words after "curl".
func (p *parser) parse(words []string) error {
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "--":
			p.urls = append(p.urls, words[i+1:]...)
			return nil
		case strings.HasPrefix(w, "--"):
			n, err := p.long(w, words[i+1:])
			if err != nil {
				return err
			}
			i += n
		case strings.HasPrefix(w, "-") && len(w) > 1:
			n, err := p.shorts(w, words[i+1:])
			if err != nil {
				return err
			}
			i += n
		default:
			p.urls = append(p.urls, w)
		}
	}
	return nil
}

// long handles one --option and returns how many following words it used.
func (p *parser) long(w string, rest []string) (int, error) {
	name := w[2:]
	o, ok := p.opts[name]
	negated := false
	if !ok && strings.HasPrefix(name, "no-") {
		o, ok = p.opts[name[3:]]
		negated = ok && !o.arg
		ok = negated
	}
	if !ok {
		p.note("unknown option %s: ignored (if it takes an argument, that word was read as a URL)", w)
		return 0, nil
	}
	if !o.arg {
		return 0, p.do(o, w, "", !negated)
	}
	if len(rest) == 0 {
		return 0, fmt.Errorf("curl command: option %s needs an argument", w)
	}
	return 1, p.do(o, w, rest[0], true)
}

// shorts handles a word of short options, such as -sSL, -XPOST or -H 'A: b'.
func (p *parser) shorts(w string, rest []string) (int, error) {
	for j := 1; j < len(w); j++ {
		o, ok := p.short[w[j]]
		if !ok {
			p.note("unknown option -%c in %s: ignored", w[j], w)
			continue
		}
		if !o.arg {
			if err := p.do(o, "-"+w[j:j+1], "", true); err != nil {
				return 0, err
			}
			continue
		}
		if j+1 < len(w) { // the argument is glued on: -XPOST
			return 0, p.do(o, "-"+w[j:j+1], w[j+1:], true)
		}
		if len(rest) == 0 {
			return 0, fmt.Errorf("curl command: option -%c needs an argument", w[j])
		}
		return 1, p.do(o, "-"+w[j:j+1], rest[0], true)
	}
	return 0, nil
}

// do applies one option as written (flag) with its argument v; on is false for
// a negated boolean (--no-compressed).
func (p *parser) do(o option, flag, v string, on bool) error {
	switch o.effect {
	case ignore:
		return nil
	case dropped:
		p.note("%s not carried over: a saved request has no place for it", flag)
		return nil
	}
	switch o.long {
	case "request":
		p.method = v
	case "header":
		p.header(v)
	case "data", "data-ascii":
		p.data = append(p.data, dataPart{dataASCII, v})
	case "data-raw":
		p.data = append(p.data, dataPart{dataRaw, v})
	case "data-binary":
		p.data = append(p.data, dataPart{dataBinary, v})
	case "data-urlencode":
		p.data = append(p.data, dataPart{dataURLEncode, v})
	case "json":
		p.data = append(p.data, dataPart{dataJSON, v})
	case "form", "form-string":
		p.form = append(p.form, formPart{v, o.long == "form-string"})
	case "head":
		p.head = on
	case "get":
		p.get = on
	case "compressed":
		p.req.Compressed = on
	case "insecure":
		p.req.Insecure = on
	case "location":
		p.req.FollowRedirects = on
	case "globoff":
		p.globoff = on
	case "url":
		p.urls = append(p.urls, v)
	case "url-query":
		p.queries = append(p.queries, v)
	case "upload-file":
		p.uploadFile = v
	case "basic":
	default:
		return p.derivedHeader(o.long, flag, v)
	}
	return nil
}

// header reads an -H argument: "Name: value", "Name:" (removes curl's own header),
// "Name;" (an empty value), or @file.
func (p *parser) header(v string) {
	if strings.HasPrefix(v, "@") {
		p.note("-H %s not carried over: headers from a file are not read", v)
		return
	}
	name, value, ok := strings.Cut(v, ":")
	if !ok {
		if n, isEmpty := strings.CutSuffix(v, ";"); isEmpty && n != "" {
			p.headers = append(p.headers, Header{Name: strings.TrimSpace(n)})
			return
		}
		p.note("-H %q not carried over: it is not 'Name: value'", v)
		return
	}
	name, value = strings.TrimSpace(name), strings.TrimSpace(value)
	if value == "" {
		p.removed = append(p.removed, name)
		if strings.EqualFold(name, "Host") || strings.EqualFold(name, "User-Agent") || strings.EqualFold(name, "Accept") {
			p.note("-H '%s:' makes curl leave out its own %s header; a .http request cannot say that, and httplens sends its own", name, name)
		}
		return
	}
	p.headers = append(p.headers, Header{Name: name, Value: value})
}
