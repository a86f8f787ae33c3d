package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"charm.land/bubbles/v2/progress"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"lemstep/api"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
)

// applyReporter tells the user how an apply run goes: one line per update
// as it completes, and on a terminal a progress bar redrawn below them.
type applyReporter struct {
	w     io.Writer
	total int
	bar   *progress.Model // nil when stdout is not a terminal
	width int             // the terminal's width, so the bar line never wraps
	drawn bool
}

const progressWidth = 30

func (a *app) newApplyReporter(total int) *applyReporter {
	r := &applyReporter{w: a.io.Out, total: total}
	r.bar, r.width = a.progressBar(a.io.Out)
	return r
}

// progressBar is the bar a run that sends many updates draws on w, and
// w's width; nil when w is not a terminal. It is in colour only when
// stdout may be.
func (a *app) progressBar(w io.Writer) (*progress.Model, int) {
	if !a.io.IsTerminal(w) {
		return nil, 0
	}
	opts := []progress.Option{progress.WithWidth(progressWidth), progress.WithoutPercentage()}
	if a.colour() {
		opts = append(opts, progress.WithDefaultBlend())
	} else {
		opts = append(opts, progress.WithFillCharacters('#', '.'), progress.WithColors(lipgloss.NoColor{}))
	}
	bar := progress.New(opts...)
	if !a.colour() {
		bar.EmptyColor = lipgloss.NoColor{}
	}
	return &bar, a.io.Width(w)
}

// sending shows which update is on its way.
func (r *applyReporter) sending(i int, e applyEntry) {
	if r.bar == nil {
		return
	}
	r.clear()
	line := fmt.Sprintf("%s %d/%d sending %s", r.bar.ViewAs(float64(i)/float64(r.total)), i+1, r.total, e.label())
	if r.width > 1 {
		line = ansi.Truncate(line, r.width-1, "…")
	}
	fmt.Fprint(r.w, line)
	r.drawn = true
}

// done prints the line of a finished update.
func (r *applyReporter) done(i int, res applyResult) {
	r.clear()
	fmt.Fprintf(r.w, "[%d/%d] %s\n", i+1, r.total, resultLine(res))
	var ce *api.ConflictError
	if errors.As(res.err, &ce) {
		for _, l := range strings.Split(conflictText(ce.Conflicts, sentLabels), "\n") {
			fmt.Fprintln(r.w, strings.TrimRight("    "+l, " "))
		}
	}
}

// finish removes the bar, leaving only the lines.
func (r *applyReporter) finish() { r.clear() }

func (r *applyReporter) clear() {
	if r.drawn {
		// Carriage return, then erase the line: the bar is redrawn in place.
		fmt.Fprint(r.w, "\r\x1b[K")
		r.drawn = false
	}
}

// resultLine says what happened to one update.
func resultLine(res applyResult) string {
	switch {
	case len(res.refused) > 0:
		return "refused: " + resultDetail(res)
	case !res.sent:
		return "not sent: " + resultDetail(res)
	case res.err != nil:
		return "failed: " + resultDetail(res)
	}
	return "updated: " + resultDetail(res)
}

// resultDetail names the entry and says what it changed or why it failed.
func resultDetail(res applyResult) string {
	e := res.entry
	where := fmt.Sprintf("%s in sequence %s", e.label(), safetext.Line(e.sequenceID))
	switch {
	case len(res.refused) > 0:
		return where + ": " + refusedReasons(res)
	case !res.sent:
		return where
	case res.err != nil:
		return where + ": " + safetext.Line(res.err.Error())
	}
	if e.variant.on {
		return variantResultLine(where, e)
	}
	return fmt.Sprintf("%s (%s)", where, changedFields(e.update))
}

// refusedReasons are the check's problems with an entry, each without the
// entry's label the line already starts with.
func refusedReasons(res applyResult) string {
	reasons := make([]string, len(res.refused))
	for i, p := range res.refused {
		reasons[i] = safetext.Line(strings.TrimPrefix(p, res.entry.label()+": "))
	}
	return strings.Join(reasons, "; ")
}

// changedFields is the type of step an update is for and the fields it
// changes: "email step: subject, delay".
func changedFields(u api.StepUpdate) string {
	return string(u.Type) + " step: " + fieldList(u)
}

// writeApplySummary counts what changed, what failed and what was not sent,
// listing the failures and the entries not sent so they can be retried.
func writeApplySummary(w io.Writer, results []applyResult) {
	var updated, failed, refused, skipped []applyResult
	for _, res := range results {
		switch {
		case len(res.refused) > 0:
			refused = append(refused, res)
		case !res.sent:
			skipped = append(skipped, res)
		case res.err != nil:
			failed = append(failed, res)
		default:
			updated = append(updated, res)
		}
	}
	fmt.Fprintf(w, "\nUpdated %d of %s.", len(updated), steptext.Count(len(results), "step", "steps"))
	if len(failed) > 0 {
		fmt.Fprintf(w, " %d failed.", len(failed))
	}
	if len(refused) > 0 {
		fmt.Fprintf(w, " %d refused.", len(refused))
	}
	if len(skipped) > 0 {
		fmt.Fprintf(w, " %d not sent.", len(skipped))
	}
	fmt.Fprintln(w)
	for _, group := range []struct {
		title string
		list  []applyResult
	}{{"Failed:", failed}, {"Refused by the check:", refused}, {"Not sent:", skipped}} {
		if len(group.list) == 0 {
			continue
		}
		fmt.Fprintln(w, group.title)
		for _, res := range group.list {
			fmt.Fprintf(w, "  %s\n", resultDetail(res))
		}
	}
}
