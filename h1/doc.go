// Package h1 reads HTTP/1.x response heads and frames their bodies, leniently.
//
// It is the one reader behind both the wire (package requests, which reads what a
// server sends) and the explain engine (explain.ReadResponse, which reads what
// `curl -si` printed), so that the same bytes give the same status, fields,
// problems and body in `httplens send` and in `httplens explain`. It is pure: no
// network, no files, nothing of httplens; callers bring the bytes.
//
// Lenient means a head net/http would reject (a control character in a field, two
// different Content-Length values, a line that is not a field) still parses: the
// best reading is returned and what was wrong is listed in Head.Problems, each
// problem naming the line of the head it was found on.
package h1
