package ui

import "strings"

// A list whose rows head others (the step tree: a condition heads its
// lanes, a lane heading its steps) keeps, while filtered, every row that
// heads a match above it: the sequence, condition and lane a step is in,
// each once, in the list's order. Those rows are context: drawn, but the
// cursor passes over them, so it moves only among the matches.
//
// Such a list is filtered by words and keeps its own order (see rowFilter):
// a match sorted away from its headings would need them repeated, or would
// be shown without them, and in a tree neither reads well. The ranking of
// the filter instead decides where the cursor starts: on the best match
// (the filter's words as whole words before word starts before text inside
// a word; see wordTier), the first in the tree among equals.

// findHeads works out which row heads each row, when the list has headings.
func (l *rowList[T]) findHeads() {
	if l.headOf != nil {
		l.heads = l.headOf(l.items)
	}
}

// showAll shows every row that is not hidden: no filter.
func (l *rowList[T]) showAll() {
	l.visible, l.context = l.shown, nil
}

// showMatches shows matches (in list order when the list has headings)
// with, above each, the rows heading it that are not shown already.
func (l *rowList[T]) showMatches(matches []int32) {
	l.visible, l.context = matches, nil
	if l.heads == nil || l.ranked || len(matches) == 0 {
		return
	}
	shown := make(map[int32]bool, 2*len(matches))
	visible := make([]int32, 0, 2*len(matches))
	context := make([]bool, 0, 2*len(matches))
	var chain []int32
	for _, m := range matches {
		// The headings of m not yet shown are the nearest ones: a heading
		// shown already heads an earlier row, and so do the rows heading it.
		chain = chain[:0]
		for h := l.heads[m]; h >= 0 && !shown[h]; h = l.heads[h] {
			chain = append(chain, h)
		}
		for k := len(chain) - 1; k >= 0; k-- {
			shown[chain[k]] = true
			visible = append(visible, chain[k])
			context = append(context, true)
		}
		shown[m] = true
		visible = append(visible, m)
		context = append(context, false)
	}
	l.visible, l.context = visible, context
}

// pickableAt reports whether the cursor may rest on visible row i: a
// selectable row that is not shown only as context.
func (l *rowList[T]) pickableAt(i int) bool {
	if l.context != nil && l.context[i] {
		return false
	}
	return l.selectable(l.items[l.visible[i]])
}

// bestMatch is the visible row a filter by term puts the cursor on: a
// ranked list shows its best match first; a list in its own order starts
// on the match holding term's words best (see wordTier), the first of
// equals.
func (l *rowList[T]) bestMatch(term string) int {
	if l.ranked {
		return 0
	}
	words := strings.Fields(asciiLower(term))
	best, bestTier := 0, -1
	for i, idx := range l.visible {
		if !l.pickableAt(i) {
			continue
		}
		tier := 0
		for _, w := range words {
			tier += wordTier(l.search[idx].lower, w)
		}
		if tier > bestTier {
			best, bestTier = i, tier
		}
	}
	return best
}

// headingsAbove is the first row to draw so that row, scrolled up to, shows
// with the rows heading it right above (as many as fit in h rows): moving
// up onto the first step of a lane shows the lane's heading too.
func (l *rowList[T]) headingsAbove(row, height int) int {
	if l.heads == nil {
		return row
	}
	top := row
	for head := l.heads[l.visible[row]]; head >= 0 && top > 0 && row-top+1 < height && l.visible[top-1] == head; head = l.heads[head] {
		top--
	}
	return top
}
