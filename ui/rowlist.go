package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// rowList is the scrolling, filterable list both browsing screens use. Rows
// that are not selectable (lane headings) are skipped by the cursor and
// dropped while a filter is active.
type rowList[T any] struct {
	items      []T
	selectable func(T) bool
	filterOn   func(T) string
	// ranked filters fuzzily and sorts matches by score; otherwise a row
	// matches when it contains every word of the filter, and keeps its order.
	ranked bool

	visible []int // indexes into items, after filtering
	cursor  int   // index into visible
	offset  int   // first visible row drawn
	height  int

	input     textinput.Model
	filtering bool // the filter input has focus
}

func newRowList[T any](selectable func(T) bool, filterOn func(T) string, ranked bool) rowList[T] {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "type to filter"
	return rowList[T]{selectable: selectable, filterOn: filterOn, ranked: ranked, input: in}
}

// SetItems replaces the rows, keeping the filter and, when keep returns true
// for a row, the cursor on it; a filter that hides that row is cleared so
// the cursor can stay where the user left it.
func (l *rowList[T]) SetItems(items []T, keep func(T) bool) {
	l.items = items
	l.refilter()
	if keep == nil || l.SelectWhere(keep) || !l.Filtered() {
		return
	}
	for _, it := range items {
		if keep(it) {
			l.input.SetValue("")
			l.refilter()
			l.SelectWhere(keep)
			return
		}
	}
}

// SelectWhere moves the cursor to the first visible row matching pred.
func (l *rowList[T]) SelectWhere(pred func(T) bool) bool {
	for i, idx := range l.visible {
		if pred(l.items[idx]) {
			l.cursor = i
			l.scroll()
			return true
		}
	}
	return false
}

func (l *rowList[T]) refilter() {
	term := l.input.Value()
	l.visible = l.visible[:0]
	if term == "" {
		for i := range l.items {
			l.visible = append(l.visible, i)
		}
	} else {
		l.visible = l.matches(term)
	}
	l.cursor = 0
	l.offset = 0
	l.settle(1)
}

func (l *rowList[T]) matches(term string) []int {
	var idx []int
	var targets []string
	for i, it := range l.items {
		if l.selectable(it) {
			idx = append(idx, i)
			targets = append(targets, l.filterOn(it))
		}
	}
	filter := containsWords
	if l.ranked {
		filter = list.DefaultFilter
	}
	ranks := filter(term, targets)
	out := make([]int, len(ranks))
	for i, r := range ranks {
		out[i] = idx[r.Index]
	}
	return out
}

// settle moves the cursor in direction dir until it rests on a selectable row.
func (l *rowList[T]) settle(dir int) {
	for l.cursor >= 0 && l.cursor < len(l.visible) {
		if l.selectable(l.items[l.visible[l.cursor]]) {
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
	if !l.selectable(l.items[l.visible[l.cursor]]) {
		l.cursor = from
	}
	l.scroll()
}

func (l *rowList[T]) scroll() {
	h := max(1, l.height)
	if l.cursor < l.offset {
		l.offset = l.cursor
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
	it := l.items[l.visible[l.cursor]]
	return it, l.selectable(it)
}

// SetHeight sets how many rows are drawn.
func (l *rowList[T]) SetHeight(h int) {
	l.height = h
	l.scroll()
}

// Filtering reports whether the filter input has focus (keys are text then).
func (l *rowList[T]) Filtering() bool { return l.filtering }

// Filtered reports whether a filter narrows the rows.
func (l *rowList[T]) Filtered() bool { return l.input.Value() != "" }

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

// updateFilter handles a key while the filter is typed: letters are text,
// so only the arrows move.
func (l *rowList[T]) updateFilter(k tea.KeyPressMsg, keys Keys) tea.Cmd {
	switch {
	case key.Matches(k, keys.ClearFilter):
		l.filtering = false
		l.input.Blur()
		l.input.SetValue("")
		l.refilter()
		return nil
	case key.Matches(k, keys.ApplyFilter):
		l.filtering = false
		l.input.Blur()
		return nil
	case key.Matches(k, keys.FilterUp):
		l.move(-1)
		return nil
	case key.Matches(k, keys.FilterDown):
		l.move(1)
		return nil
	}
	before := l.input.Value()
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(k)
	if l.input.Value() != before {
		l.refilter()
	}
	return cmd
}

// FilterLine is the filter prompt, or "" when no filter is set or typed.
func (l *rowList[T]) FilterLine() string {
	if !l.filtering && !l.Filtered() {
		return ""
	}
	return l.input.View()
}

// View draws the visible window of rows with render.
func (l *rowList[T]) View(render func(it T, selected bool) string) string {
	var b strings.Builder
	end := min(len(l.visible), l.offset+max(1, l.height))
	for i := l.offset; i < end; i++ {
		if i > l.offset {
			b.WriteByte('\n')
		}
		b.WriteString(render(l.items[l.visible[i]], i == l.cursor))
	}
	return b.String()
}

// containsWords keeps, in order, the targets holding every word of term,
// ignoring case: in a sequence tree, fuzzy letters match far too much.
func containsWords(term string, targets []string) []list.Rank {
	words := strings.Fields(strings.ToLower(term))
	var out []list.Rank
	for i, t := range targets {
		t = strings.ToLower(t)
		all := true
		for _, w := range words {
			if !strings.Contains(t, w) {
				all = false
				break
			}
		}
		if all {
			out = append(out, list.Rank{Index: i})
		}
	}
	return out
}
