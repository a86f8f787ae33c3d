package ui

import (
	"fmt"

	"lemstep/api"
	"lemstep/internal/steptext"
)

type rowKind int

const (
	rowStep    rowKind = iota // a step: selectable
	rowLane                   // the heading of a condition's lane ("✓ Yes", "▸ Hot: If…", "✗ Else")
	rowNote                   // an empty or missing lane
	rowVariant                // variant B of the A/B-tested step above: selectable
)

// treeRow is one line of the step screen.
type treeRow struct {
	kind     rowKind
	step     api.Step
	path     string // the step's path in the campaign ("4", "Yes · 2")
	depth    int
	day      int
	unplaced bool      // in a lane that fits nowhere: its days are not known
	lane     *api.Lane // rowLane: the lane headed
	note     string    // rowNote text
}

func (r treeRow) selectable() bool { return r.kind == rowStep || r.kind == rowVariant }

// treeRows flattens a tree into reading order: a condition, then each of its
// lanes (branches in order, the else last) under a heading and indented one
// level deeper; the lanes that fit nowhere come last, under their own
// headings.
func treeRows(t api.Tree) []treeRow {
	var rows []treeRow
	var lane func(l api.Lane, depth int, unplaced bool)
	lane = func(l api.Lane, depth int, unplaced bool) {
		for _, n := range l.Nodes {
			rows = append(rows, treeRow{kind: rowStep, step: n.Step, path: n.Path, depth: depth, day: n.Day, unplaced: unplaced})
			for _, sub := range n.Lanes {
				rows = append(rows, treeRow{kind: rowLane, depth: depth + 1, lane: sub, unplaced: unplaced})
				if note := laneNote(sub); note != "" {
					rows = append(rows, treeRow{kind: rowNote, depth: depth + 2, note: note})
					continue
				}
				lane(*sub, depth+2, unplaced)
			}
		}
	}
	lane(t.Main, 0, false)
	for _, l := range t.Unplaced {
		rows = append(rows, treeRow{kind: rowLane, lane: l, unplaced: true})
		lane(*l, 1, true)
	}
	return rows
}

// laneNote is what stands in a lane without steps; "" when it has some.
func laneNote(l *api.Lane) string {
	switch {
	case l.Missing:
		return "branch not found in the campaign"
	case len(l.Nodes) == 0:
		return "no steps"
	}
	return ""
}

// filterText is what `/` matches a row against.
func (r treeRow) filterText() string {
	if r.kind == rowVariant {
		return "variant B of " + excerpt(r.step)
	}
	if r.kind != rowStep {
		return ""
	}
	return fmt.Sprintf("%s %s %s", r.step.Type.Label(), excerpt(r.step), steptext.Plain(r.step.Type, r.step.Message))
}

// treeHeads gives each row of a tree the row heading it, -1 for none: a
// lane's heading heads its steps and its note, the condition heads its
// lanes, a lane that fits nowhere heads its steps, and an A/B-tested step
// heads its variant B. A row is headed by the nearest row above it that
// is less indented and can head (a step or a lane's heading).
func treeHeads(rows []treeRow) []int32 {
	heads := make([]int32, len(rows))
	var open []int32 // rows that can head the next, indented deeper and deeper
	for i, r := range rows {
		if r.kind == rowVariant {
			heads[i] = int32(i - 1)
			continue
		}
		for len(open) > 0 && rows[open[len(open)-1]].depth >= r.depth {
			open = open[:len(open)-1]
		}
		heads[i] = -1
		if len(open) > 0 {
			heads[i] = open[len(open)-1]
		}
		if r.kind != rowNote {
			open = append(open, int32(i))
		}
	}
	return heads
}
