package findreplace

import (
	"regexp"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// The literal finder agrees with regexp on every text, with and without case.
func TestLiteralAgreesWithRegexp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		alphabet := []rune("aAbBkKsSſ\u212Aé É<>{} ")
		pat := rapid.StringOfN(rapid.RuneFrom(alphabet), 1, 4, -1).Draw(t, "pattern")
		text := rapid.StringOfN(rapid.RuneFrom(alphabet), 0, 40, -1).Draw(t, "text")
		fold := rapid.Bool().Draw(t, "fold")
		expr := regexp.QuoteMeta(pat)
		if fold {
			expr = "(?i)" + expr
		}
		want := regexp.MustCompile(expr).FindAllStringIndex(text, -1)
		got := newLiteral(pat, fold).findAll(text)
		if !slices.EqualFunc(want, got, slices.Equal[[]int]) {
			t.Fatalf("findAll(%q in %q, fold %v) = %v, regexp says %v", pat, text, fold, got, want)
		}
	})
}
