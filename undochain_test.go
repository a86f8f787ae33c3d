package main

import (
	"testing"

	"lemstep/journal"
)

func TestUndoneByFollowsUndosOfUndos(t *testing.T) {
	entries := []journal.Entry{{ID: 1}, {ID: 2, Undoes: 1}, {ID: 3, Undoes: 2}, {ID: 4}, {ID: 5, Undoes: 3}}
	for _, c := range []struct {
		id     int
		by     int
		undone bool
	}{
		{1, 5, true},  // #2 undid it, #3 put it back, #5 undid that again
		{2, 5, false}, // #3 undid it, #5 undid #3: in effect again
		{3, 5, true},  // #5 undid it
		{4, 0, false}, // never undone
		{5, 0, false},
	} {
		by, undone := undoneBy(entries, c.id)
		if by != c.by || undone != c.undone {
			t.Errorf("undoneBy(#%d) = #%d, %v; want #%d, %v", c.id, by, undone, c.by, c.undone)
		}
	}
	if _, undone := undoneBy(entries[:3], 1); undone {
		t.Error("#1 undone by #2 and put back by #3 counts as undone")
	}
}
