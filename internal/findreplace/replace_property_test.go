package findreplace

import (
	"regexp"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"lemstep/api"
)

// pieceOf finds tags and Liquid expressions with a rule of its own, for
// documents whose tags hold no quoted ">": the property below does not
// take the engine's word for where they are.
var (
	tagOf    = regexp.MustCompile(`<[a-zA-Z/!?][^>]*>`)
	liquidOf = regexp.MustCompile(`\{\{.*?\}\}|\{%.*?%\}`)
)

// genDocument builds an email of text, tags and Liquid.
func genDocument(t *rapid.T) string {
	parts := rapid.SliceOfN(rapid.SampledFrom([]string{
		"Acme", "acme ", "Hi ", "a", "b", " ", "<p>", "</p>", "<br>", `<a href="https://acme.example/a">`, "</a>",
		"{{firstName}}", `{{companyName | default: "Acme"}}`, "{% if a %}", "{% endif %}", "&amp;", "{", "}", "%", "<", ">",
	}), 0, 24).Draw(t, "parts")
	return strings.Join(parts, "")
}

// rebuild is value with the replaced matches swapped for their text: what
// the result must be when nothing outside the matches changes.
func rebuild(value string, ms []Match, repl string) string {
	var b strings.Builder
	prev := 0
	for _, mt := range ms {
		if !mt.Replaced {
			continue
		}
		b.WriteString(value[prev:mt.Start])
		b.WriteString(repl)
		prev = mt.End
	}
	b.WriteString(value[prev:])
	return b.String()
}

func TestReplaceProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		doc := genDocument(t)
		pattern := rapid.SampledFrom([]string{"Acme", "a", "cme", "p>", "{{", "me\"", "b", "Hi a", "%}", "acme",
			"Hi {{firstName}}", "<p>Acme", "{% if a %}Acme"}).Draw(t, "pattern")
		repl := rapid.StringOfN(rapid.RuneFrom([]rune("xyz <>{}%\"'/p")), 0, 6, -1).Draw(t, "replacement")
		isHTML := rapid.Bool().Draw(t, "html")
		m, err := Compile(Query{Pattern: pattern, IgnoreCase: rapid.Bool().Draw(t, "ignoreCase")})
		if err != nil {
			t.Fatal(err)
		}
		found := m.find(api.FieldMessage, doc, isHTML)
		off := rapid.SliceOfN(rapid.Bool(), len(found), len(found)).Draw(t, "off")
		got, done := m.replaceIn(doc, isHTML, found, func(i int) bool { return !off[i] }, repl)
		for i := range done {
			done[i].Replaced = done[i].Skip == "" && !off[i]
		}

		// Nothing outside the replaced matches changes.
		if want := rebuild(doc, done, repl); got != want {
			t.Fatalf("text outside the matches changed:\n doc %q\n got %q\nwant %q", doc, got, want)
		}
		// No tag or Liquid expression is broken: each one of the document
		// is still there, whole, unless a match inside it was replaced;
		// and the only new ones are those the replacement text holds.
		before := pieces(doc, isHTML)
		after := pieces(got, isHTML)
		kept, touched := 0, 0
		for _, p := range before {
			switch overlap(done, p) {
			case pieceEdited:
				touched++
				continue
			case pieceReplaced:
				continue // the piece was all inside a match, replaced with it
			case pieceCut:
				t.Fatalf("a replaced match crosses the edge of %q (document %q, result %q)", doc[p[0]:p[1]], doc, got)
			}
			kept++
			if !strings.Contains(got, doc[p[0]:p[1]]) {
				t.Fatalf("%q is gone from %q (document %q)", doc[p[0]:p[1]], got, doc)
			}
		}
		brought := 0
		for _, mt := range done {
			if mt.Replaced {
				brought += len(pieces(repl, isHTML))
			}
		}
		if len(after) != kept+touched+brought {
			t.Fatalf("the result has %d tags and Liquid expressions, want %d kept + %d edited inside + %d brought in:\n doc %q\n got %q",
				len(after), kept, touched, brought, doc, got)
		}
	})
}

// pieces are the [start, end) of the tags (in HTML) and Liquid expressions
// of s, each kind found on its own: a Liquid expression inside a tag is a
// piece too.
func pieces(s string, isHTML bool) [][]int {
	out := liquidOf.FindAllStringIndex(s, -1)
	if isHTML {
		out = append(out, tagOf.FindAllStringIndex(s, -1)...)
	}
	return out
}

// How a piece and the replaced matches meet.
const (
	pieceApart    = iota // no replaced match touches it
	pieceEdited          // a replaced match is inside it
	pieceReplaced        // it is inside a replaced match
	pieceCut             // a replaced match crosses its edge
)

func overlap(ms []Match, p []int) int {
	for _, mt := range ms {
		switch {
		case !mt.Replaced || mt.End <= p[0] || mt.Start >= p[1]:
		case p[0] < mt.Start && mt.End < p[1]:
			return pieceEdited
		case mt.Start <= p[0] && p[1] <= mt.End:
			return pieceReplaced
		default:
			return pieceCut
		}
	}
	return pieceApart
}
