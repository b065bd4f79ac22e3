package explain

import "bytes"

// decodeChunked decodes a body in chunked transfer coding (RFC 9112 §7.1), with
// CRLF or bare LF line endings. ok is false unless the whole of b is one well-formed
// chunked body, last chunk and trailer section included; curl -si, for one, prints
// bodies already decoded under a Transfer-Encoding: chunked field.
func decodeChunked(b []byte) ([]byte, bool) {
	out, n := readChunked(b, true)
	if n < 0 {
		return nil, false
	}
	if len(bytes.TrimLeft(b[n:], "\r\n")) != 0 {
		return nil, false
	}
	return out, true
}

// chunkedLength is the length of the chunked body at the start of b, or -1 when b
// does not start with one.
func chunkedLength(b []byte) int {
	_, n := readChunked(b, false)
	return n
}

// readChunked walks the chunks of b and returns the data (when keep is set) and the
// number of bytes the chunked body takes, or -1 when it is malformed.
func readChunked(b []byte, keep bool) ([]byte, int) {
	var out []byte
	pos := 0
	for {
		line, next, ok := chunkLine(b, pos)
		if !ok {
			return nil, -1
		}
		size, ok := chunkSize(line)
		if !ok {
			return nil, -1
		}
		pos = next
		if size == 0 {
			return out, skipTrailers(b, pos)
		}
		if size > len(b)-pos {
			return nil, -1
		}
		if keep {
			out = append(out, b[pos:pos+size]...)
		}
		pos += size
		// The chunk data ends with a line ending.
		end, next, ok := chunkLine(b, pos)
		if !ok || len(end) != 0 {
			return nil, -1
		}
		pos = next
	}
}

// chunkLine returns the line starting at pos without its ending, and where the next
// line starts.
func chunkLine(b []byte, pos int) ([]byte, int, bool) {
	i := bytes.IndexByte(b[pos:], '\n')
	if i < 0 {
		return nil, 0, false
	}
	return bytes.TrimSuffix(b[pos:pos+i], []byte("\r")), pos + i + 1, true
}

// chunkSize reads chunk-size [ chunk-ext ]: hexadecimal digits, then optional
// extensions after a semicolon, which are ignored.
func chunkSize(line []byte) (int, bool) {
	if i := bytes.IndexByte(line, ';'); i >= 0 {
		line = line[:i]
	}
	line = bytes.TrimRight(line, " \t")
	if len(line) == 0 || len(line) > 12 {
		return 0, false
	}
	n := 0
	for _, c := range line {
		var d int
		switch {
		case c >= '0' && c <= '9':
			d = int(c - '0')
		case c >= 'a' && c <= 'f':
			d = int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			d = int(c-'A') + 10
		default:
			return 0, false
		}
		n = n*16 + d
	}
	return n, true
}

// skipTrailers moves past the trailer section and its blank line. A body that ends
// right after the last chunk, without the final blank line, is accepted.
func skipTrailers(b []byte, pos int) int {
	for pos < len(b) {
		line, next, ok := chunkLine(b, pos)
		if !ok {
			return -1
		}
		pos = next
		if len(line) == 0 {
			return pos
		}
		if bytes.IndexByte(line, ':') < 0 {
			return -1
		}
	}
	return pos
}
