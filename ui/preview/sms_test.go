package preview

import (
	"strings"
	"testing"
)

func TestSMSSegments(t *testing.T) {
	cases := []struct {
		name string
		text string
		want int
	}{
		{"empty", "", 0},
		{"gsm 1", "a", 1},
		{"gsm 160", strings.Repeat("a", 160), 1},
		{"gsm 161", strings.Repeat("a", 161), 2},
		{"gsm 306", strings.Repeat("a", 306), 2},
		{"gsm 307", strings.Repeat("a", 307), 3},
		{"gsm 459", strings.Repeat("a", 459), 3},
		{"gsm 460", strings.Repeat("a", 460), 4},
		{"gsm accents stay gsm", strings.Repeat("é", 160), 1},
		{"ucs2 70", strings.Repeat("ç", 70), 1}, // ç is not GSM (only Ç is)
		{"ucs2 71", strings.Repeat("ç", 71), 2},
		{"ucs2 134", strings.Repeat("李", 134), 2},
		{"ucs2 135", strings.Repeat("李", 135), 3},
		{"one non-gsm char switches the whole text", strings.Repeat("a", 69) + "ç", 1},
		{"one non-gsm char switches the whole text over", strings.Repeat("a", 70) + "ç", 2},
		{"extension chars count 2: 80 euros", strings.Repeat("€", 80), 1},
		{"extension chars count 2: 81 euros", strings.Repeat("€", 81), 2},
		{"extension chars: 159 + brace", strings.Repeat("a", 158) + "{", 1},
		{"extension chars: 160 + brace", strings.Repeat("a", 159) + "{", 2},
		{"extension pair is not split", strings.Repeat("a", 152) + "[" + strings.Repeat("a", 152), 3},
		{"extension fits at the end", strings.Repeat("a", 151) + "]" + strings.Repeat("a", 153), 2},
		{"all extension chars", "^{}\\[~]|€", 1},
		{"emoji is ucs2 and 2 units", strings.Repeat("🙂", 35), 1},
		{"emoji 36 is 72 units", strings.Repeat("🙂", 36), 2},
		{"surrogate pair is not split", "a" + strings.Repeat("🙂", 33) + "a" + strings.Repeat("🙂", 2), 2},
		{"surrogate pair pushed to next segment", strings.Repeat("a", 66) + "🙂" + strings.Repeat("a", 10), 2},
		{"surrogate pair straddling 67", strings.Repeat("a", 66) + "🙂" + strings.Repeat("a", 66) + "🙂", 3},
	}
	for _, c := range cases {
		if got := SMSSegments(c.text); got != c.want {
			t.Errorf("%s: %d segments, want %d", c.name, got, c.want)
		}
	}
}
