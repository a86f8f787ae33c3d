package ui

import (
	"strings"
)

// rowFilter finds the rows matching a filter term and remembers what each
// term of the one being typed matched. A row matching a term also matches
// every prefix of it (fuzzy letters in order, or words contained), so when
// the term grows only the previous matches are searched, and when it
// shrinks back the earlier answer is reused: typing and erasing cost in
// proportion to what still matches, not to the whole list.
type rowFilter struct {
	ranked bool         // fuzzy, best first; otherwise every word contained, in list order
	steps  []filterStep // each term a prefix of the next
}

// filterStep is what one term matched.
type filterStep struct {
	term   string
	rows   []int32 // indexes of the matching rows, in list order
	scores []int32 // ranked filters: each row's score
	order  []int32 // rows as shown (best first when ranked); nil until asked for
}

// reset forgets every term, as when the rows are replaced.
func (f *rowFilter) reset() { f.steps = nil }

// apply returns the rows of candidates (indexes in list order) matching
// term, in the order they are shown; search holds each row's text.
func (f *rowFilter) apply(term string, search []searchText, candidates []int32) []int32 {
	for len(f.steps) > 0 && !strings.HasPrefix(term, f.top().term) {
		f.steps = f.steps[:len(f.steps)-1]
	}
	if len(f.steps) > 0 && f.top().term == term {
		return f.top().shown(f.ranked)
	}
	from := candidates
	if len(f.steps) > 0 {
		from = f.top().rows
	}
	st := filterStep{term: term}
	st.add(f.matcher(term), search, from)
	f.steps = append(f.steps, st)
	return f.top().shown(f.ranked)
}

// extend matches rows just added to the list (indexes above every earlier
// one) against every term remembered, and returns the rows now shown for
// the last term.
func (f *rowFilter) extend(search []searchText, added []int32) []int32 {
	for i := range f.steps {
		st := &f.steps[i]
		before := len(st.rows)
		st.add(f.matcher(st.term), search, added)
		added = st.rows[before:]
		st.order = nil
	}
	return f.top().shown(f.ranked)
}

func (f *rowFilter) top() *filterStep { return &f.steps[len(f.steps)-1] }

// rowMatch scores one row's text; ok is false when it does not match.
type rowMatch func(text searchText) (score int, ok bool)

func (f *rowFilter) matcher(term string) rowMatch {
	if f.ranked {
		fuzzy, word := newFuzzyPattern(term), asciiLower(strings.TrimSpace(term))
		return func(text searchText) (int, bool) {
			score, ok := fuzzy.score(text)
			if !ok {
				return 0, false
			}
			return score + wordTier(text.lower, word)*tierWeight, true
		}
	}
	words := strings.Fields(strings.ToLower(term))
	return func(text searchText) (int, bool) { return 0, containsWords(words, text.original()) }
}

// add appends the rows of from that match.
func (st *filterStep) add(match rowMatch, search []searchText, from []int32) {
	for _, i := range from {
		if score, ok := match(search[i]); ok {
			st.rows = append(st.rows, i)
			st.scores = append(st.scores, int32(score))
		}
	}
}

// shown is the step's rows in the order the list shows them.
func (st *filterStep) shown(ranked bool) []int32 {
	if !ranked {
		return st.rows
	}
	if st.order == nil {
		rank := rankByScore(st.scores)
		for k, pos := range rank {
			rank[k] = st.rows[pos]
		}
		st.order = rank
	}
	return st.order
}

// containsWords reports whether text holds every word (already lower
// case), ignoring case: in a sequence tree, fuzzy letters match far too
// much.
func containsWords(words []string, text string) bool {
	text = strings.ToLower(text)
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// tierWeight puts every match of a higher tier (see wordTier) above every
// match of a lower one, fuzzy scores ordering each tier; the scores stay
// within the span rankByScore counts.
const tierWeight = 8192

// wordTier ranks how text holds word, both lower case: 3 as a whole word,
// 2 as the start of a word, 1 inside a word, 0 only as scattered letters
// (a fuzzy match). "fin" finds "Series A fintech" (a word's start) before
// "Inbound … fast lane", whose letters only line up.
func wordTier(text, word string) int {
	if word == "" {
		return 0
	}
	tier := 0
	for from := 0; ; {
		i := strings.Index(text[from:], word)
		if i < 0 {
			return tier
		}
		at := from + i
		end := at + len(word)
		startsWord := at == 0 || !isWordByte(text[at-1])
		endsWord := end == len(text) || !isWordByte(text[end])
		switch {
		case startsWord && endsWord:
			return 3
		case startsWord:
			tier = max(tier, 2)
		default:
			tier = max(tier, 1)
		}
		from = at + 1
	}
}

// isWordByte reports a letter or digit byte; any byte of a multi-byte
// character counts as a letter.
func isWordByte(c byte) bool {
	return c >= 0x80 || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// asciiLower is s with its ASCII capitals in lower case, as searchText
// holds a row's text.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
