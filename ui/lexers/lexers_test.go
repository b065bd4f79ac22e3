package lexers

import (
	"fmt"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// tokens lists "Type:value" for every token that is not whitespace.
func tokens(t *testing.T, l chroma.Lexer, text string) []string {
	t.Helper()
	it, err := l.Tokenise(nil, text)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for tok := it(); tok != chroma.EOF; tok = it() {
		if strings.TrimSpace(tok.Value) == "" {
			continue
		}
		out = append(out, fmt.Sprintf("%s:%s", tok.Type, tok.Value))
	}
	return out
}

func TestLexers(t *testing.T) {
	cases := []struct {
		name  string
		lexer chroma.Lexer
		text  string
		want  []string
	}{
		{"json object", JSON(), `{"id": 1, "ok": true, "s": "a\"b", "n": null, "f": -1.5e3}`, []string{
			"Punctuation:{", `NameTag:"id"`, "Punctuation::", "LiteralNumber:1", "Punctuation:,",
			`NameTag:"ok"`, "Punctuation::", "KeywordConstant:true", "Punctuation:,",
			`NameTag:"s"`, "Punctuation::", `LiteralStringDouble:"a\"b"`, "Punctuation:,",
			`NameTag:"n"`, "Punctuation::", "KeywordConstant:null", "Punctuation:,",
			`NameTag:"f"`, "Punctuation::", "LiteralNumber:-1.5e3", "Punctuation:}",
		}},
		{"json array over lines", JSON(), "[\n  \"x\",\n  2\n]", []string{
			"Punctuation:[", `LiteralStringDouble:"x"`, "Punctuation:,", "LiteralNumber:2", "Punctuation:]",
		}},
		{"json garbage is marked", JSON(), `{bad}`, []string{"Punctuation:{", "Error:bad", "Punctuation:}"}},
		{"xml", Markup(), `<?xml version="1.0"?><a x="1"><!-- c --><b/>t&amp;</a>`, []string{
			`CommentPreproc:<?xml version="1.0"?>`, "Punctuation:<", "NameTag:a", "NameAttribute:x", "Operator:=",
			`LiteralString:"1"`, "Punctuation:>", "Comment:<!-- c -->", "Punctuation:<", "NameTag:b", "Punctuation:/>",
			"Text:t", "NameEntity:&amp;", "Punctuation:</", "NameTag:a", "Punctuation:>",
		}},
		{"html doctype and bare attribute", Markup(), "<!DOCTYPE html>\n<input disabled value='v'>", []string{
			"CommentPreproc:<!DOCTYPE html>", "Punctuation:<", "NameTag:input", "NameAttribute:disabled",
			"NameAttribute:value", "Operator:=", "LiteralString:'v'", "Punctuation:>",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := tokens(t, c.lexer, c.text)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Fatalf("tokens:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
