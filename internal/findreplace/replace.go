package findreplace

import (
	"fmt"
	"slices"
	"strings"
)

// Skip reasons given when the replacement, not the match, is the problem.
const (
	skipWouldBreak   = "replacing it would break %s"
	skipInsideQuotes = "it is inside %s, and the replacement holds one of < > \" ' { } %% that would change it"
)

// markupChars are the characters that would change a tag or a Liquid
// expression a replacement is written into.
const markupChars = "<>\"'{}%"

// replaceIn returns value with the matches chosen by on replaced, and the
// matches with Skip set on those that could not be: a match whose
// replacement would break a tag or a Liquid expression is left as it is.
// The result is checked as a whole: its tags and Liquid expressions are
// those of value, moved by the replacements, plus those the replacement
// text brings in itself, and nothing else.
func (m *Matcher) replaceIn(value string, isHTML bool, matches []Match, on func(int) bool, replacement string) (string, []Match) {
	out := slices.Clone(matches)
	rs := regions(value, isHTML)
	var chosen []int
	for i, mt := range out {
		if mt.Skip != "" || (on != nil && !on(i)) {
			continue
		}
		if r, inside := enclosing(rs, mt); inside && strings.ContainsAny(m.expand(replacement, value, mt.loc), markupChars) {
			out[i].Skip = fmt.Sprintf(skipInsideQuotes, r.kind)
			continue
		}
		chosen = append(chosen, i)
	}
	p := patch{value: value, isHTML: isHTML, regions: rs, matches: out, m: m, replacement: replacement}
	if result, broken := p.apply(chosen); broken == 0 {
		return result, out
	}
	var kept []int
	for _, i := range chosen {
		try := append(slices.Clone(kept), i)
		if _, broken := p.apply(try); broken != 0 {
			out[i].Skip = fmt.Sprintf(skipWouldBreak, broken)
			continue
		}
		kept = try
	}
	result, _ := p.apply(kept)
	return result, out
}

// enclosing is the tag or Liquid expression a match lies inside, if any.
func enclosing(rs []region, mt Match) (region, bool) {
	for _, r := range rs {
		if r.start < mt.Start && mt.End < r.end {
			return r, true
		}
	}
	return region{}, false
}

// patch replaces a set of matches in one value.
type patch struct {
	value       string
	isHTML      bool
	regions     []region
	matches     []Match
	m           *Matcher
	replacement string
}

// apply replaces the matches at the indices chosen (in order of position)
// and checks the result; broken is the kind of piece it would break, 0
// when none.
func (p patch) apply(chosen []int) (string, regionKind) {
	var b strings.Builder
	var want []region
	prev, shift := 0, 0
	shiftAt := func(pos int) int { // how far a byte at pos of value moves
		s := 0
		for _, i := range chosen {
			mt := p.matches[i]
			if mt.End <= pos {
				s += len(p.m.expand(p.replacement, p.value, mt.loc)) - (mt.End - mt.Start)
			}
		}
		return s
	}
	for _, i := range chosen {
		mt := p.matches[i]
		repl := p.m.expand(p.replacement, p.value, mt.loc)
		b.WriteString(p.value[prev:mt.Start])
		at := mt.Start + shift
		for _, r := range regions(repl, p.isHTML) {
			want = append(want, region{r.start + at, r.end + at, r.kind})
		}
		b.WriteString(repl)
		shift += len(repl) - (mt.End - mt.Start)
		prev = mt.End
	}
	b.WriteString(p.value[prev:])
	result := b.String()
	if len(chosen) == 0 {
		return result, 0
	}
	for _, r := range p.regions {
		if p.covered(r, chosen) {
			continue // replaced with its match: the replacement's own pieces stand for it
		}
		want = append(want, region{r.start + shiftAt(r.start), r.end + shiftAt(r.end), r.kind})
	}
	slices.SortFunc(want, func(a, b region) int { return a.start - b.start })
	got := regions(result, p.isHTML)
	if k := firstDifference(want, got); k != 0 {
		return result, k
	}
	return result, 0
}

// firstDifference is the kind of the first piece that is not where it
// should be, 0 when want and got are the same.
func firstDifference(want, got []region) regionKind {
	for i := range max(len(want), len(got)) {
		switch {
		case i >= len(want):
			return got[i].kind
		case i >= len(got):
			return want[i].kind
		case want[i] != got[i]:
			return min(want[i].kind, got[i].kind)
		}
	}
	return 0
}

// covered reports whether a chosen match holds the whole of r.
func (p patch) covered(r region, chosen []int) bool {
	for _, i := range chosen {
		if mt := p.matches[i]; mt.Start <= r.start && r.end <= mt.End {
			return true
		}
	}
	return false
}
