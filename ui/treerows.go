package ui

import (
	"fmt"

	"lemstep/api"
	"lemstep/internal/steptext"
)

type rowKind int

const (
	rowStep rowKind = iota // a step: selectable
	rowLane                // "Yes" / "No" heading of a condition's lane
	rowNote                // an empty or missing lane
)

// treeRow is one line of the step screen.
type treeRow struct {
	kind  rowKind
	step  api.Step
	depth int
	day   int
	yes   bool   // lane heading: the yes lane
	note  string // rowNote text
}

func (r treeRow) selectable() bool { return r.kind == rowStep }

// treeRows flattens a tree into reading order: a condition, then its yes lane
// and its no lane, each under a heading and indented one level deeper.
func treeRows(t api.Tree) []treeRow {
	var rows []treeRow
	var lane func(l api.Lane, depth int)
	lane = func(l api.Lane, depth int) {
		for _, n := range l.Nodes {
			rows = append(rows, treeRow{kind: rowStep, step: n.Step, depth: depth, day: n.Day})
			if n.Step.Type != api.Conditional {
				continue
			}
			for _, branch := range []struct {
				l   *api.Lane
				yes bool
			}{{n.Yes, true}, {n.No, false}} {
				rows = append(rows, treeRow{kind: rowLane, depth: depth + 1, yes: branch.yes})
				switch {
				case branch.l == nil || branch.l.Missing:
					rows = append(rows, treeRow{kind: rowNote, depth: depth + 2, note: "branch not found in the campaign"})
				case len(branch.l.Nodes) == 0:
					rows = append(rows, treeRow{kind: rowNote, depth: depth + 2, note: "no steps"})
				default:
					lane(*branch.l, depth+2)
				}
			}
		}
	}
	lane(t.Main, 0)
	return rows
}

// filterText is what `/` matches a row against.
func (r treeRow) filterText() string {
	if r.kind != rowStep {
		return ""
	}
	return fmt.Sprintf("%s %s %s", r.step.Type.Label(), excerpt(r.step), steptext.Plain(r.step.Type, r.step.Message))
}
