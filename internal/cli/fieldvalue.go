package cli

import (
	"fmt"
	"strings"

	"lemstep/api"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
)

// shownValue is a field's value sorted by how the command line shows it,
// its text cleaned for the terminal. Each view words an absent or empty
// value its own way.
type shownValue struct {
	absent bool     // no value at all
	empty  bool     // an empty text, or a list of no items
	list   bool     // a list, held in items
	items  []string // a list's items, each on one line
	text   string   // anything else, numbers and switches written out; line breaks kept
}

func showValue(v any) shownValue {
	switch val := v.(type) {
	case nil:
		return shownValue{absent: true}
	case []string:
		items := make([]string, len(val))
		for i, item := range val {
			items[i] = safetext.Line(item)
		}
		return shownValue{list: true, empty: len(val) == 0, items: items}
	case string:
		return shownValue{empty: val == "", text: safetext.Visible(val)}
	}
	return shownValue{text: safetext.Visible(fmt.Sprint(v))}
}

// fieldLines renders one field: "  name: value", a list or a multi-line
// text below its name, indented; a delay in days.
func fieldLines(f api.Field, v any) []string {
	if days, ok := v.(int); ok && f == api.FieldDelay {
		return []string{fmt.Sprintf("  %s: %s", f, steptext.Count(days, "day", "days"))}
	}
	sv := showValue(v)
	if sv.list && sv.empty {
		return []string{fmt.Sprintf("  %s: none", f)}
	}
	text := strings.TrimRight(sv.text, "\n")
	if !sv.list && !strings.Contains(text, "\n") {
		return []string{fmt.Sprintf("  %s: %s", f, text)}
	}
	out := []string{fmt.Sprintf("  %s:", f)}
	if sv.list {
		for _, item := range sv.items {
			out = append(out, "    "+item)
		}
		return out
	}
	for _, l := range strings.Split(text, "\n") {
		out = append(out, strings.TrimRight("    "+l, " "))
	}
	return out
}
