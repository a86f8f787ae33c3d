package findreplace

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// literal finds a fixed text, with or without case, several times faster
// than the regexp package does: a (?i) literal has no prefix for regexp to
// scan for, and its backtracker visits every byte of a 10 KB message. Here
// the bytes a match can start with are found with strings.IndexByte (SIMD)
// and each candidate is compared rune by rune. Case is folded as regexp's
// (?i) folds it, Unicode simple folding, so the two agree ("k" matches the
// Kelvin sign).
type literal struct {
	pat    string
	fold   bool
	starts []byte // the first bytes of every form of the pattern's first rune
	// plainASCII: the pattern is ASCII and, with fold, has no letter whose
	// case folds beyond ASCII (k and s: the Kelvin sign, the long s).
	plainASCII bool
	has        [256]bool // the pattern's bytes, in both cases with fold
	// anchor is the place in the pattern of its rarest byte in English
	// text, looked for instead of the first one when plainASCII: "w" of
	// "Northwind" turns up far less often than "n".
	anchor int
}

func newLiteral(pat string, fold bool) *literal {
	l := &literal{pat: pat, fold: fold, plainASCII: true}
	for i := 0; i < len(pat); i++ {
		c := pat[i]
		if c >= utf8.RuneSelf || fold && strings.ContainsRune("kKsS", rune(c)) {
			l.plainASCII = false
		}
		l.has[c] = true
		if fold && 'a' <= c|0x20 && c|0x20 <= 'z' {
			l.has[c|0x20], l.has[c&^0x20] = true, true
		}
	}
	if l.plainASCII {
		l.anchor = rarestByte(pat)
	}
	first, _ := utf8.DecodeRuneInString(pat[l.anchor:])
	l.starts = []byte{pat[l.anchor]}
	if fold {
		for r := unicode.SimpleFold(first); r != first; r = unicode.SimpleFold(r) {
			var buf [utf8.UTFMax]byte
			utf8.EncodeRune(buf[:], r)
			if !slices.Contains(l.starts, buf[0]) {
				l.starts = append(l.starts, buf[0])
			}
		}
	}
	return l
}

// findAll returns [start, end) of each match, leftmost first and without
// overlap, as regexp's FindAllStringIndex does.
func (l *literal) findAll(s string) [][]int {
	var out [][]int
	next := make([]int, len(l.starts)) // where each start byte next occurs, from the search position
	for k := range next {
		next[k] = -2 // not looked for yet
	}
	for i := 0; i < len(s); {
		a := l.nextStart(s, i+l.anchor, next)
		if a < 0 {
			break
		}
		p := a - l.anchor // where a match with its anchor at a would start
		if n := l.matchAt(s[p:]); n > 0 {
			out = append(out, []int{p, p + n}[:2:2])
			i = p + n
			continue
		}
		i = p + 1
	}
	return out
}

// byFrequency ranks bytes by how often they appear in English text and
// email HTML, the most frequent first; a byte not listed is rare.
const byFrequency = " etaoinshrdlcumwfgypbvkjxqz"

// rarestByte is the place of the pattern's rarest byte.
func rarestByte(pat string) int {
	best, rank := 0, -1
	for i := 0; i < len(pat); i++ {
		r := strings.IndexByte(byFrequency, pat[i]|0x20)
		if pat[i]|0x20 < 'a' || pat[i]|0x20 > 'z' {
			r = strings.IndexByte(byFrequency, pat[i]) // the space, or -1
		}
		if r < 0 {
			r = len(byFrequency)
		}
		if r > rank {
			best, rank = i, r
		}
	}
	return best
}

// nextStart is the first position from i holding one of the start bytes.
func (l *literal) nextStart(s string, i int, next []int) int {
	if i >= len(s) {
		return -1
	}
	best := -1
	for k, b := range l.starts {
		if next[k] != -1 && next[k] < i {
			if j := strings.IndexByte(s[i:], b); j >= 0 {
				next[k] = i + j
			} else {
				next[k] = -1
			}
		}
		if next[k] >= 0 && (best < 0 || next[k] < best) {
			best = next[k]
		}
	}
	return best
}

// matchAt is the length of the match at the start of s, 0 when there is none.
func (l *literal) matchAt(s string) int {
	if !l.fold {
		if strings.HasPrefix(s, l.pat) {
			return len(l.pat)
		}
		return 0
	}
	i := 0
	for _, pr := range l.pat {
		if i >= len(s) {
			return 0
		}
		sr, size := utf8.DecodeRuneInString(s[i:])
		if sr != pr && !sameFold(sr, pr) {
			return 0
		}
		i += size
	}
	return i
}

// sameFold reports whether a and b are the same letter in another case.
func sameFold(a, b rune) bool {
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		return 'A' <= a && a <= 'Z' && a+'a'-'A' == b || 'A' <= b && b <= 'Z' && b+'a'-'A' == a
	}
	for r := unicode.SimpleFold(a); r != a; r = unicode.SimpleFold(r) {
		if r == b {
			return true
		}
	}
	return false
}
