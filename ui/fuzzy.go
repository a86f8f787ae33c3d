package ui

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The campaign list's filter ranks rows the way bubbles' list.DefaultFilter
// does (github.com/sahilm/fuzzy's scores, best first, ties in list order),
// but DefaultFilter is too slow for a team's whole account: it allocates the
// matched positions of every row and sorts ~56-byte matches with
// sort.Stable, about half a second for a one-letter filter over 50,000
// campaigns. fuzzyScore is the same scoring without the allocations, and
// rankByScore the same order with a counting sort (scores are small
// integers), so a row list can rank any number of rows in linear time and
// narrow the previous matches as the filter grows.

// Bonuses and penalties of sahilm/fuzzy's scoring.
const (
	fuzzyFirstCharBonus      = 10
	fuzzySeparatorBonus      = 20
	fuzzyCamelCaseBonus      = 20
	fuzzyAdjacentBonus       = 5
	fuzzyLeadingPenalty      = -5
	fuzzyMaxLeadingPenalty   = -15
	fuzzySeparators          = "/-_ .\\"
	fuzzyNoMatch             = -1
	fuzzyScoreRangeAtMost    = 1 << 16 // wider: sorted, not counted
	fuzzyCountingSortMinRows = 64      // fewer, spread wide: sorted, not counted
)

// fuzzyScore reports whether every rune of pattern appears in target in
// order, and the match's score, with sahilm/fuzzy's rules: the first
// pattern rune matches where it scores best before the next pattern rune
// appears, a match on the target's first rune, after a separator or on a
// camelCase hump scores a bonus, consecutive matches a growing one, and
// leading and unmatched runes cost a penalty.
func fuzzyScore(pattern []rune, target string) (int, bool) {
	if len(pattern) == 0 {
		return 0, false
	}
	for i := 0; i < len(target); i++ {
		if target[i] == 0 { // as sahilm/fuzzy: a NUL ends the text
			target = target[:i]
			break
		}
	}
	total, matched := 0, 0
	lastMatch := -1
	p := 0
	best, bestAt := fuzzyNoMatch, -1
	adjacent := 0
	var last rune
	lastIndex := 0
	next, nextSize := utf8.DecodeRuneInString(target)
	for j := 0; j < len(target) && p < len(pattern); {
		c, size := next, nextSize
		if foldEqual(c, pattern[p]) {
			score := 0
			if j == 0 {
				score += fuzzyFirstCharBonus
			}
			if unicode.IsLower(last) && unicode.IsUpper(c) {
				score += fuzzyCamelCaseBonus
			}
			if j != 0 && isFuzzySeparator(last) {
				score += fuzzySeparatorBonus
			}
			if matched > 0 && lastIndex == lastMatch {
				bonus := adjacent*2 + fuzzyAdjacentBonus
				score += bonus
				adjacent += bonus
			}
			if score > best {
				best, bestAt = score, j
			}
		}
		var nextPattern rune
		if p < len(pattern)-1 {
			nextPattern = pattern[p+1]
		}
		switch {
		case j+size >= len(target):
			next, nextSize = 0, 0
		case target[j+size] < utf8.RuneSelf:
			next, nextSize = rune(target[j+size]), 1
		default:
			next, nextSize = utf8.DecodeRuneInString(target[j+size:])
		}
		if (foldEqual(nextPattern, next) || next == 0) && bestAt > -1 {
			if matched == 0 {
				best += max(bestAt*fuzzyLeadingPenalty, fuzzyMaxLeadingPenalty)
			}
			total += best
			matched++
			lastMatch = bestAt
			best, bestAt = fuzzyNoMatch, -1
			p++
		}
		lastIndex = j
		last = c
		j += size
	}
	if matched != len(pattern) {
		return 0, false
	}
	return total + matched - len(target), true
}

// foldEqual is sahilm/fuzzy's case-insensitive rune comparison.
func foldEqual(a, b rune) bool {
	if a == b {
		return true
	}
	if a < b {
		a, b = b, a
	}
	if a < utf8.RuneSelf {
		return 'A' <= b && b <= 'Z' && a == b+'a'-'A'
	}
	r := unicode.SimpleFold(b)
	for r != b && r < a {
		r = unicode.SimpleFold(r)
	}
	return r == a
}

func isFuzzySeparator(r rune) bool {
	for _, s := range fuzzySeparators {
		if r == s {
			return true
		}
	}
	return false
}

// rankByScore returns the positions of scores ordered best first, equal
// scores keeping their order: what sort.Stable does to sahilm/fuzzy's
// matches, in linear time when the scores span a small range.
func rankByScore(scores []int32) []int32 {
	out := make([]int32, len(scores))
	if len(scores) == 0 {
		return out
	}
	lo, hi := scores[0], scores[0]
	for _, s := range scores {
		lo, hi = min(lo, s), max(hi, s)
	}
	span := int(hi-lo) + 1
	if span > fuzzyScoreRangeAtMost || len(scores) < fuzzyCountingSortMinRows && span > len(scores) {
		return rankBySorting(scores, out)
	}
	// Counting sort, descending: starts[k] is where score hi-k begins.
	starts := make([]int32, span+1)
	for _, s := range scores {
		starts[int(hi-s)+1]++
	}
	for k := 1; k <= span; k++ {
		starts[k] += starts[k-1]
	}
	for i, s := range scores {
		k := int(hi - s)
		out[starts[k]] = int32(i)
		starts[k]++
	}
	return out
}

// rankBySorting is rankByScore for scores too spread out to count.
func rankBySorting(scores []int32, out []int32) []int32 {
	for i := range out {
		out[i] = int32(i)
	}
	slices.SortStableFunc(out, func(a, b int32) int { return cmp.Compare(scores[b], scores[a]) })
	return out
}

// searchText is a row's text prepared for the filter once, when the row is
// added: its ASCII letters in lower case (same length, same offsets), which
// the fast matcher searches, and where the upper-case letters were. A text
// of up to 64 bytes keeps them as bits of a word rather than as a second
// string: a list of 50,000 campaigns holds one string per row, not two.
// slow marks a text the fast matcher would get wrong: a NUL, or a rune
// that folds to an ASCII letter (ſ is s, the Kelvin sign is k).
type searchText struct {
	lower string
	upper uint64 // bit i: byte i was an upper-case ASCII letter
	text  string // the text itself, when it is longer than 64 bytes or slow
	slow  bool
}

func newSearchText(text string) searchText {
	st := searchText{lower: text}
	var upper uint64
	hasUpper := false
	for i, r := range text {
		switch {
		case r == 0, r == 'ſ', r == '\u212a':
			st.slow = true
		case 'A' <= r && r <= 'Z':
			hasUpper = true
			if i < 64 {
				upper |= 1 << i
			}
		}
	}
	if !hasUpper {
		return st
	}
	b := []byte(text)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	st.lower = string(b)
	if len(text) > 64 || st.slow {
		st.text = text
	} else {
		st.upper = upper
	}
	return st
}

// original is the text as it was given.
func (st searchText) original() string {
	if st.text != "" || st.upper == 0 {
		return cmp.Or(st.text, st.lower)
	}
	b := []byte(st.lower)
	for i := range b {
		if st.upper&(1<<i) != 0 {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}

// upperAt reports whether byte j of the text is an upper-case ASCII letter.
func (st searchText) upperAt(j int) bool {
	if st.text != "" {
		return 'A' <= st.text[j] && st.text[j] <= 'Z'
	}
	return j < 64 && st.upper&(1<<j) != 0
}

// fuzzyPattern is a filter term ready for matching: its runes, and when it
// is all ASCII, its bytes in lower case for the fast matcher.
type fuzzyPattern struct {
	runes []rune
	lower []byte // nil when the term has a rune beyond ASCII
}

func newFuzzyPattern(term string) fuzzyPattern {
	p := fuzzyPattern{runes: []rune(term)}
	lower := make([]byte, 0, len(term))
	for _, r := range p.runes {
		if r >= utf8.RuneSelf || r == 0 {
			return p
		}
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		lower = append(lower, byte(r))
	}
	p.lower = lower
	return p
}

// score is fuzzyScore of the row's text, by the byte-wise matcher when the
// term and the text allow it.
func (p fuzzyPattern) score(st searchText) (int, bool) {
	if p.lower == nil || st.slow {
		return fuzzyScore(p.runes, st.original())
	}
	return fuzzyScoreASCII(p.lower, st)
}

// fuzzyScoreASCII is fuzzyScore for an ASCII term, over bytes instead of
// runes: a rune of the term can only match an ASCII byte of the text, so
// the scan jumps from candidate to candidate with strings.IndexByte. The
// rules and the result are fuzzyScore's (a test holds the two together),
// byte offsets being the same in both. fuzzyScore takes a rune of the term
// at the best-scoring candidate seen when the text's next rune is the
// term's next one: so the candidates for rune p run from where the
// previous one was taken to the first occurrence of rune p+1 after the
// first of them (to the end of the text for the last rune).
func fuzzyScoreASCII(pattern []byte, st searchText) (int, bool) {
	lower := st.lower
	n, m := len(lower), len(pattern)
	if m == 0 {
		return 0, false
	}
	total, lastMatch, adjacent := 0, -1, 0
	pos := 0
	for p := range m {
		first := strings.IndexByte(lower[pos:], pattern[p])
		if first < 0 {
			return 0, false
		}
		first += pos
		end := n
		if p < m-1 {
			k := strings.IndexByte(lower[first+1:], pattern[p+1])
			if k < 0 {
				return 0, false
			}
			end = first + 1 + k
		}
		best, bestAt := fuzzyNoMatch, -1
		for j := first; j < end; {
			score := candidateScore(st, j)
			if p > 0 && j-1 == lastMatch {
				bonus := adjacent*2 + fuzzyAdjacentBonus
				score += bonus
				adjacent += bonus
			}
			if score > best {
				best, bestAt = score, j
			}
			k := strings.IndexByte(lower[j+1:end], pattern[p])
			if k < 0 {
				break
			}
			j += 1 + k
		}
		if p == 0 {
			best += max(bestAt*fuzzyLeadingPenalty, fuzzyMaxLeadingPenalty)
		}
		total += best
		lastMatch = bestAt
		pos = end
	}
	return total + m - n, true
}

// candidateScore is the bonus of a match at byte j of the text for where
// it falls: the first rune, after a separator, or a camelCase hump.
func candidateScore(st searchText, j int) int {
	if j == 0 {
		return fuzzyFirstCharBonus
	}
	score := 0
	if b := st.lower[j-1]; b < utf8.RuneSelf {
		if 'a' <= b && b <= 'z' && !st.upperAt(j-1) && st.upperAt(j) {
			score += fuzzyCamelCaseBonus
		}
		if isFuzzySeparator(rune(b)) {
			score += fuzzySeparatorBonus
		}
		return score
	}
	// Separators are ASCII, and bytes beyond ASCII are the text's own.
	if last, _ := utf8.DecodeLastRuneInString(st.lower[:j]); unicode.IsLower(last) && st.upperAt(j) {
		score += fuzzyCamelCaseBonus
	}
	return score
}
