package cli

import (
	"fmt"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// allowControlFlag is the flag that lets control characters through to
// lemlist, for the rare text that needs them.
const allowControlFlag = "allow-control"

const allowControlUsage = "send control characters (ESC, NUL, C1…) in text fields as they are; refused otherwise"

// controlViolations lists every text field of u (list items included) that
// holds a control character other than tab, newline and carriage return,
// or a byte that is not UTF-8, with where it is. lemlist would store such a
// character and every screen that shows the step, lemstep's included, would
// meet it; it is almost always a paste or a file gone wrong.
func controlViolations(u api.StepUpdate) api.Violations {
	var vs api.Violations
	for _, f := range u.Fields() {
		v, _ := u.UpdateValue(f)
		switch val := v.(type) {
		case string:
			if c, ok := safetext.FindControl(val); ok {
				vs = append(vs, controlViolation(f, "", c, val))
			}
		case []string:
			for i, item := range val {
				if c, ok := safetext.FindControl(item); ok {
					vs = append(vs, controlViolation(f, fmt.Sprintf("item %d, ", i+1), c, item))
				}
			}
		}
	}
	return vs
}

func controlViolation(f api.Field, item string, c safetext.Control, text string) api.Violation {
	return api.Violation{Field: f, Message: fmt.Sprintf("%s%s is %s, a control character a terminal acts on; "+
		"remove it, or give --%s to send it as it is.", item, c.Position(text), c.Name(), allowControlFlag)}
}

// markControls adds to each well-formed entry of an apply file the control
// characters its fields hold, as problems that stop the file.
func markControls(entries []applyEntry) {
	for i := range entries {
		e := &entries[i]
		if len(e.problems) == 0 {
			e.problems = violationLines(e.label(), controlViolations(e.update))
		}
	}
}
