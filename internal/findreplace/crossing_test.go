package findreplace

import (
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"lemstep/api"
)

// Skipping the reader's text when no match can cross the markup finds the
// same matches, with the same context, as always building it.
func TestSkippingTheReadersTextMissesNothing(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		parts := rapid.SliceOfN(rapid.SampledFrom([]string{
			"Acme", "Ac", "me", " Robotics", "R", "&amp;", "&#65;", "&lt;", "D", "<b>", "</b>", "<br>", "</p><p>",
			"{{firstName}}", " ", "a", "\n", `<a href="x">`, "</a>",
		}), 0, 20).Draw(t, "parts")
		doc := strings.Join(parts, "")
		pattern := rapid.SampledFrom([]string{"Acme Robotics", "Acme", "R&D", "meR", "A", "a\na", "e Ro", "AAcme"}).Draw(t, "pattern")
		fold := rapid.Bool().Draw(t, "fold")
		fast, err := Compile(Query{Pattern: pattern, IgnoreCase: fold})
		if err != nil {
			t.Fatal(err)
		}
		slow, _ := Compile(Query{Pattern: pattern, IgnoreCase: fold})
		slow.lit.plainASCII = false // always builds the reader's text
		key := func(m Match) string {
			return string(m.Where) + m.Skip + m.Text + string(rune(m.Start)) + string(rune(m.End))
		}
		got := fast.find(api.FieldMessage, doc, true)
		want := slow.find(api.FieldMessage, doc, true)
		if !slices.Equal(mapped(got, key), mapped(want, key)) {
			t.Fatalf("in %q, %q:\n fast %+v\n full %+v", doc, pattern, got, want)
		}
	})
}

func mapped(ms []Match, f func(Match) string) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = f(m)
	}
	return out
}
