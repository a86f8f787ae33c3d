// Package changeview draws a change to a step's fields the one way lemstep
// shows every change: on the review, the draft offer and the conflict view,
// and in the commands that print one (update --dry-run, undo). Each field is
// named in the form's words and each version of its value is shown whole,
// wrapped to the width and never cut. Within a value, the words the other
// version does not have are painted and also bracketed, [-gone-] and
// {+new+}, so the change reads without colour (NO_COLOR, a pipe). Choices,
// yes/no and campaigns are shown by their labels and names; a list shows one
// item per line, each added or removed item bracketed.
package changeview

import (
	"fmt"
	"slices"
	"strings"

	"lemstep/api"
	"lemstep/forms"
	"lemstep/internal/safetext"
	"lemstep/theme"
)

// Mark says which words of a version are bracketed, compared with its
// Against.
type Mark int

const (
	// Plain marks nothing.
	Plain Mark = iota
	// Removed shows the old value (Value), what the change takes away
	// bracketed: [-old words-].
	Removed
	// Added shows the new value (Value), what the change brings
	// bracketed: {+new words+}.
	Added
	// Both shows old (Against) and new (Value) merged into one text: the
	// words only the old has as [-old words-], the new ones as
	// {+new words+}. Read without the first, it is the new value whole;
	// without the second, the old one.
	Both
)

// The brackets of each op: what NO_COLOR leaves of a highlight.
var brackets = [...][2]string{opSame: {"", ""}, opGone: {"[-", "-]"}, opNew: {"{+", "+}"}}

// Version is one value of a field, labelled ("on lemlist now") or not.
type Version struct {
	Label   string
	Value   any // string, int, bool or []string as api carries them; nil when absent
	Against any // the value the marks compare with
	Mark    Mark
}

// Entry is one changed field and the versions to show of it, in order.
type Entry struct {
	Field    api.Field
	Versions []Version
}

// Options say how to draw.
type Options struct {
	Width     int          // columns to wrap to; 0 does not wrap
	Theme     *theme.Theme // nil draws no styles (the brackets remain)
	Campaigns []api.Campaign
}

// Change is field f changed from old to nu, shown as one merged text
// (Both): every change of every field has the same form, and a long text
// takes the room of one version, not two.
func Change(f api.Field, old, nu any) Entry {
	return Entry{Field: f, Versions: []Version{{Value: nu, Against: old, Mark: Both}}}
}

// Changes is every field u changes on step before.
func Changes(before api.Step, u api.StepUpdate) []Entry {
	var out []Entry
	for _, f := range formOrder(before.Type, u.Fields()) {
		old, _ := api.StepValue(before, f)
		nu, _ := u.UpdateValue(f)
		out = append(out, Change(f, old, nu))
	}
	return out
}

// VariantChanges is every field u changes on variant B, before.
func VariantChanges(before api.ABVariant, u api.VariantUpdate) []Entry {
	var out []Entry
	for _, f := range u.Fields() {
		old, _ := api.VariantValue(before, f)
		nu, _ := u.Value(f)
		out = append(out, Change(f, old, nu))
	}
	return out
}

// formOrder sorts fields as the form of a t step shows them.
func formOrder(t api.StepType, fields []api.Field) []api.Field {
	var out []api.Field
	for _, f := range api.EditableFields(t) {
		if slices.Contains(fields, f) {
			out = append(out, f)
		}
	}
	for _, f := range fields {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// ConflictLabels name the three versions of a field both sides changed.
type ConflictLabels struct{ Loaded, Current, Yours string }

// Conflicts shows each conflict's three versions: where the edit began, and
// lemlist's and the user's, each merged with it to show what it changed.
func Conflicts(cs []api.Conflict, l ConflictLabels) []Entry {
	out := make([]Entry, 0, len(cs))
	for _, c := range cs {
		out = append(out, Entry{Field: c.Field, Versions: []Version{
			{Label: l.Loaded, Value: c.Loaded},
			{Label: l.Current, Value: c.Current, Against: c.Loaded, Mark: Both},
			{Label: l.Yours, Value: c.Yours, Against: c.Loaded, Mark: Both},
		}})
	}
	return out
}

// Render draws the entries, a blank line between fields.
func Render(entries []Entry, o Options) string {
	d := newDrawer(o)
	blocks := make([]string, 0, len(entries))
	for _, e := range entries {
		blocks = append(blocks, d.entry(e))
	}
	return strings.Join(blocks, "\n\n")
}

// shown is a value as the view compares and draws it: the tokens of a text,
// or the items of a list; placeholder when there is nothing to show.
type shown struct {
	tokens      []string
	whole       bool // a choice, a switch, a number or a campaign: it changes whole
	placeholder string
}

func show(f api.Field, v any, campaigns []api.Campaign) shown {
	if items, ok := v.([]string); ok {
		if len(items) == 0 {
			return shown{placeholder: "(none)"}
		}
		clean := make([]string, len(items))
		for i, item := range items {
			// An item is a line of its own: the break is part of the
			// token, so the word diff compares whole items.
			clean[i] = safetext.Line(item) + "\n"
		}
		return shown{tokens: clean}
	}
	text := ""
	switch val := v.(type) {
	case nil:
		return shown{placeholder: "(not set)"}
	case string:
		text = safetext.Visible(val)
	default:
		text = safetext.Visible(fmt.Sprint(val))
	}
	if words, ok := forms.Words(f, v, campaigns); ok {
		if words == "" {
			return shown{placeholder: "(not set)"}
		}
		// A choice, a switch, a number or a campaign changes whole:
		// on a line of its own, so old and new stand one above the
		// other.
		return shown{tokens: []string{words + "\n"}, whole: true}
	}
	if text == "" {
		return shown{placeholder: "(empty)"}
	}
	return shown{tokens: tokenize(text)}
}
