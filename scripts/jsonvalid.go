package scripts

// validJSON reports whether b is one JSON value, with the answers of
// encoding/json.Valid (the fuzz test holds them together): the same grammar, any
// bytes but control characters inside strings, nesting up to 10,000 deep. It is
// the check parseJSON makes before building lazy objects; json.Valid's scanner,
// a function call per byte, was a tenth of reading a small body.
func validJSON(b []byte) bool {
	i := jsonSpace(b, 0)
	i = jsonValue(b, i, 0)
	return i >= 0 && jsonSpace(b, i) == len(b)
}

// maxJSONDepth is encoding/json's nesting bound.
const maxJSONDepth = 10000

func jsonSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// jsonValue returns the offset past the value at b[i], or -1 when there is none.
func jsonValue(b []byte, i, depth int) int {
	if i >= len(b) {
		return -1
	}
	switch c := b[i]; {
	case c == '{':
		if depth >= maxJSONDepth {
			return -1
		}
		i = jsonSpace(b, i+1)
		if i < len(b) && b[i] == '}' {
			return i + 1
		}
		for {
			if i >= len(b) || b[i] != '"' {
				return -1
			}
			if i = jsonString(b, i); i < 0 {
				return -1
			}
			i = jsonSpace(b, i)
			if i >= len(b) || b[i] != ':' {
				return -1
			}
			if i = jsonValue(b, jsonSpace(b, i+1), depth+1); i < 0 {
				return -1
			}
			i = jsonSpace(b, i)
			if i >= len(b) {
				return -1
			}
			switch b[i] {
			case '}':
				return i + 1
			case ',':
				i = jsonSpace(b, i+1)
			default:
				return -1
			}
		}
	case c == '[':
		if depth >= maxJSONDepth {
			return -1
		}
		i = jsonSpace(b, i+1)
		if i < len(b) && b[i] == ']' {
			return i + 1
		}
		for {
			if i = jsonValue(b, i, depth+1); i < 0 {
				return -1
			}
			i = jsonSpace(b, i)
			if i >= len(b) {
				return -1
			}
			switch b[i] {
			case ']':
				return i + 1
			case ',':
				i = jsonSpace(b, i+1)
			default:
				return -1
			}
		}
	case c == '"':
		return jsonString(b, i)
	case c == 't':
		return jsonLiteral(b, i, "true")
	case c == 'f':
		return jsonLiteral(b, i, "false")
	case c == 'n':
		return jsonLiteral(b, i, "null")
	case c == '-' || c >= '0' && c <= '9':
		return jsonNumber(b, i)
	}
	return -1
}

func jsonLiteral(b []byte, i int, lit string) int {
	if len(b)-i < len(lit) || string(b[i:i+len(lit)]) != lit {
		return -1
	}
	return i + len(lit)
}

// jsonString returns the offset past the string that starts at b[i] (a quote).
func jsonString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return i + 1
		case c < 0x20:
			return -1
		case c == '\\':
			i++
			if i >= len(b) {
				return -1
			}
			switch b[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if len(b)-i <= 4 {
					return -1
				}
				for _, h := range b[i+1 : i+5] {
					if !(h >= '0' && h <= '9' || h >= 'a' && h <= 'f' || h >= 'A' && h <= 'F') {
						return -1
					}
				}
				i += 4
			default:
				return -1
			}
		}
	}
	return -1
}

// jsonNumber returns the offset past the number at b[i]: -?(0|[1-9][0-9]*),
// then an optional fraction and exponent.
func jsonNumber(b []byte, i int) int {
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		i = jsonDigits(b, i)
	default:
		return -1
	}
	if i < len(b) && b[i] == '.' {
		if j := jsonDigits(b, i+1); j > i+1 {
			i = j
		} else {
			return -1
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if j := jsonDigits(b, i); j > i {
			i = j
		} else {
			return -1
		}
	}
	return i
}

func jsonDigits(b []byte, i int) int {
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i
}
