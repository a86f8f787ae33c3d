package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// rowList is the scrolling, filterable list both browsing screens use. Rows
// that are not selectable (lane headings) are skipped by the cursor; while a
// filter is active they are dropped, unless they head a match (see
// rowcontext.go). Hidden rows (archived campaigns while they are hidden) are
// left out altogether.
//
// A list may hold every campaign of a large team, so nothing a key does
// walks every row: each row's search text is made once, when the row is
// added; rows arriving page by page are appended, not copied again with
// the ones before; the filter narrows its previous matches (see
// rowFilter). Rows are kept once, in items; everything else holds indexes.
type rowList[T any] struct {
	items      []T
	search     []searchText // filterOn of each item, made once
	selectable func(T) bool
	filterOn   func(T) string
	hidden     func(T) bool // nil hides nothing
	// ranked filters fuzzily and sorts matches by score; otherwise a row
	// matches when it contains every word of the filter, and keeps its order.
	ranked bool
	// headOf, when set, gives each row the row heading it; heads holds its
	// answer for the items. See rowcontext.go.
	headOf func(items []T) []int32
	heads  []int32

	shown    []int32 // items not hidden, in order
	pickable []int32 // shown and selectable: what a filter searches
	filter   rowFilter
	visible  []int32 // indexes into items, after filtering
	// context marks the visible rows shown only as the heading of a match,
	// which the cursor passes over; nil when there are none.
	context []bool
	cursor  int // index into visible
	offset  int // first visible row drawn
	height  int

	input     textinput.Model
	filtering bool // the filter input has focus
}

// filterWidth is the columns the filter's text takes.
const filterWidth = 40

func newRowList[T any](selectable func(T) bool, filterOn func(T) string, ranked bool) rowList[T] {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "type to filter"
	// bubbles' textinput shows one character of its placeholder while its
	// width is 0 (charmbracelet/bubbles#950, #779): give it a width. A
	// longer term scrolls inside it.
	in.SetWidth(filterWidth)
	return rowList[T]{selectable: selectable, filterOn: filterOn, ranked: ranked, input: in, filter: rowFilter{ranked: ranked}}
}

// SetItems replaces the rows, keeping the filter and, when keep returns true
// for a row, the cursor on it; a filter that hides that row is cleared so
// the cursor can stay where the user left it.
func (l *rowList[T]) SetItems(items []T, keep func(T) bool) {
	l.items = items
	l.search = make([]searchText, len(items))
	for i, it := range items {
		l.search[i] = newSearchText(l.filterOn(it))
	}
	l.findHeads()
	l.reshow(keep)
}

// AppendItems adds rows after the others (a page of campaigns as it
// arrives): only the new rows are prepared and matched, and the cursor
// stays on the row it was on.
func (l *rowList[T]) AppendItems(more []T) {
	if len(more) == 0 {
		return
	}
	wasEmpty := len(l.visible) == 0
	selected := l.selectedIndex()
	first := len(l.items)
	l.items = append(growDoubling(l.items, len(more)), more...)
	l.search = growDoubling(l.search, len(more))
	l.shown = growDoubling(l.shown, len(more))
	l.pickable = growDoubling(l.pickable, len(more))
	added := make([]int32, 0, len(more))
	for i, it := range more {
		idx := int32(first + i)
		l.search = append(l.search, newSearchText(l.filterOn(it)))
		if l.hidden != nil && l.hidden(it) {
			continue
		}
		l.shown = append(l.shown, idx)
		if l.selectable(it) {
			l.pickable = append(l.pickable, idx)
			added = append(added, idx)
		}
	}
	l.findHeads()
	if !l.Filtered() {
		l.showAll()
	} else {
		l.showMatches(l.filter.extend(l.search, added))
	}
	if wasEmpty || selected < 0 || !l.selectIndex(selected) {
		l.cursor, l.offset = 0, 0
		l.settle(1)
	}
}

// Rehide applies the hidden rule again (it changed), keeping the cursor
// on the row keep picks as SetItems does.
func (l *rowList[T]) Rehide(keep func(T) bool) { l.reshow(keep) }

// Items is every row, hidden ones included.
func (l *rowList[T]) Items() []T { return l.items }

// reshow works out the shown and pickable rows again and refilters.
func (l *rowList[T]) reshow(keep func(T) bool) {
	l.shown, l.pickable = l.shown[:0], l.pickable[:0]
	for i, it := range l.items {
		if l.hidden != nil && l.hidden(it) {
			continue
		}
		l.shown = append(l.shown, int32(i))
		if l.selectable(it) {
			l.pickable = append(l.pickable, int32(i))
		}
	}
	l.filter.reset()
	l.refilter()
	if keep == nil || l.SelectWhere(keep) || !l.Filtered() {
		return
	}
	for _, i := range l.shown {
		if keep(l.items[i]) {
			l.input.SetValue("")
			l.refilter()
			l.SelectWhere(keep)
			return
		}
	}
}

// SelectWhere moves the cursor to the first visible row matching pred that
// the cursor may rest on.
func (l *rowList[T]) SelectWhere(pred func(T) bool) bool {
	for i, idx := range l.visible {
		if l.pickableAt(i) && pred(l.items[idx]) {
			l.cursor = i
			l.scroll()
			return true
		}
	}
	return false
}

// selectedIndex is the index in items of the row under the cursor, -1
// when there is none.
func (l *rowList[T]) selectedIndex() int32 {
	if l.cursor < 0 || l.cursor >= len(l.visible) {
		return -1
	}
	return l.visible[l.cursor]
}

// selectIndex moves the cursor to the row items[idx] when it is visible.
// The row under the cursor rarely moves, so it is looked for there first.
func (l *rowList[T]) selectIndex(idx int32) bool {
	if l.cursor < len(l.visible) && l.visible[l.cursor] == idx {
		l.scroll()
		return true
	}
	for i, v := range l.visible {
		if v == idx {
			l.cursor = i
			l.scroll()
			return true
		}
	}
	return false
}

func (l *rowList[T]) refilter() {
	l.cursor = 0
	if term := l.input.Value(); term == "" {
		l.filter.reset()
		l.showAll()
	} else {
		l.showMatches(l.filter.apply(term, l.search, l.pickable))
		l.cursor = l.bestMatch(term)
	}
	l.offset = 0
	l.settle(1)
}

// settle moves the cursor in direction dir until it rests on a selectable row.
func (l *rowList[T]) settle(dir int) {
	for l.cursor >= 0 && l.cursor < len(l.visible) {
		if l.pickableAt(l.cursor) {
			l.scroll()
			return
		}
		l.cursor += dir
	}
	if dir > 0 && len(l.visible) > 0 {
		l.cursor = len(l.visible) - 1
		l.settle(-1)
		return
	}
	l.cursor = max(0, min(l.cursor, len(l.visible)-1))
}

func (l *rowList[T]) move(delta int) {
	if len(l.visible) == 0 {
		return
	}
	from := l.cursor
	dir := 1
	if delta < 0 {
		dir = -1
	}
	l.cursor = max(0, min(len(l.visible)-1, l.cursor+delta))
	l.settle(dir)
	if !l.pickableAt(l.cursor) {
		l.cursor = from
	}
	l.scroll()
}

func (l *rowList[T]) scroll() {
	h := max(1, l.height)
	if l.cursor < l.offset {
		l.offset = l.headingsAbove(l.cursor, h)
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = max(0, min(l.offset, max(0, len(l.visible)-h)))
}

// Selected returns the row under the cursor.
func (l *rowList[T]) Selected() (T, bool) {
	var zero T
	if l.cursor < 0 || l.cursor >= len(l.visible) {
		return zero, false
	}
	return l.items[l.visible[l.cursor]], l.pickableAt(l.cursor)
}

// SetHeight sets how many rows are drawn.
func (l *rowList[T]) SetHeight(h int) {
	l.height = h
	l.scroll()
}

// Len is the number of rows shown.
func (l *rowList[T]) Len() int { return len(l.visible) }

// Update handles the list's keys; it reports whether it used the message.
func (l *rowList[T]) Update(msg tea.Msg, keys Keys) (bool, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, nil
	}
	if l.filtering {
		return true, l.updateFilter(k, keys)
	}
	switch {
	case key.Matches(k, keys.Filter):
		l.filtering = true
		return true, l.input.Focus()
	case key.Matches(k, keys.ClearFilter) && l.Filtered():
		l.input.SetValue("")
		l.refilter()
	case key.Matches(k, keys.Up):
		l.move(-1)
	case key.Matches(k, keys.Down):
		l.move(1)
	case key.Matches(k, keys.PageUp):
		l.move(-max(1, l.height-1))
	case key.Matches(k, keys.PageDown):
		l.move(max(1, l.height-1))
	case key.Matches(k, keys.Home):
		l.cursor = 0
		l.settle(1)
	case key.Matches(k, keys.End):
		l.cursor = len(l.visible) - 1
		l.settle(-1)
	default:
		return false, nil
	}
	return true, nil
}

// View draws the visible window of rows with render.
func (l *rowList[T]) View(render func(it T, selected bool) string) string {
	return l.ViewRows(func(it T, selected, _ bool) string { return render(it, selected) })
}

// ViewRows draws the visible window of rows with render, which is told
// whether a row is shown only as the heading of a match.
func (l *rowList[T]) ViewRows(render func(it T, selected, context bool) string) string {
	var b strings.Builder
	end := min(len(l.visible), l.offset+max(1, l.height))
	for i := l.offset; i < end; i++ {
		if i > l.offset {
			b.WriteByte('\n')
		}
		b.WriteString(render(l.items[l.visible[i]], i == l.cursor, l.context != nil && l.context[i]))
	}
	return b.String()
}

// growDoubling makes room for n more elements, at least doubling the
// capacity when it must grow. append grows a large slice by about a
// quarter, so a list of 50,000 rows arriving 100 at a time would be copied
// some twenty times over; doubling copies it at most once in all.
func growDoubling[S ~[]E, E any](s S, n int) S {
	if cap(s)-len(s) >= n {
		return s
	}
	return slices.Grow(s, max(n, len(s)))
}
