package cli

import (
	"fmt"
	"io"

	"lemstep/internal/findreplace"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
	"lemstep/ui/changeview"
)

// writeReplaceReview shows the plan: each change as the editor's review
// shows it, then the matches left as they are and the steps left out.
func (a *app) writeReplaceReview(w io.Writer, p replacePlan, found []findreplace.Found, searched int) {
	fmt.Fprintln(w, searchSummary(found, searched))
	if len(p.send) > 0 {
		fmt.Fprintf(w, "The plan: %s. From what lemlist has now, [-taken away-] {+brought in+}:\n", planSize(p.send))
	}
	o := a.changeOptions(w, nil)
	for _, ch := range p.send {
		fmt.Fprintf(w, "\n%s (%s)\n", changeLabel(ch), steptext.Count(ch.Replaced(), "match", "matches"))
		fmt.Fprintln(w, changeview.Render(changeEntries(ch), o))
	}
	writeUnreplaced(w, p, found)
	if len(p.leftOut) > 0 {
		fmt.Fprintf(w, "\nLeft out (%s; nothing is sent to them):\n", steptext.Count(len(p.leftOut), "step", "steps"))
		for _, l := range p.leftOut {
			for _, problem := range l.problems {
				fmt.Fprintf(w, "  %s\n", safetext.Line(problem))
			}
		}
	}
	fmt.Fprintln(w)
}

// changeEntries is the change view of a change: the step's fields, or
// variant B's.
func changeEntries(ch findreplace.Change) []changeview.Entry {
	if ch.B != nil {
		return changeview.VariantChanges(*ch.B, ch.VariantUpdate)
	}
	return changeview.Changes(ch.Step, ch.Update)
}

// writeUnreplaced lists the matches the replacement is not written into,
// and why.
func writeUnreplaced(w io.Writer, p replacePlan, found []findreplace.Found) {
	var lines []string
	for _, ch := range planned(p) {
		for _, mt := range ch.Matches {
			if mt.Skip != "" {
				lines = append(lines, fmt.Sprintf("  %s, %s: %s", changeLabel(ch), matchPlace(ch.Target, mt), mt.Skip))
			}
		}
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "\nLeft as they are (%s):\n", steptext.Count(len(lines), "match", "matches"))
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// planned is every change of the plan, sent or left out.
func planned(p replacePlan) []findreplace.Change {
	out := append(append([]findreplace.Change(nil), p.send...), p.unchanged...)
	for _, l := range p.leftOut {
		out = append(out, l.change)
	}
	return out
}
