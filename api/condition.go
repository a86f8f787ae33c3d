package api

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// The sentences below carry labels and values from lemlist's answer: callers
// clean them (internal/safetext) before drawing them.

// ConditionSentence says what a conditional step checks, as a sentence: for
// one branch "If the lead opened an email within 3 days"; for several,
// what they check and how many there are: "Checks the lead's score: 3
// branches and an else".
func ConditionSentence(s Step) string {
	branches := s.BranchConditions()
	if len(branches) > 1 {
		return fmt.Sprintf("Checks %s: %s and an else", checkedThing(branches[0].Key), Plural(len(branches), "branch", "branches"))
	}
	if len(branches) == 0 || branches[0].Key == "" {
		return "If the condition is met"
	}
	return BranchSentence(branches[0], "")
}

// BranchSentence says when a lead takes a branch of a condition, naming the
// branch when name is not "": "If the lead's score is ≥ 80 (Hot) within 2
// days", "If the lead's custom field industry is one of SaaS, Fintech". A
// window of 0 days is not said: the check is immediate.
func BranchSentence(c Condition, name string) string {
	var b strings.Builder
	b.WriteString("If the lead")
	b.WriteString(branchTest(c))
	if name != "" {
		fmt.Fprintf(&b, " (%s)", oneLine(name))
	}
	if c.Delay != nil && *c.Delay != 0 {
		days := *c.Delay
		switch c.DelayType {
		case "waitUntil":
			fmt.Fprintf(&b, " (waiting up to %s)", Plural(days, "day", "days"))
		default:
			fmt.Fprintf(&b, " within %s", Plural(days, "day", "days"))
		}
	}
	return b.String()
}

// branchTest is the end of "If the lead…" for one branch.
func branchTest(c Condition) string {
	switch c.Key {
	case "hasScore":
		if c.ScoreThreshold != nil {
			return fmt.Sprintf("'s score is %s %s", comparator(c.ScoreComparator), strconv.FormatFloat(*c.ScoreThreshold, 'f', -1, 64))
		}
	case "customLeadInfo":
		if c.CustomField != "" {
			return fmt.Sprintf("'s custom field %s %s", oneLine(c.CustomField), customTest(c))
		}
	case "hasEmailAddress", "aircallDone":
		filter := "emailStatusFilter"
		if c.Key == "aircallDone" {
			filter = "callStatusFilter"
		}
		if f := paramText(c.Extra[filter]); f != "" {
			return " " + lowerFirst(ChoiceLabel(ConditionKeys, c.Key)) + " (" + f + ")"
		}
	case "":
		return " meets the condition"
	}
	if IsChoice(ConditionKeys, c.Key) {
		return " " + lowerFirst(ChoiceLabel(ConditionKeys, c.Key))
	}
	return " meets " + oneLine(c.Key)
}

// checkedThing is what a multi-branch condition looks at.
func checkedThing(key string) string {
	switch key {
	case "hasScore":
		return "the lead's score"
	case "customLeadInfo":
		return "a custom field of the lead"
	case "hasEmailAddress":
		return "the lead's email address"
	case "aircallDone":
		return "the lead's Aircall calls"
	case "":
		return "the lead"
	}
	return oneLine(key)
}

func comparator(op string) string {
	switch op {
	case "gte":
		return "≥"
	case "gt":
		return ">"
	case "lte":
		return "≤"
	case "lt":
		return "<"
	case "eq", "":
		return "="
	case "ne", "neq":
		return "≠"
	}
	return oneLine(op)
}

func customTest(c Condition) string {
	values := strings.Join(c.CustomValues, ", ")
	switch c.CustomOperator {
	case "in", "":
		if len(c.CustomValues) == 1 {
			return "is " + values
		}
		return "is one of " + values
	case "notIn", "nin":
		return "is none of " + values
	case "eq", "equals", "is":
		return "is " + values
	case "ne", "neq", "isNot":
		return "is not " + values
	case "contains":
		return "contains " + values
	case "exists", "isNotEmpty":
		return "is filled in"
	case "notExists", "isEmpty":
		return "is empty"
	}
	return oneLine(c.CustomOperator) + " " + values
}

// paramText is a condition parameter of unpublished shape in words: a
// string as is, a list of strings joined; anything else "".
func paramText(raw json.RawMessage) string {
	if raw == nil {
		return ""
	}
	var l []string
	r := &objectReader{fields: map[string]json.RawMessage{"v": raw}}
	r.texts("v", &l)
	return oneLine(strings.Join(l, ", "))
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Plural writes n with the singular or plural word: "1 day", "3 days".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
