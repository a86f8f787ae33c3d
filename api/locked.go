package api

import (
	"fmt"
	"slices"
	"sort"
)

// LockedFields returns the fields of the step's type that lemstep must not
// send for this step, each with the reason in a sentence: a field lemlist
// sent in a shape lemstep cannot read (an edit could not round-trip it), and
// on a condition a key the update endpoint cannot send (customLeadInfo) or
// the key of a condition with several branches (the endpoint edits only the
// first). The forms show these read-only; UpdateStepFrom refuses them.
func LockedFields(s Step) map[Field]string {
	locked := map[Field]string{}
	for _, f := range EditableFields(s.Type) {
		if _, odd := s.Unreadable[string(f)]; odd {
			locked[f] = unreadableReason(string(f), true)
		}
	}
	if s.Type == Conditional {
		lockCondition(s, locked)
	}
	return locked
}

// EditableFieldsOf is EditableFields for this step: its type's fields less
// the ones LockedFields names, in the seed table's order.
func EditableFieldsOf(s Step) []Field {
	locked := LockedFields(s)
	return slices.DeleteFunc(EditableFields(s.Type), func(f Field) bool {
		_, ok := locked[f]
		return ok
	})
}

func lockCondition(s Step, locked map[Field]string) {
	if _, odd := s.Unreadable["conditions"]; odd {
		for _, f := range []Field{FieldConditionKey, FieldDelayType, FieldDelay} {
			locked[f] = unreadableReason("conditions", true)
		}
		return
	}
	first, _ := s.Branches()
	if first == nil {
		return
	}
	for name, f := range map[string]Field{"key": FieldConditionKey, "delayType": FieldDelayType, "delay": FieldDelay} {
		if _, odd := first.Unreadable[name]; odd {
			locked[f] = unreadableReason("the first branch's "+name, true)
		}
	}
	switch n := len(s.BranchConditions()); {
	case first.Key != "" && !IsChoice(ConditionKeys, first.Key):
		locked[FieldConditionKey] = fmt.Sprintf(
			"The update endpoint cannot send the condition %q; change what this condition checks in lemlist.", first.Key)
	case n > 1:
		locked[FieldConditionKey] = fmt.Sprintf(
			"This condition has %d branches; the update endpoint changes only the first, so what it checks is read-only.", n)
	}
}

func unreadableReason(name string, readOnly bool) string {
	if readOnly {
		return fmt.Sprintf("%s arrived in a form lemstep does not know; this field is read-only.", name)
	}
	return fmt.Sprintf("%s arrived in a form lemstep does not know; it is kept as lemlist sent it.", name)
}

// UnreadableNotices are sentences naming each field of s that lemlist sent
// in a shape lemstep cannot read, in name order.
func UnreadableNotices(s Step) []string {
	if _, whole := s.Unreadable[wholeValue]; whole {
		return []string{"This step arrived in a form lemstep does not know; it is shown as lemlist sent it and cannot be edited."}
	}
	locked := LockedFields(s)
	var ns []string
	for _, name := range sortedKeys(s.Unreadable) {
		_, isLocked := locked[Field(name)]
		ns = append(ns, unreadableReason(name, isLocked || name == "conditions"))
	}
	for i, c := range s.Conditions {
		for _, name := range sortedKeys(c.Unreadable) {
			what := fmt.Sprintf("Branch %d's %s", i+1, name)
			if c.Fallback {
				what = "The else branch's " + name
			}
			if _, whole := c.Unreadable[wholeValue]; whole {
				what = fmt.Sprintf("Branch %d", i+1)
			}
			ns = append(ns, unreadableReason(what, i == firstBranchIndex(s) && name != wholeValue && isConditionField(name)))
		}
	}
	return ns
}

func firstBranchIndex(s Step) int {
	for i, c := range s.Conditions {
		if !c.Fallback {
			return i
		}
	}
	return -1
}

func isConditionField(name string) bool {
	return name == "key" || name == "delay" || name == "delayType"
}

// HasUnreadable reports whether any field of s, or of its conditions, could
// not be read.
func (s Step) HasUnreadable() bool {
	if len(s.Unreadable) > 0 {
		return true
	}
	for _, c := range s.Conditions {
		if len(c.Unreadable) > 0 {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
