// Package lexers holds the lexers of the response pane's Pretty tab, built with
// chroma's RegexLexer. It imports chroma only.
package lexers

import (
	"github.com/alecthomas/chroma/v2"
)

// The Pretty tab needs three lexers. chroma's lexers package would give them, but
// it parses the XML definitions of all its ~250 lexers when the program starts
// (4 ms and 2.7 MB measured with GODEBUG=inittrace=1), which every command of the
// binary would pay, `httplens send` included. These are built with chroma's own
// RegexLexer, and their rules compile on first use.

// JSON tokenises JSON; object keys come out as NameTag so they can be styled
// apart from string values.
func JSON() chroma.Lexer {
	return chroma.MustNewLexer(&chroma.Config{Name: "JSON", MimeTypes: []string{"application/json"}},
		func() chroma.Rules {
			return chroma.Rules{"root": {
				{Pattern: `\s+`, Type: chroma.TextWhitespace},
				{Pattern: `"(\\.|[^"\\\n])*"(?=\s*:)`, Type: chroma.NameTag},
				{Pattern: `"(\\.|[^"\\\n])*"?`, Type: chroma.LiteralStringDouble},
				{Pattern: `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`, Type: chroma.LiteralNumber},
				{Pattern: `(true|false|null)\b`, Type: chroma.KeywordConstant},
				{Pattern: `[{}\[\],:]`, Type: chroma.Punctuation},
				{Pattern: `[^\s{}\[\],:"]+`, Type: chroma.Error},
			}}
		})
}

// Markup tokenises XML and HTML alike: tags, attributes, quoted values,
// comments, declarations, entities and text. Embedded scripts and styles stay text.
func Markup() chroma.Lexer {
	return chroma.MustNewLexer(&chroma.Config{Name: "markup", DotAll: true},
		func() chroma.Rules {
			return chroma.Rules{
				"root": {
					{Pattern: `<!--.*?(-->|$)`, Type: chroma.Comment},
					{Pattern: `<!\[CDATA\[.*?(\]\]>|$)`, Type: chroma.LiteralString},
					{Pattern: `<[!?][^>]*>?`, Type: chroma.CommentPreproc},
					{Pattern: `(</?)([\w:.-]+)`, Type: chroma.ByGroups(chroma.Punctuation, chroma.NameTag), Mutator: chroma.Push("tag")},
					{Pattern: `&[#\w]+;`, Type: chroma.NameEntity},
					{Pattern: `[^<&]+`, Type: chroma.Text},
					{Pattern: `[<&]`, Type: chroma.Text},
				},
				"tag": {
					{Pattern: `\s+`, Type: chroma.TextWhitespace},
					{Pattern: `/?>`, Type: chroma.Punctuation, Mutator: chroma.Pop(1)},
					{Pattern: `=`, Type: chroma.Operator},
					{Pattern: `"[^"]*"?|'[^']*'?`, Type: chroma.LiteralString},
					{Pattern: `[\w:.-]+`, Type: chroma.NameAttribute},
					{Pattern: `[^\s>]`, Type: chroma.Text},
				},
			}
		})
}
