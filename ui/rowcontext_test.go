package ui

import (
	"slices"
	"testing"

	"lemstep/api"
)

// sampleTree is a tree as treeRows lays it out: a condition with a yes lane
// holding a nested condition, a no lane, and a lane that fits nowhere.
func sampleTree() []treeRow {
	step := func(depth int, id, subject string) treeRow {
		return treeRow{kind: rowStep, depth: depth, step: api.Step{ID: id, Type: api.Email, Subject: subject}}
	}
	cond := func(depth int, id string) treeRow {
		return treeRow{kind: rowStep, depth: depth, step: api.Step{ID: id, Type: api.Conditional}}
	}
	lane := func(depth int, name string) treeRow {
		return treeRow{kind: rowLane, depth: depth, lane: &api.Lane{Name: name}}
	}
	return []treeRow{
		step(0, "s0", "Refinance your stack"), // 0
		cond(0, "c1"),                         // 1
		lane(1, "Yes"),                        // 2
		step(2, "s3", "Hello"),                // 3
		cond(2, "c4"),                         // 4
		lane(3, "Yes"),                        // 5
		step(4, "s6", "A fin teardown"),       // 6
		lane(3, "No"),                         // 7
		{kind: rowNote, depth: 4, note: "no steps"},
		lane(1, "No"),                      // 9
		step(2, "s10", "Fintech founders"), // 10
		{kind: rowVariant, depth: 2, step: api.Step{ID: "s10"}},
		lane(0, "Unplaced"),          // 12
		step(1, "s13", "Last touch"), // 13
	}
}

func TestTreeHeadsAreTheRowsAboveEachRow(t *testing.T) {
	got := treeHeads(sampleTree())
	want := []int32{-1, -1, 1, 2, 2, 4, 5, 4, 7, 1, 9, 10, -1, 12}
	if !slices.Equal(got, want) {
		t.Fatalf("treeHeads = %v\n          want %v", got, want)
	}
}

// filteredTree is a step list over sampleTree filtered by term.
func filteredTree(term string) *rowList[treeRow] {
	l := newRowList(treeRow.selectable, treeRow.filterText, false)
	l.headOf = treeHeads
	l.SetHeight(20)
	l.SetItems(sampleTree(), nil)
	l.input.SetValue(term)
	l.refilter()
	return &l
}

// A filtered tree keeps the rows heading each match, once, in the tree's
// order, as context: the cursor starts on the match holding the word best
// and moves among the matches only.
func TestFilteredTreeKeepsTheHeadingsOfItsMatches(t *testing.T) {
	l := filteredTree("fin")
	// "fin" is inside "Refinance" (0), a whole word in "A fin teardown"
	// (6) and a word's start in "Fintech" (10).
	if want := []int32{0, 1, 2, 4, 5, 6, 9, 10}; !slices.Equal(l.visible, want) {
		t.Fatalf("visible rows %v, want %v", l.visible, want)
	}
	if want := []bool{false, true, true, true, true, false, true, false}; !slices.Equal(l.context, want) {
		t.Fatalf("context rows %v, want %v", l.context, want)
	}
	if r, ok := l.Selected(); !ok || r.step.ID != "s6" {
		t.Fatalf("the cursor starts on %q (%v), want the whole word's step s6", r.step.ID, ok)
	}
	var path []string
	for _, k := range []string{"down", "down", "up", "up", "up"} {
		l.Update(keyMsg(k), DefaultKeys())
		r, _ := l.Selected()
		path = append(path, r.step.ID)
	}
	if want := []string{"s10", "s10", "s6", "s0", "s0"}; !slices.Equal(path, want) {
		t.Fatalf("the cursor went %v, want %v: only the matches are stops", path, want)
	}
	l.Update(keyMsg("end"), DefaultKeys())
	if r, _ := l.Selected(); r.step.ID != "s10" {
		t.Fatalf("end selects %q, want the last match", r.step.ID)
	}
}

// A condition that matches is a match, not context; a heading shared by
// two matches is shown once; a variant B heads nothing it is not under.
func TestAMatchingConditionIsSelectable(t *testing.T) {
	l := filteredTree("condition")
	conditions := 0
	for i, idx := range l.visible {
		if l.items[idx].step.Type == api.Conditional {
			conditions++
			if l.context[i] {
				t.Fatalf("the matching condition %s is drawn as context", l.items[idx].step.ID)
			}
		}
	}
	if conditions != 2 {
		t.Fatalf("the filter shows %d conditions, want both", conditions)
	}
	l = filteredTree("last touch")
	if want := []int32{12, 13}; !slices.Equal(l.visible, want) {
		t.Fatalf("a lane that fits nowhere: visible %v, want %v", l.visible, want)
	}
	l.input.SetValue("")
	l.refilter()
	if l.context != nil || len(l.visible) != len(sampleTree()) {
		t.Fatalf("clearing the filter shows %d rows with context %v", len(l.visible), l.context)
	}
}

// Scrolling up onto the first step of a lane shows the headings above it
// (the lane's, then its condition), as many as the window has room for.
func TestScrollingUpShowsTheHeadingsAbove(t *testing.T) {
	l := newRowList(treeRow.selectable, treeRow.filterText, false)
	l.headOf = treeHeads
	l.SetHeight(3)
	l.SetItems(sampleTree(), nil)
	l.SelectWhere(func(r treeRow) bool { return r.step.ID == "s10" })
	var window []int
	for range 3 {
		l.Update(keyMsg("up"), DefaultKeys())
		window = append(window, l.offset)
	}
	// s6 with its lane and condition (room for both), c4 already in view,
	// then s3 with its lane and c1 above.
	if want := []int{4, 4, 1}; !slices.Equal(window, want) {
		t.Fatalf("the window started at rows %v, want %v", window, want)
	}
}
