package api

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
)

// Tree is a campaign's sequences arranged as the lead travels them: the main
// sequence in step order, each conditional step holding one lane per branch
// and its else. Branch sequences that fit nowhere are kept in Unplaced: no
// sequence of lemlist's answer is ever dropped.
type Tree struct {
	Main     Lane
	Unplaced []*Lane
}

// Lane is one sequence of the tree.
type Lane struct {
	SequenceID string
	Level      int
	// Name is what the lane is called on screen: "Yes" and "No" for a
	// condition with one branch, the branch's label ("Hot") and "Else" for
	// a condition with several, "Unplaced" for a sequence that fits nowhere;
	// "" for the main sequence.
	Name string
	// Branch is the entry of `conditions` that leads here (nil for the main
	// sequence, for an unplaced lane and for a lane `conditions` does not
	// name); Else marks the fallback lane.
	Branch *Condition
	Else   bool
	// Unnamed is set on a lane placed by its parentId and
	// conditionalStepIndex because `conditions` does not name it.
	Unnamed bool
	// Missing is set when a condition names a branch that the sequences map
	// does not contain; the lane is then empty.
	Missing bool
	// StartDay is the earliest day a lead can enter the lane: the condition's
	// day for a branch, that day plus the waiting window for the else.
	// Unplaced lanes count from 0, their real start being unknown.
	StartDay int
	Nodes    []Node
}

// Node is a step in its lane. Day is the earliest day the step can happen,
// counted from the lead's start: the lane's start plus the delays before it.
// Path names the step uniquely in the campaign ("4", "Yes · 2", "Hot · 1").
// Lanes is set on conditional steps only: the branches in order, the else
// last.
type Node struct {
	Step  Step
	Day   int
	Path  string
	Lanes []*Lane
}

// ErrNoMainSequence is returned when the sequences map has no level-0 entry.
var ErrNoMainSequence = errors.New("the campaign has no main sequence")

// BuildTree arranges seqs into a tree. A branch missing from the map shows as
// an empty lane; a branch sequence that `conditions` does not name is placed
// by its parentId and conditionalStepIndex, else kept in Tree.Unplaced; a
// branch that loops back onto a sequence already in the tree is cut, so
// hostile data cannot recurse forever.
func BuildTree(seqs Sequences) (Tree, error) {
	mainID := MainSequenceID(seqs)
	if mainID == "" {
		return Tree{}, ErrNoMainSequence
	}
	b := treeBuilder{seqs: seqs, seen: map[string]*Lane{}}
	main := b.lane(mainID, 0, 0)
	var unplaced []*Lane
	for {
		b.placeUnnamed()
		rest := b.unseen()
		if len(rest) == 0 {
			break
		}
		l := b.lane(rest[0], seqs[rest[0]].Level, 0)
		l.Name = "Unplaced"
		if len(unplaced) > 0 {
			l.Name = fmt.Sprintf("Unplaced %d", len(unplaced)+1)
		}
		unplaced = append(unplaced, l)
	}
	t := Tree{Main: *main, Unplaced: unplaced}
	t.eachLane(func(l *Lane, _ string) {
		for i := range l.Nodes {
			addMissingElse(&l.Nodes[i], l.Level+1)
		}
	})
	t.numberPaths()
	return t, nil
}

// MainSequenceID is the campaign's main sequence: level 0 without a parent
// (the first by id, should lemlist ever send two); "" when there is none.
func MainSequenceID(seqs Sequences) string {
	mainID := ""
	for id, s := range seqs {
		_, broken := s.Unreadable[wholeValue]
		if s.Level == 0 && s.ParentID == "" && !broken && (mainID == "" || id < mainID) {
			mainID = id
		}
	}
	return mainID
}

type treeBuilder struct {
	seqs Sequences
	seen map[string]*Lane // every sequence already in the tree, by id
}

func (b *treeBuilder) lane(id string, level, startDay int) *Lane {
	s, ok := b.seqs[id]
	if !ok || b.seen[id] != nil {
		return &Lane{SequenceID: id, Level: level, Missing: !ok, StartDay: startDay}
	}
	l := &Lane{SequenceID: id, Level: level, StartDay: startDay, Nodes: make([]Node, 0, len(s.Steps))}
	b.seen[id] = l
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
			n.Lanes = b.branches(st, level+1, day)
		}
		l.Nodes = append(l.Nodes, n)
	}
	return l
}

// branches builds a condition's lanes from its `conditions`, in order, the
// else last; a condition without an else entry gets none here (placeUnnamed
// may find it).
func (b *treeBuilder) branches(st Step, level, day int) []*Lane {
	names := laneNames(st)
	var lanes, elses []*Lane
	for i := range st.Conditions {
		c := st.Conditions[i]
		start := day
		if c.Fallback {
			start = day + WaitingWindow(st)
		}
		l := b.lane(c.SequenceID, level, start)
		l.Name, l.Branch, l.Else = names[i], &c, c.Fallback
		if c.Fallback {
			elses = append(elses, l)
		} else {
			lanes = append(lanes, l)
		}
	}
	return append(lanes, elses...)
}

// WaitingWindow is how many days a condition waits for its branches before
// the lead takes the else: the longest delay of its branches.
func WaitingWindow(st Step) int {
	w := 0
	for _, c := range st.BranchConditions() {
		if c.Delay != nil {
			w = max(w, *c.Delay)
		}
	}
	return w
}

// unseen lists the sequences not yet in the tree, by id.
func (b *treeBuilder) unseen() []string {
	var ids []string
	for id := range b.seqs {
		if b.seen[id] == nil {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// placeUnnamed attaches each sequence not yet in the tree to the conditional
// step its parentId and conditionalStepIndex point at, as long as that step
// is in the tree; it repeats until nothing more fits, so a branch of a
// branch finds its place once its parent has.
func (b *treeBuilder) placeUnnamed() {
	for placed := true; placed; {
		placed = false
		for _, id := range b.unseen() {
			n := b.conditionOf(b.seqs[id])
			if n == nil {
				continue
			}
			b.attach(n, id)
			placed = true
		}
	}
}

// conditionOf is the node of the conditional step s says it branches from,
// or nil when there is none in the tree.
func (b *treeBuilder) conditionOf(s Sequence) *Node {
	parent := b.seen[s.ParentID]
	if parent == nil || s.ConditionalStepIndex == nil {
		return nil
	}
	i := *s.ConditionalStepIndex
	if i < 0 || i >= len(parent.Nodes) || parent.Nodes[i].Step.Type != Conditional {
		return nil
	}
	return &parent.Nodes[i]
}

// attach adds sequence id to a condition whose `conditions` does not name it.
// When the condition has no else entry and this is the only such lane, it is
// the else: lemlist always gives a condition one.
func (b *treeBuilder) attach(n *Node, id string) {
	hasElse := false
	for _, l := range n.Lanes {
		hasElse = hasElse || l.Else
	}
	othersUnnamed := 0
	for _, other := range b.unseen() {
		s := b.seqs[other]
		if other != id && b.conditionOf(s) == n {
			othersUnnamed++
		}
	}
	level := b.seqs[id].Level
	if !hasElse && othersUnnamed == 0 {
		l := b.lane(id, level, n.Day+WaitingWindow(n.Step))
		l.Name, l.Else, l.Unnamed = elseName(n.Step), true, true
		n.Lanes = append(n.Lanes, l)
		return
	}
	l := b.lane(id, level, n.Day)
	l.Name, l.Unnamed = "Other branch", true
	// Keep the else last.
	at := len(n.Lanes)
	if hasElse {
		at--
	}
	n.Lanes = append(n.Lanes[:at], append([]*Lane{l}, n.Lanes[at:]...)...)
	dedupeNames(n.Lanes)
}

// addMissingElse gives a condition that has no else, in `conditions` or by
// parentId, an empty else lane marked Missing: the lead still goes
// somewhere, lemlist's answer just does not say where.
func addMissingElse(n *Node, level int) {
	if n.Step.Type != Conditional {
		return
	}
	for _, l := range n.Lanes {
		if l.Else {
			return
		}
	}
	n.Lanes = append(n.Lanes, &Lane{Level: level, Name: elseName(n.Step), Else: true, Missing: true,
		StartDay: n.Day + WaitingWindow(n.Step)})
	dedupeNames(n.Lanes)
}

// laneNames names each entry of st's conditions: Yes/No for one branch, the
// branch labels and Else for several; no two alike.
func laneNames(st Step) []string {
	branches := len(st.BranchConditions())
	names := make([]string, len(st.Conditions))
	n := 0
	for i, c := range st.Conditions {
		switch {
		case c.Fallback:
			names[i] = elseName(st)
		case branches == 1:
			names[i] = "Yes"
		default:
			n++
			names[i] = BranchName(c, n)
		}
	}
	return uniqueNames(names)
}

func elseName(st Step) string {
	if len(st.BranchConditions()) > 1 {
		return "Else"
	}
	return "No"
}

// BranchName is what branch number n (from 1) of a condition is called: its
// label, else its name, else "Branch n".
func BranchName(c Condition, n int) string {
	switch {
	case c.Label != "":
		return oneLine(c.Label)
	case c.Name != "":
		return oneLine(c.Name)
	}
	return "Branch " + strconv.Itoa(n)
}

func uniqueNames(names []string) []string {
	used := map[string]int{}
	for i, name := range names {
		used[name]++
		if k := used[name]; k > 1 {
			names[i] = fmt.Sprintf("%s (%d)", name, k)
		}
	}
	return names
}

func dedupeNames(lanes []*Lane) {
	names := make([]string, len(lanes))
	for i, l := range lanes {
		names[i] = l.Name
	}
	for i, name := range uniqueNames(names) {
		lanes[i].Name = name
	}
}

// Walk calls fn for every node of the tree, depth first in reading order: a
// conditional step, then each of its lanes; the unplaced lanes last. depth
// is 0 in the main sequence and in an unplaced lane's own steps.
func (t Tree) Walk(fn func(n Node, depth int)) {
	walkLane(t.Main, 0, fn)
	for _, l := range t.Unplaced {
		walkLane(*l, 0, fn)
	}
}

func walkLane(l Lane, depth int, fn func(Node, int)) {
	for _, n := range l.Nodes {
		fn(n, depth)
		for _, sub := range n.Lanes {
			walkLane(*sub, depth+1, fn)
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
		if st.ID == stepID && stepID != "" {
			if st.SequenceID == "" {
				st.SequenceID = sequenceID
			}
			return st, true
		}
	}
	return Step{}, false
}

// numberPaths names every step by its path: its position in the main
// sequence ("4"), or its lane and position there ("Yes · 2", "Hot · 1").
// Where two lanes share a name (two conditions each with a Yes lane), the
// path is spelled from the condition down: "3 / Yes · 2".
func (t *Tree) numberPaths() {
	count := map[string]int{}
	t.eachLane(func(l *Lane, _ string) {
		for i := range l.Nodes {
			count[shortPath(l, i)]++
		}
	})
	t.eachLane(func(l *Lane, parent string) {
		for i := range l.Nodes {
			p := shortPath(l, i)
			if count[p] > 1 && parent != "" {
				p = parent + " / " + p
			}
			l.Nodes[i].Path = p
		}
	})
}

func shortPath(l *Lane, i int) string {
	if l.Name == "" {
		return strconv.Itoa(i + 1)
	}
	return l.Name + " · " + strconv.Itoa(i+1)
}

// eachLane calls fn on every lane, a lane before the lanes of its
// conditions, with the path of the condition it hangs from ("" for the main
// sequence and unplaced lanes). Paths are set by then for the parents.
func (t *Tree) eachLane(fn func(l *Lane, parent string)) {
	var visit func(l *Lane, parent string)
	visit = func(l *Lane, parent string) {
		fn(l, parent)
		for i := range l.Nodes {
			for _, sub := range l.Nodes[i].Lanes {
				visit(sub, l.Nodes[i].Path)
			}
		}
	}
	visit(&t.Main, "")
	for _, l := range t.Unplaced {
		visit(l, "")
	}
}
