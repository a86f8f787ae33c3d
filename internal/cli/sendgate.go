package cli

import (
	"fmt"
	"io"

	"lemstep/api"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
	"lemstep/ui/preview"
)

// allowBlockingUsage documents --allow-blocking, the same on update and apply.
const allowBlockingUsage = "send even when the lint finds a blocking problem (Liquid that cannot render, an empty message, a subject or title over 400 characters)"

// typeProblem says why an update cannot go to a step read as loaded when
// their types differ: lemlist cannot change a step's type, and the update's
// type must be the step's own. It is "" when they agree.
func typeProblem(loaded api.Step, u api.StepUpdate) string {
	if loaded.Type == u.Type {
		return ""
	}
	return fmt.Sprintf("step %s is %s, not %s: a step's type cannot change, so the update must give type %s",
		safetext.Clean(loaded.ID), safetext.Clean(loaded.Type.Noun()), u.Type.Noun(), safetext.Clean(string(loaded.Type)))
}

// lintGate runs the editor's lint on the texts u sends. Warnings are
// written to w, each line starting with where; the blocking findings come
// back as lines for the error, unless allowBlocking: then they are written
// to w too, saying they are sent anyway.
func lintGate(w io.Writer, where string, u api.StepUpdate, allowBlocking bool) (blocking []string) {
	for _, f := range preview.Lint(u) {
		line := safetext.Clean(f.Where() + ": " + f.Message)
		switch {
		case f.Severity != preview.Blocking:
			fmt.Fprintf(w, "warning: %s%s\n", where, line)
		case allowBlocking:
			fmt.Fprintf(w, "blocking, sent anyway (--allow-blocking): %s%s\n", where, line)
		default:
			blocking = append(blocking, where+line)
		}
	}
	return blocking
}

// blockingHeading introduces the blocking findings that stopped a send.
func blockingHeading(n int) string {
	return fmt.Sprintf("nothing was sent: the lint found %s (--allow-blocking sends anyway)",
		steptext.Count(n, "blocking problem", "blocking problems"))
}
