package api

import (
	"errors"
	"fmt"
	"strings"
)

// Tree is a campaign's sequences arranged as the lead travels them: the main
// sequence in step order, each conditional step holding its two lanes.
type Tree struct {
	Main Lane
}

// Lane is one sequence of the tree. Missing is set when a conditional step
// names a branch that the sequences map does not contain; it is then empty.
type Lane struct {
	SequenceID string
	Level      int
	Missing    bool
	Nodes      []Node
}

// Node is a step in its lane. Day is the step's offset from the lead's start,
// the running sum of delays along the path that leads to it. Yes and No are
// set for conditional steps only.
type Node struct {
	Step Step
	Day  int
	Yes  *Lane
	No   *Lane
}

// ErrNoMainSequence is returned when the sequences map has no level-0 entry.
var ErrNoMainSequence = errors.New("the campaign has no main sequence")

// BuildTree arranges seqs into a tree. A branch missing from the map shows as
// an empty lane; a branch that loops back onto a sequence already in the tree
// is cut, so hostile data cannot recurse forever.
func BuildTree(seqs Sequences) (Tree, error) {
	mainID := MainSequenceID(seqs)
	if mainID == "" {
		return Tree{}, ErrNoMainSequence
	}
	b := treeBuilder{seqs: seqs, seen: map[string]bool{}}
	return Tree{Main: b.lane(mainID, 0, 0)}, nil
}

// MainSequenceID is the campaign's main sequence: level 0 without a parent
// (the first by id, should lemlist ever send two); "" when there is none.
func MainSequenceID(seqs Sequences) string {
	mainID := ""
	for id, s := range seqs {
		if s.Level == 0 && s.ParentID == "" && (mainID == "" || id < mainID) {
			mainID = id
		}
	}
	return mainID
}

type treeBuilder struct {
	seqs Sequences
	seen map[string]bool
}

func (b *treeBuilder) lane(id string, level, startDay int) Lane {
	s, ok := b.seqs[id]
	if !ok || b.seen[id] {
		return Lane{SequenceID: id, Level: level, Missing: !ok}
	}
	b.seen[id] = true
	l := Lane{SequenceID: id, Level: level, Nodes: make([]Node, 0, len(s.Steps))}
	day := startDay
	for _, st := range s.Steps {
		if st.SequenceID == "" {
			st.SequenceID = id
		}
		if st.Type != Conditional {
			day += st.DelayDays()
		}
		n := Node{Step: st, Day: day}
		if st.Type == Conditional {
			yes, no := st.Branches()
			n.Yes = b.branch(yes, level+1, day)
			n.No = b.branch(no, level+1, day)
		}
		l.Nodes = append(l.Nodes, n)
	}
	return l
}

func (b *treeBuilder) branch(c *Condition, level, day int) *Lane {
	if c == nil {
		return &Lane{Level: level, Missing: true}
	}
	l := b.lane(c.SequenceID, level, day)
	return &l
}

// Walk calls fn for every node of the tree, depth first in reading order:
// a conditional step, then its yes lane, then its no lane. depth is 0 in the
// main sequence; yes says which lane a node is in (meaningless at depth 0).
func (t Tree) Walk(fn func(n Node, depth int)) {
	walkLane(t.Main, 0, fn)
}

func walkLane(l Lane, depth int, fn func(Node, int)) {
	for _, n := range l.Nodes {
		fn(n, depth)
		if n.Yes != nil {
			walkLane(*n.Yes, depth+1, fn)
		}
		if n.No != nil {
			walkLane(*n.No, depth+1, fn)
		}
	}
}

// FindStep returns the step with id stepID in any sequence of seqs.
func (seqs Sequences) FindStep(stepID string) (Step, bool) {
	for id := range seqs {
		if st, ok := seqs.StepIn(id, stepID); ok {
			return st, true
		}
	}
	return Step{}, false
}

// StepIn returns the step with id stepID in sequence sequenceID of seqs,
// its SequenceID filled in when lemlist left it out.
func (seqs Sequences) StepIn(sequenceID, stepID string) (Step, bool) {
	for _, st := range seqs[sequenceID].Steps {
		if st.ID == stepID {
			if st.SequenceID == "" {
				st.SequenceID = sequenceID
			}
			return st, true
		}
	}
	return Step{}, false
}

// ConditionSentence says what a conditional step checks, as a sentence:
// "If the lead opened an email within 3 days".
func ConditionSentence(s Step) string {
	yes, _ := s.Branches()
	if yes == nil || yes.Key == "" {
		return "If the condition is met"
	}
	// A condition's label reads as the end of "If the lead …" once its
	// first letter is lowered: "Opened an email".
	phrase := "meets " + yes.Key
	if IsChoice(ConditionKeys, yes.Key) {
		label := ChoiceLabel(ConditionKeys, yes.Key)
		phrase = strings.ToLower(label[:1]) + label[1:]
	}
	var b strings.Builder
	b.WriteString("If the lead ")
	b.WriteString(phrase)
	if yes.Delay != nil {
		days := *yes.Delay
		unit := "days"
		if days == 1 {
			unit = "day"
		}
		switch yes.DelayType {
		case "waitUntil":
			fmt.Fprintf(&b, " (waiting up to %d %s)", days, unit)
		default:
			fmt.Fprintf(&b, " within %d %s", days, unit)
		}
	}
	return b.String()
}
